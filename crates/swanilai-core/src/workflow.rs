//! The review workflow of one indicator, the team roles, and who may do what.
//!
//! draft -> submitted (by its member or the operator) -> approved, or returned with a
//! comment (by the supervisor) -> draft again when edited. An assessment is finalized by
//! the supervisor once every indicator is approved; then it is read-only until the
//! supervisor reopens it with a written reason. The policy here is pure: the app layer
//! asks [`check`] before every use case and turns a [`Denied`] into an error.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A team member's role in one assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Koordinator SPBE: signs the results; otherwise read-only.
    Koordinator,
    /// Penanggung jawab: approves, returns, finalizes, manages the team.
    Supervisor,
    /// Pelaksana entri data: edits every answer and evidence, submits; cannot approve.
    Operator,
    /// Anggota: edits and submits the indicators assigned to them.
    Member,
}

impl Role {
    /// The stored and serialised name: "koordinator", "supervisor", "operator", "member".
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Koordinator => "koordinator",
            Role::Supervisor => "supervisor",
            Role::Operator => "operator",
            Role::Member => "member",
        }
    }
    /// A role from its English or Indonesian name in any case ("anggota", "Penanggung-Jawab",
    /// "coordinator"); None for anything else.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_lowercase().as_str() {
            "koordinator" | "coordinator" => Some(Role::Koordinator),
            "supervisor" | "penanggung_jawab" | "penanggung-jawab" => Some(Role::Supervisor),
            "operator" | "pelaksana" => Some(Role::Operator),
            "member" | "anggota" => Some(Role::Member),
            _ => None,
        }
    }
    /// The Indonesian title shown to people.
    pub fn title_id(self) -> &'static str {
        match self {
            Role::Koordinator => "Koordinator SPBE",
            Role::Supervisor => "Penanggung Jawab",
            Role::Operator => "Pelaksana Entri Data",
            Role::Member => "Anggota",
        }
    }
}

/// The review status of one indicator's answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Draf: being filled in, not yet sent for review; every untouched indicator is a draft.
    #[default]
    Draft,
    /// Diajukan: sent to the supervisor for review; not editable until approved or returned.
    Submitted,
    /// Disetujui: accepted by the supervisor; the assessment can be finalized once every
    /// indicator is.
    Approved,
    /// Dikembalikan: sent back by the supervisor with what to fix; editing it makes it a draft
    /// again.
    Returned,
}

impl Status {
    /// The stored and serialised name: "draft", "submitted", "approved", "returned".
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Approved => "approved",
            Status::Returned => "returned",
        }
    }
    /// The stored name back; None for anything else.
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "draft" => Some(Status::Draft),
            "submitted" => Some(Status::Submitted),
            "approved" => Some(Status::Approved),
            "returned" => Some(Status::Returned),
            _ => None,
        }
    }
    /// Indonesian label, as the board and the workbook show it.
    pub fn label_id(self) -> &'static str {
        match self {
            Status::Draft => "Draf",
            Status::Submitted => "Diajukan",
            Status::Approved => "Disetujui",
            Status::Returned => "Dikembalikan",
        }
    }
}

/// Whether an assessment can still be changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    /// Being filled in and reviewed.
    #[default]
    Open,
    /// Locked by the supervisor once every indicator is approved; read-only until reopened.
    Finalized,
}

impl AssessmentStatus {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentStatus::Open => "open",
            AssessmentStatus::Finalized => "finalized",
        }
    }
    /// The stored name back; None for anything else.
    pub fn parse(s: &str) -> Option<AssessmentStatus> {
        match s {
            "open" => Some(AssessmentStatus::Open),
            "finalized" => Some(AssessmentStatus::Finalized),
            _ => None,
        }
    }
}

/// What a comment in an indicator's thread records: a plain remark or the note given
/// with a review step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CommentKind {
    /// A remark.
    Comment,
    /// Said when submitting.
    Submit,
    /// Said when approving.
    Approve,
    /// The reason for returning (required).
    Return,
}

