//! The recap of many instansi: one row per workbook exported by Swanilai (the national
//! workbook of a framework scored with levels, or the butir workbook of one scored with
//! decimals), read from its `_swanilai` metadata and its recap sheet (`Rekap Indeks`, or
//! `Rekap Aspek`) only, as written: the published figures, two decimals, nothing
//! recomputed. A file that cannot be read is a [`RecapFault`] with a stable
//! [`RecapFault::code`], never a stop.
//!
//! [`read_recap_source`] reads one file, bounded in memory and time whatever the file (the
//! importer's bounded grid: part sizes checked before calamine loads them, sheets streamed
//! with row, cell and text limits). [`Recap::new`] orders the rows and flags two workbooks
//! of the same instansi and year; [`Recap::summary`] gives the predikat distribution and the
//! averages per aspect and domain of each framework and year; [`recap_bytes`] writes the
//! recap workbook (`Ringkasan`, one sheet per framework, `Tidak Terbaca`).

use std::collections::BTreeMap;

use swanilai_core::Language;

mod read;
#[cfg(test)]
mod tests;
mod write;

pub use read::{read_recap_source, read_recap_source_bytes};
pub use write::{recap_bytes, SHEET_ERRORS, SHEET_SUMMARY};

/// What one exported workbook says, as written in it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapSource {
    pub instansi: String,
    pub year: i32,
    /// The framework id and version of the metadata (`permenpanrb-59-2020`, `pemdi-2026`).
    pub framework: String,
    pub framework_version: String,
    /// The overall index's name as the recap sheet writes it ("Indeks SPBE").
    pub index_name: String,
    /// The overall index, two decimals; `None` when nothing is answered.
    pub index: Option<f64>,
    pub rating: Option<String>,
    pub answered: u32,
    pub total: u32,
    /// Empty for a framework without domains.
    pub domains: Vec<GroupScore>,
    pub aspects: Vec<GroupScore>,
}

/// One domain's or aspect's line of the recap sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupScore {
    pub number: u32,
    pub name: String,
    pub index: Option<f64>,
    pub rating: Option<String>,
    pub answered: u32,
    pub total: u32,
}

/// Why a file is not in the recap. Every variant has a stable [`code`](RecapFault::code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecapFault {
    /// The file cannot be opened or read (missing, a folder, permissions).
    Unreadable { message: String },
    /// Neither an .xlsx workbook nor an encrypted one: a text file, a PDF, an image.
    NotAWorkbook,
    /// An OLE compound file: a password-protected .xlsx, or an old .xls (Excel 97-2003).
    PasswordProtected,
    /// An .xlsx the reader cannot open (damaged, cut short, parts too large).
    Damaged { message: String },
    /// A workbook not exported by Swanilai (no `_swanilai` sheet, or another format).
    Foreign { format: Option<String> },
    /// The metadata lacks a key the recap needs (instansi, year, framework_id).
    MissingMeta { key: String },
    /// The recap sheet is missing.
    NoSheet { sheet: String },
    /// The recap sheet has no header row with the columns the recap reads.
    NoHeader { sheet: String },
    /// A cell of the recap sheet that does not hold what the export writes.
    BadCell {
        sheet: String,
        cell: String,
        value: String,
    },
    /// The recap sheet has no overall index row.
    NoIndexRow { sheet: String },
    /// The recap sheet goes on far longer than any export writes.
    SheetTooLarge { sheet: String },
}

