//! The national workbook: export, and import with a preview before anything is written.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use swanilai_core::compute_index;
use swanilai_core::workflow::Action;
use swanilai_store::answers::{self, AnswerRow as StoredAnswer};
use swanilai_xlsx::{AnswerRow, AssessmentSheet, EvidenceRow};

use crate::answers::{ensure_open, normalize_newlines, record_answer, Stamp, Step};
use crate::settings::Language;
use crate::{App, AppError, AppResult, ErrorCode, ImportChange, ImportField, ImportOutcome};
use crate::{ImportPreview, ImportProblem, Year};

impl App {
    /// Write the national workbook of an assessment (atomically: an interrupted export
    /// leaves nothing under `out`).
    pub fn export_workbook(&mut self, year: impl Into<Year>, out: &Path) -> AppResult<()> {
        let bytes = self.workbook_bytes(year, out)?;
        crate::files::write_bytes_atomically(out, &bytes)
    }

    /// The national workbook of an assessment as .xlsx bytes.
    /// (`out` is the file the bytes are for, named in an error.)
    pub(crate) fn workbook_bytes(
        &mut self,
        year: impl Into<Year>,
        out: &Path,
    ) -> AppResult<Vec<u8>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if uses_butir_book(&catalog) {
            return self.butir_book_bytes(&a, &catalog, out);
        }
        let inst = self.require_instansi()?;
        let verification = self.verification_sheet(&a)?;
        let conn = self.store.conn();
        let stored: HashMap<u32, StoredAnswer> = answers::list(conn, a.id)?
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
                    .unwrap_or_else(|| StoredAnswer::blank(ind.number));
                let level = r.level;
                if let Some(l) = level {
                    levels.insert(ind.number, l);
                }
                AnswerRow {
                    indicator: ind.number,
                    level,
                    explanation: r.explanation,
                    service_name: r.service_name,
                    owner: r.owner,
                    status: r.status.label_id().to_owned(),
                }
            })
            .collect();
        // The verifier reads the same names as the evidence package's files:
        // "10.c.small1.pdf", a link as "10.d Portal" (as in the package's tautan.txt).
        let stored_evidence = swanilai_store::evidence::list(conn, a.id, None)?;
        let evidence = crate::evidence::with_labels(stored_evidence, &[])
            .into_iter()
            .map(|e| EvidenceRow {
                indicator: e.indicator,
                name: match e.url {
                    Some(_) => format!("{} {}", e.label, e.name),
                    None => e.conventional_name,
                },
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
            audit_head: swanilai_store::audit::head_fingerprint(self.store.conn())?,
            rows,
            evidence,
            index: compute_index(&catalog, &levels),
            verification,
        };
        swanilai_xlsx::assessment_bytes(&sheet).map_err(|e| e.writing(out).into())
    }

    /// Read an edited workbook and say what importing it would change. Writes nothing.
    pub fn import_preview(
        &mut self,
        year: impl Into<Year>,
        file: &Path,
    ) -> AppResult<ImportPreview> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if uses_butir_book(&catalog) {
            ensure_open(&a)?;
            return Ok(self.plan_butir_import(&a, &catalog, file)?.0);
        }
        Ok(self.plan_import(Some(a.year), file)?.0)
    }

    /// Import an edited workbook in one transaction. With rejected rows nothing is written
    /// unless `accept_valid_rows` says to write the valid ones.
    pub fn import_apply(
        &mut self,
        year: impl Into<Year>,
        file: &Path,
        accept_valid_rows: bool,
    ) -> AppResult<ImportOutcome> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if uses_butir_book(&catalog) {
            ensure_open(&a)?;
            let (preview, writes) = self.plan_butir_import(&a, &catalog, file)?;
            if !preview.problems.is_empty() && !accept_valid_rows {
                return Err(AppError::new(
                    ErrorCode::ImportRejected,
                    rejected(file, &preview.problems, self.language),
                ));
            }
            return self.apply_butir_import(&a, preview, writes);
        }
        let (preview, writes) = self.plan_import(Some(a.year), file)?;
        if !preview.problems.is_empty() && !accept_valid_rows {
            return Err(AppError::new(
                ErrorCode::ImportRejected,
                rejected(file, &preview.problems, self.language),
            ));
        }
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
        let stored: HashMap<u32, StoredAnswer> = answers::list(self.store.conn(), a.id)?
            .into_iter()
            .map(|r| (r.indicator, r))
            .collect();
        let stamp = Stamp {
            actor: &actor,
            now: &now,
            action: "answer.import",
        };
        if !writes.is_empty() && self.read_only().is_none() {
            self.auto_backup(crate::BackupReason::Import)?;
        }
        self.store.transaction(|tx, _| {
            for row in writes {
                let before = stored
                    .get(&row.indicator)
                    .cloned()
                    .unwrap_or_else(|| StoredAnswer::blank(row.indicator));
                record_answer(tx, &a, &before, row, Step::Edit, &stamp)?;
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
        year: impl Into<Year>,
        file: &Path,
    ) -> AppResult<(ImportPreview, Vec<StoredAnswer>)> {
        let a = self.assessment(year)?;
        ensure_open(&a)?;
        let catalog = self.catalog_of(&a)?;
        let lang = self.language;
        let sheet = swanilai_xlsx::read_assessment(file, &catalog)
            .map_err(|e| AppError::from_xlsx(e, lang))?;
        check_origin(file, &a, sheet.year, sheet.framework_id.as_deref())?;
        let stored: HashMap<u32, StoredAnswer> = answers::list(self.store.conn(), a.id)?
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
                .unwrap_or_else(|| StoredAnswer::blank(r.indicator));
            let new_level = r.level;
            let new_text = normalize_newlines(&r.explanation);
            let mut after = before.clone();
            if before.level != new_level {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: ImportField::Level,
                    before: before.level.map(|l| l.to_string()).unwrap_or_default(),
                    after: new_level.map(|l| l.to_string()).unwrap_or_default(),
                });
                after.level = new_level;
            }
            if before.explanation != new_text {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: ImportField::Explanation,
                    before: before.explanation.clone(),
                    after: new_text.clone(),
                });
                after.explanation = new_text;
            }
            if let Some(owner) = r.owner.as_ref().filter(|o| **o != before.owner) {
                changes.push(ImportChange {
                    indicator: r.indicator,
                    field: ImportField::Owner,
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
            problems: sheet
                .problems
                .into_iter()
                .map(|p| ImportProblem::new(p, lang))
                .collect(),
            unchanged,
        };
        Ok((preview, writes))
    }
}

