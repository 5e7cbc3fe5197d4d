//! Sending back (kirim balik): what changed in a working copy since its base.

use std::collections::BTreeSet;
use std::path::Path;

use swanilai_package::{self as pkg, Manifest, PackageKind};
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::{comments, evidence, packages};

use super::convert::*;
use super::*;
use crate::{App, AppError, AppResult, ErrorCode};

impl App {
    /// Whether an indicator of a working copy changed since its base.
    pub(super) fn has_unsent(&self, a: &AssessmentRow, b: &packages::BaseRow) -> AppResult<bool> {
        let conn = self.store.conn();
        let base: pkg::Answer = serde_json::from_str(&b.answer).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("base of indicator {}: {e}", b.indicator),
            )
        })?;
        let base_ev: Vec<pkg::Evidence> = serde_json::from_str(&b.evidence).unwrap_or_default();
        let now =
            answers::get(conn, a.id, b.indicator)?.unwrap_or_else(|| AnswerRow::blank(b.indicator));
        let now_ev: BTreeSet<(u32, String)> = evidence::list(conn, a.id, Some(b.indicator))?
            .iter()
            .map(|e| to_evidence(e).key())
            .collect();
        let base_keys: BTreeSet<(u32, String)> = base_ev.iter().map(|e| e.key()).collect();
        let comments_now = comments::list(conn, a.id, b.indicator)?.len() as u32;
        Ok(state(&now) != state(&from_answer(&base))
            || now_ev != base_keys
            || comments_now > b.comments)
    }

    /// Send back (kirim balik): write what changed in this working copy since its work
    /// package was opened: answers, evidence, comments, submissions, with their authors
    /// and times, and each indicator's base.
    pub fn package_return(&mut self, out: &Path) -> AppResult<PackageDto> {
        let conn = self.store.conn();
        let pin = packages::latest_in(conn)?.ok_or_else(|| {
            refused(format!(
                "{} was not opened from a work package; there is nothing to send back",
                self.db_path().display()
            ))
        })?;
        let actor = self.actor_name()?;
        let opened: Manifest = serde_json::from_str(&pin.manifest).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the opened package's manifest: {e}"),
            )
        })?;
        let a = swanilai_store::assessments::list(conn)?
            .into_iter()
            .find(|x| x.id == pin.assessment_id)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NoAssessment,
                    "the working copy's assessment is missing",
                )
            })?;
        let mut payload = pkg::Payload {
            criteria_version: a.criteria_version.clone(),
            ..pkg::Payload::default()
        };
        let mut sent = Vec::new();
        for b in packages::bases(conn, a.id)? {
            if !self.has_unsent(&a, &b)? {
                continue;
            }
            sent.push(b.indicator);
            let now = answers::get(conn, a.id, b.indicator)?
                .unwrap_or_else(|| AnswerRow::blank(b.indicator));
            payload.answers.push(to_answer(&now));
            payload
                .base_answers
                .push(serde_json::from_str(&b.answer).map_err(|e| {
                    AppError::new(
                        ErrorCode::Internal,
                        format!("base of indicator {}: {e}", b.indicator),
                    )
                })?);
            let base_ev: Vec<pkg::Evidence> = serde_json::from_str(&b.evidence).unwrap_or_default();
            payload.base_evidence.extend(base_ev);
            payload.evidence.extend(
                evidence::list(conn, a.id, Some(b.indicator))?
                    .iter()
                    .map(to_evidence),
            );
            let thread = comments::list(conn, a.id, b.indicator)?;
            payload
                .comments
                .extend(thread.iter().skip(b.comments as usize).map(to_comment));
        }
        if sent.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "nothing changed since the work package was opened; there is nothing to send back",
            ));
        }
        // Only the files the team database cannot have yet travel back.
        let base_files: BTreeSet<String> = payload
            .base_evidence
            .iter()
            .filter_map(|e| e.sha256.clone())
            .collect();
        let inside: Vec<pkg::Evidence> = payload
            .evidence
            .iter()
            .filter(|e| e.sha256.as_ref().is_none_or(|s| !base_files.contains(s)))
            .cloned()
            .collect();
        let manifest = Manifest {
            format: pkg::FORMAT,
            kind: PackageKind::Return,
            package_id: new_id(),
            answers_package: Some(pin.package_id.clone()),
            made_at: self.clock.now(),
            made_by: actor.clone(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            origin: opened.origin.clone(),
            for_account: pin.for_account.clone(),
            for_unit: opened.for_unit.clone(),
            indicators: sent.clone(),
            parts: Vec::new(),
        };
        let written = self.write_package(out, manifest, &payload, &inside, &mut |_, _| {})?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            // What was sent is no longer unsent work: the bases move to it, so a newer
            // work package (which carries it once merged) replaces these indicators.
            for n in &sent {
                let row = answers::get(tx, a.id, *n)?.unwrap_or_else(|| AnswerRow::blank(*n));
                let ev: Vec<pkg::Evidence> =
                    evidence::list(tx, a.id, Some(*n))?.iter().map(to_evidence).collect();
                packages::set_base(
                    tx,
                    a.id,
                    &packages::BaseRow {
                        indicator: *n,
                        package_id: pin.package_id.clone(),
                        answer: serde_json::to_string(&to_answer(&row)).unwrap_or_default(),
                        evidence: serde_json::to_string(&ev).unwrap_or_default(),
                        comments: comments::list(tx, a.id, *n)?.len() as u32,
                    },
                )?;
            }
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "package.return",
                    year: Some(a.year),
                    indicator: None,
                    entity: "package",
                    before: "null".into(),
                    after: serde_json::json!({"package": written.package_id, "answers": pin.package_id, "indicators": sent}).to_string(),
                },
            )
        })?;
        Ok(summary(out, &written, &inside, Vec::new()))
    }
}

/// What the banner of a working copy says: whose package, from where, what is unsent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct WorkingCopyDto {
    /// The work package it was opened from.
    pub package_id: String,
    /// The instansi of the team database.
    pub instansi: String,
    /// The assessment year.
    pub year: i32,
    /// Who made the package.
    pub made_by: String,
    /// When (RFC 3339).
    pub made_at: String,
    /// The account it is for.
    pub for_account: Option<String>,
    /// The indicators it carries (the only ones editable here).
    pub indicators: Vec<u32>,
    /// Indicators changed here and not sent back yet.
    pub unsent: Vec<u32>,
}

impl App {
    /// The working copy this database is, if it was opened from a work package.
    pub fn working_copy(&mut self) -> AppResult<Option<WorkingCopyDto>> {
        let conn = self.store.conn();
        let Some(pin) = packages::latest_in(conn)? else {
            return Ok(None);
        };
        let m: Manifest = serde_json::from_str(&pin.manifest).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the opened package's manifest: {e}"),
            )
        })?;
        let Some(a) = swanilai_store::assessments::list(conn)?
            .into_iter()
            .find(|x| x.id == pin.assessment_id)
        else {
            return Ok(None);
        };
        let mut unsent = Vec::new();
        for b in packages::bases(self.store.conn(), a.id)? {
            if self.has_unsent(&a, &b)? {
                unsent.push(b.indicator);
            }
        }
        Ok(Some(WorkingCopyDto {
            package_id: pin.package_id,
            instansi: m.origin.instansi,
            year: m.origin.year,
            made_by: m.made_by,
            made_at: m.made_at,
            for_account: m.for_account,
            indicators: m.indicators,
            unsent,
        }))
    }
}
