//! Reading cells with calamine: opening a workbook, finding a sheet, and reading cell
//! values by absolute position (a sheet's used range need not start at A1).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};

use crate::XlsxError;

pub(crate) type Book = Sheets<BufReader<File>>;

/// Open any workbook calamine reads; a missing, corrupt or non-workbook file is a
/// [`XlsxError::Read`] naming the path.
pub(crate) fn open(path: &Path) -> Result<Book, XlsxError> {
    if !path.is_file() {
        return Err(XlsxError::Read {
            path: path.to_path_buf(),
            message: "no such file".to_owned(),
        });
    }
    open_workbook_auto(path).map_err(|e| XlsxError::Read {
        path: path.to_path_buf(),
        message: format!("not a readable workbook: {e}"),
    })
}

/// The sheet with this name (trimmed, case-insensitive, as Excel compares them), or `None`.
pub(crate) fn sheet(book: &mut Book, name: &str, path: &Path) -> Result<Option<Grid>, XlsxError> {
    let wanted = name.trim().to_lowercase();
    let Some(actual) = book
        .sheet_names()
        .into_iter()
        .find(|n| n.trim().to_lowercase() == wanted)
    else {
        return Ok(None);
    };
    let range = book.worksheet_range(&actual).map_err(|e| XlsxError::Read {
        path: path.to_path_buf(),
        message: format!("sheet '{actual}' cannot be read: {e}"),
    })?;
    Ok(Some(Grid { range }))
}

/// The names of all sheets, for messages.
pub(crate) fn sheet_names(book: &Book) -> Vec<String> {
    book.sheet_names()
}

/// A sheet's cells, addressed by absolute 0-based row and column.
pub(crate) struct Grid {
    range: Range<Data>,
}

const EMPTY: Data = Data::Empty;

impl Grid {
    pub fn cell(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&EMPTY)
    }

    /// The last used row, or `None` for an empty sheet.
    pub fn last_row(&self) -> Option<u32> {
        self.range.end().map(|(r, _)| r)
    }

    /// The used columns.
    pub fn columns(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some((_, first)), Some((_, last))) => first..last + 1,
            _ => 0..0,
        }
    }

    /// The used rows from `first` on.
    pub fn rows_from(&self, first: u32) -> std::ops::Range<u32> {
        match self.last_row() {
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
