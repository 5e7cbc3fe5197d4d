//! What can be wrong in an edited workbook, as values, and how each is said in Bahasa
//! Indonesia (the default) and in English.
//!
//! The import records a [`ProblemKind`] per rejected cell and an [`XlsxError::Layout`]
//! carries a [`LayoutProblem`]; the words are chosen only when a person reads them
//! ([`ProblemKind::message`], [`XlsxError::message`]), so the same workbook can be
//! explained in the window's language or the command line's `--lang`. Messages name the
//! sheet's own columns (No, Tingkat, Penjelasan, Unit/Penanggung Jawab) as the person sees
//! them in Excel.

use serde::Serialize;
use swanilai_core::Language;

use crate::XlsxError;

/// The text column a [`ProblemKind::NotText`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// `Penjelasan`.
    Explanation,
    /// `Unit/Penanggung Jawab`.
    Owner,
}

/// Why a cell of an imported sheet was rejected. A `value` is the cell as the sheet shows
/// it: text in quotes (`'tiga'`), numbers bare (`2.5`), dates as `yyyy-mm-dd`, error
/// values as Excel writes them (`#N/A`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// `No` is a whole number that is not an indicator of the framework.
    NotAnIndicator {
        /// The number in the cell.
        value: i64,
        /// Id of the assessment's framework.
        framework: String,
    },
    /// `No` is empty on a row that has other content.
    NoEmpty,
    /// `No` is not a whole number.
    NotIndicatorNumber {
        /// The cell as shown.
        value: String,
    },
    /// `Tingkat` is not a whole number from 1 to 5.
    NotALevel {
        /// The cell as shown.
        value: String,
    },
    /// A text column holds a date or an error value.
    NotText {
        /// The cell as shown.
        value: String,
        /// Which column.
        field: TextField,
    },
    /// The same indicator is on more than one row.
    Duplicate {
        /// The indicator's number.
        indicator: u32,
        /// The first 1-based rows it is on (at most [`crate::layout::MAX_LISTED_ROWS`]).
        rows: Vec<u32>,
        /// How many more rows it is on.
        more: u32,
    },
    /// A cell holds a formula whose value was never calculated and stored (a file written
    /// by a program that does not calculate): it would read as empty.
    FormulaWithoutValue {
        /// The cell's address, e.g. `G12`.
        cell: String,
        /// Its column's header, e.g. `Tingkat`.
        header: String,
    },
    /// The sheet has content below its first `limit` rows, which were all that was read.
    SheetTooLong {
        /// How many rows were read.
        limit: u32,
    },
    /// The sheet holds more cells or text than the importer keeps; reading stopped at
    /// 1-based `row`.
    SheetTooLarge {
        /// The row where reading stopped.
        row: u32,
    },
    /// The metadata sheet's year is not a year.
    NotAYear {
        /// The cell as shown.
        value: String,
    },
    /// A value cell that is not 1,00-5,00 with at most two decimals (butir workbook).
    NotAValue {
        /// The cell as shown.
        value: String,
    },
    /// A butir id the framework does not have, or that is listed twice (butir workbook).
    UnknownButir {
        /// The id as written.
        value: String,
    },
    /// A butir status or revisi kind that is not one of the framework's (butir workbook).
    NotAButirStatus {
        /// The cell's text.
        value: String,
    },
}

