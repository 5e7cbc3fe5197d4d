//! The team of an assessment: roles per account and assignments of indicators to a
//! person or a whole unit kerja.

use serde_json::json;
use swanilai_core::workflow::{Action, Role};
use swanilai_store::accounts::{self, AccountRow};

use crate::{indicator_of, App, AppError, AppResult, ErrorCode, Year};
use crate::{Assignee, AssignmentDto, TeamMemberDto};

/// A role typed by a person ("anggota", "member", "penanggung-jawab", ...).
pub fn parse_role(text: &str) -> AppResult<Role> {
    Role::parse(text).ok_or_else(|| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("role '{text}' is not one of koordinator, supervisor, operator, member"),
        )
    })
}
impl App {
    /// Give an account a role in an assessment (replacing its previous role there).
    pub fn set_team_role(
        &mut self,
        year: impl Into<Year>,
        account: &str,
        role: Role,
    ) -> AppResult<TeamMemberDto> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::ManageTeam, None)?;
        let target = self.account_named(account)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let before = accounts::role(tx, a.id, target.id)?;
            accounts::set_role(tx, a.id, target.id, role)?;
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "team.set",
                    year: Some(a.year),
                    indicator: None,
                    entity: "team_member",
                    before: json!({"account": target.name, "role": before}).to_string(),
                    after: json!({"account": target.name, "role": role.as_str()}).to_string(),
                },
            )
        })?;
        Ok(member_dto(&target, role))
    }

    /// Take an account off an assessment's team.
    pub fn remove_team_member(&mut self, year: impl Into<Year>, account: &str) -> AppResult<()> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::ManageTeam, None)?;
        let target = self.account_named(account)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let before = accounts::role(tx, a.id, target.id)?;
            if accounts::remove_role(tx, a.id, target.id)? {
                crate::audit::record(
                    tx,
                    swanilai_store::audit::NewEntry {
                        at: &now,
                        actor: &actor,
                        action: "team.remove",
                        year: Some(a.year),
                        indicator: None,
                        entity: "team_member",
                        before: json!({"account": target.name, "role": before}).to_string(),
                        after: "null".into(),
                    },
                )?;
            }
            Ok(())
        })
    }

    /// The team of an assessment: every account with a role in it, oldest account first.
    pub fn team(&mut self, year: impl Into<Year>) -> AppResult<Vec<TeamMemberDto>> {
        let a = self.assessment(year)?;
        Ok(accounts::team(self.store.conn(), a.id)?
            .into_iter()
            .map(|(acc, role)| member_dto(&acc, role))
            .collect())
    }

    /// Assign an indicator to an account or a unit kerja (several contributors allowed).
    pub fn assign(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        to: Assignee,
    ) -> AppResult<AssignmentDto> {
        self.change_assignment(year, indicator, to, true)
    }

    /// Take an indicator's assignment off an account or a unit kerja (supervisor only); returns
    /// the assignment meant, whether or not it existed.
    pub fn unassign(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        from: Assignee,
    ) -> AppResult<AssignmentDto> {
        self.change_assignment(year, indicator, from, false)
    }

    fn change_assignment(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        who: Assignee,
        add: bool,
    ) -> AppResult<AssignmentDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, Action::Assign, None)?;
        let (account_id, unit) = match &who {
            Assignee::Account(name) => (Some(self.account_named(name)?.id), None),
            Assignee::Unit(u) if u.trim().is_empty() => {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "the unit kerja must not be empty",
                ))
            }
            Assignee::Unit(u) => (None, Some(u.trim().to_owned())),
        };
        let who = match who {
            Assignee::Account(_) => Assignee::Account(
                account_id
                    .and_then(|id| accounts::by_id(self.store.conn(), id).ok().flatten())
                    .map(|r| r.name)
                    .unwrap_or_default(),
            ),
            Assignee::Unit(_) => Assignee::Unit(unit.clone().unwrap_or_default()),
        };
        let now = self.clock.now();
        let label = serde_json::to_value(&who).unwrap_or_default();
        self.store.transaction(|tx, _| {
            let changed = if add {
                accounts::assign(tx, a.id, indicator, account_id, unit.as_deref())?
            } else {
                accounts::unassign(tx, a.id, indicator, account_id, unit.as_deref())?
            };
            if changed {
                let (before, after) = if add {
                    ("null".into(), label.to_string())
                } else {
                    (label.to_string(), "null".into())
                };
                crate::audit::record(
                    tx,
                    swanilai_store::audit::NewEntry {
                        at: &now,
                        actor: &actor,
                        action: if add {
                            "assignment.add"
                        } else {
                            "assignment.remove"
                        },
                        year: Some(a.year),
                        indicator: Some(indicator),
                        entity: "assignment",
                        before,
                        after,
                    },
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        Ok(AssignmentDto {
            indicator,
            assignee: who,
        })
    }

    /// Every assignment of an assessment, by indicator: which accounts and units kerja work on
    /// what.
    pub fn assignments(&mut self, year: impl Into<Year>) -> AppResult<Vec<AssignmentDto>> {
        let a = self.assessment(year)?;
        Ok(accounts::assignments(self.store.conn(), a.id)?
            .into_iter()
            .map(|r| AssignmentDto {
                indicator: r.indicator,
                assignee: match (r.account, r.unit) {
                    (Some(name), _) => Assignee::Account(name),
                    (None, unit) => Assignee::Unit(unit.unwrap_or_default()),
                },
            })
            .collect())
    }

    /// The indicators assigned to the signed-in user (directly or through their unit).
    pub fn my_indicators(&mut self, year: impl Into<Year>) -> AppResult<Vec<crate::AnswerDto>> {
        let a = self.assessment(year)?;
        let Some(actor) = self.actor.clone() else {
            return Err(crate::access::sign_in_required());
        };
        let all = self.answers(Some(a.year))?;
        let mut mine = Vec::new();
        for ans in all {
            if accounts::is_assigned(self.store.conn(), a.id, ans.indicator, &actor.account)? {
                mine.push(ans);
            }
        }
        Ok(mine)
    }
}

fn member_dto(r: &AccountRow, role: Role) -> TeamMemberDto {
    TeamMemberDto {
        name: r.name.clone(),
        nip: r.nip.clone(),
        unit: r.unit.clone(),
        role,
        role_title: role.title_id().to_owned(),
    }
}
