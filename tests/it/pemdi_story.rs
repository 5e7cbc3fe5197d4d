//! A Pemdi self-assessment through the app API on a real database file: decimal values
//! kept apart from the assessor's, external-index values, butir with the level gate, the
//! index of both; every bad input refused with its code and nothing written; the 59/2020
//! flow refusing what is not its own.

use swanilai_app::{
    App, AppError, ButirInput, ErrorCode, ExternalInput, FixedClock, InstansiInput, InstansiKind,
    Open, ValueInput, ValueSourceDto,
};
use swanilai_core::butir::{ButirStatus, RevisiKind};

fn pemdi_app(dir: &std::path::Path) -> App {
    let mut app = App::open_with_clock(
        &dir.join("pemdi.db"),
        Open::CreateIfMissing,
        Box::new(FixedClock("2026-11-23T08:00:00Z".into())),
    )
    .expect("open a new database");
    app.init(InstansiInput {
        name: "Pemerintah Kabupaten Uji".into(),
        kind: InstansiKind::Kabupaten,
        coordinator_name: "Sekretaris Daerah".into(),
        coordinator_nip: String::new(),
        address: String::new(),
    })
    .expect("init");
    let a = app
        .new_assessment(2026, Some("pemdi-2026"))
        .expect("assessment");
    assert_eq!(a.framework_id, "pemdi-2026");
    app
}

fn own(v: &str) -> ValueInput {
    ValueInput {
        source: ValueSourceDto::SelfAssessed,
        value: Some(v.into()),
    }
}

fn assessor(v: &str) -> ValueInput {
    ValueInput {
        source: ValueSourceDto::Assessor,
        value: Some(v.into()),
    }
}

fn external(value: &str, source: &str, source_year: Option<i32>) -> ExternalInput {
    ExternalInput {
        value: Some(value.into()),
        source: source.into(),
        source_year,
    }
}

fn butir(id: &str, status: ButirStatus, kind: Option<RevisiKind>) -> ButirInput {
    ButirInput {
        id: id.into(),
        status,
        kind,
        note: None,
    }
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> ErrorCode {
    r.expect_err("must be refused").code
}

#[test]
fn a_pemdi_assessment_scores_decimals_external_values_and_butir() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = pemdi_app(dir.path());
    let scoring = app.scoring(None).unwrap();
    assert_eq!(
        (
            scoring.value_kind.as_str(),
            scoring.has_domains,
            scoring.provisional
        ),
        ("decimal", false, true)
    );

    // Nothing entered: the four external-index indicators count at their default 1,00.
    let empty = app.index(None).unwrap();
    assert_eq!((empty.answered, empty.total), (4, 20));
    assert_eq!(empty.index_text.as_deref(), Some("1,00"));
    assert!(empty.provisional && empty.domains.is_empty());

    for n in 1..=20 {
        if ![5, 6, 7, 18].contains(&n) {
            app.set_value(None, n, own("2.5")).unwrap();
        }
    }
    let v = app.set_value(None, 20, own("4,25")).unwrap();
    assert_eq!(
        (v.self_value, v.self_band.as_deref()),
        (Some(4.25), Some("Memuaskan"))
    );
    let x = app
        .set_external(
            None,
            5,
            external("3.10", "Laporan Indeks SDI 2025", Some(2025)),
        )
        .unwrap();
    let ext = x.external.expect("indicator 5 is external");
    assert_eq!((ext.value_text.as_str(), ext.defaulted), ("3,10", false));

    // 16 scored at 2,5 except 20 (15 %) at 4,25; 5 (5 %) at 3,10; 6, 7, 18 (9 %) at 1:
    // (71 x 2,5 + 15 x 4,25 + 5 x 3,1 + 9 x 1) / 100 = (177,5 + 63,75 + 15,5 + 9) / 100 = 2,6575
    let idx = app.index(None).unwrap();
    assert_eq!(idx.index_exact.as_deref(), Some("2657500/1000000"));
    assert_eq!(idx.index_text.as_deref(), Some("2,66"));
    assert_eq!(idx.rating.as_deref(), Some("Baik"));
    assert!(idx.complete && idx.assessor.is_none());

    // The assessor's values are kept apart, with their own index.
    app.set_value(None, 20, assessor("2")).unwrap();
    let idx = app.index(None).unwrap();
    assert_eq!(
        idx.index_text.as_deref(),
        Some("2,66"),
        "the team's index does not move"
    );
    let theirs = idx
        .assessor
        .expect("an assessor index once a value is entered");
    assert_eq!((theirs.answered, theirs.total), (5, 20));

    // Butir: a rejected level 2 rejects everything above it, and lifting it restores.
    let set = |app: &mut App, id: &str, status, kind| {
        app.set_butir(
            None,
            ButirInput {
                id: id.into(),
                status,
                kind,
                note: Some("catatan asesor".into()),
            },
        )
    };
    set(&mut app, "GT.I1_L3_1", ButirStatus::Diterima, None).unwrap();
    let list = set(
        &mut app,
        "GT.I1_L2_1",
        ButirStatus::Revisi,
        Some(RevisiKind::TidakTepat),
    )
    .unwrap();
    let l3 = list.iter().find(|b| b.id == "GT.I1_L3_1").unwrap();
    assert!(l3.gated);
    assert_eq!(
        (l3.status, l3.effective_status),
        (ButirStatus::Diterima, ButirStatus::Revisi)
    );
    assert_eq!(l3.effective_kind, Some(RevisiKind::OtomatisDitolak));
    assert_eq!(l3.file_prefix, "I1-L3-01");
    let list = set(&mut app, "GT.I1_L2_1", ButirStatus::Diterima, None).unwrap();
    assert!(list.iter().all(|b| !b.gated));
    assert_eq!(app.butir(None, None).unwrap().len(), 232);

    let report = app.verify_audit().unwrap();
    assert!(report.ok, "{}", report.message);
}

