//! Merging a return package into the team database: a preview that writes nothing, then
//! (when every conflict is decided) one transaction, after an automatic backup.
//!
//! Invariants (tests in tests/it/package_story.rs and swanilai-core's `merge`):
//! - the base of an indicator is its answer as the work package carried it (the return
//!   package brings it back beside the member's answer);
//! - a field is a conflict when both the member and the team database changed it since
//!   the base, to different values; it is never overwritten without a decision;
//! - a return from someone no longer assigned to an indicator is a conflict too;
//! - the same return package twice changes nothing; an older one than what was merged,
//!   or one for another database, is refused; every merged change is audited under its
//!   original author and time, and the merge itself under the package's sha256.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use swanilai_core::merge::{self, Change, Field, Outcome, Take};
use swanilai_core::workflow::Role;
use swanilai_package::{self as pkg, PackageKind};
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::audit::NewEntry;
use swanilai_store::{accounts, comments, evidence, packages};

use super::convert::*;
use super::{insert_evidence, read_package, refused};
use crate::answers::{record_answer, Stamp, Step};
use crate::{App, AppError, AppResult, ErrorCode};

/// A person's decision for a conflict: one field of an indicator, or (no field) the whole
/// indicator, including a return from someone no longer assigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct MergeDecision {
    /// The indicator.
    pub indicator: u32,
    /// The field; None for the whole indicator.
    pub field: Option<Field>,
    /// Which side to take.
    pub take: Take,
    /// The supervisor's own value instead of either side (a field's decision only): the
    /// level as "1".."5" (empty: none), the status by name, text for the others.
    #[serde(default)]
    #[ts(optional)]
    pub edit: Option<String>,
}

/// Put a supervisor's edited value into a merged answer, checked as an edit would be.
fn apply_edit(s: &mut merge::AnswerState, f: Field, text: &str, n: u32) -> AppResult<()> {
    match f {
        Field::Level => {
            s.level = match text.trim() {
                "" => None,
                t => Some(
                    t.parse::<i64>()
                        .ok()
                        .and_then(|l| swanilai_core::Level::new(l).ok())
                        .ok_or_else(|| {
                            AppError::new(
                                ErrorCode::InvalidLevel,
                                format!("level '{t}' for indicator {n} is outside 1-5"),
                            )
                        })?,
                ),
            }
        }
        Field::Explanation => {
            let text = crate::answers::normalize_newlines(text);
            if text.chars().count() > crate::answers::EXPLANATION_MAX_CHARS {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "the explanation of indicator {n} is longer than a workbook cell holds"
                    ),
                ));
            }
            s.explanation = text;
        }
        Field::ServiceName => {
            s.service_name = Some(text.trim().to_owned()).filter(|t| !t.is_empty())
        }
        Field::Owner => s.owner = text.trim().to_owned(),
        Field::Status => {
            s.status = swanilai_core::workflow::Status::parse(text.trim()).ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "'{text}' is not a review status (draft, submitted, approved, returned)"
                    ),
                )
            })?
        }
    }
    Ok(())
}

/// The decision for one field: the field's own, else the indicator's, else the default.
fn decided(
    decisions: &[MergeDecision],
    default: Option<Take>,
    n: u32,
    f: Option<Field>,
) -> Option<Take> {
    let of = |field: Option<Field>| {
        decisions
            .iter()
            .find(|d| d.indicator == n && d.field == field)
            .map(|d| d.take)
    };
    f.and_then(|f| of(Some(f))).or_else(|| of(None)).or(default)
}

/// One field of one indicator in the merge preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FieldMergeDto {
    /// Which field.
    pub field: Field,
    /// What happened to it since the base.
    pub change: Change,
    /// Its value when the work package was made.
    pub base: String,
    /// The member's value.
    pub theirs: String,
    /// The team database's value now.
    pub ours: String,
}

/// One indicator in the merge preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IndicatorMergeDto {
    /// The indicator number.
    pub indicator: u32,
    /// Unchanged, clean or conflict.
    pub outcome: Outcome,
    /// The fields the merge would change or must decide.
    pub fields: Vec<Field>,
    /// Every field that changed on either side, with base, theirs and ours.
    pub details: Vec<FieldMergeDto>,
    /// Evidence the member added (names).
    pub evidence_added: Vec<String>,
    /// Evidence the member removed (names).
    pub evidence_removed: Vec<String>,
    /// New comments in the thread.
    pub comments_added: u32,
    /// The member is no longer assigned to this indicator (a conflict to decide).
    pub not_assigned: bool,
}