impl CommentKind {
    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            CommentKind::Comment => "comment",
            CommentKind::Submit => "submit",
            CommentKind::Approve => "approve",
            CommentKind::Return => "return",
        }
    }
    /// The stored name back; None for anything else.
    pub fn parse(s: &str) -> Option<CommentKind> {
        match s {
            "comment" => Some(CommentKind::Comment),
            "submit" => Some(CommentKind::Submit),
            "approve" => Some(CommentKind::Approve),
            "return" => Some(CommentKind::Return),
            _ => None,
        }
    }
}

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Change level, explanation, service name or evidence of an indicator.
    Edit,
    /// Send an indicator for review (draft or returned -> submitted).
    Submit,
    /// Accept a submitted indicator (supervisor only).
    Approve,
    /// Send a submitted or approved indicator back for revision (supervisor only).
    Return,
    /// Write in an indicator's comment thread (anyone with a role in the assessment).
    Comment,
    /// Assign an indicator to a person or a unit kerja (supervisor only).
    Assign,
    /// Give an account a role in the assessment or take it away (supervisor only).
    ManageTeam,
    /// Lock the assessment once every indicator is approved (supervisor only).
    Finalize,
    /// Unlock a finalized assessment, with a written reason (supervisor only).
    Reopen,
    /// Record what the external evaluation decided: an assessor's value, a butir accepted
    /// or sent back for revision (supervisor or operator, the pelaksana entri data, who copy
    /// it from the national application; a member uploads but does not judge).
    RecordVerdict,
    /// Record the external verification's results (a stage's level and note: Penilaian
    /// Dokumen, Interviu, Visitasi, the final LHE result): supervisor or operator, and also
    /// once the assessment is finalized, since the results come after it is submitted.
    RecordVerification,
    /// Plan the improvement: targets, ceilings, effort, recommendations and their
    /// follow-up, saved scenarios (supervisor or operator; also once finalized, since the
    /// plan follows the score).
    Plan,
}

impl Action {
    fn id(self) -> &'static str {
        match self {
            Action::Edit => "edit",
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::Return => "return",
            Action::Comment => "comment on",
            Action::Assign => "assign",
            Action::ManageTeam => "manage the team of",
            Action::Finalize => "finalize",
            Action::Reopen => "reopen",
            Action::RecordVerdict => "record the assessor's verdict in",
            Action::RecordVerification => "record the verification results of",
            Action::Plan => "plan the improvement of",
        }
    }
}

/// Everything the policy needs to know about one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// What they want to do.
    pub action: Action,
    /// The actor's role in this assessment, if any.
    pub role: Option<Role>,
    /// Whether the indicator is assigned to the actor (or their unit).
    pub assigned: bool,
    /// The indicator's status (ignored for assessment-wide actions).
    pub status: Status,
    /// Whether the assessment is finalized (read-only until reopened).
    pub finalized: bool,
}

/// Why an attempt is refused; each reason says who may do it instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The assessment is finalized; only the supervisor's Reopen goes ahead.
    #[error("the assessment is finalized and read-only; only the supervisor (penanggung jawab) can reopen it, with a written reason")]
    Finalized,
    /// The actor has no role in this assessment.
    #[error(
        "you have no role in this assessment; the supervisor (penanggung jawab) adds team members"
    )]
    NoRole,
    /// The Koordinator SPBE tried to edit or submit; they read and sign only.
    #[error("the Koordinator SPBE signs the results and is read-only otherwise")]
    Koordinator,
    /// Only the supervisor may do this; holds the action as words: "approve", "reopen".
    #[error("only the supervisor (penanggung jawab) may {0} this")]
    SupervisorOnly(&'static str),
    /// A member or the Koordinator tried to record an assessor's verdict or result, or to plan.
    #[error("only the supervisor (penanggung jawab) or the operator (pelaksana entri data) record the assessor's values, verdicts and verification results and plan the improvement; a member uploads the evidence")]
    VerdictRecorder,
    /// A member tried to edit or submit an indicator not assigned to them or their unit.
    #[error("this indicator is not assigned to you; its assigned member, the operator or the supervisor may change it")]
    NotAssigned,
    /// The indicator's status does not allow the step; holds the status and the step as words
    /// ("a draft", "approved").
    #[error("an indicator that is {0} cannot be {1}")]
    WrongStatus(&'static str, &'static str),
    /// Reopen was asked of an assessment that is not finalized.
    #[error("the assessment is not finalized")]
    NotFinalized,
}

/// Why an indicator's answer is read-only for someone right now, as the window says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lock {
    /// The assessment is finalized.
    Finalized,
    /// The person has no role in this assessment.
    NoRole,
    /// The Koordinator SPBE reads and signs.
    Koordinator,
    /// A member, and the indicator is not assigned to them.
    NotAssigned,
    /// Submitted and waiting for the supervisor.
    Submitted,
    /// Approved; the supervisor returns it to change it.
    Approved,
}

