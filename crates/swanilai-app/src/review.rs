//! The review loop: submit, approve, return with a comment; finalize and reopen the
//! assessment; comment threads; each indicator's history; the audit check.

use std::collections::HashMap;

use serde_json::json;
use swanilai_core::workflow::{next_status, Action, Status};
use swanilai_store::{answers, audit, comments};

use crate::answers::blank;
use crate::{indicator_of, App, AppError, AppResult, ErrorCode};
use crate::{AnswerDto, AuditEntryDto, AuditReport, CommentDto};

/// The part of an answer the audit log records, so hand edits can be found.
pub(crate) fn answer_state(r: &answers::AnswerRow) -> String {
    json!({
        "level": r.level,
        "explanation": r.explanation,
        "service_name": r.service_name,
        "owner": r.owner,
        "status": r.status,
    })
    .to_string()
}

impl App {
    pub fn submit(
        &mut self,
        year: Option<i32>,
        indicator: u32,
        comment: Option<&str>,
    ) -> AppResult<AnswerDto> {
        self.step(year, indicator, Action::Submit, comment)
    }

    pub fn approve(
        &mut self,
        year: Option<i32>,
        indicator: u32,
        comment: Option<&str>,
    ) -> AppResult<AnswerDto> {
        self.step(year, indicator, Action::Approve, comment)
    }

