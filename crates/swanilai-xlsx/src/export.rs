//! Export of an assessment as the national workbook (rust_xlsxwriter).
//!
//! The whole layout is generated from [`crate::layout`]: `Penilaian Mandiri` (the sheet a
//! person edits and import reads back), `Rekap Indeks`, `Data Dukung`, the printable
//! `Kuesioner`, and the hidden `_swanilai` metadata sheet. Nothing is truncated: text over
//! Excel's cell limit is an error naming the indicator.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{ColNum, DataValidation, DataValidationRule, RowNum, Workbook};
use swanilai_core::{Catalog, CriteriaVersion, Indicator};

use crate::layout::{
    excel_len, meta_key, Column, HEADER_ROW, MAX_CELL_TEXT, META_COLUMNS, META_FORMAT,
    META_FORMAT_VERSION, SHEET_ASSESSMENT, SHEET_META,
};
use crate::{AnswerRow, AssessmentSheet, EvidenceRow, XlsxError};

pub(crate) mod cell;
mod questionnaire;
mod recap;
#[cfg(test)]
pub(crate) mod tests;

use cell::{fail, Built, Cells, Styles};

/// The national workbook of an assessment as .xlsx bytes (the caller decides where and
/// how they are written; swanilai-app writes them atomically).
pub fn assessment_bytes(sheet: &AssessmentSheet<'_>) -> Result<Vec<u8>, XlsxError> {
    let write_error = |message: String| XlsxError::Write {
        path: std::path::PathBuf::from(format!("Penilaian Mandiri {}.xlsx", sheet.year)),
        message,
    };
    check_explanations(sheet).map_err(write_error)?;
    let mut workbook = build(sheet).map_err(write_error)?;
    workbook
        .save_to_buffer()
        .map_err(|e| write_error(e.to_string()))
}

