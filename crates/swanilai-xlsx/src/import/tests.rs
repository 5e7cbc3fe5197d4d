//! Import tests: export -> import identity, hand-edited and broken workbooks.

use std::path::Path;

use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use swanilai_core::builtin::default_catalog;
use swanilai_core::Level;
use tempfile::TempDir;

use crate::export::tests::sheet_with;
use crate::layout::{Column, HEADER_ROW};
use crate::XlsxError;
use crate::{read_assessment, write_assessment, ImportedSheet, LayoutProblem, ProblemKind};
use swanilai_core::Language;

/// A cell of a hand-made workbook.
enum C<'a> {
    N(f64),
    T(&'a str),
    E,
}

/// A workbook as a person might leave it: one sheet, headers on `header_row` (0-based).
fn hand_made(path: &Path, sheet: &str, header_row: u32, headers: &[&str], rows: &[Vec<C<'_>>]) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet().set_name(sheet).unwrap();
    ws.write_string(0, 0, "Penilaian Mandiri SPBE (disunting)")
        .unwrap();
    for (col, h) in (0u16..).zip(headers) {
        ws.write_string(header_row, col, *h).unwrap();
    }
    for (r, cells) in (header_row + 1..).zip(rows) {
        for (col, c) in (0u16..).zip(cells) {
            match c {
                C::N(n) => ws.write_number(r, col, *n).map(|_| ()).unwrap(),
                C::T(t) => ws.write_string(r, col, *t).map(|_| ()).unwrap(),
                C::E => {}
            }
        }
    }
    book.save(path).unwrap();
}

fn level(n: i64) -> Option<Level> {
    Level::new(n).ok()
}

fn rows_of(sheet: &ImportedSheet) -> Vec<(u32, u32, Option<Level>, &str)> {
    sheet
        .rows
        .iter()
        .map(|r| (r.indicator, r.row, r.level, r.explanation.as_str()))
        .collect()
}

#[test]
fn a_workbook_edited_by_hand_reads_by_header_and_number() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("disunting.xlsx");
    // Header one row lower than exported, columns reordered, an extra column of notes.
    let headers = ["Tingkat", " penjelasan ", "Indikator", "NO", "Catatan"];
    let rows = vec![
        vec![C::T("4"), C::T("Sudah ada"), C::T("Kebijakan"), C::N(1.0)],
        vec![C::N(3.0), C::T("baris satu\r\nbaris dua"), C::E, C::T("2")],
        vec![],
        vec![
            C::E,
            C::E,
            C::E,
            C::E,
            C::T("hanya catatan: bukan baris indikator"),
        ],
        vec![
            C::T("3,0"),
            C::T("  spasi di awal dan akhir \n"),
            C::E,
            C::T(" 7 "),
        ],
        vec![C::E, C::E, C::E, C::N(10.0)],
        vec![C::N(5.0), C::N(12.5), C::E, C::N(47.0)],
    ];
    hand_made(&path, "Penilaian Mandiri", HEADER_ROW + 1, &headers, &rows);

    let got = read_assessment(&path, default_catalog()).unwrap();
    assert_eq!(got.problems, vec![], "a valid hand edit has no problems");
    assert_eq!(
        rows_of(&got),
        vec![
            (1, 6, level(4), "Sudah ada"),
            (2, 7, level(3), "baris satu\nbaris dua"),
            (7, 10, level(3), "  spasi di awal dan akhir \n"),
            (10, 11, None, ""),
            (47, 12, level(5), "12.5"),
        ]
    );
    assert_eq!(
        (got.year, got.framework_id),
        (None, None),
        "no metadata sheet"
    );
}

