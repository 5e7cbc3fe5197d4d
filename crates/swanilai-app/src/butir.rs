//! Evidence items (butir): listing them with the level gate applied, and setting the
//! status of one. A framework without butir (59/2020) has none to list or set.

use std::collections::BTreeMap;

use serde_json::json;
use swanilai_core::butir::{gate, ButirState, ButirStatus};
use swanilai_core::workflow::Action;
use swanilai_core::{Butir, Catalog, Level};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::butir::{self as store_butir, ButirRow};

use crate::answers::{ensure_open, normalize_newlines};
use crate::{
    indicator_of, App, AppError, AppResult, ButirDto, ButirInput, ErrorCode, EvidenceDto, Year,
};

/// How long a butir's note may be.
const NOTE_MAX_CHARS: usize = 4_000;

impl App {
    /// The butir of an assessment's framework (of one indicator when given), level 1
    /// first, each with its stored status and what it reads as after the level gate.
    pub fn butir(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<ButirDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if let Some(n) = indicator {
            indicator_of(&catalog, n)?;
        }
        let conn = self.store.conn();
        let states: BTreeMap<String, ButirState> = store_butir::list(conn, a.id, indicator)?
            .into_iter()
            .map(|r| (r.butir, r.state))
            .collect();
        let counts: BTreeMap<String, u32> = swanilai_store::evidence::butir_counts(conn, a.id)?
            .into_iter()
            .collect();
        let mut out = Vec::new();
        for ind in catalog.indicators() {
            if indicator.is_some_and(|n| n != ind.number) {
                continue;
            }
            let items = catalog.butir_of(ind.number);
            for g in gate(&items, &states) {
                let b = g.butir;
                out.push(ButirDto {
                    id: b.id.clone(),
                    indicator: b.indicator,
                    level: b.level,
                    level_name: Level::new(i64::from(b.level))
                        .map(|l| catalog.level_name(ind, l).to_owned())
                        .unwrap_or_default(),
                    text: b.text.clone(),
                    file_prefix: file_prefix(&catalog, &b.id).unwrap_or_default(),
                    status: g.stored.status,
                    kind: g.stored.kind,
                    note: g.stored.note,
                    effective_status: g.effective.status,
                    effective_kind: g.effective.kind,
                    effective_note: g.effective.note,
                    gated: g.gated,
                    evidence_count: counts.get(&b.id).copied().unwrap_or(0),
                });
            }
        }
        Ok(out)
    }

    /// Set one butir's status (with a revisi kind only for revisi) and note, in one audited
    /// transaction; returns the indicator's butir as they read now (the gate may move).
    pub fn set_butir(
        &mut self,
        year: impl Into<Year>,
        input: ButirInput,
    ) -> AppResult<Vec<ButirDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let b = catalog
            .butir_by_id(input.id.trim())
            .cloned()
            .ok_or_else(|| {
                let hint = match catalog.butir().first() {
                    Some(first) => {
                        format!("butir ids look like {}; `butir list` shows them", first.id)
                    }
                    None => format!("{} has no butir", catalog.framework().short_title),
                };
                AppError::new(
                    ErrorCode::UnknownButir,
                    format!(
                        "there is no butir '{}' in {}; {hint}",
                        input.id.trim(),
                        catalog.framework().id
                    ),
                )
            })?;
        let note = input.note.as_deref().map(normalize_newlines);
        if note
            .as_ref()
            .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
        {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the note of butir {} has more than {NOTE_MAX_CHARS} characters",
                    b.id
                ),
            ));
        }
        // Accepting a butir or sending it back (or undoing either) records the external
        // evaluation's verdict; uploading is an edit of the indicator.
        let verdict = |s: ButirStatus| matches!(s, ButirStatus::Diterima | ButirStatus::Revisi);
        let stored =
            stored_row(self.store.conn(), a.id, &b)?.is_some_and(|r| verdict(r.state.status));
        let action = if verdict(input.status) || stored {
            Action::RecordVerdict
        } else {
            Action::Edit
        };
        let actor = self.authorize(&a, action, Some(b.indicator))?;
        ensure_open(&a)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let old = stored_row(tx, a.id, &b)?
                .map(|r| r.state)
                .unwrap_or_default();
            let state = ButirState::new(
                input.status,
                input.kind,
                note.clone().unwrap_or(old.note.clone()),
            )
            .map_err(|e| AppError::new(ErrorCode::InvalidInput, format!("butir {}: {e}", b.id)))?;
            put_state(tx, &a, &b, &old, &state, &actor, &now)
        })?;
        self.butir(Some(a.year), Some(b.indicator))
    }
}

