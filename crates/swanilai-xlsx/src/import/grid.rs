//! Reading cells with calamine: opening a workbook, finding a sheet, and reading cell
//! values by absolute position (a sheet's used range need not start at A1).
//!
//! A sheet is streamed cell by cell (calamine's `XlsxCellReader`), never loaded as a
//! rectangle: a single value in XFD1048576 would otherwise be a 512 GiB allocation. Only
//! cells with content are kept, and only up to [`Limits`]: reading stops at the first
//! content past the row limit, or when the kept cells or their text grow past the cell or
//! text limit, and [`Grid::cut`] says why. Formatting-only cells (whole formatted columns)
//! cost time linear in the file and no memory. Before calamine opens the workbook, the
//! declared sizes of the parts it loads whole (shared strings, styles, workbook) are checked.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Xlsx};

use crate::XlsxError;

/// What a workbook is read from: a file or bytes in memory.
pub(crate) trait Source: Read + Seek {}
impl<T: Read + Seek> Source for T {}

pub(crate) type Book = Xlsx<Box<dyn Source>>;

/// The largest uncompressed size of a part that calamine reads whole when it opens a
/// workbook (everything but the worksheets, which are streamed).
pub(crate) const MAX_LOADED_PART: u64 = 32 * 1024 * 1024;

/// Open a workbook file; a missing, corrupt or non-xlsx file is a [`XlsxError::Read`]
/// naming the path.
pub(crate) fn open(path: &Path) -> Result<Book, XlsxError> {
    let unreadable = |message: String| XlsxError::Read {
        path: path.to_path_buf(),
        message,
    };
    if !path.is_file() {
        return Err(unreadable("no such file".to_owned()));
    }
    let file = File::open(path).map_err(|e| unreadable(e.to_string()))?;
    open_source(Box::new(BufReader::new(file)), path)
}

/// Open a workbook held in memory; `path` only names it in errors.
pub(crate) fn open_bytes(bytes: Vec<u8>, path: &Path) -> Result<Book, XlsxError> {
    open_source(Box::new(Cursor::new(bytes)), path)
}

fn open_source(mut source: Box<dyn Source>, path: &Path) -> Result<Book, XlsxError> {
    let unreadable = |message: String| XlsxError::Read {
        path: path.to_path_buf(),
        message,
    };
    check_part_sizes(&mut source).map_err(unreadable)?;
    source
        .seek(SeekFrom::Start(0))
        .map_err(|e| unreadable(e.to_string()))?;
    Xlsx::new(source).map_err(|e| unreadable(format!("not a readable workbook: {e}")))
}

/// All wholly loaded parts together, measured.
pub(crate) const MAX_LOADED_TOTAL: u64 = 64 * 1024 * 1024;

/// Refuse a workbook whose shared strings, styles or other wholly loaded part is more than
/// [`MAX_LOADED_PART`] bytes uncompressed, or all of them more than [`MAX_LOADED_TOTAL`] (a
/// zip bomb or a workbook far beyond any catalog or assessment). The sizes are measured by
/// inflating each part into nothing, at most one byte past the limit, not only taken from
/// the zip's directory; a part that inflates to more than its directory says (a forged or
/// damaged zip) is refused here, naming it. A file that is no zip at all is left to
/// calamine's own message.
fn check_part_sizes(source: &mut Box<dyn Source>) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(source) else {
        return Ok(());
    };
    let too_big = |name: &str, what: &str, limit: u64| {
        format!(
            "not a readable workbook: {what} '{name}' is more than {} MB uncompressed, the most \
             this program reads",
            limit / (1024 * 1024)
        )
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let streamed = name.starts_with("xl/worksheets/") && !name.contains("_rels");
        if streamed || entry.is_dir() {
            continue;
        }
        if entry.size() > MAX_LOADED_PART {
            return Err(too_big(&name, "its part", MAX_LOADED_PART));
        }
        let mut capped = entry.take(MAX_LOADED_PART + 1);
        let real = std::io::copy(&mut capped, &mut std::io::sink()).map_err(|e| {
            format!(
                "not a readable workbook: its part '{name}' cannot be read ({e}); the file \
                 is damaged or was not written by a spreadsheet program"
            )
        })?;
        if real > MAX_LOADED_PART {
            return Err(too_big(&name, "its part", MAX_LOADED_PART));
        }
        total += real;
        if total > MAX_LOADED_TOTAL {
            return Err(too_big(
                &name,
                "with the parts before it, the part",
                MAX_LOADED_TOTAL,
            ));
        }
    }
    Ok(())
}

