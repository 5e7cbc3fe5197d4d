//! Who is acting, and may they? Every use case that changes something asks [`App::authorize`].
//!
//! A database without accounts is in single-user mode: the local user acts as supervisor
//! (the workflow and finalization still apply). Once an account exists, every change needs
//! a signed-in user, and the policy of swanilai-core decides.

use swanilai_core::workflow::{self, Action, Attempt, Denied, Role, Status};
use swanilai_store::accounts::{self, AccountRow};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::{answers, audit};

use crate::{App, AppError, AppResult, ErrorCode};

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
                let role = accounts::role(self.store.conn(), a.id, actor.account.id)?
                    .and_then(|r| Role::parse(&r));
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
                    .and_then(|r| Status::parse(&r.status))
                    .unwrap_or(Status::Draft);
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
            finalized: a.status == "finalized",
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

    /// Append an audit entry inside the caller's transaction.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn audit(
        tx: &swanilai_store::Transaction<'_>,
        now: &str,
        actor: &str,
        action: &str,
        year: Option<i32>,
        indicator: Option<u32>,
        entity: &str,
        before: String,
        after: String,
    ) -> AppResult<()> {
        audit::append(
            tx,
            &audit::NewEntry {
                at: now,
                actor,
                action,
                year,
                indicator,
                entity,
                before,
                after,
            },
        )?;
        Ok(())
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
        Denied::SupervisorOnly(_) => ErrorCode::SupervisorOnly,
        Denied::NotAssigned => ErrorCode::NotAssigned,
        Denied::WrongStatus(..) | Denied::NotFinalized => ErrorCode::InvalidTransition,
    };
    let what = match indicator {
        Some(n) => format!("indicator {n} of the {year} assessment"),
        None => format!("the {year} assessment"),
    };
    AppError::new(code, format!("{what}: {d}"))
}

impl App {
    /// A database from before the audit log (schema 1) gets one baseline entry per answer,
    /// so that later checks compare against a recorded state.
    pub(crate) fn ensure_audit_baseline(&mut self) -> AppResult<()> {
        if audit::count(self.store.conn())? > 0 {
            return Ok(());
        }
        let list = swanilai_store::assessments::list(self.store.conn())?;
        let mut rows = Vec::new();
        for a in &list {
            for r in answers::list(self.store.conn(), a.id)? {
                rows.push((a.year, r));
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            for (year, r) in &rows {
                App::audit(
                    tx,
                    &now,
                    LOCAL_ACTOR,
                    "baseline",
                    Some(*year),
                    Some(r.indicator),
                    "answer",
                    "null".into(),
                    crate::review::answer_state(r),
                )?;
            }
            Ok(())
        })
    }
}
