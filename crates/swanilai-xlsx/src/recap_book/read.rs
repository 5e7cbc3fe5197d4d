//! Reading one exported workbook for the recap: its kind from the first bytes, then the
//! `_swanilai` metadata and the recap sheet through the importer's bounded grid.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use calamine::Data;

use super::{GroupScore, RecapFault, RecapSource};
use crate::butir_book::{BOOK_FORMAT, SHEET_ASPECTS};
use crate::import::grid::{self, Book, Grid, Limits};
use crate::import::META_LIMITS;
use crate::layout::{
    column_letter, meta_key, HEADER_SCAN_ROWS, META_FORMAT, SHEET_META, SHEET_RECAP,
};
use crate::XlsxError;

/// An OLE compound file (CFB): how an encrypted .xlsx and an old .xls begin.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The recap sheets hold a line per domain and aspect (tens); far more is not an export.
const RECAP_LIMITS: Limits = Limits {
    rows: 500,
    cells: 10_000,
    text: 1024 * 1024,
};

/// The longest name or text kept from a workbook (an export writes far shorter ones); the
/// recap workbook can then always hold it in a cell.
const MAX_TEXT: usize = 1_000;

/// A cell's value as a reason quotes it: at most 60 characters.
fn clip(shown: &str) -> String {
    if shown.chars().count() <= 60 {
        return shown.to_owned();
    }
    let head: String = shown.chars().take(57).collect();
    format!("{head}...")
}

/// Read what the recap needs from one file.
pub fn read_recap_source(path: &Path) -> Result<RecapSource, RecapFault> {
    let unreadable = |e: std::io::Error| RecapFault::Unreadable {
        message: e.to_string(),
    };
    if path.is_dir() {
        return Err(RecapFault::Unreadable {
            message: "it is a folder".to_owned(),
        });
    }
    let mut head = Vec::with_capacity(8);
    File::open(path)
        .map_err(unreadable)?
        .take(8)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    kind(&head)?;
    let mut book = grid::open(path).map_err(damaged)?;
    read(&mut book, path)
}

/// [`read_recap_source`] of a workbook held in memory (`name` only names it in errors).
pub fn read_recap_source_bytes(bytes: Vec<u8>, name: &Path) -> Result<RecapSource, RecapFault> {
    kind(&bytes[..bytes.len().min(8)])?;
    let mut book = grid::open_bytes(bytes, name).map_err(damaged)?;
    read(&mut book, name)
}

/// A zip (what an .xlsx is) goes on; a compound file is encrypted or an old .xls.
fn kind(head: &[u8]) -> Result<(), RecapFault> {
    if head == CFB_MAGIC {
        Err(RecapFault::PasswordProtected)
    } else if head.starts_with(b"PK\x03\x04") {
        Ok(())
    } else {
        Err(RecapFault::NotAWorkbook)
    }
}

fn damaged(e: XlsxError) -> RecapFault {
    let message = match e {
        XlsxError::Read { message, .. } => message,
        other => other.to_string(),
    };
    RecapFault::Damaged { message }
}

fn read(book: &mut Book, path: &Path) -> Result<RecapSource, RecapFault> {
    let meta = grid::sheet(book, SHEET_META, path, META_LIMITS)
        .map_err(damaged)?
        .ok_or(RecapFault::Foreign { format: None })?;
    let value = |key: &str| grid::meta_entry(&meta, key).map(|(_, d)| d.clone());
    let text = |key: &str| {
        grid::meta_text(&meta, key).map(|t| {
            if t.chars().count() > MAX_TEXT {
                clip(&t)
            } else {
                t
            }
        })
    };
    let format = text(meta_key::FORMAT);
    let sheet = match format.as_deref() {
        Some(META_FORMAT) => SHEET_RECAP,
        Some(BOOK_FORMAT) => SHEET_ASPECTS,
        _ => return Err(RecapFault::Foreign { format }),
    };
    let missing = |key: &str| RecapFault::MissingMeta {
        key: key.to_owned(),
    };
    let instansi = text(meta_key::INSTANSI).ok_or_else(|| missing(meta_key::INSTANSI))?;
    let framework = text(meta_key::FRAMEWORK_ID).ok_or_else(|| missing(meta_key::FRAMEWORK_ID))?;
    let framework_version = text(meta_key::FRAMEWORK_VERSION).unwrap_or_default();
    let year = value(meta_key::YEAR)
        .and_then(|d| match grid::whole(&d) {
            grid::Whole::Number(y) => i32::try_from(y).ok().filter(|y| (1900..=9999).contains(y)),
            _ => None,
        })
        .ok_or_else(|| missing(meta_key::YEAR))?;
    let g = grid::sheet(book, sheet, path, RECAP_LIMITS)
        .map_err(damaged)?
        .ok_or_else(|| RecapFault::NoSheet {
            sheet: sheet.to_owned(),
        })?;
    if g.cut.is_some() {
        return Err(RecapFault::SheetTooLarge {
            sheet: sheet.to_owned(),
        });
    }
    let mut out = RecapSource {
        instansi,
        year,
        framework,
        framework_version,
        index_name: String::new(),
        index: None,
        rating: None,
        answered: 0,
        total: 0,
        domains: Vec::new(),
        aspects: Vec::new(),
    };
    if sheet == SHEET_RECAP {
        read_rekap_indeks(&g, &mut out)?;
    } else {
        read_rekap_aspek(&g, &mut out)?;
    }
    Ok(out)
}

/// The columns of one recap sheet, found by their header text.
struct Columns {
    sheet: &'static str,
    header: u32,
    cols: Vec<u32>,
}

