//! Issue 12: the external verification's stages, self against verified, importing the
//! results (template and CSV) with a preview, starting from last year, and comparing years.

use std::collections::BTreeMap;

use swanilai_app::{AnswerInput, App, AppError, CarryInput, ErrorCode, StageInput};

fn level(l: i64, text: &str) -> AnswerInput {
    AnswerInput {
        level: Some(Some(l)),
        explanation: Some(text.into()),
        ..Default::default()
    }
}

fn stage(indicator: u32, stage: &str, value: Option<&str>, note: Option<&str>) -> StageInput {
    StageInput {
        indicator,
        stage: stage.into(),
        value: value.map(Into::into),
        note: note.map(Into::into),
    }
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> ErrorCode {
    r.expect_err("must be refused").code
}

/// Every one of the 47 indicators answered at level 3, indicator 1 at 4.
fn answered(app: &mut App, year: i32) {
    for n in 1..=47 {
        let l = if n == 1 { 4 } else { 3 };
        app.set_answer(Some(year), n, level(l, "FAKTA: ada. ANALISIS: cukup."))
            .unwrap();
    }
}

#[test]
fn stages_are_recorded_compared_and_indexed_per_stage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::ready_app(dir.path());
    answered(&mut app, 2026);

    let c = app.verification(None).unwrap();
    assert_eq!(c.stages.len(), 5);
    assert_eq!(c.stages[0].stage, "mandiri");
    assert_eq!((c.stages[0].answered, c.stages[0].total), (47, 47));
    assert!(c.stages[1..]
        .iter()
        .all(|s| s.index.is_none() && s.answered == 0));
    assert_eq!(c.indicators[0].mandiri, Some(4.0));
    assert_eq!(c.indicators[0].claim, None, "nothing verified yet");

    // The final stage lowers indicator 1 by two levels and raises indicator 2 by one.
    app.set_stage(
        None,
        stage(1, "dokumen", Some("3"), Some("SK belum ditetapkan")),
    )
    .unwrap();
    app.set_stage(None, stage(1, "final", Some("2"), Some("Sesuai LHE")))
        .unwrap();
    let c = app
        .set_stage(None, stage(2, "final", Some("4"), None))
        .unwrap();
    let one = &c.indicators[0];
    assert_eq!(
        (one.mandiri, one.dokumen, one.final_value, one.difference),
        (Some(4.0), Some(3.0), Some(2.0), Some(2.0))
    );
    assert_eq!(one.claim.as_deref(), Some("over"));
    assert_eq!(one.verified_stage.as_deref(), Some("final"));
    assert_eq!(one.notes.len(), 2);
    assert_eq!(one.notes[0].note, "SK belum ditetapkan");
    assert_eq!(one.notes[0].origin, "manual");
    assert_eq!(c.indicators[1].claim.as_deref(), Some("under"));
    assert_eq!((c.over_claims, c.under_claims), (1, 1));
    let fin = &c.stages[4];
    assert_eq!(fin.stage, "final");
    assert_eq!(
        (fin.answered, fin.total, fin.complete),
        (2, 47, false),
        "partial"
    );
    assert!(fin.index.is_some() && fin.rating.is_some());

    // The final stage's index is what the index engine gives for its levels.
    let levels: BTreeMap<u32, swanilai_core::Level> = [(1, 2), (2, 4)]
        .into_iter()
        .map(|(n, l)| (n, swanilai_core::Level::new(l).unwrap()))
        .collect();
    let expected = swanilai_app::index_from_levels(&levels);
    assert_eq!(fin.index, expected.index);
    assert_eq!(fin.rating, expected.rating);

    // The JSON the CLI prints has the agreed keys.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["indicators"][0]["final"], 2.0);
    assert_eq!(json["stages"][4]["stage"], "final");

    // Removing a stage value; the note of an existing value is kept when none is given.
    let c = app
        .set_stage(None, stage(1, "dokumen", None, None))
        .unwrap();
    assert_eq!(c.indicators[0].dokumen, None);
    let c = app
        .set_stage(None, stage(1, "final", Some("3"), None))
        .unwrap();
    assert_eq!(c.indicators[0].notes[0].note, "Sesuai LHE");

    // The exported national workbook has a `Verifikasi` sheet, read back by calamine.
    let wb = dir.path().join("nasional.xlsx");
    app.export_workbook(None, &wb).unwrap();
    {
        use calamine::{open_workbook, Data, Reader, Xlsx};
        let mut book: Xlsx<_> = open_workbook(&wb).unwrap();
        let sheet = book.worksheet_range("Verifikasi").unwrap();
        let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(cell(4, 0), Data::String("Penilaian Mandiri".into()));
        assert_eq!(cell(8, 0), Data::String("Hasil Akhir (LHE)".into()));
        assert_eq!(cell(8, 3), Data::String("2/47 (sebagian)".into()));
        let header = 10;
        assert_eq!(cell(header, 6), Data::String("Hasil Akhir (LHE)".into()));
        let one = header + 1;
        assert_eq!(cell(one, 0), Data::Float(1.0));
        assert_eq!(cell(one, 2), Data::Float(4.0));
        assert_eq!(cell(one, 3), Data::Empty, "the dokumen value was removed");
        assert_eq!(cell(one, 6), Data::Float(3.0));
        assert_eq!(cell(one, 7), Data::Float(1.0));
        assert_eq!(
            cell(one, 8),
            Data::String("Lebih tinggi dari hasil verifikasi".into())
        );
        assert_eq!(
            cell(one, 9),
            Data::String("Hasil Akhir (LHE): Sesuai LHE".into())
        );
    }
    let plain = tempfile::tempdir().unwrap();
    let mut fresh = crate::ready_app(plain.path());
    let wb2 = plain.path().join("tanpa.xlsx");
    fresh.export_workbook(None, &wb2).unwrap();
    {
        use calamine::{open_workbook, Reader, Xlsx};
        let book: Xlsx<_> = open_workbook(&wb2).unwrap();
        assert!(
            !book.sheet_names().iter().any(|n| n == "Verifikasi"),
            "no results, no sheet"
        );
    }

    // Bad input: refused by code, nothing written.
    let entries = app.verify_audit().unwrap().entries;
    assert_eq!(
        code(app.set_stage(None, stage(1, "final", Some("6"), None))),
        ErrorCode::InvalidLevel
    );
    assert_eq!(
        code(app.set_stage(None, stage(1, "final", Some("2.5"), None))),
        ErrorCode::InvalidLevel
    );
    assert_eq!(
        code(app.set_stage(None, stage(1, "lhe2", Some("2"), None))),
        ErrorCode::UnknownStage
    );
    assert_eq!(
        code(app.set_stage(None, stage(1, "mandiri", Some("2"), None))),
        ErrorCode::UnknownStage
    );
    assert_eq!(
        code(app.set_stage(None, stage(48, "final", Some("2"), None))),
        ErrorCode::UnknownIndicator
    );
    assert_eq!(app.verify_audit().unwrap().entries, entries);
    assert!(app.verify_audit().unwrap().ok);
}

