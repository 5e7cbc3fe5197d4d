//! The recap of many instansi (issue 12): real workbooks exported from real databases of
//! both frameworks, one instansi twice, and files that are no export (text, a PDF named
//! .xlsx, a catalog workbook, a workbook without metadata, a password-protected export, an
//! export cut short); the recap keeps going, and its workbook is read back with calamine.

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use swanilai_app::{
    recap, AnswerInput, App, ErrorCode, FixedClock, IndexDto, InstansiInput, InstansiKind, Open,
    ValueInput, ValueSourceDto,
};
use swanilai_core::Language;

/// A database of its own for `name`, with a `framework` assessment of 2026.
fn instansi(dir: &Path, db: &str, name: &str, framework: Option<&str>) -> App {
    let mut app = App::open_with_clock(
        &dir.join(db),
        Open::CreateIfMissing,
        Box::new(FixedClock("2026-11-23T08:00:00Z".into())),
    )
    .expect("open a new database");
    app.init(InstansiInput {
        name: name.into(),
        kind: InstansiKind::Kabupaten,
        coordinator_name: "Sekretaris Daerah".into(),
        coordinator_nip: String::new(),
        address: String::new(),
    })
    .expect("init");
    app.new_assessment(2026, framework).expect("assessment");
    app
}

/// A 59/2020 export with the first `answered` indicators at level n % 5 + 1 (+ `shift`).
fn spbe_export(dir: &Path, out: &Path, name: &str, answered: u32, shift: u32) -> IndexDto {
    let db = format!("{}.db", out.file_stem().unwrap().to_string_lossy());
    let mut app = instansi(dir, &db, name, None);
    for n in 1..=answered {
        let level = i64::from((n + shift) % 5) + 1;
        let input = AnswerInput {
            level: Some(Some(level)),
            ..Default::default()
        };
        app.set_answer(None, n, input).unwrap();
    }
    app.export_workbook(None, out).unwrap();
    app.index(None).unwrap()
}

fn pemdi_export(dir: &Path, out: &Path, name: &str) -> IndexDto {
    let mut app = instansi(dir, "pemdi.db", name, Some("pemdi-2026"));
    for (n, v) in [(1, "2,35"), (2, "3"), (3, "4.5"), (8, "2"), (20, "3,75")] {
        let value = ValueInput {
            source: ValueSourceDto::SelfAssessed,
            value: Some(v.into()),
        };
        app.set_value(None, n, value).unwrap();
    }
    app.export_workbook(None, out).unwrap();
    app.index(None).unwrap()
}

fn range(path: &Path, sheet: &str) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"))
}

