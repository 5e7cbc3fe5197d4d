//! The workbook of a framework that lists butir (Indeks Pemerintah Digital): export, and
//! import with a preview before anything is written, as for the national workbook.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::json;
use swanilai_core::butir::{gate, ButirState};
use swanilai_core::workflow::Action;
use swanilai_core::{compute_index_values, effective_values, Catalog, Value};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::butir::{self as store_butir, ButirRow};
use swanilai_store::values::{self, ValueSource};
use swanilai_xlsx::butir_book::{self, ButirBook, ButirLine, ValueLine};

use crate::answers::ensure_open;
use crate::values::Stored;
use crate::{App, AppError, AppResult, ErrorCode, ImportChange, ImportField, ImportPreview};
use crate::{ImportOutcome, ImportProblem};

/// What an import writes.
pub(crate) struct Writes {
    values: Vec<(u32, ValueSource, Option<Value>)>,
    butir: Vec<ButirRow>,
}

impl App {
    /// The butir workbook of an assessment as .xlsx bytes.
    pub(crate) fn butir_book_bytes(
        &mut self,
        a: &AssessmentRow,
        catalog: &Catalog,
        out: &Path,
    ) -> AppResult<Vec<u8>> {
        let inst = self.require_instansi()?;
        let verification = self.verification_sheet(a)?;
        let conn = self.store.conn();
        let stored = Stored::read(conn, a.id)?;
        let states: BTreeMap<String, ButirState> = store_butir::list(conn, a.id, None)?
            .into_iter()
            .map(|r| (r.butir, r.state))
            .collect();
        let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for e in
            crate::evidence::with_labels(swanilai_store::evidence::list(conn, a.id, None)?, &[])
        {
            if let Some(b) = &e.butir {
                let prefix = crate::butir::file_prefix(catalog, b).unwrap_or_default();
                let name = match &e.url {
                    Some(url) => format!("{prefix} {} ({url})", e.name),
                    None => format!("{prefix}.{}", e.name),
                };
                files.entry(b.clone()).or_default().push(name);
            }
        }
        let mut butir = Vec::new();
        for ind in catalog.indicators() {
            for g in gate(&catalog.butir_of(ind.number), &states) {
                let reads_as = match g.effective.kind {
                    Some(k) => format!("{} ({})", g.effective.status.as_str(), k.label()),
                    None => g.effective.status.as_str().to_owned(),
                };
                butir.push(ButirLine {
                    id: g.butir.id.clone(),
                    status: g.stored.status,
                    kind: g.stored.kind,
                    note: g.stored.note,
                    reads_as,
                    files: files.remove(&g.butir.id).unwrap_or_default().join("\n"),
                });
            }
        }
        let external = stored.external_values();
        let values = catalog
            .indicators()
            .iter()
            .map(|i| ValueLine {
                indicator: i.number,
                own: stored.scored.get(&i.number).copied(),
                assessor: stored.assessor.get(&i.number).copied(),
                external: catalog.external_default(i).map(|d| {
                    let entered = stored.external.get(&i.number);
                    (
                        entered.map_or(d, |r| r.value),
                        entered.map(|r| r.source.clone()).unwrap_or_default(),
                    )
                }),
            })
            .collect();
        let index = compute_index_values(
            catalog,
            &effective_values(catalog, &stored.scored, &external),
        );
        let assessor_index = (!stored.assessor.is_empty()).then(|| {
            compute_index_values(
                catalog,
                &effective_values(catalog, &stored.assessor, &external),
            )
        });
        let book = ButirBook {
            catalog,
            instansi: inst.name,
            year: a.year,
            audit_head: swanilai_store::audit::head_fingerprint(conn)?,
            values,
            butir,
            index,
            assessor_index,
            verification,
        };
        butir_book::butir_book_bytes(&book).map_err(|e| e.writing(out).into())
    }