/// The merge preview, and what was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MergeReport {
    /// The package file.
    pub file: String,
    /// Its sha256, recorded in the audit trail.
    pub file_sha256: String,
    /// The return package's id.
    pub package_id: String,
    /// Who sent it back.
    pub made_by: String,
    /// When.
    pub made_at: String,
    /// The assessment year.
    pub year: i32,
    /// It was merged before: nothing changed.
    pub already_merged: bool,
    /// Whether anything was written (false for a preview).
    pub written: bool,
    /// The automatic backup written before the merge.
    pub backup: Option<String>,
    /// Per indicator the package carries.
    pub indicators: Vec<IndicatorMergeDto>,
}

fn field_value(s: &merge::AnswerState, f: Field) -> String {
    match f {
        Field::Level => s.level.map(|l| l.to_string()).unwrap_or_default(),
        Field::Explanation => s.explanation.clone(),
        Field::ServiceName => s.service_name.clone().unwrap_or_default(),
        Field::Owner => s.owner.clone(),
        Field::Status => s.status.as_str().to_owned(),
    }
}

/// One indicator's plan: the preview line and what applying it writes.
struct Plan {
    dto: IndicatorMergeDto,
    base: merge::AnswerState,
    theirs: pkg::Answer,
    ours: AnswerRow,
    added: Vec<pkg::Evidence>,
    removed: Vec<i64>,
    comments: Vec<pkg::Comment>,
}

fn sha256_of(file: &Path) -> AppResult<String> {
    let mut f = std::fs::File::open(file).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    Ok(hex::encode(h.finalize()))
}