/// How much of one sheet is kept.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Rows 0..rows are read; content on a later row stops the reading.
    pub rows: u32,
    /// Cells with content kept.
    pub cells: usize,
    /// Bytes of text kept, over all cells.
    pub text: usize,
}

/// Why a sheet was not read to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cut {
    /// Content on row `limit` (0-based) or later.
    Rows { limit: u32 },
    /// More cells or text than [`Limits`] allow, first met on 0-based `row`.
    Size { row: u32 },
}

/// The sheet with this name (trimmed, case-insensitive, as Excel compares them), or `None`.
pub(crate) fn sheet(
    book: &mut Book,
    name: &str,
    path: &Path,
    limits: Limits,
) -> Result<Option<Grid>, XlsxError> {
    let wanted = name.trim().to_lowercase();
    let Some(actual) = book
        .sheet_names()
        .into_iter()
        .find(|n| n.trim().to_lowercase() == wanted)
    else {
        return Ok(None);
    };
    let unreadable = |e: calamine::XlsxError| XlsxError::Read {
        path: path.to_path_buf(),
        message: format!("sheet '{actual}' cannot be read: {e}"),
    };
    let mut reader = book.worksheet_cells_reader(&actual).map_err(unreadable)?;
    let mut grid = Grid::default();
    let mut text = 0usize;
    // Formula metadata without expanding shared formulas: nothing is allocated by index.
    while let Some(cell) = reader
        .next_cell_with_formula_metadata()
        .map_err(unreadable)?
    {
        let (row, col) = cell.pos;
        let uncached = cell.formula.is_some() && cell.value == DataRef::Empty;
        if cell.value == DataRef::Empty && !uncached {
            continue; // formatting only
        }
        if row >= limits.rows {
            grid.cut = Some(Cut::Rows { limit: limits.rows });
            break;
        }
        text += match &cell.value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        if grid.cells.len() + grid.uncached.len() >= limits.cells || text > limits.text {
            grid.cut = Some(Cut::Size { row });
            break;
        }
        if uncached {
            grid.uncached.insert((row, col));
        } else {
            grid.cells.insert((row, col), Data::from(cell.value));
        }
        grid.last_row = grid.last_row.max(Some(row));
        grid.cols = Some(match grid.cols {
            Some((first, last)) => (first.min(col), last.max(col)),
            None => (col, col),
        });
    }
    Ok(Some(grid))
}

/// The names of all sheets, for messages.
pub(crate) fn sheet_names(book: &Book) -> Vec<String> {
    book.sheet_names()
}

/// A sheet's cells with content, addressed by absolute 0-based row and column.
#[derive(Default)]
pub(crate) struct Grid {
    cells: HashMap<(u32, u32), Data>,
    /// Cells holding a formula without a cached value (the file was never recalculated).
    uncached: HashSet<(u32, u32)>,
    last_row: Option<u32>,
    /// First and last used column.
    cols: Option<(u32, u32)>,
    /// Why the sheet was not read to its end, if it was not.
    pub cut: Option<Cut>,
}

const EMPTY: Data = Data::Empty;

impl Grid {
    pub fn cell(&self, row: u32, col: u32) -> &Data {
        self.cells.get(&(row, col)).unwrap_or(&EMPTY)
    }

    /// Whether the cell holds a formula whose value was never stored (it reads as empty).
    pub fn uncached(&self, row: u32, col: u32) -> bool {
        self.uncached.contains(&(row, col))
    }

    /// The used columns.
    pub fn columns(&self) -> std::ops::Range<u32> {
        match self.cols {
            Some((first, last)) => first..last + 1,
            None => 0..0,
        }
    }

    /// The used rows from `first` on.
    pub fn rows_from(&self, first: u32) -> std::ops::Range<u32> {
        match self.last_row {
            Some(last) => first..last + 1,
            None => 0..0,
        }
    }
}

/// A cell read as a whole number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Whole {
    Empty,
    Number(i64),
    /// Anything else: text that is no number, a fraction, a date, an error value.
    Invalid,
}

