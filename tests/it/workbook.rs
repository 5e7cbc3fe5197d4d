//! Export -> import through the app, read back with calamine.

use calamine::{open_workbook, Data, Reader, Xlsx};
use swanilai_app::{AnswerInput, ErrorCode};

use crate::ready_app;

#[test]
fn exported_workbook_reimports_as_identity_and_carries_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    for n in 1..=47u32 {
        let level = i64::from(n % 5) + 1;
        let text = format!(
            "FAKTA:\nDokumen {n}.a  menyebut \"kebijakan\" — perangkat daerah; tanda-tangan ✓\n\nANALISIS:\nTingkat {level} terpenuhi.  "
        );
        app.set_answer(
            None,
            n,
            AnswerInput {
                level: Some(Some(level)),
                explanation: Some(text),
                owner: Some(["Bappeda", "Dinas Kominfo", ""][n as usize % 3].into()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let idx = app.index(None).unwrap();
    let book = dir.path().join("Penilaian Mandiri 2026.xlsx");
    app.export_workbook(None, &book).unwrap();

    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let names = wb.sheet_names();
    for sheet in [
        "Penilaian Mandiri",
        "Rekap Indeks",
        "Data Dukung",
        "Kuesioner",
    ] {
        assert!(
            names.iter().any(|s| s == sheet),
            "sheet {sheet} missing: {names:?}"
        );
    }
    let recap = wb.worksheet_range("Rekap Indeks").unwrap();
    let overall = recap
        .rows()
        .find(|r| {
            r.iter().any(|c| c.to_string().contains("Indeks SPBE"))
                && r.iter().any(|c| matches!(c, Data::Float(_)))
        })
        .expect("an Indeks SPBE row");
    let expected = idx.index.unwrap();
    assert!(
        overall
            .iter()
            .any(|c| matches!(c, Data::Float(f) if (*f - expected).abs() < 1e-9)),
        "overall row {overall:?} should hold {expected}"
    );
    assert!(overall
        .iter()
        .any(|c| c.to_string() == idx.rating.clone().unwrap()));

    let preview = app.import_preview(None, &book).unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(
        preview.changes.is_empty(),
        "round trip must be the identity: {:?}",
        preview.changes
    );
    assert_eq!(preview.unchanged, 47);
}

#[test]
fn a_workbook_of_another_year_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    app.new_assessment(2025, None).unwrap();
    let book = dir.path().join("2025.xlsx");
    app.export_workbook(Some(2025), &book).unwrap();
    let err = app.import_preview(Some(2026), &book).unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkbookWrongAssessment);
    assert!(err.message.contains("2025"), "{}", err.message);
}

#[test]
fn the_evidence_package_holds_every_file_verified_and_named_by_convention() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    let a = dir.path().join("Perbup 12 2024.pdf");
    let b = dir.path().join("1.b.SK-Tim-SPBE.pdf");
    std::fs::write(&a, b"%PDF perbup").unwrap();
    std::fs::write(&b, b"%PDF sk tim").unwrap();
    app.add_evidence_files(None, 1, &[a.clone(), b], None)
        .unwrap();
    app.add_evidence_files(None, 11, &[a], Some("2024-03-18"))
        .unwrap();
    app.add_evidence_link(
        None,
        45,
        "https://sicantik.kota-uji.go.id",
        Some("SiCantik"),
        "akun: asesor",
    )
    .unwrap();
    let out = dir.path().join("paket.zip");
    let mut calls = 0;
    let s = app
        .export_evidence_package(None, &out, &mut |done, total| {
            calls += 1;
            assert!(done <= total);
        })
        .unwrap();
    assert_eq!((s.files, s.links), (3, 1));
    assert!(calls >= 3, "progress is reported per file");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for expected in [
        "data-dukung/01/1.a.Perbup 12 2024.pdf",
        "data-dukung/01/1.b.SK-Tim-SPBE.pdf",
        "data-dukung/11/11.a.Perbup 12 2024.pdf",
        "data-dukung/45/45.tautan.txt",
        "Penilaian Mandiri 2026.xlsx",
        "manifest.csv",
        "BACA-SAYA.txt",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    let mut text = String::new();
    zip.by_name("data-dukung/01/1.a.Perbup 12 2024.pdf")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, "%PDF perbup");
    let mut manifest = String::new();
    zip.by_name("manifest.csv")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    assert!(
        manifest.contains("11.a;11;file;data-dukung/11/11.a.Perbup 12 2024.pdf;"),
        "{manifest}"
    );

    // A damaged stored file stops the package, and nothing half-written is left.
    let sha = app.evidence(None, Some(1)).unwrap()[1]
        .sha256
        .clone()
        .unwrap();
    let stored = app.evidence_dir().join(&sha[..2]).join(&sha);
    std::fs::write(&stored, b"rusak").unwrap();
    let out2 = dir.path().join("paket2.zip");
    let err = app
        .export_evidence_package(None, &out2, &mut |_, _| {})
        .unwrap_err();
    assert_eq!(err.code, swanilai_app::ErrorCode::EvidenceCorrupt);
    assert!(!out2.exists());
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("partial")));
}

/// Regression fixtures written by LibreOffice Calc 7 (Debian 12): the demo's 2026 workbook
/// re-saved unchanged, and re-saved after a person's edits (indicator 5: level 2 -> 4, a
/// new explanation, another unit; indicator 47: level typed as the text "2").
/// Made with `swanilai demo`, `swanilai export`, an edit, then
/// `soffice --headless --convert-to xlsx`; see tests/fixtures/README.md.
#[test]
fn workbooks_saved_by_libreoffice_import_exactly() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = tempfile::tempdir().unwrap();
    let mut app = swanilai_app::App::open(
        &dir.path().join("demo.db"),
        swanilai_app::Open::CreateIfMissing,
    )
    .unwrap();
    app.demo(&dir.path().join("scratch")).unwrap();

    let same = app
        .import_preview(
            Some(2026),
            &fixtures.join("libreoffice-resaved-demo-2026.xlsx"),
        )
        .unwrap();
    assert!(same.problems.is_empty(), "{:?}", same.problems);
    assert!(
        same.changes.is_empty(),
        "a re-save changes nothing: {:?}",
        same.changes
    );
    assert_eq!(same.unchanged, 47);

    let edited = fixtures.join("libreoffice-edited-demo-2026.xlsx");
    let p = app.import_preview(Some(2026), &edited).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let got: Vec<(u32, &str, &str, &str)> = p
        .changes
        .iter()
        .map(|c| {
            (
                c.indicator,
                c.field.as_str(),
                c.before.as_str(),
                c.after.as_str(),
            )
        })
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], (5, "level", "2", "4"));
    assert_eq!((got[1].0, got[1].1), (5, "explanation"));
    assert!(
        got[1]
            .3
            .starts_with("FAKTA:\nPeraturan Bupati Sukamaju Nomor 3 Tahun 2025"),
        "{}",
        got[1].3
    );
    assert!(got[1].3.contains("hlm. 2–9"), "the en dash survives");
    assert_eq!(
        got[2],
        (5, "owner", "BKPSDM", "Dinas Komunikasi dan Informatika")
    );
    assert_eq!(got[3], (47, "level", "", "2"));
    let before = app.index(Some(2026)).unwrap();
    app.import_apply(Some(2026), &edited, false).unwrap();
    let after = app.index(Some(2026)).unwrap();
    assert_eq!((before.answered, after.answered), (46, 47));
    assert_eq!(
        app.answer(Some(2026), 5).unwrap().level.map(|l| l.get()),
        Some(4)
    );
    assert!(app.verify_audit().unwrap().ok);
}
