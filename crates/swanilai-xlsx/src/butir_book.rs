//! The workbook of a framework scored with decimal values and judged butir by butir
//! (Indeks Pemerintah Digital): `Nilai Indikator` (one row per indicator: the team's and
//! the assessor's values, the external index), `Butir` (one row per indicator and butir:
//! status, revisi kind, note, the status after the level gate, files), `Rekap Aspek`, the
//! printable `Kuesioner` (each level's butir) and the hidden `_swanilai` metadata.
//!
//! Import ([`read_butir_book`]) reads back what a person may edit: the two values per
//! indicator, and each butir's status, revisi kind and note, finding header rows and
//! columns by their text as the national workbook's import does. Export -> import is the
//! identity. A provisional framework says "SEMENTARA" under every sheet's title.

use rust_xlsxwriter::{RowNum, Workbook};
use swanilai_core::butir::{ButirStatus, RevisiKind};
use swanilai_core::{Catalog, IndexReport, Level, Value};

use crate::export::cell::{Built, Cells, Styles};
use crate::layout::{col, meta_key, TableColumn, META_COLUMNS, SHEET_META};
use crate::XlsxError;

pub(crate) mod read;
#[cfg(test)]
mod tests;

pub use read::{
    read_butir_book, read_butir_book_bytes, ImportedBook, ImportedButir, ImportedValue,
};

/// The `format` key of this workbook's metadata.
pub const BOOK_FORMAT: &str = "swanilai-workbook-butir";
/// The sheet of values, one row per indicator.
pub const SHEET_VALUES: &str = "Nilai Indikator";
/// The sheet of butir, one row per indicator and butir.
pub const SHEET_BUTIR: &str = "Butir";
/// The recap by aspect.
pub const SHEET_ASPECTS: &str = "Rekap Aspek";
/// The printable questionnaire: each level's butir.
pub const SHEET_QUESTIONNAIRE: &str = "Kuesioner";
/// The row (0-based) of every table's header.
pub const HEADER_ROW: u32 = 3;

/// Columns of `Nilai Indikator`; import reads No, Nilai Mandiri and Nilai Asesor.
pub const VALUE_COLUMNS: [TableColumn; 9] = [
    col("No", 5.0),
    col("Indikator", 48.0),
    col("Aspek", 28.0),
    col("Bobot (%)", 9.0),
    col("Nilai Mandiri", 12.0),
    col("Nilai Asesor", 12.0),
    col("Predikat Nilai Mandiri", 14.0),
    col("Indeks Eksternal", 30.0),
    col("Sumber", 30.0),
];

/// Columns of `Butir`; import reads ID Butir, Status, Jenis Revisi and Catatan.
pub const BUTIR_COLUMNS: [TableColumn; 10] = [
    col("No", 5.0),
    col("Tingkat", 8.0),
    col("ID Butir", 14.0),
    col("Nama Berkas", 12.0),
    col("Butir", 60.0),
    col("Status", 11.0),
    col("Jenis Revisi", 16.0),
    col("Catatan", 36.0),
    col("Terbaca", 26.0),
    col("Berkas", 36.0),
];

/// One indicator's values as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueLine {
    pub indicator: u32,
    /// The team's value.
    pub own: Option<Value>,
    /// The assessor's value.
    pub assessor: Option<Value>,
    /// For an external-index indicator: the value used, where it was read (empty: the
    /// framework's default).
    pub external: Option<(Value, String)>,
}

/// One butir as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ButirLine {
    pub id: String,
    pub status: ButirStatus,
    pub kind: Option<RevisiKind>,
    pub note: String,
    /// What it reads as after the level gate: "revisi (Otomatis ditolak)".
    pub reads_as: String,
    /// The names of its evidence, one per line.
    pub files: String,
}

/// Everything the workbook shows, as plain values.
#[derive(Debug, Clone)]
pub struct ButirBook<'a> {
    pub catalog: &'a Catalog,
    pub instansi: String,
    pub year: i32,
    pub audit_head: String,
    pub values: Vec<ValueLine>,
    pub butir: Vec<ButirLine>,
    /// The team's index.
    pub index: IndexReport,
    /// The assessor's index, when any assessor value is entered.
    pub assessor_index: Option<IndexReport>,
    /// Self against verified, once any verification result is recorded.
    pub verification: Option<crate::stage_book::VerificationSheet>,
}