/// 7, 7.0, "7", " 7 ", "7,0" are 7; an empty cell or blank text is `Empty`.
pub(crate) fn whole(d: &Data) -> Whole {
    match d {
        Data::Empty => Whole::Empty,
        Data::Int(i) => Whole::Number(*i),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Whole::Number(*f as i64),
        Data::String(s) if s.trim().is_empty() => Whole::Empty,
        Data::String(s) => parse_whole(s.trim()).map_or(Whole::Invalid, Whole::Number),
        _ => Whole::Invalid,
    }
}

/// "7", "-1", "7.0", "7,00" -> the number; "7.5", "tiga", "1e3" -> `None`.
fn parse_whole(text: &str) -> Option<i64> {
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if digits.is_empty() || !plain(digits) || !fraction.chars().all(|c| c == '0') {
        return None;
    }
    whole.parse().ok()
}

/// The row and value beside `key` in a `_swanilai` metadata sheet (keys in column A,
/// values in B); None when the key is not there.
pub(crate) fn meta_entry<'g>(meta: &'g Grid, key: &str) -> Option<(u32, &'g Data)> {
    meta.rows_from(0)
        .find(|&r| matches!(meta.cell(r, 0), Data::String(k) if k.trim() == key))
        .map(|r| (r, meta.cell(r, 1)))
}

/// The text beside `key` in a metadata sheet, trimmed; None when absent, empty or not text.
pub(crate) fn meta_text(meta: &Grid, key: &str) -> Option<String> {
    meta_entry(meta, key)
        .and_then(|(_, d)| text(d))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A cell as text: text verbatim, numbers as Excel shows them (3, 2.5), booleans as
/// TRUE/FALSE. Dates and error values are `None`: they are not text a person typed.
pub(crate) fn text(d: &Data) -> Option<String> {
    match d {
        Data::Empty => Some(String::new()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(f.to_string()),
        Data::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(_) | Data::Error(_) => None,
    }
}

/// How a value is quoted in a problem message, the same in every language: text in
/// quotes, numbers bare, a date as `yyyy-mm-dd`, an error value as Excel writes it (`#N/A`).
pub(crate) fn shown(d: &Data) -> String {
    match d {
        Data::String(s) => format!("'{s}'"),
        Data::Error(e) => e.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => excel_date(dt.as_f64()),
        other => other.to_string(),
    }
}

/// An Excel date serial (days since 1899-12-30, the 1900 system) as `yyyy-mm-dd`.
fn excel_date(serial: f64) -> String {
    // Days from 1970-01-01, then the civil date (Howard Hinnant's days_from_civil inverse).
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// 0-based column index as the u16 the layout labels take (Excel has 16384 columns).
pub(crate) fn col16(col: u32) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_shown_the_same_in_every_language() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        let date = |serial| {
            Data::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        for (d, want) in [
            (Data::String("tiga".into()), "'tiga'"),
            (Data::Float(2.5), "2.5"),
            (Data::Int(7), "7"),
            (Data::Error(CellErrorType::NA), "#N/A"),
            (date(45_352.0), "2024-03-01"),
            (date(25_569.5), "1970-01-01"),
            (date(36_526.0), "2000-01-01"),
        ] {
            assert_eq!(shown(&d), want, "{d:?}");
        }
    }

    #[test]
    fn whole_numbers_accept_the_forms_people_type() {
        for (d, want) in [
            (Data::Int(7), Whole::Number(7)),
            (Data::Float(7.0), Whole::Number(7)),
            (Data::String("7".into()), Whole::Number(7)),
            (Data::String(" 7 ".into()), Whole::Number(7)),
            (Data::String("3,0".into()), Whole::Number(3)),
            (Data::String("3.00".into()), Whole::Number(3)),
            (Data::String("-1".into()), Whole::Number(-1)),
            (Data::String("  ".into()), Whole::Empty),
            (Data::Empty, Whole::Empty),
            (Data::Float(2.5), Whole::Invalid),
            (Data::String("2,5".into()), Whole::Invalid),
            (Data::String("tiga".into()), Whole::Invalid),
            (Data::String("1e0".into()), Whole::Invalid),
            (Data::String(".0".into()), Whole::Invalid),
            (Data::Bool(true), Whole::Invalid),
        ] {
            assert_eq!(whole(&d), want, "{d:?}");
        }
    }
}