    /// Read an edited butir workbook and say what importing it would change.
    pub(crate) fn plan_butir_import(
        &mut self,
        a: &AssessmentRow,
        catalog: &Catalog,
        file: &Path,
    ) -> AppResult<(ImportPreview, Writes)> {
        let lang = self.language;
        let book =
            butir_book::read_butir_book(file, catalog).map_err(|e| AppError::from_xlsx(e, lang))?;
        crate::workbook::check_origin(file, a, book.year, book.framework_id.as_deref())?;
        let conn = self.store.conn();
        let stored = Stored::read(conn, a.id)?;
        let states: BTreeMap<String, ButirState> = store_butir::list(conn, a.id, None)?
            .into_iter()
            .map(|r| (r.butir, r.state))
            .collect();
        let (mut changes, mut unchanged) = (Vec::new(), 0u32);
        let mut writes = Writes {
            values: Vec::new(),
            butir: Vec::new(),
        };
        let show = |v: Option<Value>| v.map(|v| v.to_string()).unwrap_or_default();
        for r in &book.values {
            let external = catalog
                .indicator(r.indicator)
                .is_some_and(|i| i.external_index.is_some());
            let mut changed = false;
            for (source, field, new, old) in [
                (
                    ValueSource::SelfAssessed,
                    ImportField::Value,
                    r.own,
                    stored.scored.get(&r.indicator).copied(),
                ),
                (
                    ValueSource::Assessor,
                    ImportField::AssessorValue,
                    r.assessor,
                    stored.assessor.get(&r.indicator).copied(),
                ),
            ] {
                // An external-index indicator takes no team or assessor value.
                if new != old && !external {
                    changes.push(ImportChange {
                        indicator: r.indicator,
                        field,
                        before: show(old),
                        after: show(new),
                    });
                    writes.values.push((r.indicator, source, new));
                    changed = true;
                }
            }
            unchanged += u32::from(!changed);
        }
        for r in &book.butir {
            let Some(b) = catalog.butir_by_id(&r.id) else {
                continue;
            };
            let old = states.get(&r.id).cloned().unwrap_or_default();
            let new = ButirState {
                status: r.status,
                kind: r.kind,
                note: r.note.clone(),
            };
            if new == old {
                unchanged += 1;
                continue;
            }
            let said = |s: &ButirState| {
                let kind = s
                    .kind
                    .map(|k| format!(" ({})", k.label()))
                    .unwrap_or_default();
                format!("{}: {}{kind} {}", r.id, s.status.as_str(), s.note)
                    .trim_end()
                    .to_owned()
            };
            changes.push(ImportChange {
                indicator: b.indicator,
                field: ImportField::Butir,
                before: said(&old),
                after: said(&new),
            });
            writes.butir.push(ButirRow {
                butir: r.id.clone(),
                indicator: b.indicator,
                state: new,
                author: String::new(),
                updated_at: String::new(),
            });
        }
        let preview = ImportPreview {
            year: a.year,
            file: file.display().to_string(),
            rows_read: (book.values.len()
                + book.butir.len()
                + book.problems.iter().filter(|p| p.row > 0).count()) as u32,
            changes,
            problems: book
                .problems
                .into_iter()
                .map(|p| ImportProblem::new(p, lang))
                .collect(),
            unchanged,
        };
        Ok((preview, writes))
    }

    /// Write a planned butir import in one transaction, each change audited.
    pub(crate) fn apply_butir_import(
        &mut self,
        a: &AssessmentRow,
        preview: ImportPreview,
        writes: Writes,
    ) -> AppResult<ImportOutcome> {
        ensure_open(a)?;
        let mut indicators: Vec<u32> = writes
            .values
            .iter()
            .map(|w| w.0)
            .chain(writes.butir.iter().map(|b| b.indicator))
            .collect();
        indicators.sort_unstable();
        indicators.dedup();
        let mut actor = String::new();
        for n in &indicators {
            actor = self.authorize(a, Action::Edit, Some(*n)).map_err(|e| {
                AppError::new(
                    ErrorCode::NotAssigned,
                    format!("{}: nothing was written: {}", preview.file, e.message),
                )
            })?;
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            for (indicator, source, value) in &writes.values {
                let before = values::get(tx, a.id, *source, *indicator)?.map(|r| r.value);
                values::put(tx, a.id, *source, *indicator, *value, &actor, &now)?;
                let state = |v: Option<Value>| json!({"source": source.as_str(), "value": v.map(|v| v.to_string())}).to_string();
                crate::audit::record(tx, NewEntry {
                    at: &now, actor: &actor, action: "value.import", year: Some(a.year),
                    indicator: Some(*indicator), entity: "value", before: state(before), after: state(*value),
                })?;
            }
            for row in &writes.butir {
                let before = store_butir::list(tx, a.id, Some(row.indicator))?
                    .into_iter()
                    .find(|r| r.butir == row.butir)
                    .map(|r| r.state)
                    .unwrap_or_default();
                let row = ButirRow { author: actor.clone(), updated_at: now.clone(), ..row.clone() };
                store_butir::put(tx, a.id, &row)?;
                let state = |s: &ButirState| json!({"butir": row.butir, "status": s.status.as_str(), "kind": s.kind.map(|k| k.as_str()), "note": s.note}).to_string();
                crate::audit::record(tx, NewEntry {
                    at: &now, actor: &actor, action: "butir.import", year: Some(a.year),
                    indicator: Some(row.indicator), entity: "butir", before: state(&before), after: state(&row.state),
                })?;
            }
            Ok::<_, AppError>(())
        })?;
        Ok(ImportOutcome {
            preview,
            indicators_written: indicators.len() as u32,
        })
    }
}
