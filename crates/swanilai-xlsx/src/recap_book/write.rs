//! Writing the recap workbook: `Ringkasan` (the predikat distribution and the averages per
//! framework and year), one sheet per framework (one row per instansi, its own domain and
//! aspect columns), and `Tidak Terbaca` (every file left out, with its code and reason).

use rust_xlsxwriter::{ColNum, RowNum, Workbook};
use swanilai_core::Language;

use super::{FrameworkSummary, GroupAverage, Recap, RecapRow};
use crate::export::cell::{fail, Built, Cells, Styles};
use crate::XlsxError;

/// The summary sheet, first.
pub const SHEET_SUMMARY: &str = "Ringkasan";
/// The files that could not be read, last.
pub const SHEET_ERRORS: &str = "Tidak Terbaca";

/// Columns of a framework sheet before its domain and aspect columns.
const LEAD: [(&str, f64); 7] = [
    ("No", 5.0),
    ("Instansi", 40.0),
    ("Tahun", 7.0),
    ("Indeks", 9.0),
    ("Predikat", 13.0),
    ("Terjawab", 10.0),
    ("Lengkap (%)", 10.0),
];
/// Columns after them.
const TAIL: [(&str, f64); 3] = [("Kerangka", 24.0), ("Duplikat", 9.0), ("Berkas", 50.0)];

/// The recap as .xlsx bytes; reasons are said in `lang`.
pub fn recap_bytes(recap: &Recap, lang: Language) -> Result<Vec<u8>, XlsxError> {
    let fail = |message: String| XlsxError::Write {
        path: std::path::PathBuf::from("rekap.xlsx"),
        message,
    };
    let mut wb = build(recap, lang).map_err(fail)?;
    wb.save_to_buffer().map_err(|e| fail(e.to_string()))
}

fn build(recap: &Recap, lang: Language) -> Built<Workbook> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    let names = sheet_names(recap);
    summary_sheet(&mut wb, recap, &names, &s)?;
    for (framework, name) in recap.frameworks().into_iter().zip(&names) {
        let rows: Vec<&RecapRow> = recap
            .rows
            .iter()
            .filter(|r| r.source.framework == framework)
            .collect();
        framework_sheet(&mut wb, name, &rows, &s)?;
    }
    errors_sheet(&mut wb, recap, lang, &s)?;
    Ok(wb)
}

/// A sheet name per framework: its index name ("Indeks SPBE"), made unique and valid.
fn sheet_names(recap: &Recap) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for framework in recap.frameworks() {
        let index_name = recap
            .rows
            .iter()
            .find(|r| r.source.framework == framework)
            .map_or(framework, |r| r.source.index_name.as_str());
        let clean: String = index_name
            .chars()
            .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
            .collect();
        let base: String = clean.trim().chars().take(26).collect();
        let base = if base.is_empty() {
            "Kerangka".to_owned()
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 1;
        while [SHEET_SUMMARY, SHEET_ERRORS]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&name))
            || names.iter().any(|t| t.eq_ignore_ascii_case(&name))
        {
            n += 1;
            name = format!("{base} ({n})");
        }
        names.push(name);
    }
    names
}

fn col(i: usize) -> Built<ColNum> {
    ColNum::try_from(i).map_err(|e| format!("column {i}: {e}"))
}

fn summary_sheet(wb: &mut Workbook, recap: &Recap, names: &[String], s: &Styles) -> Built<()> {
    let mut w = Cells::new(wb.add_worksheet(), SHEET_SUMMARY)?;
    for (i, width) in [28.0, 44.0, 12.0, 12.0].into_iter().enumerate() {
        w.width(col(i)?, width)?;
    }
    w.text(0, 0, "Rekap Penilaian Mandiri", &s.title)?;
    let sub = format!(
        "{} buku kerja terbaca, {} berkas tidak terbaca (sheet '{SHEET_ERRORS}'); \
         indeks dan predikat sebagaimana tertulis di tiap buku kerja",
        recap.rows.len(),
        recap.errors.len()
    );
    w.text(1, 0, &sub, &s.subtitle)?;
    let mut row: RowNum = 2;
    let frameworks = recap.frameworks();
    for f in recap.summary() {
        row += 1;
        let sheet = frameworks
            .iter()
            .position(|x| *x == f.framework)
            .and_then(|i| names.get(i))
            .map_or("", String::as_str);
        row = framework_summary(&mut w, row, &f, sheet, s)?;
    }
    w.fit_rows()
}