/// Write the national workbook of an assessment to `path` (created or replaced; tests and
/// tools; the app writes [`assessment_bytes`] atomically instead).
pub fn write_assessment(sheet: &AssessmentSheet<'_>, path: &Path) -> Result<(), XlsxError> {
    let bytes = assessment_bytes(sheet).map_err(|e| e.writing(path))?;
    std::fs::write(path, bytes).map_err(|e| XlsxError::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Refuse, before writing anything, an explanation Excel cannot hold.
fn check_explanations(sheet: &AssessmentSheet<'_>) -> Built<()> {
    for row in &sheet.rows {
        let len = excel_len(&row.explanation);
        if len > MAX_CELL_TEXT {
            return Err(format!(
                "the explanation (penjelasan) of indicator {} has {len} characters; an Excel \
                 cell holds at most {MAX_CELL_TEXT}, so shorten it or move the detail to \
                 evidence",
                row.indicator
            ));
        }
    }
    Ok(())
}

fn build(sheet: &AssessmentSheet<'_>) -> Built<Workbook> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let view = View::new(sheet);
    assessment_sheet(&mut workbook, &view, &styles)?;
    recap::index_sheet(&mut workbook, sheet, &styles)?;
    recap::evidence_sheet(&mut workbook, sheet, &styles)?;
    questionnaire::sheet(&mut workbook, &view, &styles)?;
    if let Some(v) = &sheet.verification {
        crate::stage_book::verified_sheet(
            &mut workbook,
            sheet.catalog,
            &sheet.instansi,
            sheet.year,
            v,
            &styles,
        )?;
    }
    meta_sheet(&mut workbook, sheet, &styles)?;
    Ok(workbook)
}

/// The assessment looked up by indicator, shared by the sheets that show it.
pub(crate) struct View<'s, 'c> {
    pub sheet: &'s AssessmentSheet<'c>,
    pub criteria: Option<&'c CriteriaVersion>,
    answers: HashMap<u32, &'s AnswerRow>,
    evidence: HashMap<u32, Vec<&'s EvidenceRow>>,
}

impl<'s, 'c> View<'s, 'c> {
    fn new(sheet: &'s AssessmentSheet<'c>) -> View<'s, 'c> {
        let mut evidence: HashMap<u32, Vec<&EvidenceRow>> = HashMap::new();
        for e in &sheet.evidence {
            evidence.entry(e.indicator).or_default().push(e);
        }
        View {
            sheet,
            criteria: sheet.catalog.criteria_version(&sheet.criteria_version),
            answers: sheet.rows.iter().map(|r| (r.indicator, r)).collect(),
            evidence,
        }
    }

    pub fn catalog(&self) -> &'c Catalog {
        self.sheet.catalog
    }

    pub fn answer(&self, indicator: u32) -> Option<&'s AnswerRow> {
        self.answers.get(&indicator).copied()
    }

    /// The indicator's name in the assessment's criteria version (a version may rename it).
    pub fn indicator_name(&self, ind: &'c Indicator) -> &'c str {
        self.criteria
            .and_then(|v| v.indicators.iter().find(|c| c.number == ind.number))
            .and_then(|c| c.name.as_deref())
            .unwrap_or(&ind.name)
    }

    /// The name plus the instansi's own service name for nameable indicators.
    pub fn indicator_title(&self, ind: &'c Indicator) -> String {
        let name = self.indicator_name(ind);
        match self
            .answer(ind.number)
            .and_then(|a| a.service_name.as_deref())
        {
            Some(service) if ind.nameable && !service.trim().is_empty() => {
                format!("{name}: {service}")
            }
            _ => name.to_owned(),
        }
    }

    /// Evidence names one per line; links as "title (url)".
    pub fn evidence_list(&self, indicator: u32) -> String {
        self.evidence
            .get(&indicator)
            .map(|list| {
                list.iter()
                    .map(|e| match &e.url {
                        Some(url) => format!("{} ({url})", e.name),
                        None => e.name.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    }
}

fn col(c: Column) -> ColNum {
    c.index()
}

fn assessment_sheet(workbook: &mut Workbook, view: &View<'_, '_>, s: &Styles) -> Built<()> {
    let sheet = view.sheet;
    let catalog = view.catalog();
    let framework = catalog.framework();
    let mut w = Cells::new(workbook.add_worksheet(), SHEET_ASSESSMENT)?;

    let title = format!("Penilaian Mandiri SPBE {}", sheet.instansi);
    w.text(0, 0, title.trim_end(), &s.title)?;
    let short = if framework.short_title.is_empty() {
        &framework.title
    } else {
        &framework.short_title
    };
    let criteria = view
        .criteria
        .map_or(sheet.criteria_version.as_str(), |v| &v.title);
    w.text(
        1,
        0,
        &format!("Tahun {} · {short} · Kriteria: {criteria}", sheet.year),
        &s.subtitle,
    )?;
    w.text(
        2,
        0,
        "Isi kolom Tingkat (1-5, kosong bila belum dinilai) dan Penjelasan. Baris dicocokkan \
         dengan kolom No: jangan ubah nomor indikator.",
        &s.subtitle,
    )?;

    for c in Column::ALL {
        w.width(col(c), c.width())?;
    }
    let headers: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    w.header(HEADER_ROW, &headers, &s.header)?;

    let mut row: RowNum = HEADER_ROW;
    for ind in catalog.indicators() {
        row += 1;
        let answer = view.answer(ind.number);
        let aspect = catalog.aspect(ind.aspect);
        let domain = catalog.domain_of(ind);
        w.number(row, col(Column::No), f64::from(ind.number), &s.number)?;
        let title = view.indicator_title(ind);
        let evidence = view.evidence_list(ind.number);
        w.number(
            row,
            col(Column::Weight),
            f64::from(ind.weight_bp) / 100.0,
            &s.decimal,
        )?;
        match answer.and_then(|a| a.level) {
            Some(level) => w.number(row, col(Column::Level), f64::from(level.get()), &s.level)?,
            None => w.blank(row, col(Column::Level), &s.level)?,
        }
        let texts = [
            (Column::Domain, domain.map_or("", |d| d.name.as_str())),
            (Column::Aspect, aspect.map_or("", |a| a.name.as_str())),
            (Column::Indicator, title.as_str()),
            (Column::Question, ind.question.as_str()),
            (
                Column::Explanation,
                answer.map_or("", |a| a.explanation.as_str()),
            ),
            (Column::Evidence, evidence.as_str()),
            (Column::Owner, answer.map_or("", |a| a.owner.as_str())),
            (Column::Status, answer.map_or("", |a| a.status.as_str())),
        ];
        for (c, text) in texts {
            w.wrapped(row, col(c), text, &s.text)?;
        }
    }
    w.fit_rows()?;
    let last_row = row;
    let last_col = col(Column::Status);

    let validation =
        level_validation().map_err(|e| fail(SHEET_ASSESSMENT, "data validation", e))?;
    if last_row > HEADER_ROW {
        let c = col(Column::Level);
        w.ws.add_data_validation(HEADER_ROW + 1, c, last_row, c, &validation)
            .map_err(|e| fail(SHEET_ASSESSMENT, "data validation", e))?;
    }
    w.ws.autofilter(HEADER_ROW, 0, last_row, last_col)
        .map_err(|e| fail(SHEET_ASSESSMENT, "autofilter", e))?;
    w.ws.set_freeze_panes(HEADER_ROW + 1, col(Column::No) + 1)
        .map_err(|e| fail(SHEET_ASSESSMENT, "freeze panes", e))?;
    w.ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)
        .map_err(|e| fail(SHEET_ASSESSMENT, "print titles", e))?;
    w.ws.set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{SHEET_ASSESSMENT}&RTahun {}", sheet.year))
        .set_footer("&CHalaman &P dari &N");
    w.ws.set_active(true);
    Ok(())
}

/// Paper size code of A4 in Excel's page setup.
pub(crate) const PAPER_A4: u8 = 9;

fn level_validation() -> Result<DataValidation, rust_xlsxwriter::XlsxError> {
    DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1, 5))
        .set_input_title("Tingkat kematangan")?
        .set_input_message(
            "Isi bilangan bulat 1 sampai 5 sesuai kriteria tingkat di sheet Kuesioner. \
             Kosongkan bila indikator belum dinilai.",
        )?
        .set_error_title("Tingkat tidak valid")?
        .set_error_message("Tingkat harus bilangan bulat 1, 2, 3, 4 atau 5, atau dikosongkan.")
}

fn meta_sheet(workbook: &mut Workbook, sheet: &AssessmentSheet<'_>, s: &Styles) -> Built<()> {
    let framework = sheet.catalog.framework();
    let mut w = Cells::new(workbook.add_worksheet(), SHEET_META)?;
    w.widths(&META_COLUMNS)?;
    w.header(
        0,
        &[META_COLUMNS[0].header, META_COLUMNS[1].header],
        &s.bold,
    )?;
    let texts = [
        (meta_key::FORMAT, META_FORMAT),
        (meta_key::FRAMEWORK_ID, framework.id.as_str()),
        (meta_key::FRAMEWORK_VERSION, framework.version.as_str()),
        (meta_key::CRITERIA_VERSION, sheet.criteria_version.as_str()),
        (meta_key::INSTANSI, sheet.instansi.as_str()),
        (meta_key::AUDIT_HEAD, sheet.audit_head.as_str()),
    ];
    let plain = rust_xlsxwriter::Format::new();
    let mut row: RowNum = 0;
    for (key, value) in texts {
        row += 1;
        w.text(row, 0, key, &plain)?;
        w.text(row, 1, value, &plain)?;
    }
    for (key, value) in [
        (meta_key::FORMAT_VERSION, f64::from(META_FORMAT_VERSION)),
        (meta_key::YEAR, f64::from(sheet.year)),
    ] {
        row += 1;
        w.text(row, 0, key, &plain)?;
        w.number(row, 1, value, &plain)?;
    }
    w.ws.set_hidden(true);
    Ok(())
}
