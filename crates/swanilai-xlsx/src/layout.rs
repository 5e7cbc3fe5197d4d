//! The one layout of the national workbook, shared by export and import.
//!
//! Export writes exactly this layout; import finds the `Penilaian Mandiri` header row by
//! scanning the first [`HEADER_SCAN_ROWS`] rows for the `No` and `Tingkat` headers and then
//! finds every column by its header text, so a person who inserts a row above the table or
//! reorders the columns still gets a workbook that imports.

/// Sheet names, in the order the workbook shows them.
pub const SHEET_ASSESSMENT: &str = "Penilaian Mandiri";
pub const SHEET_RECAP: &str = "Rekap Indeks";
pub const SHEET_EVIDENCE: &str = "Data Dukung";
pub const SHEET_QUESTIONNAIRE: &str = "Kuesioner";
/// Hidden sheet of key/value rows describing what the workbook was exported from.
pub const SHEET_META: &str = "_swanilai";

/// Value of the metadata `format` key.
pub const META_FORMAT: &str = "swanilai-workbook";
pub const META_FORMAT_VERSION: u32 = 1;

/// Keys of the metadata sheet (column A), each with its value in column B.
pub mod meta_key {
    pub const FORMAT: &str = "format";
    pub const FORMAT_VERSION: &str = "format_version";
    pub const FRAMEWORK_ID: &str = "framework_id";
    pub const FRAMEWORK_VERSION: &str = "framework_version";
    pub const CRITERIA_VERSION: &str = "criteria_version";
    pub const YEAR: &str = "year";
    pub const INSTANSI: &str = "instansi";
    /// The audit log's head when the workbook was written ("1234-9f8e7d6c5b4a").
    pub const AUDIT_HEAD: &str = "audit_head";
}

/// 0-based row of the `Penilaian Mandiri` header in an exported workbook (title rows above).
pub const HEADER_ROW: u32 = 3;
/// How many rows from the top the importer scans for the header row.
pub const HEADER_SCAN_ROWS: u32 = 10;
/// How many rows beyond the header scan and the catalog's indicators the importer reads
/// (room for blank rows, notes and duplicates); content further down is one problem.
pub const MAX_ROWS_BEYOND_CATALOG: u32 = 2_000;
/// How many rows a duplicate problem lists before it only counts the rest.
pub const MAX_LISTED_ROWS: usize = 10;
/// 0-based header row of the `Rekap Indeks` and `Data Dukung` sheets.
pub const TABLE_HEADER_ROW: u32 = 2;

/// The columns of `Penilaian Mandiri`, in exported order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    No,
    Domain,
    Aspect,
    Indicator,
    Question,
    Weight,
    Level,
    Explanation,
    Evidence,
    Owner,
    Status,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::No,
        Column::Domain,
        Column::Aspect,
        Column::Indicator,
        Column::Question,
        Column::Weight,
        Column::Level,
        Column::Explanation,
        Column::Evidence,
        Column::Owner,
        Column::Status,
    ];

    /// The columns import needs; the others are for people and are ignored on import.
    pub const REQUIRED: [Column; 3] = [Column::No, Column::Level, Column::Explanation];

    /// The header text, as the national application labels it.
    pub fn header(self) -> &'static str {
        match self {
            Column::No => "No",
            Column::Domain => "Domain",
            Column::Aspect => "Aspek",
            Column::Indicator => "Indikator",
            Column::Question => "Pertanyaan",
            Column::Weight => "Bobot (%)",
            Column::Level => "Tingkat",
            Column::Explanation => "Penjelasan",
            Column::Evidence => "Data Dukung",
            Column::Owner => "Unit/Penanggung Jawab",
            Column::Status => "Status",
        }
    }

    /// Width in Excel character units.
    pub fn width(self) -> f64 {
        match self {
            Column::No => 5.0,
            Column::Domain => 18.0,
            Column::Aspect => 22.0,
            Column::Indicator => 40.0,
            Column::Question => 45.0,
            Column::Weight => 9.0,
            Column::Level => 8.0,
            Column::Explanation => 60.0,
            Column::Evidence => 35.0,
            Column::Owner => 20.0,
            Column::Status => 12.0,
        }
    }

    /// 0-based position in an exported workbook.
    pub fn index(self) -> u16 {
        self as u16
    }

    /// "G (Tingkat)" for the exported position.
    pub fn label(self) -> String {
        column_label(self.index(), self.header())
    }

    /// Whether a header cell's text names this column (trimmed, case-insensitive).
    pub fn matches(self, header_text: &str) -> bool {
        header_text.trim().to_lowercase() == self.header().to_lowercase()
    }
}

/// One column of a simple table sheet: header and width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableColumn {
    pub header: &'static str,
    pub width: f64,
}

/// A table column: its header and width (Excel characters).
pub(crate) const fn col(header: &'static str, width: f64) -> TableColumn {
    TableColumn { header, width }
}

/// `Rekap Indeks`: one row per domain, per aspect, then the overall index.
pub const RECAP_COLUMNS: [TableColumn; 7] = [
    col("Kelompok", 10.0),
    col("No", 5.0),
    col("Nama", 48.0),
    col("Bobot (%)", 10.0),
    col("Indeks", 9.0),
    col("Predikat", 14.0),
    col("Terjawab", 11.0),
];

/// `Data Dukung`: one row per evidence file or link.
pub const EVIDENCE_COLUMNS: [TableColumn; 7] = [
    col("No", 5.0),
    col("Indikator", 40.0),
    col("Nama Berkas", 36.0),
    col("SHA-256", 30.0),
    col("Ukuran (bytes)", 14.0),
    col("Tanggal Dokumen", 16.0),
    col("Tautan", 40.0),
];

/// `Kuesioner`: a label column and a text column per indicator block.
pub const QUESTIONNAIRE_COLUMNS: [TableColumn; 2] = [col("", 24.0), col("", 95.0)];

/// `_swanilai`: key and value.
pub const META_COLUMNS: [TableColumn; 2] = [col("key", 20.0), col("value", 50.0)];

/// Excel's limit on the text of one cell, in UTF-16 code units.
pub const MAX_CELL_TEXT: usize = 32_767;

/// The length of a text as Excel counts it (UTF-16 code units).
pub fn excel_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// 0 -> "A", 25 -> "Z", 26 -> "AA".
pub fn column_letter(index: u16) -> String {
    let mut n = u32::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// "G (Tingkat)": the letter a person sees plus the header, for problem reports.
pub fn column_label(index: u16, header: &str) -> String {
    format!("{} ({})", column_letter(index), header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        let got: Vec<String> = [0, 6, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letter)
            .collect();
        assert_eq!(got, ["A", "G", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn labels_name_letter_and_header() {
        assert_eq!(Column::Level.label(), "G (Tingkat)");
        assert_eq!(Column::Explanation.label(), "H (Penjelasan)");
        assert_eq!(Column::No.label(), "A (No)");
        assert_eq!(Column::ALL.len(), Column::Status.index() as usize + 1);
    }

    #[test]
    fn headers_match_trimmed_and_case_insensitive() {
        assert!(Column::Level.matches("  tingkat "));
        assert!(Column::Weight.matches("BOBOT (%)"));
        assert!(!Column::Level.matches("Tingkat Akhir"));
    }

    #[test]
    fn excel_counts_utf16_units() {
        assert_eq!(excel_len("abc"), 3);
        assert_eq!(excel_len("é"), 1);
        assert_eq!(excel_len("😀"), 2);
    }
}