impl RecapFault {
    /// A stable snake_case code a script can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            RecapFault::Unreadable { .. } => "file_unreadable",
            RecapFault::NotAWorkbook => "not_a_workbook",
            RecapFault::PasswordProtected => "password_protected",
            RecapFault::Damaged { .. } => "workbook_damaged",
            RecapFault::Foreign { .. } => "not_a_swanilai_workbook",
            RecapFault::MissingMeta { .. } => "metadata_incomplete",
            RecapFault::NoSheet { .. } => "recap_sheet_missing",
            RecapFault::NoHeader { .. } => "recap_header_missing",
            RecapFault::BadCell { .. } => "recap_cell_invalid",
            RecapFault::NoIndexRow { .. } => "index_row_missing",
            RecapFault::SheetTooLarge { .. } => "recap_sheet_too_large",
        }
    }

    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let id = lang == Language::Indonesian;
        match self {
            RecapFault::Unreadable { message } if id => {
                format!("berkas tidak dapat dibaca: {message}")
            }
            RecapFault::Unreadable { message } => format!("the file cannot be read: {message}"),
            RecapFault::NotAWorkbook if id => {
                "bukan buku kerja .xlsx (berkas teks, PDF, gambar, atau rusak)".to_owned()
            }
            RecapFault::NotAWorkbook => {
                "not an .xlsx workbook (a text file, PDF, image, or damaged)".to_owned()
            }
            RecapFault::PasswordProtected if id => "dilindungi kata sandi, atau berkas .xls lama \
                 (Excel 97-2003): buka di Excel, hapus kata sandinya, simpan sebagai .xlsx"
                .to_owned(),
            RecapFault::PasswordProtected => "password-protected, or an old .xls (Excel \
                 97-2003) file: open it in Excel, remove the password and save it as .xlsx"
                .to_owned(),
            RecapFault::Damaged { message } if id => {
                format!("buku kerja rusak atau tidak dapat dibuka: {message}")
            }
            RecapFault::Damaged { message } => {
                format!("the workbook is damaged or cannot be opened: {message}")
            }
            RecapFault::Foreign { format } => {
                let found = match format {
                    Some(f) if id => format!(" (formatnya '{f}')"),
                    Some(f) => format!(" (its format is '{f}')"),
                    None if id => " (tidak ada sheet _swanilai)".to_owned(),
                    None => " (it has no _swanilai sheet)".to_owned(),
                };
                if id {
                    format!("bukan buku kerja ekspor Swanilai{found}")
                } else {
                    format!("not a workbook exported by Swanilai{found}")
                }
            }
            RecapFault::MissingMeta { key } if id => {
                format!("sheet _swanilai tidak memuat '{key}'")
            }
            RecapFault::MissingMeta { key } => format!("the _swanilai sheet has no '{key}'"),
            RecapFault::NoSheet { sheet } if id => format!("tidak ada sheet '{sheet}'"),
            RecapFault::NoSheet { sheet } => format!("it has no sheet '{sheet}'"),
            RecapFault::NoHeader { sheet } if id => {
                format!("sheet '{sheet}' tidak memuat baris judul kolom rekap")
            }
            RecapFault::NoHeader { sheet } => {
                format!("sheet '{sheet}' has no header row of the recap's columns")
            }
            RecapFault::BadCell { sheet, cell, value } if id => {
                format!("sheet '{sheet}' sel {cell}: {value} bukan nilai yang ditulis ekspor")
            }
            RecapFault::BadCell { sheet, cell, value } => {
                format!("sheet '{sheet}' cell {cell}: {value} is not what an export writes")
            }
            RecapFault::NoIndexRow { sheet } if id => {
                format!("sheet '{sheet}' tidak memuat baris indeks keseluruhan")
            }
            RecapFault::NoIndexRow { sheet } => {
                format!("sheet '{sheet}' has no overall index row")
            }
            RecapFault::SheetTooLarge { sheet } if id => {
                format!("sheet '{sheet}' jauh lebih panjang daripada hasil ekspor")
            }
            RecapFault::SheetTooLarge { sheet } => {
                format!("sheet '{sheet}' is far longer than an export writes")
            }
        }
    }
}

/// One workbook in the recap.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapRow {
    /// The file as the caller names it.
    pub file: String,
    pub source: RecapSource,
    /// Another workbook of the recap is of the same instansi (compared trimmed, without
    /// case) and year.
    pub duplicate: bool,
}

/// One file not in the recap.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapError {
    pub file: String,
    pub fault: RecapFault,
}

/// The recap: rows ordered by framework, instansi, year and file; errors by file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recap {
    pub rows: Vec<RecapRow>,
    pub errors: Vec<RecapError>,
}

/// The predikat in the order both shipped frameworks band them, highest first; others
/// follow by name, then "-" (no index).
const RATING_ORDER: [&str; 5] = ["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"];

/// The summary of one framework and year.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkSummary {
    pub framework: String,
    pub index_name: String,
    pub year: i32,
    pub rows: usize,
    /// Rows flagged as duplicates (counted in the figures).
    pub duplicates: usize,
    /// Each predikat with its count, highest first; "-" counts rows without an index.
    pub ratings: Vec<(String, usize)>,
    /// Average of the written indices, over the rows with one.
    pub index: GroupAverage,
    pub domains: Vec<GroupAverage>,
    pub aspects: Vec<GroupAverage>,
}