#[test]
fn every_bad_cell_is_one_problem_and_valid_rows_still_come_back() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("salah.xlsx");
    let headers: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    let row = |no: C<'static>, tingkat: C<'static>, penjelasan: &'static str| {
        let mut cells: Vec<C<'static>> = Column::ALL.iter().map(|_| C::E).collect();
        cells[Column::No.index() as usize] = no;
        cells[Column::Level.index() as usize] = tingkat;
        cells[Column::Explanation.index() as usize] = C::T(penjelasan);
        cells
    };
    let rows = vec![
        row(C::N(99.0), C::N(3.0), "nomor di luar katalog"), // row 5
        row(C::T("abc"), C::N(3.0), "nomor bukan angka"),    // row 6
        row(C::N(1.0), C::N(0.0), "tingkat nol"),            // row 7
        row(C::N(2.0), C::N(6.0), "tingkat enam"),           // row 8
        row(C::N(3.0), C::N(2.5), "tingkat pecahan"),        // row 9
        row(C::N(4.0), C::T("tiga"), "tingkat huruf"),       // row 10
        row(C::N(5.0), C::N(2.0), "ganda pertama"),          // row 11
        row(C::N(5.0), C::N(3.0), "ganda kedua"),            // row 12
        row(C::N(6.0), C::N(5.0), "oke"),                    // row 13
        row(C::N(8.0), C::E, "belum dinilai"),               // row 14
    ];
    hand_made(&path, "Penilaian Mandiri", HEADER_ROW, &headers, &rows);

    let got = read_assessment(&path, default_catalog()).unwrap();
    let places: Vec<(u32, &str)> = got
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        places,
        vec![
            (5, "A (No)"),
            (6, "A (No)"),
            (7, "G (Tingkat)"),
            (8, "G (Tingkat)"),
            (9, "G (Tingkat)"),
            (10, "G (Tingkat)"),
            (11, "A (No)"),
            (12, "A (No)"),
        ]
    );
    assert!(got.problems.iter().all(|p| p.sheet == "Penilaian Mandiri"));
    let not_a_level = |v: &str| ProblemKind::NotALevel { value: v.into() };
    let twice = ProblemKind::Duplicate {
        indicator: 5,
        rows: vec![11, 12],
        more: 0,
    };
    let kinds: Vec<&ProblemKind> = got.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ProblemKind::NotAnIndicator {
                value: 99,
                framework: "permenpanrb-59-2020".into()
            },
            &ProblemKind::NotIndicatorNumber {
                value: "'abc'".into()
            },
            &not_a_level("0"),
            &not_a_level("6"),
            &not_a_level("2.5"),
            &not_a_level("'tiga'"),
            &twice,
            &twice,
        ]
    );
    assert_eq!(
        got.problems[5].message(Language::Indonesian),
        "'tiga' bukan tingkat; Tingkat harus bilangan bulat 1 sampai 5, atau dikosongkan \
         bila belum dinilai"
    );
    assert_eq!(
        got.problems[6].message(Language::English),
        "indicator 5 appears on rows 11 and 12; keep one row per indicator"
    );
    assert_eq!(
        rows_of(&got),
        vec![(6, 13, level(5), "oke"), (8, 14, None, "belum dinilai")],
        "rows with a problem are left out, the others come back"
    );
}

#[test]
fn text_that_looks_like_markup_or_escapes_round_trips() {
    let specials = [
        "<r>a & b</r>",
        "_x0041_ bukan A",
        "<r>_x0041_</r>",
        "=SUM(A1:A3)",
        "\t tab di awal",
        "akhir dengan baris baru\n",
        "\n",
        " ",
        "😀 emoji dan 汉字",
    ];
    let answers = default_catalog()
        .indicators()
        .iter()
        .enumerate()
        .map(|(i, _)| (level(3), specials.get(i).copied().unwrap_or("").to_owned()))
        .collect();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("khusus.xlsx");
    write_assessment(&sheet_with(answers), &path).unwrap();
    let got = read_assessment(&path, default_catalog()).unwrap();
    assert_eq!(got.problems, vec![]);
    for (i, text) in specials.iter().enumerate() {
        assert_eq!(got.rows[i].explanation, *text, "explanation of row {i}");
    }
}

fn read_err(path: &Path) -> XlsxError {
    read_assessment(path, default_catalog()).expect_err("this workbook must be refused")
}

fn assert_names_path(err: &XlsxError, path: &Path) {
    let text = err.to_string();
    assert!(text.contains(&path.display().to_string()), "{text}");
}

#[test]
fn unreadable_files_are_read_errors_with_the_path() {
    let dir = TempDir::new().unwrap();
    let corrupt = dir.path().join("rusak.xlsx");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&corrupt, bytes).unwrap();
    let err = read_err(&corrupt);
    assert!(matches!(err, XlsxError::Read { .. }), "{err:?}");
    assert_names_path(&err, &corrupt);

    let missing = dir.path().join("tidak-ada.xlsx");
    let err = read_err(&missing);
    assert!(matches!(err, XlsxError::Read { .. }), "{err:?}");
    assert_names_path(&err, &missing);
}