/// Why `role` may not edit this indicator now (None: they may). The same decision as
/// [`check`] of an [`Action::Edit`], said as a reason to show.
pub fn edit_lock(
    role: Option<Role>,
    assigned: bool,
    status: Status,
    finalized: bool,
) -> Option<Lock> {
    let attempt = Attempt {
        action: Action::Edit,
        role,
        assigned,
        status,
        finalized,
    };
    check(attempt).err().map(|d| match d {
        Denied::Finalized => Lock::Finalized,
        Denied::NoRole => Lock::NoRole,
        Denied::Koordinator => Lock::Koordinator,
        Denied::NotAssigned => Lock::NotAssigned,
        Denied::WrongStatus(..)
        | Denied::SupervisorOnly(_)
        | Denied::VerdictRecorder
        | Denied::NotFinalized => {
            if status == Status::Approved {
                Lock::Approved
            } else {
                Lock::Submitted
            }
        }
    })
}

/// The status an action leads to, if it changes the status.
pub fn next_status(action: Action, from: Status) -> Option<Status> {
    match (action, from) {
        (Action::Edit, Status::Returned) => Some(Status::Draft),
        (Action::Submit, Status::Draft | Status::Returned) => Some(Status::Submitted),
        (Action::Approve, Status::Submitted) => Some(Status::Approved),
        (Action::Return, Status::Submitted | Status::Approved) => Some(Status::Returned),
        _ => None,
    }
}

/// May this attempt go ahead?
pub fn check(a: Attempt) -> Result<(), Denied> {
    use Action::*;
    if a.action == Reopen {
        return match (a.role, a.finalized) {
            (_, false) => Err(Denied::NotFinalized),
            (Some(Role::Supervisor), true) => Ok(()),
            _ => Err(Denied::SupervisorOnly(Reopen.id())),
        };
    }
    if a.finalized && !matches!(a.action, RecordVerification | Plan) {
        return Err(Denied::Finalized);
    }
    let role = a.role.ok_or(Denied::NoRole)?;
    let supervisor_only = |action: Action| {
        if role == Role::Supervisor {
            Ok(())
        } else {
            Err(Denied::SupervisorOnly(action.id()))
        }
    };
    match a.action {
        Comment => Ok(()),
        Assign | ManageTeam | Finalize => supervisor_only(a.action),
        Approve | Return => {
            supervisor_only(a.action)?;
            next_status(a.action, a.status)
                .map(|_| ())
                .ok_or(Denied::WrongStatus(status_text(a.status), past(a.action)))
        }
        Edit | Submit => {
            match role {
                Role::Koordinator => return Err(Denied::Koordinator),
                Role::Member if !a.assigned => return Err(Denied::NotAssigned),
                _ => {}
            }
            let allowed = match a.action {
                Edit => matches!(a.status, Status::Draft | Status::Returned),
                _ => next_status(a.action, a.status).is_some(),
            };
            if allowed {
                Ok(())
            } else {
                Err(Denied::WrongStatus(status_text(a.status), past(a.action)))
            }
        }
        RecordVerdict | RecordVerification | Plan => match role {
            Role::Supervisor | Role::Operator => Ok(()),
            _ => Err(Denied::VerdictRecorder),
        },
        Reopen => unreachable_reopen(),
    }
}

fn unreachable_reopen() -> Result<(), Denied> {
    // Reopen is decided before the match; kept total without a panic.
    Err(Denied::NotFinalized)
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Draft => "a draft",
        Status::Submitted => "submitted",
        Status::Approved => "approved (ask the supervisor to return it first)",
        Status::Returned => "returned",
    }
}

