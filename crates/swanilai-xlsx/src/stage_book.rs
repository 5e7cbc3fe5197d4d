//! The verification results template (`Hasil Verifikasi`): one row per indicator the
//! assessors score, the team's own level beside a level and a note column for each stage
//! of the external verification (Penilaian Dokumen, Interviu, Visitasi, Hasil Akhir (LHE)),
//! which the operator fills from the national application or the LHE. The hidden
//! `_swanilai` sheet names the instansi, year and framework so a template is never imported
//! into another assessment.
//!
//! Import ([`read_stage_book`]) finds the header row and columns by their text as the
//! national workbook's import does, checks every cell and reports every problem with its
//! sheet, row and column; an empty level cell is no result. Bounded as the other readers.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use rust_xlsxwriter::{RowNum, Workbook};
use swanilai_core::stage_file::{StageLine, MAX_NOTE_CHARS};
use swanilai_core::{Catalog, Stage, Value, ValueKind};

use crate::butir_book::read::{header, problem, value_of};
use crate::export::cell::{Built, Cells, Styles};
use crate::import::grid::{self, shown, whole, Limits, Whole};
use crate::import::{cut_problem, META_LIMITS};
use crate::layout::{
    col, column_label, meta_key, TableColumn, HEADER_SCAN_ROWS, META_COLUMNS, SHEET_META,
};
use crate::{ImportProblem, LayoutProblem, ProblemKind, TextField, XlsxError};

/// The `format` key of the template's metadata.
pub const BOOK_FORMAT: &str = "swanilai-verifikasi";
/// The template's sheet.
pub const SHEET_STAGES: &str = "Hasil Verifikasi";
/// The row (0-based) of the header.
pub const HEADER_ROW: u32 = 3;

/// The columns, in order; import reads No and the level and note of each stage.
pub const STAGE_COLUMNS: [TableColumn; 12] = [
    col("No", 5.0),
    col("Indikator", 44.0),
    col("Aspek", 22.0),
    col("Penilaian Mandiri", 11.0),
    col("Penilaian Dokumen", 11.0),
    col("Catatan Penilaian Dokumen", 30.0),
    col("Interviu", 11.0),
    col("Catatan Interviu", 30.0),
    col("Visitasi", 11.0),
    col("Catatan Visitasi", 30.0),
    col("Hasil Akhir (LHE)", 11.0),
    col("Catatan Hasil Akhir", 30.0),
];

/// (level column, note column) of each verified stage in [`STAGE_COLUMNS`].
const STAGE_COLS: [(Stage, usize, usize); 4] = [
    (Stage::Dokumen, 4, 5),
    (Stage::Interviu, 6, 7),
    (Stage::Visitasi, 8, 9),
    (Stage::Final, 10, 11),
];

/// One indicator as written: the team's value and what each stage holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageBookLine {
    pub indicator: u32,
    pub mandiri: Option<Value>,
    /// By stage: the value and the note.
    pub stages: BTreeMap<Stage, (Value, String)>,
}

/// Everything the template shows.
#[derive(Debug, Clone)]
pub struct StageBook<'a> {
    pub catalog: &'a Catalog,
    pub instansi: String,
    pub year: i32,
    pub lines: Vec<StageBookLine>,
}

/// The template as .xlsx bytes.
pub fn stage_book_bytes(book: &StageBook<'_>) -> Result<Vec<u8>, XlsxError> {
    let fail = |message: String| XlsxError::Write {
        path: std::path::PathBuf::from(format!("Hasil Verifikasi {}.xlsx", book.year)),
        message,
    };
    let mut wb = build(book).map_err(fail)?;
    wb.save_to_buffer().map_err(|e| fail(e.to_string()))
}

