//! The app API on a real database file: a team's day, and what must be refused.

use swanilai_app::{AnswerInput, ErrorCode};

use crate::ready_app;

fn set(level: i64, text: &str) -> AnswerInput {
    AnswerInput {
        level: Some(Some(level)),
        explanation: Some(text.into()),
        ..Default::default()
    }
}

#[test]
fn answers_evidence_and_the_live_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    let long =
        "FAKTA:\nPeraturan Bupati Nomor 12 Tahun 2024 tentang Arsitektur SPBE (1.a, hlm. 3–7) "
            .repeat(200);
    app.set_answer(None, 1, set(4, &long)).unwrap();
    app.set_answer(Some(2026), 11, set(3, "Rencana Induk SPBE 2023–2027"))
        .unwrap();
    let a = app.answer(None, 1).unwrap();
    assert_eq!(
        (a.level.map(|l| l.get()), a.level_name.as_deref()),
        (Some(4), Some("Terpadu dan Terukur"))
    );
    assert_eq!(a.explanation, long, "long Indonesian text is kept exactly");
    assert_eq!(a.updated_at.as_deref(), Some("2026-11-23T08:00:00Z"));

    // Indicator 1 (1,3 %) at 4 and 11 (2,5 %) at 3: (5,2 + 7,5) / 3,8 = 3,342.. -> 3,34
    let idx = app.index(None).unwrap();
    assert_eq!(idx.index_text.as_deref(), Some("3,34"));
    assert_eq!(idx.rating.as_deref(), Some("Baik"));
    assert_eq!((idx.answered, idx.total, idx.complete), (2, 47, false));

    // The same file attached twice and to two indicators is stored once.
    let f = dir.path().join("1.a.Perbup-12-2024.pdf");
    std::fs::write(&f, b"%PDF-1.4 isi perbup").unwrap();
    let first = app
        .add_evidence_files(None, 1, std::slice::from_ref(&f), Some("2024-03-18"))
        .unwrap();
    let again = app
        .add_evidence_files(None, 1, std::slice::from_ref(&f), None)
        .unwrap();
    assert!(first[0].newly_attached && !again[0].newly_attached);
    assert_eq!(first[0].id, again[0].id);
    app.add_evidence_files(None, 11, std::slice::from_ref(&f), None)
        .unwrap();
    // The store's lock file (`.lock`) is not a copy.
    let stored: Vec<_> = walk(&app.evidence_dir())
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != ".lock"))
        .collect();
    assert_eq!(stored.len(), 1, "one copy on disk: {stored:?}");
    assert_eq!(first[0].media_type.as_deref(), Some("application/pdf"));
    assert_eq!(first[0].document_date.as_deref(), Some("2024-03-18"));

    let link = app
        .add_evidence_link(
            None,
            45,
            "https://sicantik.kota-uji.go.id",
            Some("SiCantik"),
            "akun demo: asesor/asesor",
        )
        .unwrap();
    assert_eq!((link.kind.as_str(), link.label.as_str()), ("link", "45.a"));
    app.set_answer(
        None,
        45,
        AnswerInput {
            service_name: Some(Some("Perizinan Berusaha".into())),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        app.answer(None, 45).unwrap().service_name.as_deref(),
        Some("Perizinan Berusaha")
    );

    let board = app.answers(None).unwrap();
    assert_eq!(board.len(), 47);
    assert_eq!(board[0].evidence_count, 1);
    assert_eq!(board[44].evidence_count, 1);

    let removed = app.remove_evidence(None, first[0].id).unwrap();
    assert_eq!(removed.indicator, 1);
    assert_eq!(app.evidence(None, Some(1)).unwrap().len(), 0);
    assert!(app.verify_evidence(None).unwrap().is_clean());
}

