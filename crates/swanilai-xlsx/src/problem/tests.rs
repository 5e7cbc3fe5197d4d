//! Every problem said in both languages, word for word: these are the texts an operator
//! reads while mending the workbook in Excel.

use std::path::PathBuf;

use swanilai_core::Language::{English, Indonesian};

use crate::{LayoutProblem, ProblemKind, TextField, XlsxError};

fn said(kind: ProblemKind) -> (String, String) {
    (kind.message(Indonesian), kind.message(English))
}

#[test]
fn cell_problems_in_bahasa_indonesia_and_english() {
    let cases = [
        (
            ProblemKind::NotALevel { value: "7".into() },
            "7 bukan tingkat; Tingkat harus bilangan bulat 1 sampai 5, atau dikosongkan bila \
             belum dinilai",
            "7 is not a level; Tingkat must be a whole number from 1 to 5, or empty when not \
             yet assessed",
        ),
        (
            ProblemKind::NotAnIndicator {
                value: 99,
                framework: "permenpanrb-59-2020".into(),
            },
            "99 bukan nomor indikator pada kerangka permenpanrb-59-2020",
            "99 is not an indicator number of framework permenpanrb-59-2020",
        ),
        (
            ProblemKind::NoEmpty,
            "No kosong; setiap baris harus berisi nomor indikatornya",
            "No is empty; every row needs the number of its indicator",
        ),
        (
            ProblemKind::NotIndicatorNumber {
                value: "'abc'".into(),
            },
            "'abc' bukan nomor indikator; No harus bilangan bulat",
            "'abc' is not an indicator number; No must be a whole number",
        ),
        (
            ProblemKind::NotText {
                value: "#N/A".into(),
                field: TextField::Explanation,
            },
            "#N/A bukan teks; tuliskan Penjelasan sebagai teks",
            "#N/A is not text; type the explanation (Penjelasan) as text",
        ),
        (
            ProblemKind::NotText {
                value: "2024-03-01".into(),
                field: TextField::Owner,
            },
            "2024-03-01 bukan teks; tuliskan unit kerja sebagai teks",
            "2024-03-01 is not text; type the unit kerja as text",
        ),
        (
            ProblemKind::Duplicate {
                indicator: 5,
                rows: vec![11, 12, 14],
                more: 0,
            },
            "indikator 5 ada pada baris 11, 12 dan 14; sisakan satu baris untuk setiap indikator",
            "indicator 5 appears on rows 11, 12 and 14; keep one row per indicator",
        ),
        (
            ProblemKind::Duplicate {
                indicator: 1,
                rows: vec![5, 6, 7],
                more: 9_997,
            },
            "indikator 1 ada pada baris 5, 6, 7 dan 9997 baris lain; sisakan satu baris untuk \
             setiap indikator",
            "indicator 1 appears on rows 5, 6, 7 and 9997 more; keep one row per indicator",
        ),
        (
            ProblemKind::FormulaWithoutValue {
                cell: "G12".into(),
                header: "Tingkat".into(),
            },
            "G12 (Tingkat) berisi rumus tanpa nilai tersimpan; buka berkas di Excel atau \
             LibreOffice dan simpan ulang agar nilainya dihitung, atau ketik nilainya",
            "G12 (Tingkat) holds a formula without a stored value; open the file in Excel or \
             LibreOffice and save it again so the value is calculated, or type the value",
        ),
        (
            ProblemKind::SheetTooLong { limit: 2057 },
            "lembar berisi data di bawah baris 2057; hanya 2057 baris pertama yang dibaca. \
             Hapus baris yang tidak dipakai di bawah tabel",
            "the sheet has content below row 2057; only its first 2057 rows were read. Delete \
             the unused rows below the table",
        ),
        (
            ProblemKind::SheetTooLarge { row: 900 },
            "lembar berisi terlalu banyak sel atau teks; pembacaan berhenti pada baris 900. \
             Hapus baris dan kolom yang tidak dipakai",
            "the sheet holds too many cells or too much text; reading stopped at row 900. \
             Delete the unused rows and columns",
        ),
        (
            ProblemKind::NotAYear {
                value: "'dua ribu'".into(),
            },
            "'dua ribu' bukan tahun; isi tahun penilaian, misalnya 2025",
            "'dua ribu' is not a year; give the assessment's year, e.g. 2025",
        ),
    ];
    for (kind, id, en) in cases {
        assert_eq!(said(kind), (id.to_owned(), en.to_owned()));
    }
}

#[test]
fn a_problem_serialises_flat_with_its_kind_in_snake_case() {
    let p = crate::ImportProblem {
        sheet: "Penilaian Mandiri".into(),
        row: 7,
        column: "G (Tingkat)".into(),
        kind: ProblemKind::NotALevel { value: "0".into() },
    };
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"sheet":"Penilaian Mandiri","row":7,"column":"G (Tingkat)","kind":"not_a_level","value":"0"}"#
    );
    assert_eq!(p.message(English), p.kind.message(English));
}

#[test]
fn layout_errors_in_both_languages_name_the_file_and_what_is_missing() {
    let err = |problem| XlsxError::Layout {
        path: PathBuf::from("/data/pm.xlsx"),
        problem,
    };
    let missing = err(LayoutProblem::MissingColumns {
        sheet: "Penilaian Mandiri".into(),
        row: 4,
        columns: vec!["Penjelasan".into()],
    });
    assert_eq!(
        missing.message(Indonesian),
        "susunan lembar kerja /data/pm.xlsx tidak sesuai: baris judul (baris 4) pada lembar \
         'Penilaian Mandiri' tidak memiliki kolom 'Penjelasan'"
    );
    assert_eq!(
        missing.message(English),
        "workbook /data/pm.xlsx has the wrong layout: the header row (row 4) of sheet \
         'Penilaian Mandiri' has no 'Penjelasan' column"
    );
    assert_eq!(missing.message(English), missing.to_string());

    let no_sheet = err(LayoutProblem::NoSheet {
        sheet: "Penilaian Mandiri".into(),
        found: vec!["Sheet1".into(), "Lembar Lain".into()],
    });
    assert_eq!(
        no_sheet.message(Indonesian),
        "susunan lembar kerja /data/pm.xlsx tidak sesuai: tidak ada lembar bernama \
         'Penilaian Mandiri' (lembar yang ada: 'Sheet1' dan 'Lembar Lain')"
    );
    let no_header = LayoutProblem::NoHeaderRow {
        sheet: "Penilaian Mandiri".into(),
        rows: 10,
        columns: vec!["No".into(), "Tingkat".into(), "Penjelasan".into()],
    };
    assert_eq!(
        no_header.message(Indonesian),
        "lembar 'Penilaian Mandiri' tidak memiliki baris judul dengan kolom 'No', 'Tingkat' \
         dan 'Penjelasan' pada 10 baris pertamanya"
    );
    assert_eq!(
        no_header.message(English),
        "sheet 'Penilaian Mandiri' has no header row with the columns 'No', 'Tingkat' and \
         'Penjelasan' in its first 10 rows"
    );
    let catalog = LayoutProblem::NoColumnInFirstRow {
        sheet: "Indicators".into(),
        column: "weight_bp".into(),
    };
    assert_eq!(
        catalog.message(Indonesian),
        "lembar 'Indicators' tidak memiliki kolom 'weight_bp' pada baris pertamanya"
    );
}
