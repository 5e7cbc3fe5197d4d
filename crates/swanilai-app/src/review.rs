//! The review loop: submit, approve, return with a comment; the supervisor's queue;
//! finalize and reopen the assessment; comment threads.

use serde_json::json;
use swanilai_core::workflow::{Action, AssessmentStatus, CommentKind, Status};
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::audit::NewEntry;
use swanilai_store::comments;

use crate::answers::{record_answer, Stamp, Step};
use crate::{indicator_of, App, AppError, AppResult, ErrorCode, Year};
use crate::{AnswerDto, CommentDto, ReviewStep};

impl App {
    /// One step of the review loop on an indicator, with an optional comment (required
    /// to return it: it says what to fix).
    pub fn review(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        step: ReviewStep,
        comment: Option<&str>,
    ) -> AppResult<AnswerDto> {
        let comment = comment.map(str::trim).filter(|t| !t.is_empty());
        let (action, kind) = match step {
            ReviewStep::Submit => (Action::Submit, CommentKind::Submit),
            ReviewStep::Approve => (Action::Approve, CommentKind::Approve),
            ReviewStep::Return => (Action::Return, CommentKind::Return),
        };
        if step == ReviewStep::Return && comment.is_none() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "returning an indicator needs a comment that says what to fix",
            ));
        }
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, action, Some(indicator))?;
        let before = answers::get(self.store.conn(), a.id, indicator)?
            .unwrap_or_else(|| AnswerRow::blank(indicator));
        let scored = match catalog.scoring().value {
            swanilai_core::ValueKind::Level => before.level.is_some(),
            swanilai_core::ValueKind::Decimal => {
                catalog
                    .indicator(indicator)
                    .is_some_and(|i| i.external_index.is_some())
                    || swanilai_store::values::get(
                        self.store.conn(),
                        a.id,
                        swanilai_store::values::ValueSource::SelfAssessed,
                        indicator,
                    )?
                    .is_some()
            }
        };
        if step != ReviewStep::Return && !scored {
            return Err(AppError::new(
                ErrorCode::NoLevel,
                format!(
                    "indicator {indicator} has no level yet; choose a level before it is {}",
                    step.past()
                ),
            ));
        }
        let now = self.clock.now();
        let audit_action = format!("status.{}", kind.as_str());
        let stamp = Stamp {
            actor: &actor,
            now: &now,
            action: &audit_action,
        };
        self.store.transaction(|tx, _| {
            if let Some(text) = comment {
                comments::insert(tx, a.id, indicator, &actor, kind, text, &now)?;
            }
            record_answer(
                tx,
                &a,
                &before,
                before.clone(),
                Step::Review(action),
                &stamp,
            )
        })?;
        self.answer(a.year, indicator)
    }

    /// The submitted indicators waiting for the supervisor.
    /// The submitted indicators waiting for the supervisor, each with who submitted it
    /// (from the audit trail: the last editor is not always the submitter).
    pub fn review_queue(&mut self, year: impl Into<Year>) -> AppResult<Vec<AnswerDto>> {
        let a = self.assessment(year)?;
        let mut by: std::collections::HashMap<u32, String> = Default::default();
        for e in swanilai_store::audit::list(self.store.conn(), Some(a.year), None)? {
            if let (Some(n), "status.submit") = (e.indicator, e.action.as_str()) {
                by.insert(n, e.actor);
            }
        }
        Ok(self
            .answers(a.year)?
            .into_iter()
            .filter(|x| x.status == Status::Submitted)
            .map(|mut x| {
                x.submitted_by = by.remove(&x.indicator);
                x
            })
            .collect())
    }

    /// Lock the assessment once every indicator is approved.
    pub fn finalize(&mut self, year: impl Into<Year>) -> AppResult<crate::AssessmentDto> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::Finalize, None)?;
        let pending: Vec<String> = self
            .answers(Some(a.year))?
            .into_iter()
            .filter(|x| x.status != Status::Approved)
            .map(|x| format!("{} ({})", x.indicator, x.status.as_str()))
            .collect();
        if !pending.is_empty() {
            return Err(AppError::new(
                ErrorCode::NotAllApproved,
                format!(
                    "{} indicator(s) are not approved yet: {}",
                    pending.len(),
                    pending
                        .iter()
                        .take(15)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            swanilai_store::assessments::set_finalized(tx, a.id, Some((&now, &actor)))?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "assessment.finalize",
                    year: Some(a.year),
                    indicator: None,
                    entity: "assessment",
                    before: json!({"status": AssessmentStatus::Open}).to_string(),
                    after: json!({"status": AssessmentStatus::Finalized}).to_string(),
                },
            )
        })?;
        self.assessment_info(Some(a.year))
    }

    /// Reopen a finalized assessment; the supervisor must say why.
    pub fn reopen(
        &mut self,
        year: impl Into<Year>,
        reason: &str,
    ) -> AppResult<crate::AssessmentDto> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::Reopen, None)?;
        if reason.trim().chars().count() < 10 {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "reopening needs a written reason (at least 10 characters)",
            ));
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            swanilai_store::assessments::set_finalized(tx, a.id, None)?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "assessment.reopen",
                    year: Some(a.year),
                    indicator: None,
                    entity: "assessment",
                    before: json!({"status": "finalized"}).to_string(),
                    after: json!({"status": "open", "reason": reason.trim()}).to_string(),
                },
            )
        })?;
        self.assessment_info(Some(a.year))
    }

    /// Add a remark to an indicator's comment thread (anyone with a role, while the assessment
    /// is open); returns it as stored.
    pub fn add_comment(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        text: &str,
    ) -> AppResult<CommentDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        if text.trim().is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "the comment is empty",
            ));
        }
        let actor = self.authorize(&a, Action::Comment, Some(indicator))?;
        let now = self.clock.now();
        let id = self.store.transaction(|tx, _| {
            let id = comments::insert(
                tx,
                a.id,
                indicator,
                &actor,
                CommentKind::Comment,
                text.trim(),
                &now,
            )?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "comment.add",
                    year: Some(a.year),
                    indicator: Some(indicator),
                    entity: "comment",
                    before: "null".into(),
                    after: json!({"id": id, "body": text.trim()}).to_string(),
                },
            )?;
            Ok::<_, AppError>(id)
        })?;
        self.comments(Some(a.year), indicator)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "comment lost"))
    }

    /// An indicator's comment thread, oldest first: remarks and the notes given with review
    /// steps.
    pub fn comments(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
    ) -> AppResult<Vec<CommentDto>> {
        let a = self.assessment(year)?;
        Ok(comments::list(self.store.conn(), a.id, indicator)?
            .into_iter()
            .map(|c| CommentDto {
                id: c.id,
                indicator: c.indicator,
                author: c.author,
                kind: c.kind,
                body: c.body,
                created_at: c.created_at,
            })
            .collect())
    }
}