impl ProblemKind {
    /// What is wrong and how to mend it, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        use Language::{English as En, Indonesian as Id};
        match (self, lang) {
            (ProblemKind::NotAnIndicator { value, framework }, Id) => {
                format!("{value} bukan nomor indikator pada kerangka {framework}")
            }
            (ProblemKind::NotAnIndicator { value, framework }, En) => {
                format!("{value} is not an indicator number of framework {framework}")
            }
            (ProblemKind::NoEmpty, Id) => {
                "No kosong; setiap baris harus berisi nomor indikatornya".to_owned()
            }
            (ProblemKind::NoEmpty, En) => {
                "No is empty; every row needs the number of its indicator".to_owned()
            }
            (ProblemKind::NotIndicatorNumber { value }, Id) => {
                format!("{value} bukan nomor indikator; No harus bilangan bulat")
            }
            (ProblemKind::NotIndicatorNumber { value }, En) => {
                format!("{value} is not an indicator number; No must be a whole number")
            }
            (ProblemKind::NotALevel { value }, Id) => format!(
                "{value} bukan tingkat; Tingkat harus bilangan bulat 1 sampai 5, atau \
                 dikosongkan bila belum dinilai"
            ),
            (ProblemKind::NotALevel { value }, En) => format!(
                "{value} is not a level; Tingkat must be a whole number from 1 to 5, or empty \
                 when not yet assessed"
            ),
            (ProblemKind::NotText { value, field }, Id) => format!(
                "{value} bukan teks; tuliskan {} sebagai teks",
                field_name(*field, Id)
            ),
            (ProblemKind::NotText { value, field }, En) => format!(
                "{value} is not text; type the {} as text",
                field_name(*field, En)
            ),
            (
                ProblemKind::Duplicate {
                    indicator,
                    rows,
                    more: 0,
                },
                Id,
            ) => format!(
                "indikator {indicator} ada pada baris {}; sisakan satu baris untuk setiap \
                 indikator",
                list(rows, "dan")
            ),
            (
                ProblemKind::Duplicate {
                    indicator,
                    rows,
                    more: 0,
                },
                En,
            ) => format!(
                "indicator {indicator} appears on rows {}; keep one row per indicator",
                list(rows, "and")
            ),
            (
                ProblemKind::Duplicate {
                    indicator,
                    rows,
                    more,
                },
                Id,
            ) => format!(
                "indikator {indicator} ada pada baris {} dan {more} baris lain; sisakan satu \
                 baris untuk setiap indikator",
                rows_listed(rows)
            ),
            (
                ProblemKind::Duplicate {
                    indicator,
                    rows,
                    more,
                },
                En,
            ) => format!(
                "indicator {indicator} appears on rows {} and {more} more; keep one row per \
                 indicator",
                rows_listed(rows)
            ),
            (ProblemKind::FormulaWithoutValue { cell, header }, Id) => format!(
                "{cell} ({header}) berisi rumus tanpa nilai tersimpan; buka berkas di Excel \
                 atau LibreOffice dan simpan ulang agar nilainya dihitung, atau ketik nilainya"
            ),
            (ProblemKind::FormulaWithoutValue { cell, header }, En) => format!(
                "{cell} ({header}) holds a formula without a stored value; open the file in \
                 Excel or LibreOffice and save it again so the value is calculated, or type \
                 the value"
            ),
            (ProblemKind::SheetTooLong { limit }, Id) => format!(
                "lembar berisi data di bawah baris {limit}; hanya {limit} baris pertama yang \
                 dibaca. Hapus baris yang tidak dipakai di bawah tabel"
            ),
            (ProblemKind::SheetTooLong { limit }, En) => format!(
                "the sheet has content below row {limit}; only its first {limit} rows were \
                 read. Delete the unused rows below the table"
            ),
            (ProblemKind::SheetTooLarge { row }, Id) => format!(
                "lembar berisi terlalu banyak sel atau teks; pembacaan berhenti pada baris \
                 {row}. Hapus baris dan kolom yang tidak dipakai"
            ),
            (ProblemKind::SheetTooLarge { row }, En) => format!(
                "the sheet holds too many cells or too much text; reading stopped at row \
                 {row}. Delete the unused rows and columns"
            ),
            (ProblemKind::NotAYear { value }, Id) => {
                format!("{value} bukan tahun; isi tahun penilaian, misalnya 2025")
            }
            (ProblemKind::NotAYear { value }, En) => {
                format!("{value} is not a year; give the assessment's year, e.g. 2025")
            }
            (ProblemKind::NotAValue { value }, Id) => format!(
                "{value} bukan nilai; isi 1,00 sampai 5,00 dengan paling banyak dua desimal, atau kosongkan"
            ),
            (ProblemKind::NotAValue { value }, En) => format!(
                "{value} is not a value; give 1.00 to 5.00 with at most two decimals, or leave it empty"
            ),
            (ProblemKind::UnknownButir { value }, Id) => format!(
                "'{value}' bukan ID butir kerangka ini, atau muncul dua kali"
            ),
            (ProblemKind::UnknownButir { value }, En) => format!(
                "'{value}' is not a butir id of this framework, or appears twice"
            ),
            (ProblemKind::NotAButirStatus { value }, Id) => format!(
                "'{value}' bukan status butir; isi draft, diunggah, diterima atau revisi (jenis revisi hanya untuk revisi: tidak tepat, belum diunggah, otomatis ditolak)"
            ),
            (ProblemKind::NotAButirStatus { value }, En) => format!(
                "'{value}' is not a butir status; give draft, diunggah, diterima or revisi (a revisi kind only with revisi: tidak tepat, belum diunggah, otomatis ditolak)"
            ),
        }
    }
}

