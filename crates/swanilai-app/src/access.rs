//! Who is acting, and may they? Every use case that changes something asks [`App::authorize`].
//!
//! A database without accounts is in single-user mode: the local user acts as supervisor
//! (the workflow and finalization still apply). Once an account exists, every change needs
//! a signed-in user, and the policy of swanilai-core decides.

use std::collections::HashSet;

use swanilai_core::workflow::{self, Action, AssessmentStatus, Attempt, Denied, Role, Status};
use swanilai_store::accounts::{self, AccountRow};
use swanilai_store::answers;
use swanilai_store::assessments::AssessmentRow;

use crate::{AnswerPermissions, App, AppError, AppResult, AssessmentPermissions, ErrorCode};

/// The name recorded for changes made in single-user mode.
pub const LOCAL_ACTOR: &str = "lokal";

#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub account: AccountRow,
}

impl App {
    pub(crate) fn has_accounts(&self) -> AppResult<bool> {
        Ok(accounts::count(self.store.conn())? > 0)
    }

    /// The acting user's name for the records, or SignInRequired.
    pub(crate) fn actor_name(&self) -> AppResult<String> {
        match &self.actor {
            Some(a) => Ok(a.account.name.clone()),
            None if self.has_accounts()? => Err(sign_in_required()),
            None => Ok(LOCAL_ACTOR.to_owned()),
        }
    }

    /// The acting user's role in an assessment (None: no role).
    pub(crate) fn role_in(&self, a: &AssessmentRow) -> AppResult<Option<Role>> {
        match &self.actor {
            None if self.has_accounts()? => Err(sign_in_required()),
            None => Ok(Some(Role::Supervisor)),
            Some(actor) => {
                let role = accounts::role(self.store.conn(), a.id, actor.account.id)?;
                Ok(role.or(actor.account.is_admin.then_some(Role::Supervisor)))
            }
        }
    }

    /// Check the policy for an action, on an indicator or on the whole assessment;
    /// returns the actor's name for the records.
    pub(crate) fn authorize(
        &self,
        a: &AssessmentRow,
        action: Action,
        indicator: Option<u32>,
    ) -> AppResult<String> {
        let name = self.actor_name()?;
        let role = self.role_in(a)?;
        let conn = self.store.conn();
        let (status, assigned) = match indicator {
            Some(n) => {
                let status = answers::get(conn, a.id, n)?
                    .map(|r| r.status)
                    .unwrap_or_default();
                let assigned = match &self.actor {
                    Some(actor) => accounts::is_assigned(conn, a.id, n, &actor.account)?,
                    None => true,
                };
                (status, assigned)
            }
            None => (Status::Draft, false),
        };
        workflow::check(Attempt {
            action,
            role,
            assigned,
            status,
            finalized: a.status == AssessmentStatus::Finalized,
        })
        .map_err(|d| denied(d, a.year, indicator))?;
        Ok(name)
    }

    /// Only the instansi's supervisor account manages accounts and assessments.
    pub(crate) fn require_admin(&self) -> AppResult<String> {
        match &self.actor {
            Some(a) if a.account.is_admin => Ok(a.account.name.clone()),
            Some(a) => Err(AppError::new(
                ErrorCode::SupervisorOnly,
                format!(
                    "{} may not do this: only the instansi's supervisor account (the first account) manages accounts and assessments",
                    a.account.name
                ),
            )),
            None if self.has_accounts()? => Err(sign_in_required()),
            None => Ok(LOCAL_ACTOR.to_owned()),
        }
    }
}

pub(crate) fn sign_in_required() -> AppError {
    AppError::new(
        ErrorCode::SignInRequired,
        "this database has accounts: sign in first (CLI: --user NAME, with the password in SWANILAI_PASSWORD or at the prompt)",
    )
}