fn build(book: &StageBook<'_>) -> Built<Workbook> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    let c = book.catalog;
    let decimal = c.scoring().value == ValueKind::Decimal;
    let value_format = if decimal { &s.decimal } else { &s.level };
    {
        let mut w = Cells::new(wb.add_worksheet(), SHEET_STAGES)?;
        w.widths(&STAGE_COLUMNS)?;
        let title = format!(
            "Hasil Verifikasi {} {}",
            c.framework().index_name,
            book.instansi
        );
        w.text(0, 0, title.trim_end(), &s.title)?;
        let what = if decimal {
            "nilai 1,00-5,00"
        } else {
            "tingkat 1-5"
        };
        w.text(
            1,
            0,
            &format!(
                "Tahun {} · {} · isi {what} dan catatan asesor per tahap dari aplikasi nasional atau LHE; sel kosong berarti belum ada hasil",
                book.year,
                c.framework().title
            ),
            &s.subtitle,
        )?;
        let headers: Vec<&str> = STAGE_COLUMNS.iter().map(|c| c.header).collect();
        w.header(HEADER_ROW, &headers, &s.header)?;
        let mut row: RowNum = HEADER_ROW;
        for ind in c.indicators().iter().filter(|i| i.external_index.is_none()) {
            row += 1;
            let line = book.lines.iter().find(|l| l.indicator == ind.number);
            w.number(row, 0, f64::from(ind.number), &s.number)?;
            w.wrapped(row, 1, &ind.name, &s.text)?;
            let aspect = c.aspect(ind.aspect).map_or("", |a| a.name.as_str());
            w.wrapped(row, 2, aspect, &s.text)?;
            let value = |w: &mut Cells<'_>, col: usize, v: Option<Value>| match v {
                Some(v) => w.number(row, col as u16, v.as_f64(), value_format),
                None => w.blank(row, col as u16, value_format),
            };
            value(&mut w, 3, line.and_then(|l| l.mandiri))?;
            for (stage, level_col, note_col) in STAGE_COLS {
                let at = line.and_then(|l| l.stages.get(&stage));
                value(&mut w, level_col, at.map(|(v, _)| *v))?;
                w.wrapped(
                    row,
                    note_col as u16,
                    at.map_or("", |(_, n)| n.as_str()),
                    &s.text,
                )?;
            }
        }
        w.fit_rows()?;
        w.ws.set_freeze_panes(HEADER_ROW + 1, 2)
            .map_err(|e| crate::export::cell::fail(SHEET_STAGES, "freeze panes", e))?;
    }
    let mut w = Cells::new(wb.add_worksheet(), SHEET_META)?;
    w.widths(&META_COLUMNS)?;
    w.header(
        0,
        &[META_COLUMNS[0].header, META_COLUMNS[1].header],
        &s.bold,
    )?;
    let plain = rust_xlsxwriter::Format::new();
    let f = c.framework();
    let texts = [
        (meta_key::FORMAT, BOOK_FORMAT),
        (meta_key::FRAMEWORK_ID, f.id.as_str()),
        (meta_key::FRAMEWORK_VERSION, f.version.as_str()),
        (meta_key::INSTANSI, book.instansi.as_str()),
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
    Ok(wb)
}

/// The sheet `Verifikasi` of the exported workbooks: self against verified.
pub const SHEET_VERIFIED: &str = "Verifikasi";

/// One stage's index as the sheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    /// "Penilaian Dokumen".
    pub title: String,
    /// "3,28"; None when nothing is recorded.
    pub index_text: Option<String>,
    pub rating: Option<String>,
    pub answered: u32,
    pub total: u32,
}

/// One indicator with every stage, as the sheet shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompareLine {
    pub indicator: u32,
    pub mandiri: Option<Value>,
    /// By stage: the value and the note.
    pub stages: BTreeMap<Stage, (Value, String)>,
    /// mandiri minus the latest verified value.
    pub difference: Option<f64>,
}

/// Self against verified, for the exported workbook.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VerificationSheet {
    pub stages: Vec<StageSummary>,
    pub lines: Vec<CompareLine>,
}

const VERIFIED_COLUMNS: [TableColumn; 10] = [
    col("No", 5.0),
    col("Indikator", 44.0),
    col("Penilaian Mandiri", 11.0),
    col("Penilaian Dokumen", 11.0),
    col("Interviu", 11.0),
    col("Visitasi", 11.0),
    col("Hasil Akhir (LHE)", 11.0),
    col("Selisih", 9.0),
    col("Keterangan", 22.0),
    col("Catatan Asesor", 50.0),
];