fn past(a: Action) -> &'static str {
    match a {
        Action::Edit => "edited",
        Action::Submit => "submitted",
        Action::Approve => "approved",
        Action::Return => "returned",
        _ => "changed",
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_str!(Role, Status, AssessmentStatus, CommentKind);

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Role::*;
    use Status::*;

    fn attempt(action: Action, role: Option<Role>, assigned: bool, status: Status) -> Attempt {
        Attempt {
            action,
            role,
            assigned,
            status,
            finalized: false,
        }
    }

    #[test]
    fn the_policy_table() {
        // (action, role, assigned, status, allowed)
        let table = [
            (Edit, Some(Member), true, Draft, true),
            (Edit, Some(Member), false, Draft, false),
            (Edit, Some(Member), true, Returned, true),
            (Edit, Some(Member), true, Submitted, false),
            (Edit, Some(Operator), false, Draft, true),
            (Edit, Some(Operator), false, Approved, false),
            (Edit, Some(Supervisor), false, Draft, true),
            (Edit, Some(Koordinator), true, Draft, false),
            (Edit, None, true, Draft, false),
            (Submit, Some(Member), true, Draft, true),
            (Submit, Some(Member), false, Draft, false),
            (Submit, Some(Operator), false, Returned, true),
            (Submit, Some(Operator), false, Submitted, false),
            (Approve, Some(Supervisor), false, Submitted, true),
            (Approve, Some(Supervisor), false, Draft, false),
            (Approve, Some(Operator), false, Submitted, false),
            (Approve, Some(Member), true, Submitted, false),
            (Return, Some(Supervisor), false, Submitted, true),
            (Return, Some(Supervisor), false, Approved, true),
            (Return, Some(Supervisor), false, Draft, false),
            (Return, Some(Operator), false, Submitted, false),
            (Assign, Some(Supervisor), false, Draft, true),
            (Assign, Some(Operator), false, Draft, false),
            (Finalize, Some(Supervisor), false, Draft, true),
            (Finalize, Some(Member), true, Draft, false),
            (Comment, Some(Koordinator), false, Draft, true),
            (Comment, None, false, Draft, false),
            (RecordVerdict, Some(Supervisor), false, Approved, true),
            (RecordVerdict, Some(Operator), false, Draft, true),
            (RecordVerdict, Some(Member), true, Draft, false),
            (RecordVerdict, Some(Koordinator), false, Draft, false),
            (RecordVerdict, None, false, Draft, false),
            (RecordVerification, Some(Supervisor), false, Approved, true),
            (RecordVerification, Some(Operator), false, Draft, true),
            (RecordVerification, Some(Member), true, Draft, false),
            (RecordVerification, Some(Koordinator), false, Draft, false),
            (Plan, Some(Supervisor), false, Draft, true),
            (Plan, Some(Operator), false, Approved, true),
            (Plan, Some(Member), true, Draft, false),
        ];
        for (action, role, assigned, status, allowed) in table {
            let got = check(attempt(action, role, assigned, status));
            assert_eq!(
                got.is_ok(),
                allowed,
                "{action:?} by {role:?} (assigned {assigned}) on {status:?}: {got:?}"
            );
        }
    }

    #[test]
    fn a_finalized_assessment_refuses_everything_but_reopen_by_the_supervisor() {
        for action in [
            Edit,
            Submit,
            Approve,
            Return,
            Comment,
            Assign,
            ManageTeam,
            Finalize,
            RecordVerdict,
        ] {
            let a = Attempt {
                finalized: true,
                ..attempt(action, Some(Supervisor), true, Submitted)
            };
            assert_eq!(check(a), Err(Denied::Finalized), "{action:?}");
        }
        // The verification's results come after the assessment is finalized.
        for (role, allowed) in [(Supervisor, true), (Operator, true), (Member, false)] {
            let a = Attempt {
                finalized: true,
                ..attempt(RecordVerification, Some(role), true, Approved)
            };
            assert_eq!(check(a).is_ok(), allowed, "{role:?}");
        }
        let reopen = |role| Attempt {
            finalized: true,
            ..attempt(Reopen, Some(role), false, Draft)
        };
        assert_eq!(check(reopen(Supervisor)), Ok(()));
        assert!(matches!(
            check(reopen(Operator)),
            Err(Denied::SupervisorOnly(_))
        ));
        assert_eq!(
            check(attempt(Reopen, Some(Supervisor), false, Draft)),
            Err(Denied::NotFinalized)
        );
    }

    #[test]
    fn transitions_follow_the_review_loop() {
        assert_eq!(next_status(Submit, Draft), Some(Submitted));
        assert_eq!(next_status(Approve, Submitted), Some(Approved));
        assert_eq!(next_status(Return, Submitted), Some(Returned));
        assert_eq!(next_status(Edit, Returned), Some(Draft));
        assert_eq!(next_status(Edit, Draft), None);
        assert_eq!(next_status(Approve, Draft), None);
    }

    #[test]
    fn the_edit_lock_says_why_in_the_order_the_policy_decides() {
        assert_eq!(edit_lock(Some(Member), true, Draft, false), None);
        assert_eq!(
            edit_lock(Some(Member), false, Draft, false),
            Some(Lock::NotAssigned)
        );
        assert_eq!(
            edit_lock(Some(Member), true, Submitted, false),
            Some(Lock::Submitted)
        );
        assert_eq!(
            edit_lock(Some(Operator), false, Approved, false),
            Some(Lock::Approved)
        );
        assert_eq!(
            edit_lock(Some(Koordinator), true, Draft, false),
            Some(Lock::Koordinator)
        );
        assert_eq!(edit_lock(None, true, Draft, false), Some(Lock::NoRole));
        assert_eq!(
            edit_lock(Some(Supervisor), true, Draft, true),
            Some(Lock::Finalized)
        );
    }

    #[test]
    fn refusals_say_who_may() {
        let e = check(attempt(Approve, Some(Operator), false, Submitted)).unwrap_err();
        assert!(e.to_string().contains("only the supervisor"), "{e}");
        let e = check(attempt(Edit, Some(Member), false, Draft)).unwrap_err();
        assert!(e.to_string().contains("not assigned to you"), "{e}");
    }
}