fn denied(d: Denied, year: i32, indicator: Option<u32>) -> AppError {
    let code = match d {
        Denied::Finalized => ErrorCode::AssessmentFinalized,
        Denied::NoRole => ErrorCode::NotInTeam,
        Denied::Koordinator => ErrorCode::ReadOnlyRole,
        Denied::SupervisorOnly(_) | Denied::VerdictRecorder => ErrorCode::SupervisorOnly,
        Denied::NotAssigned => ErrorCode::NotAssigned,
        Denied::WrongStatus(..) | Denied::NotFinalized => ErrorCode::InvalidTransition,
    };
    let what = match indicator {
        Some(n) => format!("indicator {n} of the {year} assessment"),
        None => format!("the {year} assessment"),
    };
    AppError::new(code, format!("{what}: {d}"))
}

/// What the policy knows about the person looking at one assessment: their role, the
/// indicators assigned to them, whether it is finalized. Computed once per screen's data;
/// the flags it gives are [`workflow::check`]'s answers, so the window shows exactly what
/// the use cases would allow.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    role: Option<Role>,
    /// None: every indicator counts as theirs (single-user mode).
    assigned: Option<HashSet<u32>>,
    finalized: bool,
}

impl Viewer {
    /// Their role in the assessment.
    pub fn role(&self) -> Option<Role> {
        self.role
    }

    fn may(&self, action: Action, indicator: u32, status: Status) -> bool {
        let assigned = self
            .assigned
            .as_ref()
            .is_none_or(|set| set.contains(&indicator));
        workflow::check(Attempt {
            action,
            role: self.role,
            assigned,
            status,
            finalized: self.finalized,
        })
        .is_ok()
    }

    /// What they may do with one indicator's answer now, and why not edit if not.
    pub fn on_answer(&self, indicator: u32, status: Status) -> AnswerPermissions {
        let assigned = self
            .assigned
            .as_ref()
            .is_none_or(|set| set.contains(&indicator));
        AnswerPermissions {
            edit: self.may(Action::Edit, indicator, status),
            submit: self.may(Action::Submit, indicator, status),
            approve: self.may(Action::Approve, indicator, status),
            return_for_revision: self.may(Action::Return, indicator, status),
            comment: self.may(Action::Comment, indicator, status),
            lock: workflow::edit_lock(self.role, assigned, status, self.finalized),
        }
    }

    /// What they may do with the assessment as a whole.
    pub fn on_assessment(&self) -> AssessmentPermissions {
        let may = |action| self.may(action, 0, Status::Draft);
        AssessmentPermissions {
            finalize: may(Action::Finalize),
            reopen: may(Action::Reopen),
            manage_team: may(Action::ManageTeam),
            assign: may(Action::Assign),
            comment: may(Action::Comment),
            record_verification: may(Action::RecordVerification),
            plan: may(Action::Plan),
        }
    }
}

impl App {
    /// The signed-in person (or the local user) as the policy sees them in `a`. Not
    /// signed in where accounts exist: no role, so every flag is false.
    pub(crate) fn viewer(&self, a: &AssessmentRow) -> AppResult<Viewer> {
        let role = match self.role_in(a) {
            Ok(r) => r,
            Err(e) if e.code == ErrorCode::SignInRequired => None,
            Err(e) => return Err(e),
        };
        let assigned = match &self.actor {
            None => None,
            Some(actor) => Some(
                accounts::assignments(self.store.conn(), a.id)?
                    .into_iter()
                    .filter(|s| {
                        let by_name = s
                            .account
                            .as_deref()
                            .is_some_and(|n| n.eq_ignore_ascii_case(&actor.account.name));
                        // As the store's `is_assigned`: SQLite's NOCASE is ASCII-only.
                        let unit = &actor.account.unit;
                        let by_unit = !unit.is_empty()
                            && s.unit
                                .as_deref()
                                .is_some_and(|u| u.eq_ignore_ascii_case(unit));
                        by_name || by_unit
                    })
                    .map(|s| s.indicator)
                    .collect(),
            ),
        };
        Ok(Viewer {
            role,
            assigned,
            finalized: a.status == AssessmentStatus::Finalized,
        })
    }
}