/// The workbook as .xlsx bytes.
pub fn butir_book_bytes(book: &ButirBook<'_>) -> Result<Vec<u8>, XlsxError> {
    let fail = |message: String| XlsxError::Write {
        path: std::path::PathBuf::from(format!("Penilaian Mandiri {}.xlsx", book.year)),
        message,
    };
    let mut wb = build(book).map_err(fail)?;
    wb.save_to_buffer().map_err(|e| fail(e.to_string()))
}

fn build(book: &ButirBook<'_>) -> Built<Workbook> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    values_sheet(&mut wb, book, &s)?;
    butir_sheet(&mut wb, book, &s)?;
    aspects_sheet(&mut wb, book, &s)?;
    questionnaire_sheet(&mut wb, book, &s)?;
    if let Some(v) = &book.verification {
        crate::stage_book::verified_sheet(&mut wb, book.catalog, &book.instansi, book.year, v, &s)?;
    }
    meta_sheet(&mut wb, book, &s)?;
    Ok(wb)
}

/// Title, year and (for a provisional framework) the warning, above a table.
fn heading(w: &mut Cells<'_>, book: &ButirBook<'_>, title: &str, s: &Styles) -> Built<()> {
    w.text(
        0,
        0,
        format!("{title} {}", book.instansi).trim_end(),
        &s.title,
    )?;
    let f = book.catalog.framework();
    let mut sub = format!("Tahun {} · {}", book.year, f.title);
    if f.provisional {
        sub.push_str(" · SEMENTARA: belum dicocokkan dengan teks resmi");
    }
    w.text(1, 0, &sub, &s.subtitle)
}

fn headers(columns: &[TableColumn]) -> Vec<&'static str> {
    columns.iter().map(|c| c.header).collect()
}

fn values_sheet(wb: &mut Workbook, book: &ButirBook<'_>, s: &Styles) -> Built<()> {
    let c = book.catalog;
    let mut w = Cells::new(wb.add_worksheet(), SHEET_VALUES)?;
    w.widths(&VALUE_COLUMNS)?;
    heading(
        &mut w,
        book,
        &format!("Nilai {}", c.framework().index_name),
        s,
    )?;
    w.header(HEADER_ROW, &headers(&VALUE_COLUMNS), &s.header)?;
    let mut row = HEADER_ROW;
    for ind in c.indicators() {
        row += 1;
        let line = book.values.iter().find(|v| v.indicator == ind.number);
        let mut name = ind.name.clone();
        if !ind.name_variants.is_empty() {
            name.push_str(&format!("\n(nama lain: {})", ind.name_variants.join("; ")));
        }
        w.number(row, 0, f64::from(ind.number), &s.number)?;
        w.wrapped(row, 1, &name, &s.text)?;
        let aspect = c.aspect(ind.aspect).map_or("", |a| a.name.as_str());
        w.wrapped(row, 2, aspect, &s.text)?;
        w.number(row, 3, f64::from(ind.weight_bp) / 100.0, &s.decimal)?;
        let value = |w: &mut Cells<'_>, col, v: Option<Value>| match v {
            Some(v) => w.number(row, col, v.as_f64(), &s.decimal),
            None => w.blank(row, col, &s.decimal),
        };
        value(&mut w, 4, line.and_then(|l| l.own))?;
        value(&mut w, 5, line.and_then(|l| l.assessor))?;
        let band = line
            .and_then(|l| l.own)
            .map(|v| c.rating(swanilai_core::Score::new(u64::from(v.hundredths()), 100)));
        w.text(row, 6, band.unwrap_or(""), &s.text)?;
        match (&ind.external_index, line.and_then(|l| l.external.as_ref())) {
            (Some(x), Some((v, source))) => {
                w.wrapped(
                    row,
                    7,
                    &format!("{}: {}", x.name, v.to_id_string()),
                    &s.text,
                )?;
                let source = if source.is_empty() {
                    "nilai bawaan (belum diisi)"
                } else {
                    source
                };
                w.wrapped(row, 8, source, &s.text)?;
            }
            _ => {
                w.blank(row, 7, &s.text)?;
                w.blank(row, 8, &s.text)?;
            }
        }
    }
    w.fit_rows()
}