/// Whether an assessment's framework is exchanged as the butir workbook (it lists butir or
/// scores decimal values) rather than the national workbook.
fn uses_butir_book(catalog: &swanilai_core::Catalog) -> bool {
    !catalog.butir().is_empty() || catalog.scoring().value == swanilai_core::ValueKind::Decimal
}

/// Refuse a workbook exported for another year or framework than the assessment.
pub(crate) fn check_origin(
    file: &Path,
    a: &swanilai_store::assessments::AssessmentRow,
    year: Option<i32>,
    framework: Option<&str>,
) -> AppResult<()> {
    if let Some(y) = year.filter(|y| *y != a.year) {
        return Err(AppError::new(
            ErrorCode::WorkbookWrongAssessment,
            format!(
                "{} is the workbook of the {y} assessment, not {}; import it with --year {y}",
                file.display(),
                a.year
            ),
        ));
    }
    if let Some(f) = framework.filter(|f| *f != a.framework_id) {
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
    Ok(())
}

/// Why an import with rejected rows wrote nothing, with the first ten problems, in `lang`.
pub(crate) fn rejected(file: &Path, problems: &[ImportProblem], lang: Language) -> String {
    let listed: Vec<String> = problems
        .iter()
        .take(10)
        .map(|p| match lang {
            Language::Indonesian => format!(
                "lembar '{}' baris {} {}: {}",
                p.sheet, p.row, p.column, p.message
            ),
            Language::English => format!(
                "sheet '{}' row {} {}: {}",
                p.sheet, p.row, p.column, p.message
            ),
        })
        .collect();
    let n = problems.len();
    match lang {
        Language::Indonesian => format!(
            "{}: {n} masalah pada baris, tidak ada yang ditulis: {}",
            file.display(),
            listed.join("; ")
        ),
        Language::English => format!(
            "{}: {n} row problem(s), nothing was written: {}",
            file.display(),
            listed.join("; ")
        ),
    }
}
