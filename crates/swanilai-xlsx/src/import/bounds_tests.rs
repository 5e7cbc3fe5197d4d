//! Regression tests for hostile and unusual workbooks (issue 10, items 1 and 2): a value in
//! the last cell of a sheet, thousands of duplicate rows, a million rows, formulas never
//! calculated. Each workbook is made here, either with rust_xlsxwriter or by writing the
//! sheet's XML straight into a zip (the only cheap way to a million rows, and the only way
//! to a formula cell without a cached value).

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::Workbook;
use swanilai_core::builtin::default_catalog;
use swanilai_core::Level;
use tempfile::TempDir;
use zip::write::SimpleFileOptions;

use crate::layout::{Column, MAX_LISTED_ROWS};
use crate::{read_assessment, ImportedSheet, ProblemKind};

/// Rows 1-3 blank, the exported headers on row 4 (0-based 3), data from row 5.
fn headers(ws: &mut rust_xlsxwriter::Worksheet) {
    for c in Column::ALL {
        ws.write_string(3, c.index(), c.header()).unwrap();
    }
}

fn kinds(sheet: &ImportedSheet) -> Vec<&ProblemKind> {
    sheet.problems.iter().map(|p| &p.kind).collect()
}

fn row_limit() -> u32 {
    crate::import::assessment_limits(default_catalog()).rows
}

#[test]
fn a_value_in_the_last_cell_of_the_sheet_does_not_allocate_the_rectangle() {
    // Regression: calamine's whole-range read allocated 16384 x 1048576 cells (512 GiB) and
    // the process aborted.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("xfd1048576.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Penilaian Mandiri").unwrap();
    headers(ws);
    ws.write_number(4, Column::No.index(), 1.0).unwrap();
    ws.write_number(4, Column::Level.index(), 3.0).unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    book.save(&path).unwrap();

    let got = read_assessment(&path, default_catalog()).unwrap();
    assert_eq!(
        kinds(&got),
        [&ProblemKind::SheetTooLong { limit: row_limit() }],
        "the far cell is content below the rows read: one problem, not an abort"
    );
    assert_eq!(got.problems[0].row, 0, "a problem with the whole sheet");
    assert_eq!(got.rows.len(), 1, "the rows above still come back");
    assert_eq!(got.rows[0].level, Level::new(3).ok());
}