/// Add the `Verifikasi` sheet: each stage's index, then every indicator's stages side by
/// side with the difference, over-claims (self above verified) marked, and the notes.
pub(crate) fn verified_sheet(
    wb: &mut Workbook,
    catalog: &Catalog,
    instansi: &str,
    year: i32,
    v: &VerificationSheet,
    s: &Styles,
) -> Built<()> {
    let decimal = catalog.scoring().value == ValueKind::Decimal;
    let value_format = if decimal { &s.decimal } else { &s.level };
    let over = rust_xlsxwriter::Format::new()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_text_wrap()
        .set_bold()
        .set_background_color(0xF8CBAD);
    let mut w = Cells::new(wb.add_worksheet(), SHEET_VERIFIED)?;
    w.widths(&VERIFIED_COLUMNS)?;
    let title = format!(
        "Hasil Verifikasi {} {instansi}",
        catalog.framework().index_name
    );
    w.text(0, 0, title.trim_end(), &s.title)?;
    w.text(
        1,
        0,
        &format!("Tahun {year} · penilaian mandiri dibandingkan dengan hasil verifikasi eksternal"),
        &s.subtitle,
    )?;
    w.header(3, &["Tahap", "Indeks", "Predikat", "Terisi"], &s.header)?;
    let mut row: RowNum = 3;
    for st in &v.stages {
        row += 1;
        w.text(row, 0, &st.title, &s.label)?;
        w.text(row, 1, st.index_text.as_deref().unwrap_or("-"), &s.text)?;
        w.text(row, 2, st.rating.as_deref().unwrap_or("-"), &s.text)?;
        let filled = if st.answered == 0 {
            "belum ada".to_owned()
        } else if st.answered < st.total {
            format!("{}/{} (sebagian)", st.answered, st.total)
        } else {
            format!("{}/{}", st.answered, st.total)
        };
        w.text(row, 3, &filled, &s.text)?;
    }
    row += 2;
    let headers: Vec<&str> = VERIFIED_COLUMNS.iter().map(|c| c.header).collect();
    w.header(row, &headers, &s.header)?;
    for line in &v.lines {
        row += 1;
        let Some(ind) = catalog.indicator(line.indicator) else {
            continue;
        };
        w.number(row, 0, f64::from(ind.number), &s.number)?;
        w.wrapped(row, 1, &ind.name, &s.text)?;
        let value = |w: &mut Cells<'_>, col: u16, v: Option<Value>| match v {
            Some(v) => w.number(row, col, v.as_f64(), value_format),
            None => w.blank(row, col, value_format),
        };
        value(&mut w, 2, line.mandiri)?;
        for (i, stage) in Stage::VERIFIED.into_iter().enumerate() {
            value(
                &mut w,
                3 + i as u16,
                line.stages.get(&stage).map(|(v, _)| *v),
            )?;
        }
        match line.difference {
            Some(d) => w.number(row, 7, d, &s.decimal)?,
            None => w.blank(row, 7, &s.decimal)?,
        }
        let (said, format) = match line.difference {
            Some(d) if d > 0.0 => ("Lebih tinggi dari hasil verifikasi", &over),
            Some(d) if d < 0.0 => ("Lebih rendah dari hasil verifikasi", &s.text),
            Some(_) => ("Sesuai", &s.text),
            None => ("", &s.text),
        };
        w.wrapped(row, 8, said, format)?;
        let notes: Vec<String> = Stage::VERIFIED
            .into_iter()
            .filter_map(|st| {
                let (_, n) = line.stages.get(&st)?;
                (!n.is_empty()).then(|| format!("{}: {n}", st.title()))
            })
            .collect();
        w.wrapped(row, 9, &notes.join("\n"), &s.text)?;
    }
    w.fit_rows()?;
    Ok(())
}

/// What a filled template holds. A workbook whose metadata does not say
/// [`BOOK_FORMAT`] is returned with only its metadata read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedStages {
    pub format: Option<String>,
    pub year: Option<i32>,
    pub framework_id: Option<String>,
    pub instansi: Option<String>,
    pub lines: Vec<StageLine>,
    pub problems: Vec<ImportProblem>,
}