#[test]
fn bad_pemdi_input_is_refused_by_code_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = pemdi_app(dir.path());
    app.set_value(None, 1, own("2")).unwrap();
    let entries = app.verify_audit().unwrap().entries;
    for (v, why) in [
        ("5.01", "above 5"),
        ("0.99", "below 1"),
        ("2.355", "three decimals"),
        ("dua", "not a number"),
    ] {
        assert_eq!(
            code(app.set_value(None, 1, own(v))),
            ErrorCode::InvalidValue,
            "{why}"
        );
    }
    let level = swanilai_app::AnswerInput {
        level: Some(Some(3)),
        ..Default::default()
    };
    assert_eq!(
        code(app.set_answer(None, 1, level)),
        ErrorCode::WrongValueKind
    );
    assert_eq!(
        code(app.set_value(None, 5, own("3"))),
        ErrorCode::ExternalIndicator
    );
    assert_eq!(
        code(app.set_external(None, 1, external("3", "x", None))),
        ErrorCode::ExternalIndicator
    );
    assert_eq!(
        code(app.set_external(None, 5, external("3", " ", None))),
        ErrorCode::InvalidInput
    );
    let unknown = butir("GT.I1_L9_1", ButirStatus::Diterima, None);
    assert_eq!(code(app.set_butir(None, unknown)), ErrorCode::UnknownButir);
    let kind = butir(
        "GT.I1_L1_1",
        ButirStatus::Diterima,
        Some(RevisiKind::TidakTepat),
    );
    assert_eq!(code(app.set_butir(None, kind)), ErrorCode::InvalidInput);
    assert_eq!(
        code(app.set_value(None, 21, own("2"))),
        ErrorCode::UnknownIndicator
    );
    assert_eq!(
        app.verify_audit().unwrap().entries,
        entries,
        "nothing was written"
    );
    assert_eq!(app.values(None, Some(1)).unwrap()[0].self_value, Some(2.0));
}

#[test]
fn a_59_2020_assessment_refuses_decimal_values_and_has_no_butir() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::ready_app(dir.path());
    assert_eq!(
        code(app.set_value(None, 1, own("2.5"))),
        ErrorCode::WrongValueKind
    );
    assert_eq!(
        code(app.set_external(None, 1, external("3", "x", None))),
        ErrorCode::WrongValueKind
    );
    assert!(app.butir(None, None).unwrap().is_empty());
    let idx = app.index(None).unwrap();
    assert!(!idx.provisional && idx.assessor.is_none());
    assert_eq!(idx.value_kind, "level");
    assert_eq!(app.scoring(None).unwrap().value_kind, "level");
}

