//! The `Rekap Indeks` and `Data Dukung` sheets: plain tables under a title.

use rust_xlsxwriter::{RowNum, Url, Workbook};
use swanilai_core::GroupIndex;

use super::cell::{fail, Built, Cells, Styles};
use super::PAPER_A4;
use crate::layout::{
    EVIDENCE_COLUMNS, RECAP_COLUMNS, SHEET_EVIDENCE, SHEET_RECAP, TABLE_HEADER_ROW,
};
use crate::AssessmentSheet;

/// Domains (if any), aspects, then the overall index, each with its predikat and how many
/// of its indicators are answered. A group with nothing answered shows no index and "-".
pub(super) fn index_sheet(
    workbook: &mut Workbook,
    sheet: &AssessmentSheet<'_>,
    s: &Styles,
) -> Built<()> {
    let catalog = sheet.catalog;
    let index_name = &catalog.framework().index_name;
    let mut w = Cells::new(workbook.add_worksheet(), SHEET_RECAP)?;
    w.widths(&RECAP_COLUMNS)?;
    let title = format!("Rekap {index_name} {}", sheet.instansi);
    w.text(0, 0, title.trim_end(), &s.title)?;
    w.text(1, 0, &format!("Tahun {}", sheet.year), &s.subtitle)?;
    let headers: Vec<&str> = RECAP_COLUMNS.iter().map(|c| c.header).collect();
    w.header(TABLE_HEADER_ROW, &headers, &s.header)?;

    let mut row = TABLE_HEADER_ROW;
    let groups = sheet
        .index
        .domains
        .iter()
        .map(|g| ("Domain", g))
        .chain(sheet.index.aspects.iter().map(|g| ("Aspek", g)));
    for (kind, g) in groups {
        row += 1;
        group_row(&mut w, row, kind, g, s)?;
    }

    row += 1;
    let report = &sheet.index;
    w.text(row, 0, "Indeks", &s.label)?;
    w.blank(row, 1, &s.label)?;
    w.text(row, 2, index_name, &s.label)?;
    w.number(row, 3, 100.0, &s.decimal)?;
    index_cells(
        &mut w,
        row,
        report.index.map(|i| i.rounded()),
        report.rating.as_deref(),
        s,
    )?;
    w.text(
        row,
        6,
        &format!("{}/{}", report.answered, report.total),
        &s.text,
    )?;
    if !report.is_complete() {
        w.text(
            row + 2,
            0,
            &format!(
                "Indeks dihitung dari {} dari {} indikator yang sudah dinilai.",
                report.answered, report.total
            ),
            &s.subtitle,
        )?;
    }
    w.fit_rows()?;
    w.ws.set_repeat_rows(TABLE_HEADER_ROW, TABLE_HEADER_ROW)
        .map_err(|e| fail(SHEET_RECAP, "print titles", e))?;
    w.ws.set_portrait()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&CHalaman &P dari &N");
    Ok(())
}

fn group_row(w: &mut Cells<'_>, row: RowNum, kind: &str, g: &GroupIndex, s: &Styles) -> Built<()> {
    w.text(row, 0, kind, &s.text)?;
    w.number(row, 1, f64::from(g.number), &s.number)?;
    w.text(row, 2, &g.name, &s.text)?;
    w.number(row, 3, f64::from(g.weight_bp) / 100.0, &s.decimal)?;
    index_cells(w, row, g.index.map(|i| i.rounded()), g.rating.as_deref(), s)?;
    w.text(row, 6, &format!("{}/{}", g.answered, g.total), &s.text)
}

/// The index as published (two decimals) and its predikat, or empty and "-".
fn index_cells(
    w: &mut Cells<'_>,
    row: RowNum,
    index: Option<f64>,
    rating: Option<&str>,
    s: &Styles,
) -> Built<()> {
    match index {
        Some(v) => w.number(row, 4, v, &s.decimal)?,
        None => w.blank(row, 4, &s.decimal)?,
    }
    w.text(row, 5, rating.unwrap_or("-"), &s.text)
}

/// One row per evidence file or link, in catalog order of their indicators.
pub(super) fn evidence_sheet(
    workbook: &mut Workbook,
    sheet: &AssessmentSheet<'_>,
    s: &Styles,
) -> Built<()> {
    let catalog = sheet.catalog;
    let mut w = Cells::new(workbook.add_worksheet(), SHEET_EVIDENCE)?;
    w.widths(&EVIDENCE_COLUMNS)?;
    let title = format!("Data Dukung {}", sheet.instansi);
    w.text(0, 0, title.trim_end(), &s.title)?;
    w.text(1, 0, &format!("Tahun {}", sheet.year), &s.subtitle)?;
    let headers: Vec<&str> = EVIDENCE_COLUMNS.iter().map(|c| c.header).collect();
    w.header(TABLE_HEADER_ROW, &headers, &s.header)?;

    let position = |n: u32| {
        catalog
            .indicators()
            .iter()
            .position(|i| i.number == n)
            .unwrap_or(usize::MAX)
    };
    let mut items: Vec<_> = sheet.evidence.iter().collect();
    items.sort_by_key(|e| position(e.indicator));

    let mut row = TABLE_HEADER_ROW;
    for (n, e) in items.iter().enumerate() {
        row += 1;
        let indicator = match catalog.indicator(e.indicator) {
            Some(i) => format!("{}. {}", i.number, i.name),
            None => e.indicator.to_string(),
        };
        w.number(row, 0, (n + 1) as f64, &s.number)?;
        w.text(row, 1, &indicator, &s.text)?;
        w.text(row, 2, &e.name, &s.text)?;
        w.text(row, 3, &e.sha256, &s.text)?;
        match &e.url {
            Some(_) if e.sha256.is_empty() => w.blank(row, 4, &s.number)?,
            _ => w.number(row, 4, e.size as f64, &s.number)?,
        }
        w.text(row, 5, e.document_date.as_deref().unwrap_or(""), &s.text)?;
        match &e.url {
            Some(url) => link(&mut w, row, 6, url, s)?,
            None => w.blank(row, 6, &s.text)?,
        }
    }
    if items.is_empty() {
        w.text(row + 1, 0, "Belum ada data dukung.", &s.subtitle)?;
    } else {
        w.ws.autofilter(TABLE_HEADER_ROW, 0, row, 6)
            .map_err(|e| fail(SHEET_EVIDENCE, "autofilter", e))?;
    }
    w.fit_rows()?;
    w.ws.set_freeze_panes(TABLE_HEADER_ROW + 1, 0)
        .map_err(|e| fail(SHEET_EVIDENCE, "freeze panes", e))?;
    w.ws.set_repeat_rows(TABLE_HEADER_ROW, TABLE_HEADER_ROW)
        .map_err(|e| fail(SHEET_EVIDENCE, "print titles", e))?;
    w.ws.set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&CHalaman &P dari &N");
    Ok(())
}

/// A clickable link when Excel accepts the URL, else the URL as plain text.
fn link(w: &mut Cells<'_>, row: RowNum, col: u16, url: &str, s: &Styles) -> Built<()> {
    let linked =
        w.ws.write_url_with_format(row, col, Url::new(url).set_text(url), &s.text)
            .is_ok();
    if linked {
        Ok(())
    } else {
        w.text(row, col, url, &s.text)
    }
}
