//! Writing cells so that what is written is exactly what is read back.
//!
//! Every write names its sheet and cell when it fails, refuses text over Excel's limit
//! instead of truncating it, and routes text that rust_xlsxwriter would take for raw rich
//! text (`<r>...</r>`) through a one-run rich string, so user text is never written as XML.

use std::collections::BTreeMap;

use rust_xlsxwriter::{ColNum, Format, FormatAlign, FormatBorder, RowNum, Worksheet};

use crate::layout::{column_letter, excel_len, TableColumn, MAX_CELL_TEXT};

/// Failure while building a workbook, with the place it happened; the caller adds the path.
pub(crate) type Built<T> = Result<T, String>;

/// One worksheet being written, with its name for error messages.
pub(crate) struct Cells<'w> {
    pub ws: &'w mut Worksheet,
    sheet: String,
    /// Column widths set so far, for estimating the height of wrapped text.
    widths: BTreeMap<ColNum, f64>,
    /// The height each row needs for its wrapped text (points).
    heights: BTreeMap<RowNum, f64>,
}

/// Height of one line of 11 pt text, in points, and Excel's largest row height.
const LINE_POINTS: f64 = 15.0;
const MAX_ROW_POINTS: f64 = 409.0;

/// Lines that wrapped text takes in a column `width` characters wide. Excel does not
/// grow rows for wrapped text in a file it opens, and LibreOffice does not either when it
/// prints, so the writer sets the heights itself.
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    // Calibri 11 fits about 1.15 average characters per unit of column width.
    let per_line = (width * 1.15).floor().max(1.0) as usize;
    text.split('\n')
        .map(|para| {
            let mut lines = 1;
            let mut used = 0usize;
            for word in para.split(' ') {
                let len = word.chars().count();
                let need = if used == 0 { len } else { used + 1 + len };
                if need <= per_line {
                    used = need;
                } else if used == 0 {
                    lines += len.saturating_sub(1) / per_line;
                    used = len % per_line;
                } else {
                    lines += 1 + len.saturating_sub(1) / per_line;
                    used = match len % per_line {
                        0 if len > 0 => per_line,
                        r => r,
                    };
                }
            }
            lines
        })
        .sum()
}