/// Read a filled template from a file, checking it against `catalog`.
pub fn read_stage_book(path: &Path, catalog: &Catalog) -> Result<ImportedStages, XlsxError> {
    let mut book = grid::open(path)?;
    read(&mut book, path, catalog)
}

/// [`read_stage_book`] of a workbook held in memory (`name` only names it in errors).
pub fn read_stage_book_bytes(
    bytes: Vec<u8>,
    name: &Path,
    catalog: &Catalog,
) -> Result<ImportedStages, XlsxError> {
    let mut book = grid::open_bytes(bytes, name)?;
    read(&mut book, name, catalog)
}

fn read(
    book: &mut grid::Book,
    path: &Path,
    catalog: &Catalog,
) -> Result<ImportedStages, XlsxError> {
    let layout = |problem| XlsxError::Layout {
        path: path.to_path_buf(),
        problem,
    };
    let mut out = ImportedStages::default();
    if let Some(m) = grid::sheet(book, SHEET_META, path, META_LIMITS)? {
        out.format = grid::meta_text(&m, meta_key::FORMAT);
        out.framework_id = grid::meta_text(&m, meta_key::FRAMEWORK_ID);
        out.instansi = grid::meta_text(&m, meta_key::INSTANSI);
        match grid::meta_entry(&m, meta_key::YEAR).map(|(row, d)| (row, whole(d), d)) {
            Some((_, Whole::Number(y), _)) => out.year = i32::try_from(y).ok(),
            Some((row, Whole::Invalid, value)) => out.problems.push(problem(
                SHEET_META,
                row + 1,
                column_label(1, META_COLUMNS[1].header),
                ProblemKind::NotAYear {
                    value: shown(value),
                },
            )),
            _ => {}
        }
    }
    if out.format.as_deref() != Some(BOOK_FORMAT) {
        // Another workbook (a national workbook, a foreign file): the caller says so.
        return Ok(out);
    }
    let limits = Limits {
        rows: HEADER_SCAN_ROWS
            .saturating_add(u32::try_from(catalog.indicators().len()).unwrap_or(u32::MAX))
            .saturating_add(2_000),
        cells: 200_000,
        text: 16 * 1024 * 1024,
    };
    let g = grid::sheet(book, SHEET_STAGES, path, limits)?.ok_or_else(|| {
        layout(LayoutProblem::NoSheet {
            sheet: SHEET_STAGES.to_owned(),
            found: grid::sheet_names(book),
        })
    })?;
    let mut wanted: Vec<&'static str> = vec!["No"];
    for (_, l, n) in STAGE_COLS {
        wanted.push(STAGE_COLUMNS[l].header);
        wanted.push(STAGE_COLUMNS[n].header);
    }
    let h = header(&g, SHEET_STAGES, &wanted).map_err(layout)?;
    let decimal = catalog.scoring().value == ValueKind::Decimal;
    let mut seen: BTreeMap<u32, u32> = BTreeMap::new();
    for row in g.rows_from(h.row + 1) {
        let line = row + 1;
        let no = g.cell(row, h.cols[0]);
        let number = match whole(no) {
            Whole::Empty => continue,
            Whole::Number(n) => n,
            Whole::Invalid => {
                out.problems.push(problem(
                    SHEET_STAGES,
                    line,
                    h.label(0),
                    ProblemKind::NotIndicatorNumber { value: shown(no) },
                ));
                continue;
            }
        };
        let Some(ind) = u32::try_from(number)
            .ok()
            .and_then(|n| catalog.indicator(n))
            .filter(|i| i.external_index.is_none())
        else {
            out.problems.push(problem(
                SHEET_STAGES,
                line,
                h.label(0),
                ProblemKind::NotAnIndicator {
                    value: number,
                    framework: catalog.framework().id.clone(),
                },
            ));
            continue;
        };
        if let Some(first) = seen.insert(ind.number, line) {
            out.problems.push(problem(
                SHEET_STAGES,
                line,
                h.label(0),
                ProblemKind::Duplicate {
                    indicator: ind.number,
                    rows: vec![first, line],
                    more: 0,
                },
            ));
            continue;
        }
        for (i, (stage, _, _)) in STAGE_COLS.into_iter().enumerate() {
            let (lc, nc) = (1 + 2 * i, 2 + 2 * i);
            let cell = g.cell(row, h.cols[lc]);
            let value = match value_of(cell) {
                Ok(v) if decimal || v.is_none_or(|v| v.hundredths() % 100 == 0) => v,
                _ => {
                    let kind = if decimal {
                        ProblemKind::NotAValue { value: shown(cell) }
                    } else {
                        ProblemKind::NotALevel { value: shown(cell) }
                    };
                    out.problems
                        .push(problem(SHEET_STAGES, line, h.label(lc), kind));
                    continue;
                }
            };
            let note_cell = g.cell(row, h.cols[nc]);
            let note = match note_cell {
                Data::Empty => String::new(),
                Data::String(t) => t.replace("\r\n", "\n").trim().to_owned(),
                Data::Float(_) | Data::Int(_) => shown(note_cell),
                _ => {
                    out.problems.push(problem(
                        SHEET_STAGES,
                        line,
                        h.label(nc),
                        ProblemKind::NotText {
                            value: shown(note_cell),
                            field: TextField::Explanation,
                        },
                    ));
                    continue;
                }
            };
            let Some(value) = value else {
                continue;
            };
            let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
            out.lines.push(StageLine {
                row: line as usize,
                indicator: ind.number,
                stage,
                value,
                note,
            });
        }
    }
    if let Some(cut) = g.cut {
        out.problems
            .push(problem(SHEET_STAGES, 0, String::new(), cut_problem(cut)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use swanilai_core::builtin::{builtin, default_catalog, PEMDI_2026};

    fn v(t: &str) -> Value {
        Value::parse(t).unwrap()
    }

    #[test]
    fn a_template_reads_back_what_was_written() {
        let c = default_catalog();
        let mut line = StageBookLine {
            indicator: 3,
            mandiri: Some(v("4")),
            ..Default::default()
        };
        line.stages
            .insert(Stage::Dokumen, (v("3"), "SK belum ditandatangani".into()));
        line.stages
            .insert(Stage::Final, (v("3"), "sesuai LHE; baris\nkedua".into()));
        let book = StageBook {
            catalog: c,
            instansi: "Kabupaten Bungo".into(),
            year: 2025,
            lines: vec![line],
        };
        let bytes = stage_book_bytes(&book).unwrap();
        let read = read_stage_book_bytes(bytes, Path::new("t.xlsx"), c).unwrap();
        assert_eq!(read.problems, []);
        assert_eq!(read.format.as_deref(), Some(BOOK_FORMAT));
        assert_eq!(read.year, Some(2025));
        assert_eq!(read.instansi.as_deref(), Some("Kabupaten Bungo"));
        assert_eq!(
            read.framework_id.as_deref(),
            Some(c.framework().id.as_str())
        );
        let got: Vec<(u32, Stage, u32, &str)> = read
            .lines
            .iter()
            .map(|l| (l.indicator, l.stage, l.value.hundredths(), l.note.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (3, Stage::Dokumen, 300, "SK belum ditandatangani"),
                (3, Stage::Final, 300, "sesuai LHE; baris\nkedua"),
            ]
        );
    }

    #[test]
    fn a_pemdi_template_leaves_out_external_indicators_and_takes_decimals() {
        let c = builtin(PEMDI_2026).unwrap();
        let book = StageBook {
            catalog: c,
            instansi: "X".into(),
            year: 2026,
            lines: vec![],
        };
        let bytes = stage_book_bytes(&book).unwrap();
        let read = read_stage_book_bytes(bytes, Path::new("t.xlsx"), c).unwrap();
        assert!(read.lines.is_empty() && read.problems.is_empty());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let c = default_catalog();
        for bytes in [
            Vec::new(),
            b"not a zip".to_vec(),
            vec![0x50, 0x4b, 3, 4, 0, 0],
        ] {
            assert!(read_stage_book_bytes(bytes, Path::new("g.xlsx"), c).is_err());
        }
    }
}