#[test]
fn refusals_carry_their_own_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    let code = |r: Result<_, swanilai_app::AppError>| r.map(|_: ()| ()).unwrap_err().code;
    assert_eq!(
        code(app.set_answer(None, 48, set(3, "")).map(|_| ())),
        ErrorCode::UnknownIndicator
    );
    assert_eq!(
        code(app.set_answer(None, 1, set(7, "")).map(|_| ())),
        ErrorCode::InvalidLevel
    );
    assert_eq!(
        code(app.set_answer(Some(2020), 1, set(3, "")).map(|_| ())),
        ErrorCode::AssessmentNotFound
    );
    let name_on_fixed = AnswerInput {
        service_name: Some(Some("x".into())),
        ..Default::default()
    };
    assert_eq!(
        code(app.set_answer(None, 7, name_on_fixed).map(|_| ())),
        ErrorCode::InvalidInput
    );
    let huge = "a".repeat(32_768);
    assert_eq!(
        code(app.set_answer(None, 1, set(3, &huge)).map(|_| ())),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(app.new_assessment(2026, None).map(|_| ())),
        ErrorCode::AssessmentExists
    );
    assert_eq!(
        code(app.new_assessment(2026, Some("nope")).map(|_| ())),
        ErrorCode::FrameworkUnknown
    );
    assert_eq!(
        code(
            app.add_evidence_link(None, 1, "ftp://x", None, "")
                .map(|_| ())
        ),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(app.remove_evidence(None, 999).map(|_| ())),
        ErrorCode::EvidenceNotFound
    );
    let bad_date = dir.path().join("x.pdf");
    std::fs::write(&bad_date, b"x").unwrap();
    assert_eq!(
        code(
            app.add_evidence_files(None, 1, &[bad_date], Some("31-03-2026"))
                .map(|_| ())
        ),
        ErrorCode::InvalidInput
    );
    assert!(
        app.answers(None)
            .unwrap()
            .iter()
            .all(|a| a.updated_at.is_none()),
        "nothing was written"
    );
}

#[test]
fn a_framework_loaded_from_a_file_scores_a_new_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    let file = dir.path().join("pemdi.json");
    std::fs::write(&file, NO_DOMAINS).unwrap();
    let f = app.import_framework(&file).unwrap();
    assert_eq!((f.indicators, f.domains), (2, 0));
    let a = app.new_assessment(2027, Some("uji-pemdi")).unwrap();
    assert_eq!(a.criteria_version, "v2026");
    app.set_answer(Some(2027), 1, set(5, "")).unwrap();
    app.set_answer(Some(2027), 2, set(2, "")).unwrap();
    let idx = app.index(Some(2027)).unwrap();
    // (5 x 25 + 2 x 75) / 100 = 2,75
    assert_eq!(idx.index_text.as_deref(), Some("2,75"));
    assert_eq!(idx.index_name, "Indeks Pemerintah Digital");
    assert!(idx.domains.is_empty());
    assert_eq!(idx.rating.as_deref(), Some("Cukup"));
    assert_eq!(
        app.answer(Some(2027), 3).unwrap_err().code,
        ErrorCode::UnknownIndicator
    );

    // A broken file is refused with its name and every problem.
    std::fs::write(
        &file,
        NO_DOMAINS.replace("\"weight_bp\": 7500}]", "\"weight_bp\": 7000}]"),
    )
    .unwrap();
    let err = swanilai_app::check_catalog_file(&file).unwrap_err();
    assert_eq!(err.code, ErrorCode::CatalogInvalid);
    assert!(
        err.message.contains("pemdi.json") && err.message.contains("aspects[1].weight_bp"),
        "{}",
        err.message
    );
}

const NO_DOMAINS: &str = r#"{
  "format": "swanilai-catalog", "format_version": 1,
  "framework": {"id": "uji-pemdi", "version": "1", "title": "Uji tanpa domain", "index_name": "Indeks Pemerintah Digital"},
  "level_kinds": [{"id": "any", "names": ["1", "2", "3", "4", "5"]}],
  "rating_bands": [{"name": "Baik", "min": "3.00"}, {"name": "Cukup", "min": "2.00"}, {"name": "Kurang", "min": null}],
  "aspects": [{"number": 1, "code": "A1", "name": "Satu", "weight_bp": 2500},
              {"number": 2, "code": "A2", "name": "Dua", "weight_bp": 7500}],
  "indicators": [
    {"number": 1, "aspect": 1, "name": "I1", "weight_bp": 2500, "level_kind": "any", "question": "Q1"},
    {"number": 2, "aspect": 2, "name": "I2", "weight_bp": 7500, "level_kind": "any", "question": "Q2"}],
  "criteria_versions": [{"id": "v2026", "title": "v", "from_year": 2026, "indicators": [
    {"number": 1, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]},
    {"number": 2, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]}]}]
}"#;

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