/// One framework and year's block; returns its last row.
fn framework_summary(
    w: &mut Cells<'_>,
    mut row: RowNum,
    f: &FrameworkSummary,
    sheet: &str,
    s: &Styles,
) -> Built<RowNum> {
    let heading = format!("{} {} ({})", f.index_name, f.year, f.framework);
    w.text(row, 0, &heading, &s.bold)?;
    row += 1;
    w.text(row, 0, "Jumlah instansi", &s.text)?;
    w.number(row, 2, f.rows as f64, &s.number)?;
    w.text(row, 1, &format!("baris di sheet '{sheet}'"), &s.text)?;
    if f.duplicates > 0 {
        row += 1;
        w.text(row, 0, "Duplikat (terhitung)", &s.text)?;
        w.text(row, 1, "buku kerja instansi dan tahun yang sama", &s.text)?;
        w.number(row, 2, f.duplicates as f64, &s.number)?;
    }
    row += 2;
    w.header(row, &["Predikat", "", "Jumlah"], &s.header)?;
    for (name, count) in &f.ratings {
        row += 1;
        let shown = if name == "-" {
            "- (belum ada indeks)"
        } else {
            name
        };
        w.text(row, 0, shown, &s.text)?;
        w.number(row, 2, *count as f64, &s.number)?;
    }
    row += 2;
    w.header(
        row,
        &["Kelompok", "Nama", "Rata-rata", "Instansi"],
        &s.header,
    )?;
    let lines = f
        .domains
        .iter()
        .map(|g| ("Domain", g))
        .chain(f.aspects.iter().map(|g| ("Aspek", g)))
        .chain(std::iter::once(("Indeks", &f.index)));
    for (kind, g) in lines {
        row += 1;
        average_row(w, row, kind, g, s)?;
    }
    Ok(row + 1)
}

fn average_row(
    w: &mut Cells<'_>,
    row: RowNum,
    kind: &str,
    g: &GroupAverage,
    s: &Styles,
) -> Built<()> {
    let style = if kind == "Indeks" { &s.label } else { &s.text };
    let label = if kind == "Indeks" {
        kind.to_owned()
    } else {
        format!("{kind} {}", g.number)
    };
    w.text(row, 0, &label, style)?;
    w.text(row, 1, &g.name, style)?;
    match g.average {
        Some(v) => w.number(row, 2, v, &s.decimal)?,
        None => w.text(row, 2, "-", &s.text)?,
    }
    w.number(row, 3, g.counted as f64, &s.number)
}