impl App {
    /// Merge a return package. `dry_run`: the preview only. Each conflict takes what its
    /// decision says, else `take`; a conflict left undecided writes nothing and the error
    /// names it.
    pub fn package_merge(
        &mut self,
        file: &Path,
        dry_run: bool,
        take: Option<Take>,
        decisions: &[MergeDecision],
    ) -> AppResult<MergeReport> {
        let mut r = read_package(file)?;
        let m = r.manifest.clone();
        let copy = m.kind == PackageKind::Copy;
        if m.kind == PackageKind::Work {
            return Err(refused(format!(
                "{} is a {} package, not a return package (kirim balik); open a work package with `package open`",
                file.display(),
                m.kind.as_str()
            )));
        }
        let conn = self.store.conn();
        if m.origin.database_id != packages::database_id(conn)? {
            return Err(refused(format!(
                "{} comes from another team database ({} {}); merge it there",
                file.display(),
                m.origin.instansi,
                m.origin.year
            )));
        }
        let work = m.answers_package.clone().unwrap_or_default();
        let issued = match copy {
            true => None,
            false => Some(packages::out_by_id(conn, &work)?.ok_or_else(|| {
                refused(format!(
                    "{} answers work package {work}, which this database did not make",
                    file.display()
                ))
            })?),
        };
        let a = self.assessment(m.origin.year)?;
        if issued.as_ref().is_some_and(|o| o.assessment_id != a.id)
            || a.framework_id != m.origin.framework_id
        {
            return Err(refused(format!(
                "{} is for another assessment than the {} one here",
                file.display(),
                a.year
            )));
        }
        let sha = sha256_of(file)?;
        let mut report = MergeReport {
            file: file.display().to_string(),
            file_sha256: sha.clone(),
            package_id: m.package_id.clone(),
            made_by: m.made_by.clone(),
            made_at: m.made_at.clone(),
            year: a.year,
            already_merged: false,
            written: false,
            backup: None,
            indicators: Vec::new(),
        };
        if packages::was_merged(conn, &m.package_id, &sha)? {
            report.already_merged = true;
            return Ok(report);
        }
        if let Some(newest) = packages::newest_merged_for(conn, &work)?.filter(|_| !copy) {
            if newest > m.made_at {
                return Err(refused(format!(
                    "{} was sent back {} and is older than the return package already merged for the same work package (sent {newest}); nothing changed",
                    file.display(),
                    m.made_at
                )));
            }
        }
        let payload = match copy {
            true => self.bases_of_copy(&a, &r.payload)?,
            false => r.payload.clone(),
        };
        let plans = self.plan_merge(&a, &payload, (!copy).then_some(m.made_by.as_str()))?;
        report.indicators = plans.iter().map(|p| p.dto.clone()).collect();
        if dry_run {
            return Ok(report);
        }
        self.may_merge(&a)?;
        let undecided: Vec<String> = plans
            .iter()
            .filter(|p| p.dto.outcome == Outcome::Conflict)
            .filter_map(|p| {
                let n = p.dto.indicator;
                let mut what: Vec<&str> = p
                    .dto
                    .details
                    .iter()
                    .filter(|d| d.change == Change::Conflict)
                    .filter(|d| decided(decisions, take, n, Some(d.field)).is_none())
                    .map(|d| d.field.as_str())
                    .collect();
                if p.dto.not_assigned && decided(decisions, take, n, None).is_none() {
                    what.push("assignment");
                }
                (!what.is_empty()).then(|| format!("{n} ({})", what.join(", ")))
            })
            .collect();
        if !undecided.is_empty() {
            return Err(AppError::new(
                ErrorCode::MergeConflict,
                format!(
                    "{}: {} indicator(s) changed on both sides; nothing was written. Decide with --take theirs|ours: {}",
                    file.display(),
                    undecided.len(),
                    undecided.join("; ")
                ),
            ));
        }
        // The supervisor's own values, checked before anything is written.
        for d in decisions.iter().filter(|d| d.edit.is_some()) {
            let (Some(f), Some(text)) = (d.field, &d.edit) else {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("indicator {}: an edited value needs a field", d.indicator),
                ));
            };
            apply_edit(&mut merge::AnswerState::default(), f, text, d.indicator)?;
        }
        let added: BTreeSet<String> = plans
            .iter()
            .flat_map(|p| p.added.iter().filter_map(|e| e.sha256.clone()))
            .collect();
        report.backup = Some(
            self.auto_backup(crate::BackupReason::Merge)?
                .display()
                .to_string(),
        );
        let _hold = self.ingest_package_files(&mut r, &added, file)?;
        let actor = self.actor_name()?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            for p in &plans {
                let n = p.dto.indicator;
                let skip = p.dto.not_assigned && decided(decisions, take, n, None) != Some(Take::Theirs);
                if p.dto.outcome == Outcome::Unchanged && p.added.is_empty() && p.removed.is_empty() && p.comments.is_empty() || skip {
                    continue;
                }
                let theirs = state(&from_answer(&p.theirs));
                let ours = state(&p.ours);
                let mut merged = merge::resolve(&p.base, &theirs, &ours, |f| decided(decisions, take, n, Some(f)))
                    .map_err(|f| AppError::new(ErrorCode::MergeConflict, format!("indicator {}: {} undecided", p.dto.indicator, f.as_str())))?;
                let mut edited = false;
                for d in decisions.iter().filter(|d| d.indicator == n) {
                    if let (Some(f), Some(text)) = (d.field, &d.edit) {
                        apply_edit(&mut merged, f, text, n)?;
                        edited = true;
                    }
                }
                if merged != ours {
                    let mut row = p.ours.clone();
                    row.level = merged.level;
                    row.explanation = merged.explanation;
                    row.service_name = merged.service_name;
                    row.owner = merged.owner;
                    row.status = merged.status;
                    // The member's change under the member's name and time; an edit made
                    // while merging is the supervisor's, now.
                    let (by, at) = match edited {
                        true => (actor.as_str(), now.as_str()),
                        false => (p.theirs.author.as_str(), p.theirs.updated_at.as_str()),
                    };
                    row.author = by.to_owned();
                    row.updated_at = at.to_owned();
                    let stamp = Stamp { actor: by, now: at, action: if edited { "merge.edit" } else { "merge.answer" } };
                    record_answer(tx, &a, &p.ours, row, Step::Carry, &stamp)?;
                }
                for e in &p.added {
                    let id = insert_evidence(tx, a.id, e, &now)?;
                    crate::audit::record(tx, NewEntry {
                        at: &e.added_at, actor: &e.added_by, action: "evidence.add", year: Some(a.year),
                        indicator: Some(e.indicator), entity: "evidence", before: "null".into(),
                        after: serde_json::json!({"id": id, "name": e.name, "sha256": e.sha256, "url": e.url, "merged": true}).to_string(),
                    })?;
                }
                for id in &p.removed {
                    evidence::delete(tx, a.id, *id)?;
                    crate::audit::record(tx, NewEntry {
                        at: &m.made_at, actor: &m.made_by, action: "evidence.remove", year: Some(a.year),
                        indicator: Some(p.dto.indicator), entity: "evidence",
                        before: serde_json::json!({"id": id}).to_string(), after: "null".into(),
                    })?;
                }
                for c in &p.comments {
                    let id = comments::insert(tx, a.id, c.indicator, &c.author, c.kind, &c.body, &c.created_at)?;
                    crate::audit::record(tx, NewEntry {
                        at: &c.created_at, actor: &c.author, action: "comment.add", year: Some(a.year),
                        indicator: Some(c.indicator), entity: "comment", before: "null".into(),
                        after: serde_json::json!({"id": id, "body": c.body, "merged": true}).to_string(),
                    })?;
                }
            }
            packages::record_merged(tx, &packages::MergedRow {
                package_id: m.package_id.clone(),
                answers_package: (!copy).then(|| work.clone()),
                assessment_id: a.id,
                file_sha256: sha.clone(),
                made_at: m.made_at.clone(),
                merged_at: now.clone(),
                merged_by: actor.clone(),
            })?;
            crate::audit::record(tx, NewEntry {
                at: &now, actor: &actor, action: "package.merge", year: Some(a.year), indicator: None,
                entity: "package", before: "null".into(),
                after: serde_json::json!({"package": m.package_id, "sha256": sha, "from": m.made_by, "take": take}).to_string(),
            })
        })?;
        report.written = true;
        Ok(report)
    }

    /// Only the supervisor decides what comes into the team database.
    fn may_merge(&self, a: &swanilai_store::assessments::AssessmentRow) -> AppResult<()> {
        match self.role_in(a)? {
            Some(Role::Supervisor) => Ok(()),
            _ => Err(AppError::new(
                ErrorCode::SupervisorOnly,
                "only the supervisor (penanggung jawab) merges a return package into the team database",
            )),
        }
    }

    fn plan_merge(
        &self,
        a: &swanilai_store::assessments::AssessmentRow,
        p: &pkg::Payload,
        sender: Option<&str>,
    ) -> AppResult<Vec<Plan>> {
        let conn = self.store.conn();
        // Who sent it back; a return from someone no longer assigned is for a person to decide.
        let member = match sender {
            Some(name) => accounts::by_name(conn, name)?,
            None => None,
        };
        let mut out = Vec::new();
        for theirs in &p.answers {
            let n = theirs.indicator;
            let base_row = p
                .base_answers
                .iter()
                .find(|b| b.indicator == n)
                .map(from_answer)
                .unwrap_or_else(|| AnswerRow::blank(n));
            let ours = answers::get(conn, a.id, n)?.unwrap_or_else(|| AnswerRow::blank(n));
            let (b, t, o) = (state(&base_row), state(&from_answer(theirs)), state(&ours));
            let changes = merge::changes(&b, &t, &o);
            let mut outcome = merge::outcome(&changes);
            // Evidence by content: what the member added and removed since the base.
            let key_map = |list: Vec<pkg::Evidence>| -> BTreeMap<(u32, String), pkg::Evidence> {
                list.into_iter().map(|e| (e.key(), e)).collect()
            };
            let base_ev = key_map(
                p.base_evidence
                    .iter()
                    .filter(|e| e.indicator == n)
                    .cloned()
                    .collect(),
            );
            let their_ev = key_map(
                p.evidence
                    .iter()
                    .filter(|e| e.indicator == n)
                    .cloned()
                    .collect(),
            );
            let ours_rows = evidence::list(conn, a.id, Some(n))?;
            let ours_ev: BTreeMap<(u32, String), i64> = ours_rows
                .iter()
                .map(|e| (to_evidence(e).key(), e.id))
                .collect();
            let sets = merge::set_changes(
                &base_ev.keys().cloned().collect(),
                &their_ev.keys().cloned().collect(),
                &ours_ev.keys().cloned().collect(),
            );
            let added: Vec<pkg::Evidence> = sets
                .added
                .iter()
                .filter_map(|k| their_ev.get(k).cloned())
                .collect();
            let removed: Vec<(i64, String)> = sets
                .removed
                .iter()
                .filter_map(|k| {
                    ours_ev.get(k).map(|id| {
                        (
                            *id,
                            base_ev.get(k).map(|e| e.name.clone()).unwrap_or_default(),
                        )
                    })
                })
                .collect();
            let have = comments::list(conn, a.id, n)?;
            let new_comments: Vec<pkg::Comment> = p
                .comments
                .iter()
                .filter(|c| c.indicator == n)
                .filter(|c| {
                    !have.iter().any(|h| {
                        h.author == c.author && h.created_at == c.created_at && h.body == c.body
                    })
                })
                .cloned()
                .collect();
            if outcome == Outcome::Unchanged
                && (!added.is_empty() || !removed.is_empty() || !new_comments.is_empty())
            {
                outcome = Outcome::Clean;
            }
            let not_assigned = match &member {
                Some(acc) => {
                    outcome != Outcome::Unchanged && !accounts::is_assigned(conn, a.id, n, acc)?
                }
                None => false,
            };
            if not_assigned {
                outcome = Outcome::Conflict;
            }
            let dto = IndicatorMergeDto {
                indicator: n,
                outcome,
                fields: changes
                    .iter()
                    .filter(|(_, c)| matches!(c, Change::Theirs | Change::Same | Change::Conflict))
                    .map(|(f, _)| *f)
                    .collect(),
                details: changes
                    .iter()
                    .filter(|(_, c)| *c != Change::Unchanged)
                    .map(|(f, c)| FieldMergeDto {
                        field: *f,
                        change: *c,
                        base: field_value(&b, *f),
                        theirs: field_value(&t, *f),
                        ours: field_value(&o, *f),
                    })
                    .collect(),
                evidence_added: added.iter().map(|e| e.name.clone()).collect(),
                evidence_removed: removed.iter().map(|(_, name)| name.clone()).collect(),
                comments_added: new_comments.len() as u32,
                not_assigned,
            };
            out.push(Plan {
                dto,
                base: b,
                theirs: theirs.clone(),
                ours,
                added,
                removed: removed.into_iter().map(|(id, _)| id).collect(),
                comments: new_comments,
            });
        }
        Ok(out)
    }

    /// A full copy's payload with each indicator's base: its answer where the two audit
    /// trails last agreed (the longest common run of entries, by hash: where the copies
    /// parted), and as evidence base what both hold (so evidence only adds, never removes).
    fn bases_of_copy(
        &self,
        a: &swanilai_store::assessments::AssessmentRow,
        p: &pkg::Payload,
    ) -> AppResult<pkg::Payload> {
        let conn = self.store.conn();
        let ours = swanilai_store::audit::list(conn, None, None)?;
        let common = ours
            .iter()
            .zip(&p.history)
            .take_while(|(o, t)| o.hash == t.hash)
            .count();
        let mut base: BTreeMap<u32, AnswerRow> = BTreeMap::new();
        for h in &p.history[..common] {
            if let (true, Some(n)) = (h.entity == "answer" && h.year == Some(a.year), h.indicator) {
                base.insert(n, answer_from_state(n, &h.after));
            }
        }
        let mut out = p.clone();
        out.base_answers = p
            .answers
            .iter()
            .map(|t| {
                to_answer(
                    &base
                        .remove(&t.indicator)
                        .unwrap_or_else(|| AnswerRow::blank(t.indicator)),
                )
            })
            .collect();
        let ours_keys: BTreeSet<(u32, String)> = evidence::list(conn, a.id, None)?
            .iter()
            .map(|e| to_evidence(e).key())
            .collect();
        out.base_evidence = p
            .evidence
            .iter()
            .filter(|e| ours_keys.contains(&e.key()))
            .cloned()
            .collect();
        Ok(out)
    }
}

/// An answer as the audit trail recorded it (`answers::answer_state`).
fn answer_from_state(n: u32, json: &str) -> AnswerRow {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let mut row = AnswerRow::blank(n);
    row.level = v["level"]
        .as_i64()
        .and_then(|l| swanilai_core::Level::new(l).ok());
    row.explanation = text("explanation");
    row.service_name = v["service_name"].as_str().map(str::to_owned);
    row.owner = text("owner");
    // Our own trail's JSON; an entry without a status is a draft's.
    row.status = swanilai_core::workflow::Status::parse(v["status"].as_str().unwrap_or("draft"))
        .unwrap_or_default();
    row
}