fn butir_sheet(wb: &mut Workbook, book: &ButirBook<'_>, s: &Styles) -> Built<()> {
    let c = book.catalog;
    let mut w = Cells::new(wb.add_worksheet(), SHEET_BUTIR)?;
    w.widths(&BUTIR_COLUMNS)?;
    heading(&mut w, book, "Butir Data Dukung", s)?;
    w.text(
        2,
        0,
        "Status: draft, diunggah, diterima, revisi. Jenis Revisi (hanya untuk revisi): tidak tepat, belum diunggah, otomatis ditolak.",
        &s.text,
    )?;
    w.header(HEADER_ROW, &headers(&BUTIR_COLUMNS), &s.header)?;
    let mut row = HEADER_ROW;
    for ind in c.indicators() {
        for (place, b) in c.butir_of(ind.number).into_iter().enumerate() {
            row += 1;
            let line = book.butir.iter().find(|l| l.id == b.id);
            let before = c
                .butir_of(ind.number)
                .iter()
                .take(place)
                .filter(|x| x.level == b.level)
                .count();
            w.number(row, 0, f64::from(b.indicator), &s.number)?;
            w.number(row, 1, f64::from(b.level), &s.number)?;
            w.text(row, 2, &b.id, &s.text)?;
            w.text(
                row,
                3,
                &format!("I{}-L{}-{:02}", b.indicator, b.level, before + 1),
                &s.text,
            )?;
            w.wrapped(row, 4, &b.text, &s.text)?;
            let status = line.map_or(ButirStatus::Draft, |l| l.status);
            w.text(row, 5, status.as_str(), &s.text)?;
            w.text(
                row,
                6,
                line.and_then(|l| l.kind).map_or("", |k| k.label()),
                &s.text,
            )?;
            w.wrapped(row, 7, line.map_or("", |l| l.note.as_str()), &s.text)?;
            w.wrapped(row, 8, line.map_or("", |l| l.reads_as.as_str()), &s.text)?;
            w.wrapped(row, 9, line.map_or("", |l| l.files.as_str()), &s.text)?;
        }
    }
    w.fit_rows()
}

fn aspects_sheet(wb: &mut Workbook, book: &ButirBook<'_>, s: &Styles) -> Built<()> {
    let c = book.catalog;
    let columns = [
        col("No", 5.0),
        col("Aspek", 44.0),
        col("Bobot (%)", 9.0),
        col("Indeks Mandiri", 14.0),
        col("Predikat", 14.0),
        col("Indeks Asesor", 14.0),
        col("Predikat Asesor", 14.0),
        col("Dinilai", 9.0),
    ];
    let mut w = Cells::new(wb.add_worksheet(), SHEET_ASPECTS)?;
    w.widths(&columns)?;
    heading(
        &mut w,
        book,
        &format!("Rekap {}", c.framework().index_name),
        s,
    )?;
    w.header(HEADER_ROW, &headers(&columns), &s.header)?;
    let theirs = book.assessor_index.as_ref();
    let mut row = HEADER_ROW;
    let score = |w: &mut Cells<'_>,
                 row,
                 col,
                 g: Option<(Option<swanilai_core::Score>, Option<&str>)>|
     -> Built<()> {
        match g.and_then(|(i, r)| i.map(|i| (i, r))) {
            Some((i, r)) => {
                w.number(row, col, i.rounded(), &s.decimal)?;
                w.text(row, col + 1, r.unwrap_or(""), &s.text)
            }
            None => {
                w.text(row, col, "-", &s.text)?;
                w.text(row, col + 1, "-", &s.text)
            }
        }
    };
    for g in &book.index.aspects {
        row += 1;
        w.number(row, 0, f64::from(g.number), &s.number)?;
        w.wrapped(row, 1, &g.name, &s.text)?;
        w.number(row, 2, f64::from(g.weight_bp) / 100.0, &s.decimal)?;
        score(&mut w, row, 3, Some((g.index, g.rating.as_deref())))?;
        let a = theirs.and_then(|t| t.aspects.iter().find(|x| x.number == g.number));
        score(&mut w, row, 5, a.map(|a| (a.index, a.rating.as_deref())))?;
        w.text(row, 7, &format!("{}/{}", g.answered, g.total), &s.text)?;
    }
    row += 1;
    w.blank(row, 0, &s.label)?;
    w.text(row, 1, &c.framework().index_name, &s.label)?;
    w.number(row, 2, 100.0, &s.decimal)?;
    score(
        &mut w,
        row,
        3,
        Some((book.index.index, book.index.rating.as_deref())),
    )?;
    score(
        &mut w,
        row,
        5,
        theirs.map(|t| (t.index, t.rating.as_deref())),
    )?;
    w.text(
        row,
        7,
        &format!("{}/{}", book.index.answered, book.index.total),
        &s.text,
    )?;
    w.fit_rows()
}

