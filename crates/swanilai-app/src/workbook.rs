//! The national workbook: export, and import with a preview before anything is written.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use swanilai_core::{compute_index, Level};
use swanilai_store::answers;
use swanilai_xlsx::{AnswerRow, AssessmentSheet, EvidenceRow};

use swanilai_core::workflow::{next_status, Action, Status};

use crate::answers::{blank, ensure_open, normalize_newlines};
use crate::review::answer_state;
use crate::{App, AppError, AppResult, ErrorCode, ImportChange, ImportOutcome, ImportPreview};

impl App {
    /// Write the national workbook of an assessment.
    pub fn export_workbook(&mut self, year: Option<i32>, out: &Path) -> AppResult<()> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let inst = self.require_instansi()?;
        let conn = self.store.conn();
        let stored: HashMap<u32, answers::AnswerRow> = answers::list(conn, a.id)?
            .into_iter()
            .map(|r| (r.indicator, r))
            .collect();
        let mut levels = BTreeMap::new();
        let rows = catalog
            .indicators()
            .iter()
            .map(|ind| {
                let r = stored
                    .get(&ind.number)
                    .cloned()
                    .unwrap_or_else(|| blank(ind.number));
                let level = r.level.and_then(|l| Level::new(i64::from(l)).ok());
                if let Some(l) = level {
                    levels.insert(ind.number, l);
                }
                AnswerRow {
                    indicator: ind.number,
                    level,
                    explanation: r.explanation,
                    service_name: r.service_name,
                    owner: r.owner,
                    status: Status::parse(&r.status)
                        .unwrap_or(Status::Draft)
                        .label_id()
                        .to_owned(),
                }
            })
            .collect();
        let evidence = swanilai_store::evidence::list(conn, a.id, None)?
            .into_iter()
            .map(|e| EvidenceRow {
                indicator: e.indicator,
                name: e.name,
                sha256: e.sha256.unwrap_or_default(),
                size: e.size.unwrap_or(0),
                url: e.url,
                document_date: e.document_date,
            })
            .collect();
        let sheet = AssessmentSheet {
            catalog: &catalog,
            criteria_version: a.criteria_version.clone(),
            instansi: inst.name,
            year: a.year,
            rows,
            evidence,
            index: compute_index(&catalog, &levels),
        };
        swanilai_xlsx::write_assessment(&sheet, out)?;
        Ok(())
    }

    /// Read an edited workbook and say what importing it would change. Writes nothing.
    pub fn import_preview(&mut self, year: Option<i32>, file: &Path) -> AppResult<ImportPreview> {
        Ok(self.plan_import(year, file)?.0)
    }

    /// Import an edited workbook in one transaction. With rejected rows nothing is written
    /// unless `accept_valid_rows` says to write the valid ones.
    pub fn import_apply(
        &mut self,
        year: Option<i32>,
        file: &Path,
        accept_valid_rows: bool,
    ) -> AppResult<ImportOutcome> {
        let (preview, writes, assessment_id) = self.plan_import(year, file)?;
        if !preview.problems.is_empty() && !accept_valid_rows {
            return Err(AppError::new(
                ErrorCode::ImportRejected,
                format!(
                    "{}: {} row problem(s), nothing was written: {}",
                    file.display(),
                    preview.problems.len(),
                    preview
                        .problems
                        .iter()
                        .take(10)
                        .map(|p| format!(
                            "sheet '{}' row {} {}: {}",
                            p.sheet, p.row, p.column, p.message
                        ))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ));
        }
        let year = preview.year;
        let a = self.assessment(Some(year))?;
        let mut actor = String::new();
        let mut refused = Vec::new();
        for w in &writes {
            match self.authorize(&a, Action::Edit, Some(w.indicator)) {
                Ok(name) => actor = name,
                Err(e) => refused.push(e.message),
            }
        }
        if let Some(first) = refused.first() {
            return Err(AppError::new(
                ErrorCode::NotAssigned,
                format!("{}: {} row(s) change indicators you may not change, nothing was written: {first}", file.display(), refused.len()),
            ));
        }
        let now = self.clock.now();
        let written = writes.len() as u32;
        let stored: HashMap<u32, answers::AnswerRow> =
            answers::list(self.store.conn(), assessment_id)?
                .into_iter()
                .map(|r| (r.indicator, r))
                .collect();
        self.store.transaction(|tx, _| {
            for mut row in writes {
                let before = stored
                    .get(&row.indicator)
                    .cloned()
                    .unwrap_or_else(|| blank(row.indicator));
                if let Some(next) =
                    Status::parse(&row.status).and_then(|s| next_status(Action::Edit, s))
                {
                    row.status = next.as_str().to_owned();
                }
                row.author = actor.clone();
                row.updated_at = now.clone();
                answers::upsert(tx, assessment_id, &row)?;
                App::audit(
                    tx,
                    &now,
                    &actor,
                    "answer.import",
                    Some(year),
                    Some(row.indicator),
                    "answer",
                    answer_state(&before),
                    answer_state(&row),
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        Ok(ImportOutcome {
            preview,
            indicators_written: written,
        })
    }

    fn plan_import(
        &mut self,
        year: Option<i32>,
        file: &Path,
    ) -> AppResult<(ImportPreview, Vec<answers::AnswerRow>, i64)> {
        let a = self.assessment(year)?;
        ensure_open(&a)?;
        let catalog = self.catalog_of(&a)?;
        let sheet = swanilai_xlsx::read_assessment(file, &catalog)?;
        if let Some(y) = sheet.year.filter(|y| *y != a.year) {
            return Err(AppError::new(
                ErrorCode::WorkbookWrongAssessment,
                format!(
                    "{} is the workbook of the {y} assessment, not {}; import it with --year {y}",
                    file.display(),
                    a.year
                ),
            ));
        }
        if let Some(f) = sheet
            .framework_id
            .as_ref()
            .filter(|f| **f != a.framework_id)
        {
            return Err(AppError::new(
                ErrorCode::WorkbookWrongAssessment,
                format!(
                    "{} was exported for framework {f}, but the {} assessment uses {}",
                    file.display(),
                    a.year,
                    a.framework_id
                ),
            ));
        }
        let stored: HashMap<u32, answers::AnswerRow> = answers::list(self.store.conn(), a.id)?
            .into_iter()
            .map(|r| (r.indicator, r))
            .collect();
        let mut changes = Vec::new();
        let mut writes = Vec::new();
        let mut unchanged = 0;
        for r in &sheet.rows {
            let before = stored
                .get(&r.indicator)
                .cloned()
                .unwrap_or_else(|| blank(r.indicator));
            let new_level = r.level.map(Level::get);
            let new_text = normalize_newlines(&r.explanation);
            let mut after = before.clone();
            if before.level != new_level {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: "level".into(),
                    before: before.level.map(|l| l.to_string()).unwrap_or_default(),
                    after: new_level.map(|l| l.to_string()).unwrap_or_default(),
                });
                after.level = new_level;
            }
            if before.explanation != new_text {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: "explanation".into(),
                    before: before.explanation.clone(),
                    after: new_text.clone(),
                });
                after.explanation = new_text;
            }
            if let Some(owner) = r.owner.as_ref().filter(|o| **o != before.owner) {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: "owner".into(),
                    before: before.owner.clone(),
                    after: owner.clone(),
                });
                after.owner = owner.clone();
            }
            if after == before {
                unchanged += 1;
            } else {
                writes.push(after);
            }
        }
        let preview = ImportPreview {
            year: a.year,
            file: file.display().to_string(),
            rows_read: (sheet.rows.len() + sheet.problems.iter().filter(|p| p.row > 0).count())
                as u32,
            changes,
            problems: sheet.problems,
            unchanged,
        };
        Ok((preview, writes, a.id))
    }
}