#[test]
fn results_are_imported_from_csv_and_the_template_with_a_preview_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::ready_app(dir.path());
    answered(&mut app, 2026);
    let csv = dir.path().join("hasil.csv");
    std::fs::write(
        &csv,
        "indicator;stage;level;note\n1;dokumen;3;\"Perbup ada; SOP belum\"\n1;final;2;LHE\n5;interviu;4;\n",
    )
    .unwrap();
    let preview = app.verification_import(None, &csv, false).unwrap();
    assert_eq!(
        (
            preview.kind.as_str(),
            preview.changes.len(),
            preview.written
        ),
        ("csv", 3, false)
    );
    assert!(
        app.verification(None).unwrap().indicators[0]
            .dokumen
            .is_none(),
        "a preview writes nothing"
    );
    let done = app.verification_import(None, &csv, true).unwrap();
    assert!(done.written);
    let c = app.verification(None).unwrap();
    assert_eq!(c.indicators[0].notes[0].note, "Perbup ada; SOP belum");
    assert_eq!(c.indicators[0].notes[0].origin, "csv: hasil.csv");
    assert_eq!(c.indicators[4].interviu, Some(4.0));

    // The same file again changes nothing; a changed stage shows as a replacement.
    let again = app.verification_import(None, &csv, false).unwrap();
    assert_eq!((again.changes.len(), again.unchanged), (0, 3));
    std::fs::write(&csv, "indicator,stage,level,note\n1,final,3,LHE revisi\n").unwrap();
    let changed = app.verification_import(None, &csv, false).unwrap();
    assert_eq!(changed.changes.len(), 1);
    let ch = &changed.changes[0];
    assert_eq!((ch.before, ch.after, ch.replaces), (Some(2.0), 3.0, true));

    // A bad file: every problem named, nothing written.
    let entries = app.verify_audit().unwrap().entries;
    std::fs::write(
        &csv,
        "indicator,stage,level,note\n1,final,9,x\n2,verifikasi,3,\n99,final,3,\n",
    )
    .unwrap();
    let err = app.verification_import(None, &csv, true).unwrap_err();
    assert_eq!(err.code, ErrorCode::ImportRejected);
    assert!(err.message.contains("hasil.csv"), "{}", err.message);
    assert!(err.message.contains("3 "), "{}", err.message);
    assert_eq!(app.verify_audit().unwrap().entries, entries);

    // The template: written with what is stored, filled in, read back.
    let t = dir.path().join("template.xlsx");
    app.verification_template(None, &t).unwrap();
    let preview = app.verification_import(None, &t, false).unwrap();
    assert_eq!(
        preview.changes.len(),
        0,
        "the template reads back as stored"
    );
    assert_eq!(preview.unchanged, 3);

    // A template of another year or instansi is refused.
    app.new_assessment(2027, None).unwrap();
    let err = app.verification_import(Some(2027), &t, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkbookWrongAssessment);
    assert!(err.message.contains("2026"), "{}", err.message);
    let other = tempfile::tempdir().unwrap();
    let mut theirs = App::open(
        &other.path().join("lain.db"),
        swanilai_app::Open::CreateIfMissing,
    )
    .unwrap();
    theirs
        .init(swanilai_app::InstansiInput {
            name: "Pemerintah Kabupaten Lain".into(),
            kind: swanilai_app::InstansiKind::Kabupaten,
            coordinator_name: "Sekda".into(),
            coordinator_nip: String::new(),
            address: String::new(),
        })
        .unwrap();
    theirs.new_assessment(2026, None).unwrap();
    let err = theirs.verification_import(None, &t, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkbookWrongAssessment);
    assert!(
        err.message.contains("Pemerintah Kota Uji"),
        "{}",
        err.message
    );
    // A national workbook is not a verification template.
    let wb = dir.path().join("national.xlsx");
    app.export_workbook(Some(2026), &wb).unwrap();
    let err = app.verification_import(Some(2026), &wb, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkbookWrongAssessment);
    assert!(app.verify_audit().unwrap().ok);
}