fn framework_sheet(wb: &mut Workbook, name: &str, rows: &[&RecapRow], s: &Styles) -> Built<()> {
    let mut w = Cells::new(wb.add_worksheet(), name)?;
    // The framework's groups: every number any row has, named as the first row names it.
    let mut domains: Vec<(u32, String)> = Vec::new();
    let mut aspects: Vec<(u32, String)> = Vec::new();
    for r in rows {
        for (list, groups) in [
            (&mut domains, &r.source.domains),
            (&mut aspects, &r.source.aspects),
        ] {
            for g in groups {
                if !list.iter().any(|(n, _)| *n == g.number) {
                    list.push((g.number, g.name.clone()));
                }
            }
        }
    }
    domains.sort_by_key(|(n, _)| *n);
    aspects.sort_by_key(|(n, _)| *n);
    let mut headers: Vec<(String, f64)> = LEAD.iter().map(|(h, w)| ((*h).to_owned(), *w)).collect();
    headers.extend(domains.iter().map(|(n, t)| (format!("D{n} {t}"), 14.0)));
    headers.extend(aspects.iter().map(|(n, t)| (format!("A{n} {t}"), 14.0)));
    headers.extend(TAIL.iter().map(|(h, w)| ((*h).to_owned(), *w)));
    for (i, (_, width)) in headers.iter().enumerate() {
        w.width(col(i)?, *width)?;
    }
    let title = rows
        .first()
        .map_or(String::new(), |r| format!("Rekap {}", r.source.index_name));
    w.text(0, 0, &title, &s.title)?;
    w.text(
        1,
        0,
        "D = indeks domain, A = indeks aspek; kosong: belum ada yang dinilai",
        &s.subtitle,
    )?;
    let header_row: RowNum = 2;
    let labels: Vec<&str> = headers.iter().map(|(h, _)| h.as_str()).collect();
    w.header(header_row, &labels, &s.header)?;
    let mut row = header_row;
    for (n, r) in rows.iter().enumerate() {
        row += 1;
        let src = &r.source;
        w.number(row, 0, (n + 1) as f64, &s.number)?;
        w.text(row, 1, &src.instansi, &s.text)?;
        w.number(row, 2, f64::from(src.year), &s.number)?;
        index_cell(&mut w, row, 3, src.index, s)?;
        w.text(row, 4, src.rating.as_deref().unwrap_or("-"), &s.text)?;
        w.text(row, 5, &format!("{}/{}", src.answered, src.total), &s.text)?;
        let complete = if src.total == 0 {
            0.0
        } else {
            f64::from(src.answered) * 100.0 / f64::from(src.total)
        };
        w.number(row, 6, complete, &s.decimal)?;
        let mut c = LEAD.len();
        for (list, groups) in [(&domains, &src.domains), (&aspects, &src.aspects)] {
            for (number, _) in list {
                let v = groups
                    .iter()
                    .find(|g| g.number == *number)
                    .and_then(|g| g.index);
                index_cell(&mut w, row, col(c)?, v, s)?;
                c += 1;
            }
        }
        let framework = format!("{} {}", src.framework, src.framework_version);
        w.text(row, col(c)?, framework.trim_end(), &s.text)?;
        w.text(
            row,
            col(c + 1)?,
            if r.duplicate { "ya" } else { "" },
            &s.text,
        )?;
        w.text(row, col(c + 2)?, &r.file, &s.text)?;
    }
    if !rows.is_empty() {
        let last = col(headers.len() - 1)?;
        w.ws.autofilter(header_row, 0, row, last)
            .map_err(|e| fail(name, "autofilter", e))?;
    }
    w.ws.set_freeze_panes(header_row + 1, 2)
        .map_err(|e| fail(name, "freeze panes", e))?;
    w.fit_rows()
}

fn index_cell(w: &mut Cells<'_>, row: RowNum, c: ColNum, v: Option<f64>, s: &Styles) -> Built<()> {
    match v {
        Some(v) => w.number(row, c, v, &s.decimal),
        None => w.blank(row, c, &s.decimal),
    }
}

fn errors_sheet(wb: &mut Workbook, recap: &Recap, lang: Language, s: &Styles) -> Built<()> {
    let mut w = Cells::new(wb.add_worksheet(), SHEET_ERRORS)?;
    for (i, width) in [5.0, 50.0, 24.0, 70.0].into_iter().enumerate() {
        w.width(col(i)?, width)?;
    }
    w.text(0, 0, "Berkas yang tidak terbaca", &s.title)?;
    w.header(2, &["No", "Berkas", "Kode", "Alasan"], &s.header)?;
    let mut row: RowNum = 2;
    for (n, e) in recap.errors.iter().enumerate() {
        row += 1;
        w.number(row, 0, (n + 1) as f64, &s.number)?;
        w.text(row, 1, &e.file, &s.text)?;
        w.text(row, 2, e.fault.code(), &s.text)?;
        w.wrapped(row, 3, &e.fault.message(lang), &s.text)?;
    }
    if recap.errors.is_empty() {
        w.text(3, 0, "Semua berkas terbaca.", &s.subtitle)?;
    }
    w.fit_rows()
}