/// The average of one group's written indices.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupAverage {
    pub number: u32,
    pub name: String,
    /// Unrounded; `None` when no row has a value.
    pub average: Option<f64>,
    /// How many rows have a value.
    pub counted: usize,
}

/// The key two workbooks of the same instansi and year share.
fn same_instansi(s: &RecapSource) -> (String, i32) {
    let name: Vec<&str> = s.instansi.split_whitespace().collect();
    (name.join(" ").to_lowercase(), s.year)
}

impl Recap {
    /// Order rows and errors and flag duplicates.
    pub fn new(rows: Vec<(String, RecapSource)>, mut errors: Vec<RecapError>) -> Recap {
        let mut seen: BTreeMap<(String, i32), usize> = BTreeMap::new();
        for (_, s) in &rows {
            *seen.entry(same_instansi(s)).or_default() += 1;
        }
        let mut rows: Vec<RecapRow> = rows
            .into_iter()
            .map(|(file, source)| RecapRow {
                duplicate: seen[&same_instansi(&source)] > 1,
                file,
                source,
            })
            .collect();
        rows.sort_by(|a, b| {
            let key = |r: &RecapRow| {
                (
                    r.source.framework.clone(),
                    same_instansi(&r.source),
                    r.file.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        errors.sort_by(|a, b| a.file.cmp(&b.file));
        Recap { rows, errors }
    }

    /// The frameworks of the rows, in row order, each once.
    pub fn frameworks(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.rows {
            if !out.contains(&r.source.framework.as_str()) {
                out.push(&r.source.framework);
            }
        }
        out
    }

    /// One summary per framework and year, in that order.
    pub fn summary(&self) -> Vec<FrameworkSummary> {
        let mut groups: BTreeMap<(&str, i32), Vec<&RecapRow>> = BTreeMap::new();
        for r in &self.rows {
            groups
                .entry((&r.source.framework, r.source.year))
                .or_default()
                .push(r);
        }
        groups
            .into_iter()
            .map(|((framework, year), rows)| summarize(framework, year, &rows))
            .collect()
    }
}

fn summarize(framework: &str, year: i32, rows: &[&RecapRow]) -> FrameworkSummary {
    let mut ratings: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for r in rows {
        let name = r.source.rating.clone().unwrap_or_else(|| "-".to_owned());
        let rank = match RATING_ORDER.iter().position(|n| *n == name) {
            Some(p) => p,
            None if name == "-" => usize::MAX,
            None => RATING_ORDER.len(),
        };
        *ratings.entry((rank, name)).or_default() += 1;
    }
    let index_name = rows
        .first()
        .map(|r| r.source.index_name.clone())
        .unwrap_or_default();
    let overall = average(0, &index_name, rows.iter().map(|r| r.source.index));
    FrameworkSummary {
        framework: framework.to_owned(),
        index_name,
        year,
        rows: rows.len(),
        duplicates: rows.iter().filter(|r| r.duplicate).count(),
        ratings: ratings.into_iter().map(|((_, n), c)| (n, c)).collect(),
        index: overall,
        domains: group_averages(rows, |s| &s.domains),
        aspects: group_averages(rows, |s| &s.aspects),
    }
}

/// The averages of each group number any row has, named as the first row names it.
fn group_averages(
    rows: &[&RecapRow],
    groups: impl Fn(&RecapSource) -> &Vec<GroupScore>,
) -> Vec<GroupAverage> {
    let mut names: BTreeMap<u32, &str> = BTreeMap::new();
    for r in rows {
        for g in groups(&r.source) {
            names.entry(g.number).or_insert(&g.name);
        }
    }
    names
        .into_iter()
        .map(|(number, name)| {
            let values = rows.iter().map(|r| {
                groups(&r.source)
                    .iter()
                    .find(|g| g.number == number)
                    .and_then(|g| g.index)
            });
            average(number, name, values)
        })
        .collect()
}

fn average(number: u32, name: &str, values: impl Iterator<Item = Option<f64>>) -> GroupAverage {
    let (sum, counted) = values
        .flatten()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    GroupAverage {
        number,
        name: name.to_owned(),
        average: (counted > 0).then(|| sum / counted as f64),
        counted,
    }
}