#[test]
fn wrong_layouts_are_layout_errors_naming_what_is_missing() {
    let dir = TempDir::new().unwrap();
    let other_sheet = dir.path().join("lain.xlsx");
    hand_made(
        &other_sheet,
        "Lembar Lain",
        0,
        &["No", "Tingkat", "Penjelasan"],
        &[],
    );
    let err = read_err(&other_sheet);
    assert!(matches!(err, XlsxError::Layout { .. }), "{err:?}");
    assert_names_path(&err, &other_sheet);
    assert!(err.to_string().contains("'Penilaian Mandiri'"), "{err}");
    assert!(
        err.message(Language::Indonesian).contains(
            "tidak ada lembar bernama 'Penilaian Mandiri' (lembar yang ada: 'Lembar Lain')"
        ),
        "{}",
        err.message(Language::Indonesian)
    );

    let no_header = dir.path().join("tanpa-header.xlsx");
    hand_made(
        &no_header,
        "Penilaian Mandiri",
        2,
        &["Nomor", "Nilai"],
        &[vec![C::N(1.0), C::N(3.0)]],
    );
    let err = read_err(&no_header);
    assert!(matches!(err, XlsxError::Layout { .. }), "{err:?}");
    assert_names_path(&err, &no_header);
    assert!(err.to_string().contains("'Tingkat'"), "{err}");

    let too_low = dir.path().join("header-terlalu-bawah.xlsx");
    hand_made(
        &too_low,
        "Penilaian Mandiri",
        10,
        &["No", "Tingkat", "Penjelasan"],
        &[],
    );
    assert!(matches!(read_err(&too_low), XlsxError::Layout { .. }));

    let no_explanation = dir.path().join("tanpa-penjelasan.xlsx");
    hand_made(
        &no_explanation,
        "Penilaian Mandiri",
        0,
        &["No", "Tingkat"],
        &[],
    );
    let err = read_err(&no_explanation);
    let XlsxError::Layout { problem, .. } = &err else {
        panic!("a layout error: {err:?}");
    };
    assert_eq!(
        problem,
        &LayoutProblem::MissingColumns {
            sheet: "Penilaian Mandiri".into(),
            row: 1,
            columns: vec!["Penjelasan".into()],
        }
    );
    assert!(err.to_string().contains("'Penjelasan'"), "{err}");
}

/// Printable text as people write explanations: Indonesian and accented letters, digits,
/// punctuation, quotes, markup characters, tabs, newlines, leading and trailing spaces.
const EXPLANATION: &str =
    "[ a-zA-Z0-9éÉèêàâçñöüÀ’‘“”–—…•.,;:!?'\"()\\[\\]{}&<>/%#@_=+*\t\n-]{0,300}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn export_then_import_is_the_identity(
        answers in prop::collection::vec(
            (prop::option::of(1i64..=5), EXPLANATION),
            47,
        )
    ) {
        let answers: Vec<(Option<Level>, String)> = answers
            .into_iter()
            .map(|(l, text)| (l.and_then(|l| Level::new(l).ok()), text))
            .collect();
        let sheet = sheet_with(answers.clone());
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("bolak-balik.xlsx");
        write_assessment(&sheet, &path).unwrap();
        let got = read_assessment(&path, default_catalog()).unwrap();

        prop_assert_eq!(&got.problems, &vec![]);
        prop_assert_eq!(got.year, Some(2024));
        prop_assert_eq!(got.framework_id.as_deref(), Some("permenpanrb-59-2020"));
        let expected: Vec<(u32, Option<Level>, &str)> = default_catalog()
            .indicators()
            .iter()
            .zip(&answers)
            .map(|(ind, (l, text))| (ind.number, *l, text.as_str()))
            .collect();
        let back: Vec<(u32, Option<Level>, &str)> = got
            .rows
            .iter()
            .map(|r| (r.indicator, r.level, r.explanation.as_str()))
            .collect();
        prop_assert_eq!(back, expected);
    }
}