fn columns(g: &Grid, sheet: &'static str, wanted: &[&str]) -> Result<Columns, RecapFault> {
    for row in 0..HEADER_SCAN_ROWS {
        let found: Vec<Option<u32>> = wanted
            .iter()
            .map(|w| {
                g.columns().find(|c| {
                    matches!(g.cell(row, *c), Data::String(t) if t.trim().eq_ignore_ascii_case(w))
                })
            })
            .collect();
        if found.iter().all(Option::is_some) {
            return Ok(Columns {
                sheet,
                header: row,
                cols: found.into_iter().flatten().collect(),
            });
        }
    }
    Err(RecapFault::NoHeader {
        sheet: sheet.to_owned(),
    })
}

impl Columns {
    fn bad(&self, g: &Grid, row: u32, col: usize) -> RecapFault {
        let c = self.cols[col];
        RecapFault::BadCell {
            sheet: self.sheet.to_owned(),
            cell: format!("{}{}", column_letter(grid::col16(c)), row + 1),
            value: clip(&grid::shown(g.cell(row, c))),
        }
    }

    fn cell<'g>(&self, g: &'g Grid, row: u32, col: usize) -> &'g Data {
        g.cell(row, self.cols[col])
    }

    /// Text of at most [`MAX_TEXT`] characters (names, predikat, counts).
    fn text(&self, g: &Grid, row: u32, col: usize) -> Result<String, RecapFault> {
        grid::text(self.cell(g, row, col))
            .map(|t| t.trim().to_owned())
            .filter(|t| t.chars().count() <= MAX_TEXT)
            .ok_or_else(|| self.bad(g, row, col))
    }

    /// An index as written: a number 1-5, or empty or "-" when nothing is scored.
    fn index(&self, g: &Grid, row: u32, col: usize) -> Result<Option<f64>, RecapFault> {
        let v = match self.cell(g, row, col) {
            Data::Empty => return Ok(None),
            Data::String(t) if matches!(t.trim(), "" | "-") => return Ok(None),
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            _ => return Err(self.bad(g, row, col)),
        };
        if (1.0..=5.0).contains(&v) {
            Ok(Some((v * 100.0).round() / 100.0))
        } else {
            Err(self.bad(g, row, col))
        }
    }

    fn rating(&self, g: &Grid, row: u32, col: usize) -> Result<Option<String>, RecapFault> {
        let t = self.text(g, row, col)?;
        Ok((!matches!(t.as_str(), "" | "-")).then_some(t))
    }

    /// "12/47": answered of total.
    fn count(&self, g: &Grid, row: u32, col: usize) -> Result<(u32, u32), RecapFault> {
        let t = self.text(g, row, col)?;
        t.split_once('/')
            .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
            .filter(|(a, b)| a <= b)
            .ok_or_else(|| self.bad(g, row, col))
    }

    fn number(&self, g: &Grid, row: u32, col: usize) -> Result<u32, RecapFault> {
        match grid::whole(self.cell(g, row, col)) {
            grid::Whole::Number(n) => u32::try_from(n).map_err(|_| self.bad(g, row, col)),
            _ => Err(self.bad(g, row, col)),
        }
    }
}

/// `Rekap Indeks`: Kelompok Domain / Aspek / Indeks, then No, Nama, Indeks, Predikat,
/// Terjawab.
fn read_rekap_indeks(g: &Grid, out: &mut RecapSource) -> Result<(), RecapFault> {
    let c = columns(
        g,
        SHEET_RECAP,
        &["Kelompok", "No", "Nama", "Indeks", "Predikat", "Terjawab"],
    )?;
    for row in g.rows_from(c.header + 1) {
        let kind = c.text(g, row, 0)?;
        if kind.is_empty() {
            continue;
        }
        let (answered, total) = c.count(g, row, 5)?;
        let (index, rating) = (c.index(g, row, 3)?, c.rating(g, row, 4)?);
        match kind.as_str() {
            "Domain" | "Aspek" => {
                let group = GroupScore {
                    number: c.number(g, row, 1)?,
                    name: c.text(g, row, 2)?,
                    index,
                    rating,
                    answered,
                    total,
                };
                if kind == "Domain" {
                    out.domains.push(group);
                } else {
                    out.aspects.push(group);
                }
            }
            "Indeks" => {
                out.index_name = c.text(g, row, 2)?;
                (out.index, out.rating, out.answered, out.total) = (index, rating, answered, total);
                return Ok(());
            }
            _ => return Err(c.bad(g, row, 0)),
        }
    }
    Err(RecapFault::NoIndexRow {
        sheet: SHEET_RECAP.to_owned(),
    })
}

/// `Rekap Aspek`: one row per aspect with its No, then the overall row without a No;
/// the team's index (Indeks Mandiri) is the one recapped.
fn read_rekap_aspek(g: &Grid, out: &mut RecapSource) -> Result<(), RecapFault> {
    let c = columns(
        g,
        SHEET_ASPECTS,
        &["No", "Aspek", "Indeks Mandiri", "Predikat", "Dinilai"],
    )?;
    for row in g.rows_from(c.header + 1) {
        let name = c.text(g, row, 1)?;
        let no_number = matches!(grid::whole(c.cell(g, row, 0)), grid::Whole::Empty);
        if name.is_empty() && no_number {
            continue;
        }
        let (answered, total) = c.count(g, row, 4)?;
        let (index, rating) = (c.index(g, row, 2)?, c.rating(g, row, 3)?);
        if no_number {
            out.index_name = name;
            (out.index, out.rating, out.answered, out.total) = (index, rating, answered, total);
            return Ok(());
        }
        out.aspects.push(GroupScore {
            number: c.number(g, row, 0)?,
            name,
            index,
            rating,
            answered,
            total,
        });
    }
    Err(RecapFault::NoIndexRow {
        sheet: SHEET_ASPECTS.to_owned(),
    })
}
