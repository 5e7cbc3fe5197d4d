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