fn questionnaire_sheet(wb: &mut Workbook, book: &ButirBook<'_>, s: &Styles) -> Built<()> {
    let c = book.catalog;
    let mut w = Cells::new(wb.add_worksheet(), SHEET_QUESTIONNAIRE)?;
    w.width(0, 16.0)?;
    w.width(1, 100.0)?;
    heading(&mut w, book, "Kuesioner", s)?;
    w.wrapped(
        2,
        0,
        "Daftar butir adalah yang diminta tiap tingkat; kriteria tingkat tidak dimuat. Modul Indikator resmi yang berlaku.",
        &s.text,
    )?;
    let mut row: RowNum = HEADER_ROW;
    for ind in c.indicators() {
        row += 1;
        w.text(row, 0, &format!("Indikator {}", ind.number), &s.bold)?;
        w.wrapped(row, 1, &ind.name, &s.bold)?;
        if !ind.name_variants.is_empty() {
            row += 1;
            w.text(row, 0, "Nama lain", &s.text)?;
            w.wrapped(row, 1, &ind.name_variants.join("\n"), &s.text)?;
        }
        if let Some(x) = &ind.external_index {
            row += 1;
            w.text(row, 0, "Indeks eksternal", &s.text)?;
            w.wrapped(
                row,
                1,
                &format!("{} (nilai {} bila belum ada)", x.name, x.default_value),
                &s.text,
            )?;
        }
        for level in Level::all() {
            let items: Vec<_> = c
                .butir_of(ind.number)
                .into_iter()
                .filter(|b| b.level == level.get())
                .collect();
            row += 1;
            w.text(
                row,
                0,
                &format!("Tingkat {} {}", level, c.level_name(ind, level)),
                &s.label,
            )?;
            let list: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(k, b)| {
                    format!(
                        "I{}-L{}-{:02} ({}) {}",
                        b.indicator,
                        b.level,
                        k + 1,
                        b.id,
                        b.text
                    )
                })
                .collect();
            w.wrapped(row, 1, &list.join("\n"), &s.text)?;
        }
    }
    w.fit_rows()
}

fn meta_sheet(wb: &mut Workbook, book: &ButirBook<'_>, s: &Styles) -> Built<()> {
    let f = book.catalog.framework();
    let mut w = Cells::new(wb.add_worksheet(), SHEET_META)?;
    w.widths(&META_COLUMNS)?;
    w.header(
        0,
        &[META_COLUMNS[0].header, META_COLUMNS[1].header],
        &s.bold,
    )?;
    let plain = rust_xlsxwriter::Format::new();
    let provisional = if f.provisional { "ya" } else { "tidak" };
    let texts = [
        (meta_key::FORMAT, BOOK_FORMAT),
        (meta_key::FRAMEWORK_ID, f.id.as_str()),
        (meta_key::FRAMEWORK_VERSION, f.version.as_str()),
        (meta_key::INSTANSI, book.instansi.as_str()),
        (meta_key::AUDIT_HEAD, book.audit_head.as_str()),
        ("provisional", provisional),
    ];
    let mut row: RowNum = 0;
    for (key, value) in texts {
        row += 1;
        w.text(row, 0, key, &plain)?;
        w.text(row, 1, value, &plain)?;
    }
    row += 1;
    w.text(row, 0, meta_key::YEAR, &plain)?;
    w.number(row, 1, f64::from(book.year), &plain)?;
    w.ws.set_hidden(true);
    Ok(())
}
