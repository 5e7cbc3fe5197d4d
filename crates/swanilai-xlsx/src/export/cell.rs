//! Writing cells so that what is written is exactly what is read back.
//!
//! Every write names its sheet and cell when it fails, refuses text over Excel's limit
//! instead of truncating it, and routes text that rust_xlsxwriter would take for raw rich
//! text (`<r>...</r>`) through a one-run rich string, so user text is never written as XML.

use rust_xlsxwriter::{ColNum, Format, FormatAlign, FormatBorder, RowNum, Worksheet};

use crate::layout::{column_letter, excel_len, TableColumn, MAX_CELL_TEXT};

/// Failure while building a workbook, with the place it happened; the caller adds the path.
pub(crate) type Built<T> = Result<T, String>;

/// One worksheet being written, with its name for error messages.
pub(crate) struct Cells<'w> {
    pub ws: &'w mut Worksheet,
    sheet: &'static str,
}

impl<'w> Cells<'w> {
    pub fn new(ws: &'w mut Worksheet, sheet: &'static str) -> Built<Cells<'w>> {
        ws.set_name(sheet)
            .map_err(|e| format!("sheet '{sheet}': {e}"))?;
        Ok(Cells { ws, sheet })
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
            let col = ColNum::try_from(i).map_err(|e| fail(self.sheet, "column", e))?;
            self.ws
                .set_column_width(col, c.width)
                .map_err(|e| fail(self.sheet, "column width", e))?;
        }
        Ok(())
    }

    /// Write a header row of bold, bordered labels.
    pub fn header(&mut self, row: RowNum, labels: &[&str], format: &Format) -> Built<()> {
        for (i, label) in labels.iter().enumerate() {
            let col = ColNum::try_from(i).map_err(|e| fail(self.sheet, "column", e))?;
            self.text(row, col, label, format)?;
        }
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
    use super::escape_escapes;

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