/// Every row's cells as text ("" for empty), from the top.
fn rows(r: &Range<Data>) -> Vec<Vec<String>> {
    r.rows()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn a_recap_of_a_folder_keeps_every_instansi_and_lists_every_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (dbs, books) = (tmp.path().join("db"), tmp.path().join("kiriman"));
    std::fs::create_dir_all(&dbs).unwrap();
    std::fs::create_dir_all(&books).unwrap();
    let book = |name: &str| books.join(name);

    let a = spbe_export(&dbs, &book("a.xlsx"), "Pemerintah Kota Satu", 47, 0);
    let b = spbe_export(&dbs, &book("b.xlsx"), "Pemerintah Kabupaten Dua", 12, 2);
    let b_again = spbe_export(
        &dbs,
        &book("b-revisi.xlsx"),
        "Pemerintah Kabupaten Dua",
        47,
        3,
    );
    let c = pemdi_export(&dbs, &book("c.xlsx"), "Kementerian Tiga");
    assert_ne!(b.index, b_again.index, "the duplicate holds other values");

    std::fs::write(book("catatan.txt"), "kiriman kabupaten, lihat surel\n").unwrap();
    std::fs::write(
        book("laporan.xlsx"),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    )
    .unwrap();
    swanilai_app::export_catalog(None, &book("katalog.xlsx")).unwrap();
    let whole = std::fs::read(book("a.xlsx")).unwrap();
    std::fs::write(book("potong.xlsx"), &whole[..whole.len() / 2]).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/password-protected-export.xlsx");
    std::fs::copy(fixture, book("terkunci.xlsx")).unwrap();
    // A workbook without the metadata sheet: the recap of the four exports alone.
    let plain = tmp.path().join("tanpa-metadata.xlsx");
    let exports: Vec<PathBuf> = ["a.xlsx", "c.xlsx"].map(book).into();
    recap(&exports, &plain, Language::English).unwrap();
    std::fs::copy(&plain, book("tanpa-metadata.xlsx")).unwrap();
    std::fs::create_dir(books.join("arsip")).unwrap(); // subfolders are not read

    let out = books.join("rekap.xlsx");
    let dto =
        recap(std::slice::from_ref(&books), &out, Language::English).expect("the recap is written");

    // Rows: one per export, by framework then instansi; the duplicate kept and flagged.
    let got: Vec<(&str, &str, Option<f64>, bool)> = dto
        .instansi
        .iter()
        .map(|r| {
            let file = Path::new(&r.file).file_name().unwrap().to_str().unwrap();
            (file, r.framework.as_str(), r.index, r.duplicate)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("c.xlsx", "pemdi-2026", c.index, false),
            ("b-revisi.xlsx", "permenpanrb-59-2020", b_again.index, true),
            ("b.xlsx", "permenpanrb-59-2020", b.index, true),
            ("a.xlsx", "permenpanrb-59-2020", a.index, false),
        ]
    );
    let row_a = &dto.instansi[3];
    assert_eq!(
        (row_a.instansi.as_str(), row_a.year, row_a.rating.clone()),
        ("Pemerintah Kota Satu", 2026, a.rating.clone())
    );
    assert_eq!((row_a.answered, row_a.total), (47, 47));
    assert_eq!((row_a.domains.len(), row_a.aspects.len()), (4, 8));
    for (got, want) in row_a.aspects.iter().zip(&a.aspects) {
        assert_eq!((got.number, got.index), (want.number, want.index));
    }
    let row_c = &dto.instansi[0];
    assert_eq!((row_c.domains.len(), row_c.aspects.len()), (0, 7));
    assert_eq!((row_c.answered, row_c.total), (c.answered, c.total));
    assert_eq!(row_c.rating, c.rating);

    // Errors: every bad file with its code; the recap's own output is not read.
    let errors: Vec<(&str, &str)> = dto
        .errors
        .iter()
        .map(|e| {
            let file = Path::new(&e.file).file_name().unwrap().to_str().unwrap();
            (file, e.code.as_str())
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("catatan.txt", "not_a_workbook"),
            ("katalog.xlsx", "not_a_swanilai_workbook"),
            ("laporan.xlsx", "not_a_workbook"),
            ("potong.xlsx", "workbook_damaged"),
            ("tanpa-metadata.xlsx", "not_a_swanilai_workbook"),
            ("terkunci.xlsx", "password_protected"),
        ]
    );
    assert!(
        dto.errors[5]
            .reason
            .starts_with("password-protected, or an old .xls"),
        "{}",
        dto.errors[5].reason
    );

    // The workbook: summary, a sheet per framework, the unreadable files.
    let wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Ringkasan",
            "Indeks Pemerintah Digital",
            "Indeks SPBE",
            "Tidak Terbaca"
        ]
    );
    let spbe = rows(&range(&out, "Indeks SPBE"));
    let header = &spbe[2];
    assert_eq!(
        &header[..7],
        [
            "No",
            "Instansi",
            "Tahun",
            "Indeks",
            "Predikat",
            "Terjawab",
            "Lengkap (%)"
        ]
    );
    assert!(header[7].starts_with("D1 "), "{header:?}");
    assert!(header[11].starts_with("A1 "), "{header:?}");
    assert_eq!(&header[19..], ["Kerangka", "Duplikat", "Berkas"]);
    let body = &spbe[3..];
    assert_eq!(body.len(), 3, "three 59/2020 workbooks: {body:?}");
    let kota = body
        .iter()
        .find(|r| r[1] == "Pemerintah Kota Satu")
        .unwrap();
    assert_eq!(kota[3], a.index.unwrap().to_string());
    assert_eq!(kota[5], "47/47");
    assert_eq!(kota[20], "", "not a duplicate");
    let dua: Vec<&Vec<String>> = body
        .iter()
        .filter(|r| r[1] == "Pemerintah Kabupaten Dua")
        .collect();
    assert_eq!(dua.len(), 2);
    assert!(dua.iter().all(|r| r[20] == "ya"), "both flagged: {dua:?}");
    let partial = dua
        .iter()
        .find(|r| r[5] == "12/47")
        .expect("the partial one");
    assert_eq!(partial[3], b.index.unwrap().to_string());

    let pemdi = rows(&range(&out, "Indeks Pemerintah Digital"));
    assert!(
        !pemdi[2].iter().any(|h| h.starts_with("D1 ")),
        "no domain columns"
    );
    assert_eq!(pemdi[2].iter().filter(|h| h.starts_with('A')).count(), 7);
    assert_eq!(pemdi[3][1], "Kementerian Tiga");

    let summary = rows(&range(&out, "Ringkasan"));
    let find = |label: &str| summary.iter().position(|r| r[0] == label);
    let spbe_block = summary
        .iter()
        .position(|r| r[0] == "Indeks SPBE 2026 (permenpanrb-59-2020)")
        .expect("a block per framework and year");
    assert_eq!(summary[spbe_block + 1][2], "3", "three 59/2020 rows");
    assert_eq!(summary[spbe_block + 2][2], "2", "two of them duplicates");
    let rated: usize = summary[spbe_block..]
        .iter()
        .skip_while(|r| r[0] != "Predikat")
        .skip(1)
        .take_while(|r| !r[0].is_empty())
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(rated, 3, "the predikat distribution counts every row");
    assert!(find("Indeks SPBE 2026 (permenpanrb-59-2020)").is_some());
    assert!(find("Indeks Pemerintah Digital 2026 (pemdi-2026)").is_some());
    let aspect_1 = summary[spbe_block..]
        .iter()
        .find(|r| r[0] == "Aspek 1")
        .unwrap();
    let mean = [&a, &b, &b_again]
        .iter()
        .filter_map(|i| i.aspects[0].index)
        .sum::<f64>()
        / 3.0;
    let shown: f64 = aspect_1[2].parse().unwrap();
    assert!((shown - mean).abs() < 1e-9, "{shown} vs {mean}");

    let bad = rows(&range(&out, "Tidak Terbaca"));
    assert_eq!(bad.len(), 3 + 6, "a row per unreadable file: {bad:?}");
    assert!(bad[3..]
        .iter()
        .all(|r| !r[2].is_empty() && !r[3].is_empty()));
}

#[test]
fn nothing_usable_writes_nothing_and_an_unwritable_recap_is_said() {
    let tmp = tempfile::tempdir().unwrap();
    let junk = tmp.path().join("catatan.txt");
    std::fs::write(&junk, "bukan buku kerja").unwrap();
    let out = tmp.path().join("rekap.xlsx");
    let missing = tmp.path().join("tidak-ada");
    let err = recap(&[junk, missing], &out, Language::English).unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkbookUnreadable);
    assert!(err.message.contains("catatan.txt"), "{}", err.message);
    assert!(err.message.contains("tidak-ada"), "{}", err.message);
    assert!(
        !out.exists(),
        "nothing is written without a readable workbook"
    );

    let book = tmp.path().join("a.xlsx");
    spbe_export(tmp.path(), &book, "Kota Satu", 3, 0);
    let into_nowhere = tmp.path().join("no-folder").join("rekap.xlsx");
    let err = recap(&[book], &into_nowhere, Language::English).unwrap_err();
    assert_eq!(err.code, ErrorCode::FileUnwritable, "{}", err.message);
}