fn field_name(field: TextField, lang: Language) -> &'static str {
    match field {
        TextField::Explanation => lang.pick("Penjelasan", "explanation (Penjelasan)"),
        TextField::Owner => "unit kerja",
    }
}

/// `11, 12 dan 14` / `11, 12 and 14`.
fn list(rows: &[u32], and: &str) -> String {
    joined(rows.iter().map(u32::to_string).collect(), and)
}

/// `1, 2, 3`: the listed rows when more follow.
fn rows_listed(rows: &[u32]) -> String {
    rows.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Items separated by commas, the last by `and`.
fn joined(mut items: Vec<String>, and: &str) -> String {
    match items.pop() {
        Some(last) if !items.is_empty() => format!("{} {and} {last}", items.join(", ")),
        Some(last) => last,
        None => String::new(),
    }
}

/// Why a workbook that opens is not laid out as expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutProblem {
    /// No sheet of that name; `found` are the sheets the workbook has.
    NoSheet { sheet: String, found: Vec<String> },
    /// The header row (1-based `row`) lacks required columns.
    MissingColumns {
        sheet: String,
        row: u32,
        columns: Vec<String>,
    },
    /// None of the first `rows` rows is a header row with `columns`.
    NoHeaderRow {
        sheet: String,
        rows: u32,
        columns: Vec<String>,
    },
    /// A catalog sheet's first row lacks a column.
    NoColumnInFirstRow { sheet: String, column: String },
}

impl LayoutProblem {
    /// What is missing, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let quoted = |names: &[String], and: &str| {
            joined(names.iter().map(|n| format!("'{n}'")).collect(), and)
        };
        match self {
            LayoutProblem::NoSheet { sheet, found } => lang.pick(
                format!(
                    "tidak ada lembar bernama '{sheet}' (lembar yang ada: {})",
                    quoted(found, "dan")
                ),
                format!(
                    "no sheet named '{sheet}' (the workbook has {})",
                    quoted(found, "and")
                ),
            ),
            LayoutProblem::MissingColumns {
                sheet,
                row,
                columns,
            } => lang.pick(
                format!(
                    "baris judul (baris {row}) pada lembar '{sheet}' tidak memiliki kolom {}",
                    quoted(columns, "dan")
                ),
                format!(
                    "the header row (row {row}) of sheet '{sheet}' has no {} column",
                    quoted(columns, "or")
                ),
            ),
            LayoutProblem::NoHeaderRow {
                sheet,
                rows,
                columns,
            } => lang.pick(
                format!(
                    "lembar '{sheet}' tidak memiliki baris judul dengan kolom {} pada {rows} \
                     baris pertamanya",
                    quoted(columns, "dan")
                ),
                format!(
                    "sheet '{sheet}' has no header row with the columns {} in its first \
                     {rows} rows",
                    quoted(columns, "and")
                ),
            ),
            LayoutProblem::NoColumnInFirstRow { sheet, column } => lang.pick(
                format!("lembar '{sheet}' tidak memiliki kolom '{column}' pada baris pertamanya"),
                format!("sheet '{sheet}' has no column '{column}' in its first row"),
            ),
        }
    }
}

impl XlsxError {
    /// The error as a person reads it, in `lang`. Layout errors are said in either
    /// language; the others keep their English text (it carries the reader's own words).
    pub fn message(&self, lang: Language) -> String {
        match (self, lang) {
            (XlsxError::Layout { path, problem }, Language::Indonesian) => format!(
                "susunan lembar kerja {} tidak sesuai: {}",
                path.display(),
                problem.message(lang)
            ),
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