impl<'w> Cells<'w> {
    pub fn new(ws: &'w mut Worksheet, sheet: &str) -> Built<Cells<'w>> {
        ws.set_name(sheet)
            .map_err(|e| format!("sheet '{sheet}': {e}"))?;
        Ok(Cells {
            ws,
            sheet: sheet.to_owned(),
            widths: BTreeMap::new(),
            heights: BTreeMap::new(),
        })
    }

    pub fn place(&self, row: RowNum, col: ColNum) -> String {
        format!(
            "sheet '{}' cell {}{}",
            self.sheet,
            column_letter(col),
            row + 1
        )
    }

    /// Write text verbatim; empty text leaves a formatted blank cell.
    pub fn text(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Built<()> {
        if text.is_empty() {
            return self.blank(row, col, format);
        }
        let len = excel_len(text);
        if len > MAX_CELL_TEXT {
            return Err(format!(
                "{}: text of {len} characters exceeds Excel's limit of {MAX_CELL_TEXT}",
                self.place(row, col)
            ));
        }
        let result = if text.starts_with("<r>") && text.ends_with("</r>") {
            // rust_xlsxwriter stores such a string as raw rich-text XML; a one-run rich
            // string escapes it instead (rich runs do not escape `_xHHHH_`, so we do).
            let escaped = escape_escapes(text);
            self.ws.write_rich_string_with_format(
                row,
                col,
                &[(&Format::default(), &escaped)],
                format,
            )
        } else {
            self.ws.write_string_with_format(row, col, text, format)
        };
        result
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", self.place(row, col)))
    }

    pub fn number(&mut self, row: RowNum, col: ColNum, value: f64, format: &Format) -> Built<()> {
        self.ws
            .write_number_with_format(row, col, value, format)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", self.place(row, col)))
    }

    pub fn blank(&mut self, row: RowNum, col: ColNum, format: &Format) -> Built<()> {
        self.ws
            .write_blank(row, col, format)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", self.place(row, col)))
    }

    /// Set the widths of the first columns.
    pub fn widths(&mut self, columns: &[TableColumn]) -> Built<()> {
        for (i, c) in columns.iter().enumerate() {
            let col = ColNum::try_from(i).map_err(|e| fail(&self.sheet, "column", e))?;
            self.width(col, c.width)?;
        }
        Ok(())
    }

    /// Set one column's width.
    pub fn width(&mut self, col: ColNum, width: f64) -> Built<()> {
        self.widths.insert(col, width);
        self.ws
            .set_column_width(col, width)
            .map(|_| ())
            .map_err(|e| fail(&self.sheet, "column width", e))
    }

    /// Write wrapped text and make its row tall enough to show it.
    pub fn wrapped(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Built<()> {
        self.text(row, col, text, format)?;
        let width = self.widths.get(&col).copied().unwrap_or(8.43);
        let needed = (wrapped_lines(text, width) as f64 * LINE_POINTS + 2.0).min(MAX_ROW_POINTS);
        let h = self.heights.entry(row).or_insert(LINE_POINTS);
        *h = h.max(needed);
        Ok(())
    }

    /// Apply the row heights wrapped text needs (call once the sheet is written).
    pub fn fit_rows(&mut self) -> Built<()> {
        for (&row, &h) in &self.heights {
            if h > LINE_POINTS + 2.0 {
                self.ws
                    .set_row_height(row, h)
                    .map_err(|e| fail(&self.sheet, "row height", e))?;
            }
        }
        Ok(())
    }

    /// Write a header row of bold, bordered labels.
    pub fn header(&mut self, row: RowNum, labels: &[&str], format: &Format) -> Built<()> {
        for (i, label) in labels.iter().enumerate() {
            let col = ColNum::try_from(i).map_err(|e| fail(&self.sheet, "column", e))?;
            self.wrapped(row, col, label, format)?;
        }
        // Bold headers wrap earlier than body text; two lines keep them whole everywhere.
        let h = self.heights.entry(row).or_insert(LINE_POINTS);
        *h = h.max(2.0 * LINE_POINTS + 2.0);
        Ok(())
    }
}

/// A failure of a sheet-wide setting (widths, panes, validation), naming the sheet.
pub(crate) fn fail(sheet: &str, what: &str, e: impl std::fmt::Display) -> String {
    format!("sheet '{sheet}' {what}: {e}")
}

/// Escape literal `_xHHHH_` sequences as `_x005F_xHHHH_`, as Excel does, so a reader
/// that unescapes them gives back the original text.
fn escape_escapes(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in text.match_indices("_x") {
        let tail = &bytes[i + 2..];
        let is_escape =
            tail.len() >= 5 && tail[..4].iter().all(u8::is_ascii_hexdigit) && tail[4] == b'_';
        if is_escape {
            out.push_str(&text[last..i]);
            out.push_str("_x005F");
            last = i;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// The cell formats the workbook uses.
pub(crate) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub label: Format,
    pub text: Format,
    pub number: Format,
    pub decimal: Format,
    pub level: Format,
    pub bold: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let cell = Format::new()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_text_wrap();
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new().set_italic(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(0xD9E1F2),
            label: cell.clone().set_bold().set_background_color(0xF2F2F2),
            text: cell.clone(),
            number: cell.clone().set_num_format("0"),
            decimal: cell.clone().set_num_format("0.00"),
            level: cell
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center)
                .set_background_color(0xFFF2CC)
                .set_unlocked(),
            bold: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_escapes, wrapped_lines};

    #[test]
    fn wrapped_text_is_counted_in_lines() {
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("satu dua", 10.0), 1);
        assert_eq!(
            wrapped_lines("satu dua tiga", 10.0),
            2,
            "a word that does not fit wraps"
        );
        assert_eq!(
            wrapped_lines("a\nb\n\nc", 40.0),
            4,
            "every line break counts"
        );
        assert_eq!(
            wrapped_lines(&"x".repeat(25), 10.0),
            3,
            "a long word breaks"
        );
        let explanation = "FAKTA: Peraturan Bupati telah ditetapkan dan diterapkan. ".repeat(20);
        assert!(wrapped_lines(&explanation, 60.0) >= explanation.len() / 69);
    }

    #[test]
    fn only_complete_escape_sequences_are_escaped() {
        assert_eq!(escape_escapes("a_x0041_b"), "a_x005F_x0041_b");
        assert_eq!(
            escape_escapes("_x00_ _x004_ _xZZZZ_"),
            "_x00_ _x004_ _xZZZZ_"
        );
        assert_eq!(escape_escapes("é_x00e9_"), "é_x005F_x00e9_");
    }
}