    /// Return an indicator to its author with the reason (required).
    pub fn return_for_revision(
        &mut self,
        year: Option<i32>,
        indicator: u32,
        comment: &str,
    ) -> AppResult<AnswerDto> {
        if comment.trim().is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "returning an indicator needs a comment that says what to fix",
            ));
        }
        self.step(year, indicator, Action::Return, Some(comment))
    }

    fn step(
        &mut self,
        year: Option<i32>,
        indicator: u32,
        action: Action,
        comment: Option<&str>,
    ) -> AppResult<AnswerDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, action, Some(indicator))?;
        let before =
            answers::get(self.store.conn(), a.id, indicator)?.unwrap_or_else(|| blank(indicator));
        if matches!(action, Action::Submit | Action::Approve) && before.level.is_none() {
            return Err(AppError::new(
                ErrorCode::NoLevel,
                format!(
                    "indicator {indicator} has no level yet; choose a level before it is {}",
                    if action == Action::Submit {
                        "submitted"
                    } else {
                        "approved"
                    }
                ),
            ));
        }
        let from = Status::parse(&before.status).unwrap_or(Status::Draft);
        let to = next_status(action, from).ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidTransition,
                format!("indicator {indicator} cannot go from {}", from.as_str()),
            )
        })?;
        let kind = match action {
            Action::Submit => "submit",
            Action::Approve => "approve",
            _ => "return",
        };
        let now = self.clock.now();
        let mut after = before.clone();
        after.status = to.as_str().to_owned();
        after.updated_at = now.clone();
        self.store.transaction(|tx, _| {
            answers::upsert(tx, a.id, &after)?;
            if let Some(text) = comment.map(str::trim).filter(|t| !t.is_empty()) {
                comments::insert(tx, a.id, indicator, &actor, kind, text, &now)?;
            }
            App::audit(
                tx,
                &now,
                &actor,
                &format!("status.{kind}"),
                Some(a.year),
                Some(indicator),
                "answer",
                answer_state(&before),
                answer_state(&after),
            )
        })?;
        self.answer(Some(a.year), indicator)
    }

    /// The submitted indicators waiting for the supervisor.
    pub fn review_queue(&mut self, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
        Ok(self
            .answers(year)?
            .into_iter()
            .filter(|a| a.status == "submitted")
            .collect())
    }

    /// Lock the assessment once every indicator is approved.
    pub fn finalize(&mut self, year: Option<i32>) -> AppResult<crate::AssessmentDto> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::Finalize, None)?;
        let pending: Vec<String> = self
            .answers(Some(a.year))?
            .into_iter()
            .filter(|x| x.status != "approved")
            .map(|x| format!("{} ({})", x.indicator, x.status))
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
            tx.execute(
                "UPDATE assessment SET status = 'finalized', finalized_at = ?2, finalized_by = ?3 WHERE id = ?1",
                swanilai_store::rusqlite::params![a.id, now, actor],
            ).map_err(swanilai_store::StoreError::from)?;
            App::audit(tx, &now, &actor, "assessment.finalize", Some(a.year), None, "assessment",
                json!({"status": "open"}).to_string(), json!({"status": "finalized"}).to_string())
        })?;
        self.assessment_info(Some(a.year))
    }

    /// Reopen a finalized assessment; the supervisor must say why.
    pub fn reopen(&mut self, year: Option<i32>, reason: &str) -> AppResult<crate::AssessmentDto> {
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
            tx.execute(
                "UPDATE assessment SET status = 'open', finalized_at = NULL, finalized_by = NULL WHERE id = ?1",
                [a.id],
            ).map_err(swanilai_store::StoreError::from)?;
            App::audit(tx, &now, &actor, "assessment.reopen", Some(a.year), None, "assessment",
                json!({"status": "finalized"}).to_string(),
                json!({"status": "open", "reason": reason.trim()}).to_string())
        })?;
        self.assessment_info(Some(a.year))
    }

    pub fn add_comment(
        &mut self,
        year: Option<i32>,
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
            let id = comments::insert(tx, a.id, indicator, &actor, "comment", text.trim(), &now)?;
            App::audit(
                tx,
                &now,
                &actor,
                "comment.add",
                Some(a.year),
                Some(indicator),
                "comment",
                "null".into(),
                json!({"id": id, "body": text.trim()}).to_string(),
            )?;
            Ok::<_, AppError>(id)
        })?;
        self.comments(Some(a.year), indicator)?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "comment lost"))
    }

    pub fn comments(&mut self, year: Option<i32>, indicator: u32) -> AppResult<Vec<CommentDto>> {
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

    /// Every recorded change of one indicator, oldest first.
    pub fn history(&mut self, year: Option<i32>, indicator: u32) -> AppResult<Vec<AuditEntryDto>> {
        let a = self.assessment(year)?;
        Ok(
            audit::list(self.store.conn(), Some(a.year), Some(indicator))?
                .into_iter()
                .map(entry_dto)
                .collect(),
        )
    }

    /// The whole audit log (optionally of one year).
    pub fn audit_log(&mut self, year: Option<i32>) -> AppResult<Vec<AuditEntryDto>> {
        Ok(audit::list(self.store.conn(), year, None)?
            .into_iter()
            .map(entry_dto)
            .collect())
    }

    /// Check the hash chain, and that every answer is what the log last recorded for it.
    pub fn verify_audit(&mut self) -> AppResult<AuditReport> {
        let conn = self.store.conn();
        let entries = audit::count(conn)?;
        let broken = audit::verify(conn)?;
        let mut mismatches = Vec::new();
        let rows = audit::list(conn, None, None)?;
        let mut last: HashMap<(i32, u32), String> = HashMap::new();
        for r in rows.iter().filter(|r| r.entity == "answer") {
            if let (Some(y), Some(i)) = (r.year, r.indicator) {
                last.insert((y, i), r.after.clone());
            }
        }
        for a in swanilai_store::assessments::list(conn)? {
            for ans in answers::list(conn, a.id)? {
                match last.get(&(a.year, ans.indicator)) {
                    Some(recorded) if *recorded == answer_state(&ans) => {}
                    Some(_) => mismatches.push(format!(
                        "the {} answer of indicator {} differs from what the audit log last recorded (changed outside Swanilai)",
                        a.year, ans.indicator
                    )),
                    None => mismatches.push(format!(
                        "the {} answer of indicator {} has no audit record (written outside Swanilai)",
                        a.year, ans.indicator
                    )),
                }
            }
        }
        let ok = broken.is_none() && mismatches.is_empty();
        let message = match (&broken, mismatches.first()) {
            (Some(b), _) => format!("audit log broken at entry {}: {}", b.seq, b.reason),
            (None, Some(m)) => m.clone(),
            (None, None) => {
                format!("audit log verified: {entries} entries, chain intact, data matches")
            }
        };
        Ok(AuditReport {
            entries,
            ok,
            broken_at: broken.map(|b| b.seq),
            mismatches,
            message,
        })
    }
}

fn entry_dto(r: audit::AuditRow) -> AuditEntryDto {
    AuditEntryDto {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        year: r.year,
        indicator: r.indicator,
        entity: r.entity,
        before: r.before,
        after: r.after,
    }
}
