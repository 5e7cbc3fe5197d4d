//! Spreadsheet boundary of Swanilai SPBE.
//!
//! Exports an assessment as the national workbook (sheets `Penilaian Mandiri`,
//! `Rekap Indeks`, `Data Dukung`, `Kuesioner`) with rust_xlsxwriter, and imports the
//! `Penilaian Mandiri` sheet back with calamine after a person edited it in Excel or
//! LibreOffice. One layout spec ([`layout`]) drives both directions, so export -> import
//! is the identity. Import never fails on the first problem: it returns every valid row
//! plus every problem with its sheet, row and column. Problems and layout errors are values
//! ([`ProblemKind`], [`LayoutProblem`]) said in Bahasa Indonesia or English on request.
//!
//! Catalog workbooks: a framework catalog laid out as a workbook (same content as the
//! JSON format of swanilai-core) can be written and read back ([`catalog_book`]).
//!
//! This crate knows nothing of SQLite: callers pass plain values in and get plain values out.

use std::path::PathBuf;

use swanilai_core::{Catalog, IndexReport, Language, Level};

pub mod butir_book;
pub mod catalog_book;
mod export;
mod import;
pub mod layout;
mod problem;
pub mod recap_book;
pub mod stage_book;

pub use export::{assessment_bytes, write_assessment};
pub use import::{read_assessment, read_assessment_bytes};
pub use problem::{LayoutProblem, ProblemKind, TextField};

/// Everything the national workbook shows, as plain values.
#[derive(Debug, Clone)]
pub struct AssessmentSheet<'a> {
    pub catalog: &'a Catalog,
    /// Id of the criteria version the assessment is scored with (for the Kuesioner text).
    pub criteria_version: String,
    pub instansi: String,
    pub year: i32,
    /// The audit log's head fingerprint when exported (in the `_swanilai` sheet).
    pub audit_head: String,
    /// One row per catalog indicator, in catalog order (missing rows are shown unanswered).
    pub rows: Vec<AnswerRow>,
    pub evidence: Vec<EvidenceRow>,
    pub index: IndexReport,
    /// Self against verified, once any verification result is recorded (a `Verifikasi`
    /// sheet); None leaves the sheet out.
    pub verification: Option<stage_book::VerificationSheet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub indicator: u32,
    pub level: Option<Level>,
    pub explanation: String,
    /// The instansi's own service name (indicators 45-47), shown after the indicator name.
    pub service_name: Option<String>,
    /// Unit kerja or person in charge.
    pub owner: String,
    /// Workflow status label in Indonesian ("Draf", "Diajukan", ...).
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRow {
    pub indicator: u32,
    /// File name (or the link's title for link evidence).
    pub name: String,
    /// Empty for a link.
    pub sha256: String,
    pub size: u64,
    /// For link evidence: the URL.
    pub url: Option<String>,
    pub document_date: Option<String>,
}

/// What was read from an edited `Penilaian Mandiri` sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedSheet {
    /// Year and framework id from the workbook's metadata sheet, when present.
    pub year: Option<i32>,
    pub framework_id: Option<String>,
    /// Rows that passed validation, one per indicator.
    pub rows: Vec<ImportedRow>,
    /// Every problem found; a row with a problem is not in `rows`.
    pub problems: Vec<ImportProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRow {
    pub indicator: u32,
    /// 1-based spreadsheet row it came from.
    pub row: u32,
    pub level: Option<Level>,
    pub explanation: String,
    /// The Unit/Penanggung Jawab cell, trimmed; None when the sheet has no such column.
    pub owner: Option<String>,
}

/// One rejected cell: where it is and what is wrong with it ([`ImportProblem::message`]
/// says it in a language).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportProblem {
    pub sheet: String,
    /// 1-based spreadsheet row; 0 when the problem is with the whole sheet or file.
    pub row: u32,
    /// Column letter and header, e.g. "G (Tingkat)"; empty when not about one column.
    pub column: String,
    /// What is wrong, as a value (serialised flat: `kind` plus its fields).
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl ImportProblem {
    /// What is wrong and how to mend it, in `lang` (without the place: the caller shows
    /// sheet, row and column beside it).
    pub fn message(&self, lang: Language) -> String {
        self.kind.message(lang)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error("cannot write workbook {path}: {message}")]
    Write { path: PathBuf, message: String },
    /// The file cannot be read as a workbook at all (missing, corrupt, not xlsx).
    #[error("cannot read workbook {path}: {message}")]
    Read { path: PathBuf, message: String },
    /// The workbook opens but is not laid out as expected (missing sheet or header).
    #[error("workbook {path} has the wrong layout: {}", .problem.message(Language::English))]
    Layout {
        path: PathBuf,
        problem: LayoutProblem,
    },
    /// A catalog workbook whose content does not validate.
    #[error("catalog workbook {path}: {message}")]
    Catalog { path: PathBuf, message: String },
}

impl XlsxError {
    /// The same error about the file the caller is writing (bytes made in memory are
    /// written by the caller under a name of its choosing).
    pub fn writing(self, path: &std::path::Path) -> XlsxError {
        match self {
            XlsxError::Write { message, .. } => XlsxError::Write {
                path: path.to_path_buf(),
                message,
            },
            other => other,
        }
    }
}