#[test]
fn a_new_year_starts_from_last_years_chosen_answers_and_years_compare() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::ready_app(dir.path());
    answered(&mut app, 2026);
    let pdf = dir.path().join("1.a.Perbup SPBE.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 perbup").unwrap();
    app.add_evidence_files(Some(2026), 1, &[pdf], Some("2024-03-01"))
        .unwrap();
    app.set_stage(Some(2026), stage(1, "final", Some("2"), None))
        .unwrap();

    let carry = CarryInput {
        indicators: Some(vec![1, 2]),
    };
    assert_eq!(
        code(app.new_assessment_from(
            2027,
            None,
            Some(CarryInput {
                indicators: Some(vec![60])
            })
        )),
        ErrorCode::UnknownIndicator
    );
    assert!(
        app.assessment_info(Some(2027)).is_err(),
        "nothing was created"
    );
    app.new_assessment_from(2027, None, Some(carry)).unwrap();
    let board = app.answers(Some(2027)).unwrap();
    let one = &board[0];
    assert_eq!(one.level.map(|l| l.get()), Some(4));
    assert_eq!(one.status, swanilai_core::workflow::Status::Draft);
    assert_eq!(one.carried_from, Some(2026));
    assert_eq!(one.explanation, "FAKTA: ada. ANALISIS: cukup.");
    assert_eq!(board[2].level, None, "indicator 3 was not chosen");
    let ev = app.evidence(Some(2027), Some(1)).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].carried_from, ev[0].document_date.as_deref()),
        (Some(2026), Some("2024-03-01"))
    );
    assert_eq!(
        ev[0].sha256,
        app.evidence(Some(2026), Some(1)).unwrap()[0].sha256,
        "by reference"
    );
    // Revising the explanation ends the mark; changing only the level keeps it.
    app.set_answer(
        Some(2027),
        2,
        AnswerInput {
            level: Some(Some(4)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(app.answer(Some(2027), 2).unwrap().carried_from, Some(2026));
    app.set_answer(Some(2027), 1, level(4, "FAKTA: direvisi 2027."))
        .unwrap();
    assert_eq!(app.answer(Some(2027), 1).unwrap().carried_from, None);

    let years = app.compare_years().unwrap();
    assert_eq!(years.years.len(), 2);
    assert_eq!(years.years[0].mandiri.answered, 47);
    assert_eq!(
        years.years[0].verified.as_ref().map(|v| v.stage.as_str()),
        Some("final")
    );
    assert!(years.years[1].verified.is_none());
    let ind2 = &years.indicators[1];
    assert_eq!(ind2.mandiri, [Some(3.0), Some(4.0)]);
    assert_eq!(ind2.change, Some(1.0));
    assert_eq!(years.indicators[0].verified, [Some(2.0), None]);
    assert_eq!(years.aspects.len(), 8);
    assert!(app.verify_audit().unwrap().ok);
}