#[test]
fn the_provisional_catalog_is_replaced_by_a_file() {
    // The official text, when it comes, is a catalog file loaded with `catalog load`.
    let dir = tempfile::tempdir().unwrap();
    let mut app = pemdi_app(dir.path());
    let (_, text) = swanilai_core::builtin::builtin_sources()[1];
    let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
    file["framework"]["id"] = "pemdi-2026-resmi".into();
    file["framework"]["version"] = "2026.1".into();
    file["framework"]["provisional"] = false.into();
    let path = dir.path().join("pemdi-resmi.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let f = app.import_framework(&path).unwrap();
    assert_eq!(f.id, "pemdi-2026-resmi");
    app.new_assessment(2027, Some("pemdi-2026-resmi")).unwrap();
    let idx = app.index(Some(2027)).unwrap();
    assert!(!idx.provisional);
    assert_eq!(idx.value_kind, "decimal");

    // A file whose aspect weights do not sum to 100 % or whose butir name a missing
    // indicator is refused, naming both.
    file["aspects"][0]["weight_bp"] = 1100.into();
    file["butir"][0]["indicator"] = 99.into();
    file["framework"]["version"] = "2026.2".into();
    std::fs::write(&path, file.to_string()).unwrap();
    let err = app.import_framework(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::CatalogInvalid);
    assert!(
        err.message.contains("aspect weights add up to 10100"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("refers to indicator 99"),
        "{}",
        err.message
    );
}

#[test]
fn a_member_uploads_but_the_assessors_verdicts_are_recorded_by_the_supervisor_or_operator() {
    use swanilai_app::{Assignee, NewAccount};
    use swanilai_core::workflow::Role;
    const PW: &str = "Sukamaju#SPBE-2026";
    let dir = tempfile::tempdir().unwrap();
    let mut app = pemdi_app(dir.path());
    app.set_sign_in_delay(std::time::Duration::ZERO);
    let account = |name: &str| NewAccount {
        name: name.into(),
        unit: "Diskominfo".into(),
        nip: String::new(),
        password: PW.into(),
    };
    app.add_account(account("Rina Wulandari")).unwrap();
    app.sign_in("Rina Wulandari", PW).unwrap();
    for (name, role) in [
        ("Budi Santoso", Role::Member),
        ("Sari Dewi", Role::Operator),
    ] {
        app.add_account(account(name)).unwrap();
        app.set_team_role(None, name, role).unwrap();
    }
    app.assign(None, 1, Assignee::Account("Budi Santoso".into()))
        .unwrap();
    let first = |status| butir("GT.I1_L1_1", status, None);

    app.sign_out();
    app.sign_in("Budi Santoso", PW).unwrap();
    app.set_value(None, 1, own("2,35"))
        .expect("the member scores an assigned indicator");
    app.set_butir(None, first(ButirStatus::Diunggah))
        .expect("and marks its butir uploaded");
    assert_eq!(
        code(app.set_value(None, 1, assessor("2,00"))),
        ErrorCode::SupervisorOnly,
        "the assessor's value is not the member's to enter"
    );
    assert_eq!(
        code(app.set_butir(None, first(ButirStatus::Diterima))),
        ErrorCode::SupervisorOnly,
        "nor is the verdict on a butir"
    );

    app.sign_out();
    app.sign_in("Sari Dewi", PW).unwrap();
    app.set_value(None, 1, assessor("2,00"))
        .expect("the operator copies the assessor's value");
    app.set_butir(None, first(ButirStatus::Diterima))
        .expect("and the verdict");

    app.sign_out();
    app.sign_in("Budi Santoso", PW).unwrap();
    assert_eq!(
        code(app.set_butir(None, first(ButirStatus::Draft))),
        ErrorCode::SupervisorOnly,
        "undoing a verdict is a verdict too"
    );
    let v = &app.values(None, Some(1)).unwrap()[0];
    assert_eq!((v.self_value, v.assessor_value), (Some(2.35), Some(2.0)));
    assert!(app.verify_audit().unwrap().ok);
}