#[test]
fn ten_thousand_duplicate_rows_read_in_linear_time_with_bounded_problems() {
    // Regression: every duplicate row listed every other row (quadratic: 42 s, 640 MB).
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("dup.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name("Penilaian Mandiri").unwrap();
    headers(ws);
    for r in 0..10_000u32 {
        ws.write_number(4 + r, Column::No.index(), 1.0).unwrap();
        ws.write_number(4 + r, Column::Level.index(), 3.0).unwrap();
    }
    book.save(&path).unwrap();

    let started = std::time::Instant::now();
    let got = read_assessment(&path, default_catalog()).unwrap();
    let took = started.elapsed();
    let limit = row_limit();
    let read = limit - 4; // data rows 5..=limit
    assert_eq!(got.rows, vec![], "every row of indicator 1 is a duplicate");
    assert_eq!(
        got.problems.len() as u32,
        read + 1,
        "one problem per row read plus the sheet's"
    );
    let listed: Vec<u32> = (5..5 + MAX_LISTED_ROWS as u32).collect();
    assert_eq!(
        got.problems[0].kind,
        ProblemKind::Duplicate {
            indicator: 1,
            rows: listed,
            more: read - MAX_LISTED_ROWS as u32,
        },
        "the first rows listed, the rest counted"
    );
    assert_eq!(
        got.problems.last().map(|p| &p.kind),
        Some(&ProblemKind::SheetTooLong { limit })
    );
    // Generous for a debug build on a busy machine; the quadratic version took 42 s.
    assert!(took.as_secs() < 20, "took {took:?}");
}

/// A minimal xlsx with one sheet, `Penilaian Mandiri`, whose `<sheetData>` is written by
/// `rows` (inline strings: no shared strings part).
fn raw_book(path: &Path, rows: impl FnOnce(&mut dyn Write)) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = SimpleFileOptions::default();
    let part = |zip: &mut zip::ZipWriter<std::fs::File>, name: &str, text: &str| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    part(
        &mut zip,
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    part(
        &mut zip,
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    part(
        &mut zip,
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Penilaian Mandiri" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    part(
        &mut zip,
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    );
    // Stored, not deflated: the million-row sheet is written fast in a debug build.
    let stored = opts.compression_method(zip::CompressionMethod::Stored);
    zip.start_file("xl/worksheets/sheet1.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    )
    .unwrap();
    let mut body = std::io::BufWriter::new(&mut zip);
    let header: String = Column::ALL
        .iter()
        .map(|c| {
            let letter = crate::layout::column_letter(c.index());
            format!(
                r#"<c r="{letter}4" t="inlineStr"><is><t>{}</t></is></c>"#,
                c.header()
            )
        })
        .collect();
    write!(body, r#"<row r="4">{header}</row>"#).unwrap();
    rows(&mut body);
    drop(body);
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_million_rows_stop_at_the_row_limit_with_one_problem() {
    // Regression: a sheet of 1M rows was loaded whole (14 GB and still growing).
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sejuta.xlsx");
    raw_book(&path, |w| {
        for r in 5..=1_000_004u32 {
            let no = (r % 47) + 1;
            write!(
                w,
                r#"<row r="{r}"><c r="A{r}"><v>{no}</v></c><c r="G{r}"><v>3</v></c></row>"#
            )
            .unwrap();
        }
    });
    let got = read_assessment(&path, default_catalog()).unwrap();
    let limit = row_limit();
    assert_eq!(
        got.problems.last().map(|p| &p.kind),
        Some(&ProblemKind::SheetTooLong { limit })
    );
    let duplicates = got
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Duplicate { .. }))
        .count() as u32;
    assert_eq!(duplicates, limit - 4, "only the rows read are checked");
}

#[test]
fn formatting_only_rows_cost_no_problem_and_no_memory() {
    // Whole formatted columns: a style on every row, no value. Ordinary, not an error.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("diformat.xlsx");
    raw_book(&path, |w| {
        write!(
            w,
            r#"<row r="5"><c r="A5"><v>2</v></c><c r="G5"><v>4</v></c></row>"#
        )
        .unwrap();
        for r in 6..=100_000u32 {
            write!(
                w,
                r#"<row r="{r}"><c r="A{r}" s="0"/><c r="XFD{r}" s="0"/></row>"#
            )
            .unwrap();
        }
    });
    let got = read_assessment(&path, default_catalog()).unwrap();
    assert_eq!(got.problems, vec![]);
    assert_eq!(got.rows.len(), 1);
    assert_eq!(
        (got.rows[0].indicator, got.rows[0].level),
        (2, Level::new(4).ok())
    );
}

#[test]
fn a_formula_without_a_cached_value_is_a_problem_and_never_clears_a_level() {
    // Regression: `<f>` without `<v>` read as empty, so Tingkat was cleared silently.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rumus.xlsx");
    raw_book(&path, |w| {
        // Row 5: Tingkat is a formula never calculated. Row 6: calculated, value 4.
        // Row 7: a formula in No only, the rest empty.
        write!(
            w,
            r#"<row r="5"><c r="A5"><v>1</v></c><c r="G5"><f>1+2</f></c></row><row r="6"><c r="A6"><v>2</v></c><c r="G6"><f>2+2</f><v>4</v></c></row><row r="7"><c r="A7"><f>2+1</f></c></row>"#
        )
        .unwrap();
    });
    let got = read_assessment(&path, default_catalog()).unwrap();
    let found: Vec<(u32, &str, &ProblemKind)> = got
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), &p.kind))
        .collect();
    let formula = |cell: &str, header: &str| ProblemKind::FormulaWithoutValue {
        cell: cell.into(),
        header: header.into(),
    };
    assert_eq!(
        found,
        [
            (5, "G (Tingkat)", &formula("G5", "Tingkat")),
            (7, "A (No)", &formula("A7", "No")),
        ]
    );
    assert_eq!(
        got.rows
            .iter()
            .map(|r| (r.indicator, r.level))
            .collect::<Vec<_>>(),
        [(2, Level::new(4).ok())],
        "the row with the uncalculated level is left out: its stored level stays"
    );
}

/// Set the uncompressed size that the zip's local header and central directory declare for
/// the part `name` (a zip that lies about it; written without data descriptors).
fn understate(bytes: &mut [u8], name: &str, size: u32) {
    let n = name.as_bytes();
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(46 + n.len()) {
        let sig = &bytes[i..i + 4];
        let (size_at, name_at) = if sig == [0x50, 0x4b, 0x03, 0x04] {
            (22, 30)
        } else if sig == [0x50, 0x4b, 0x01, 0x02] {
            (24, 46)
        } else {
            continue;
        };
        if bytes.get(i + name_at..i + name_at + n.len()) == Some(n) {
            bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(
        patched, 2,
        "the local header and the central directory entry"
    );
}

#[test]
fn a_zip_that_understates_its_shared_strings_is_refused_naming_the_part() {
    // Only the declared size was checked before calamine loads the part whole: a part
    // declared at 1 KB must not get further, and the message names it.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bohong.xlsx");
    raw_book(&path, |_| {});
    // Add a shared strings part of 4 MB (repetitive: a few KB deflated).
    let mut zip = zip::ZipWriter::new_append(
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap(),
    )
    .unwrap();
    zip.start_file("xl/sharedStrings.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        .unwrap();
    let item = "<si><t>Kebijakan internal tata kelola SPBE</t></si>".repeat(1000);
    for _ in 0..(4 * 1024 * 1024 / item.len()) {
        zip.write_all(item.as_bytes()).unwrap();
    }
    zip.write_all(b"</sst>").unwrap();
    zip.finish().unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    understate(&mut bytes, "xl/sharedStrings.xml", 1024);
    std::fs::write(&path, bytes).unwrap();

    let err = read_assessment(&path, default_catalog())
        .expect_err("a part past the limit is refused")
        .to_string();
    assert!(
        err.contains("'xl/sharedStrings.xml' cannot be read") && err.contains("damaged"),
        "{err}"
    );
    assert!(err.contains("bohong.xlsx"), "the file is named: {err}");
}
