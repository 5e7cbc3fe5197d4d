//! The printable `Kuesioner` sheet: one block per indicator, as in the regulation's
//! Lampiran II.E, with a page break before every block but the first.

use rust_xlsxwriter::{RowNum, Workbook};
use swanilai_core::{Indicator, Level};

use super::cell::{fail, Built, Cells, Styles};
use super::{View, PAPER_A4};
use crate::layout::{QUESTIONNAIRE_COLUMNS, SHEET_QUESTIONNAIRE};

/// Excel keeps at most this many manual page breaks per sheet.
const MAX_PAGE_BREAKS: usize = 1023;

pub(super) fn sheet(workbook: &mut Workbook, view: &View<'_, '_>, s: &Styles) -> Built<()> {
    let sheet = view.sheet;
    let mut w = Cells::new(workbook.add_worksheet(), SHEET_QUESTIONNAIRE)?;
    w.widths(&QUESTIONNAIRE_COLUMNS)?;
    let title = format!("Kuesioner Penilaian Mandiri {}", sheet.instansi);
    w.text(0, 0, title.trim_end(), &s.title)?;
    let criteria = view
        .criteria
        .map_or(sheet.criteria_version.as_str(), |v| v.title.as_str());
    w.text(
        1,
        0,
        &format!("Tahun {} · Kriteria: {criteria}", sheet.year),
        &s.subtitle,
    )?;

    let mut row: RowNum = 3;
    let mut breaks = Vec::new();
    for (i, ind) in view.catalog().indicators().iter().enumerate() {
        if i > 0 {
            breaks.push(row);
        }
        row = block(&mut w, view, ind, row, s)? + 1;
    }
    w.fit_rows()?;
    breaks.truncate(MAX_PAGE_BREAKS);
    w.ws.set_page_breaks(&breaks)
        .map_err(|e| fail(SHEET_QUESTIONNAIRE, "page breaks", e))?;
    w.ws.set_portrait()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{SHEET_QUESTIONNAIRE}&RTahun {}", sheet.year))
        .set_footer("&CHalaman &P dari &N");
    Ok(())
}

/// Write one indicator's block from `row`; returns the row after its last line.
fn block(
    w: &mut Cells<'_>,
    view: &View<'_, '_>,
    ind: &Indicator,
    mut row: RowNum,
    s: &Styles,
) -> Built<RowNum> {
    let catalog = view.catalog();
    let answer = view.answer(ind.number);
    let criteria = view
        .criteria
        .and_then(|v| v.indicators.iter().find(|c| c.number == ind.number));

    w.text(row, 0, &format!("Indikator {}", ind.number), &s.title)?;
    row += 1;
    let mut pair = |w: &mut Cells<'_>, label: &str, value: &str| -> Built<()> {
        w.wrapped(row, 0, label, &s.label)?;
        w.wrapped(row, 1, value, &s.text)?;
        row += 1;
        Ok(())
    };
    if let Some(d) = catalog.domain_of(ind) {
        pair(w, "Domain", &d.name)?;
    }
    if let Some(a) = catalog.aspect(ind.aspect) {
        pair(w, "Aspek", &a.name)?;
    }
    pair(w, "Indikator", &view.indicator_title(ind))?;
    pair(w, "Pertanyaan", &ind.question)?;
    if let Some(description) = criteria.and_then(|c| c.description.as_deref()) {
        pair(w, "Penjelasan Indikator", description)?;
    }

    w.text(row, 0, "Tingkat", &s.header)?;
    w.text(row, 1, "Kriteria", &s.header)?;
    row += 1;
    for level in Level::all() {
        let text = criteria
            .and_then(|c| c.levels.get(level.index()))
            .map_or("", |l| l.criteria.as_str());
        w.wrapped(row, 0, &level_label(view, ind, level), &s.label)?;
        w.wrapped(row, 1, text, &s.text)?;
        row += 1;
    }

    let chosen = answer.and_then(|a| a.level).map_or_else(
        || "(belum dinilai)".to_owned(),
        |l| level_label(view, ind, l),
    );
    let mut pair = |w: &mut Cells<'_>, label: &str, value: &str| -> Built<()> {
        w.wrapped(row, 0, label, &s.label)?;
        w.wrapped(row, 1, value, &s.text)?;
        row += 1;
        Ok(())
    };
    pair(w, "Jawaban", &chosen)?;
    pair(
        w,
        "Penjelasan",
        answer.map_or("", |a| a.explanation.as_str()),
    )?;
    pair(w, "Data dukung", &view.evidence_list(ind.number))?;
    Ok(row)
}

/// "3 - Terdefinisi".
fn level_label(view: &View<'_, '_>, ind: &Indicator, level: Level) -> String {
    let name = view.catalog().level_name(ind, level);
    if name.is_empty() {
        level.to_string()
    } else {
        format!("{level} - {name}")
    }
}