impl App {
    /// Attach an evidence record (file or link) to a butir of its indicator, or with None
    /// to the indicator as a whole. A butir still in draft becomes diunggah (uploaded).
    pub fn attach_evidence_to_butir(
        &mut self,
        year: impl Into<Year>,
        evidence_id: i64,
        butir: Option<&str>,
    ) -> AppResult<EvidenceDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let row = swanilai_store::evidence::get(self.store.conn(), a.id, evidence_id)?.ok_or_else(
            || {
                AppError::new(
                    ErrorCode::EvidenceNotFound,
                    format!(
                        "there is no evidence {evidence_id} in the {} assessment",
                        a.year
                    ),
                )
            },
        )?;
        let target = match butir.map(str::trim) {
            None | Some("") => None,
            Some(id) => {
                let b = catalog.butir_by_id(id).ok_or_else(|| {
                    AppError::new(
                        ErrorCode::UnknownButir,
                        format!("there is no butir '{id}' in {}", catalog.framework().id),
                    )
                })?;
                if b.indicator != row.indicator {
                    return Err(AppError::new(
                        ErrorCode::InvalidInput,
                        format!(
                            "butir {id} belongs to indicator {}, evidence {evidence_id} to indicator {}",
                            b.indicator, row.indicator
                        ),
                    ));
                }
                Some(b.clone())
            }
        };
        let actor = self.authorize(&a, Action::Edit, Some(row.indicator))?;
        ensure_open(&a)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            swanilai_store::evidence::set_butir(
                tx,
                a.id,
                evidence_id,
                target.as_ref().map(|b| b.id.as_str()),
            )?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "evidence.butir",
                    year: Some(a.year),
                    indicator: Some(row.indicator),
                    entity: "evidence",
                    before: json!({"id": evidence_id, "butir": row.butir}).to_string(),
                    after: json!({"id": evidence_id, "butir": target.as_ref().map(|b| &b.id)})
                        .to_string(),
                },
            )?;
            let Some(b) = &target else {
                return Ok::<(), AppError>(());
            };
            let stored = stored_row(tx, a.id, b)?;
            if stored
                .as_ref()
                .is_none_or(|r| r.state.status == ButirStatus::Draft)
            {
                let old = stored.map(|r| r.state).unwrap_or_default();
                let state = ButirState {
                    status: ButirStatus::Diunggah,
                    kind: None,
                    note: old.note.clone(),
                };
                put_state(tx, &a, b, &old, &state, &actor, &now)?;
            }
            Ok(())
        })?;
        self.evidence(Some(a.year), Some(row.indicator))?
            .into_iter()
            .find(|e| e.id == evidence_id)
            .ok_or_else(|| {
                AppError::new(ErrorCode::Internal, "the evidence just attached is missing")
            })
    }
}

/// The stored row of one butir, if it has one.
fn stored_row(
    conn: &swanilai_store::Connection,
    assessment: i64,
    b: &Butir,
) -> Result<Option<ButirRow>, swanilai_store::StoreError> {
    Ok(store_butir::list(conn, assessment, Some(b.indicator))?
        .into_iter()
        .find(|r| r.butir == b.id))
}

/// Store a butir's new state and record the change (`butir.set`) in the same transaction.
fn put_state(
    tx: &swanilai_store::Transaction<'_>,
    a: &AssessmentRow,
    b: &Butir,
    old: &ButirState,
    state: &ButirState,
    actor: &str,
    now: &str,
) -> AppResult<()> {
    store_butir::put(
        tx,
        a.id,
        &ButirRow {
            butir: b.id.clone(),
            indicator: b.indicator,
            state: state.clone(),
            author: actor.to_owned(),
            updated_at: now.to_owned(),
        },
    )?;
    crate::audit::record(
        tx,
        NewEntry {
            at: now,
            actor,
            action: "butir.set",
            year: Some(a.year),
            indicator: Some(b.indicator),
            entity: "butir",
            before: state_json(&b.id, old),
            after: state_json(&b.id, state),
        },
    )?;
    Ok(())
}

fn state_json(id: &str, s: &ButirState) -> String {
    json!({"butir": id, "status": s.status.as_str(), "kind": s.kind.map(|k| k.as_str()), "note": s.note})
        .to_string()
}

/// The file-name prefix of a butir: `I{indicator}-L{level}-{NN}`, NN its place among the
/// butir of its level in catalog order ("I1-L2-03").
pub(crate) fn file_prefix(catalog: &Catalog, id: &str) -> Option<String> {
    let b = catalog.butir_by_id(id)?;
    let place = catalog
        .butir()
        .iter()
        .filter(|x| x.indicator == b.indicator && x.level == b.level)
        .position(|x| x.id == b.id)?;
    Some(format!("I{}-L{}-{:02}", b.indicator, b.level, place + 1))
}
