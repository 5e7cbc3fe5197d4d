//! A whole team through an assessment, then every forbidden action, then the audit trail.

use std::time::Duration;

use swanilai_app::{AnswerInput, App, AppError, Assignee, ErrorCode, NewAccount, ReviewStep};
use swanilai_core::workflow::{Role, Status};

use crate::ready_app;

const PW: &str = "Sukamaju#SPBE-2026";

fn account(name: &str, unit: &str) -> NewAccount {
    NewAccount {
        name: name.into(),
        unit: unit.into(),
        nip: String::new(),
        password: PW.into(),
    }
}

fn level(l: i64, text: &str) -> AnswerInput {
    AnswerInput {
        level: Some(Some(l)),
        explanation: Some(text.into()),
        ..Default::default()
    }
}

fn as_user(app: &mut App, name: &str) {
    app.sign_out();
    app.sign_in(name, PW)
        .unwrap_or_else(|e| panic!("{name} signs in: {e}"));
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> ErrorCode {
    r.expect_err("this must be refused").code
}

#[test]
fn a_team_runs_an_assessment_from_draft_to_final() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    app.set_sign_in_delay(Duration::ZERO);

    // The supervisor creates the team.
    let sari = app
        .add_account(account("Sari Wulandari", "Bagian Organisasi"))
        .unwrap();
    assert!(sari.is_admin, "the first account is the supervisor");
    assert_eq!(
        code(app.add_account(account("Budi", "Diskominfo"))),
        ErrorCode::SignInRequired
    );
    as_user(&mut app, "sari wulandari");
    for (name, unit) in [
        ("Budi Santoso", "Diskominfo"),
        ("Rina Operator", "Diskominfo"),
        ("Andi Pratama", "Bappeda"),
        ("Drs. Sekda", "Setda"),
    ] {
        app.add_account(account(name, unit)).unwrap();
    }
    app.set_team_role(None, "Budi Santoso", Role::Member)
        .unwrap();
    app.set_team_role(None, "Andi Pratama", Role::Member)
        .unwrap();
    app.set_team_role(None, "Rina Operator", Role::Operator)
        .unwrap();
    app.set_team_role(None, "Drs. Sekda", Role::Koordinator)
        .unwrap();
    for n in 1..=5 {
        app.assign(None, n, Assignee::Account("Budi Santoso".into()))
            .unwrap();
    }
    for n in 11..=14 {
        app.assign(None, n, Assignee::Unit("Bappeda".into()))
            .unwrap();
    }
    let team = app.team(None).unwrap();
    assert_eq!(team.len(), 5);
    assert!(team
        .iter()
        .any(|m| m.name == "Drs. Sekda" && m.role_title == "Koordinator SPBE"));

    // Members fill in their own indicators.
    as_user(&mut app, "Budi Santoso");
    assert_eq!(
        app.my_indicators(None)
            .unwrap()
            .iter()
            .map(|a| a.indicator)
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    for n in 1..=5 {
        app.set_answer(
            None,
            n,
            level(
                3,
                "FAKTA:\nPerbup telah ditetapkan.\n\nANALISIS:\nTingkat 3 terpenuhi.",
            ),
        )
        .unwrap();
    }
    assert_eq!(
        code(app.set_answer(None, 11, level(3, "bukan milik saya"))),
        ErrorCode::NotAssigned
    );
    for n in 1..=3 {
        app.review(None, n, ReviewStep::Submit, None).unwrap();
    }
    assert_eq!(
        code(app.set_answer(None, 1, level(4, "sudah diajukan"))),
        ErrorCode::InvalidTransition
    );
    as_user(&mut app, "Andi Pratama");
    for n in 11..=14 {
        app.set_answer(None, n, level(2, "Rencana induk SPBE tersedia sebagian."))
            .unwrap();
    }

    // The operator fills in the rest and submits everything still in draft.
    as_user(&mut app, "Rina Operator");
    for n in (6..=10).chain(15..=47) {
        app.set_answer(
            None,
            n,
            level(2, "Diisi oleh operator berdasarkan data dukung unit kerja."),
        )
        .unwrap();
    }
    for a in app.answers(None).unwrap() {
        if a.status == Status::Draft {
            app.review(None, a.indicator, ReviewStep::Submit, None)
                .unwrap();
        }
    }
    assert_eq!(
        code(app.review(None, 1, ReviewStep::Approve, None)),
        ErrorCode::SupervisorOnly
    );
    assert_eq!(code(app.finalize(None)), ErrorCode::SupervisorOnly);

    // The supervisor returns one with a comment and approves the rest.
    as_user(&mut app, "Sari Wulandari");
    assert_eq!(app.review_queue(None).unwrap().len(), 47);
    assert_eq!(
        code(app.review(None, 3, ReviewStep::Return, Some("  "))),
        ErrorCode::InvalidInput
    );
    app.review(
        None,
        3,
        ReviewStep::Return,
        Some("Lampirkan Perbup yang sudah diundangkan, bukan draf."),
    )
    .unwrap();
    for n in (1..=47).filter(|&n| n != 3) {
        app.review(None, n, ReviewStep::Approve, None).unwrap();
    }
    assert_eq!(code(app.finalize(None)), ErrorCode::NotAllApproved);

    // The member fixes it; the supervisor approves and finalizes.
    as_user(&mut app, "Budi Santoso");
    assert_eq!(app.answer(None, 3).unwrap().status, Status::Returned);
    let thread = app.comments(None, 3).unwrap();
    assert_eq!(
        (thread[0].author.as_str(), thread[0].kind.as_str()),
        ("Sari Wulandari", "return")
    );
    let fixed = app
        .set_answer(
            None,
            3,
            level(3, "FAKTA:\nPerbup Nomor 12 Tahun 2024 (diundangkan)."),
        )
        .unwrap();
    assert_eq!(
        (fixed.status, fixed.author.as_str()),
        (Status::Draft, "Budi Santoso")
    );
    app.add_comment(None, 3, "Sudah diganti dengan Perbup yang diundangkan.")
        .unwrap();
    app.review(None, 3, ReviewStep::Submit, None).unwrap();
    as_user(&mut app, "Sari Wulandari");
    app.review(None, 3, ReviewStep::Approve, Some("OK"))
        .unwrap();
    let done = app.finalize(None).unwrap();
    assert_eq!(
        done.status,
        swanilai_core::workflow::AssessmentStatus::Finalized
    );

    // Every forbidden action is refused with its own code.
    as_user(&mut app, "Budi Santoso");
    assert_eq!(
        code(app.set_answer(None, 1, level(5, "setelah final"))),
        ErrorCode::AssessmentFinalized
    );
    let f = dir.path().join("1.c.tambahan.pdf");
    std::fs::write(&f, b"%PDF tambahan").unwrap();
    assert_eq!(
        code(app.add_evidence_files(None, 1, &[f], None)),
        ErrorCode::AssessmentFinalized
    );
    assert_eq!(
        code(app.reopen(None, "ingin mengubah nilai")),
        ErrorCode::SupervisorOnly
    );
    as_user(&mut app, "Rina Operator");
    assert_eq!(
        code(app.review(None, 1, ReviewStep::Return, Some("coba"))),
        ErrorCode::AssessmentFinalized
    );
    as_user(&mut app, "Sari Wulandari");
    assert_eq!(
        code(app.review(None, 1, ReviewStep::Approve, None)),
        ErrorCode::AssessmentFinalized
    );
    assert_eq!(code(app.reopen(None, "")), ErrorCode::InvalidInput);
    app.reopen(
        None,
        "Koreksi indikator 45 setelah klarifikasi asesor eksternal",
    )
    .unwrap();
    as_user(&mut app, "Drs. Sekda");
    assert_eq!(
        code(app.set_answer(None, 45, level(3, "koordinator"))),
        ErrorCode::ReadOnlyRole
    );
    as_user(&mut app, "Budi Santoso");
    assert_eq!(
        code(app.set_answer(None, 2, level(4, "masih disetujui"))),
        ErrorCode::InvalidTransition
    );
    assert_eq!(
        code(app.assign(None, 6, Assignee::Account("Budi Santoso".into()))),
        ErrorCode::SupervisorOnly
    );
    assert_eq!(
        code(app.set_team_role(None, "Budi Santoso", Role::Supervisor)),
        ErrorCode::SupervisorOnly
    );
    assert_eq!(
        code(app.add_account(account("Eko", "X"))),
        ErrorCode::SupervisorOnly
    );
    as_user(&mut app, "Sari Wulandari");
    assert_eq!(
        code(app.assign(None, 99, Assignee::Account("Budi Santoso".into()))),
        ErrorCode::UnknownIndicator
    );
    assert_eq!(
        code(app.assign(None, 6, Assignee::Account("Tidak Ada".into()))),
        ErrorCode::UnknownAccount
    );
    assert_eq!(
        code(app.add_account(account("budi santoso", "X"))),
        ErrorCode::DuplicateAccount
    );
    let weak = NewAccount {
        password: "12345".into(),
        ..account("Eko", "X")
    };
    assert_eq!(code(app.add_account(weak)), ErrorCode::WeakPassword);
    let empty = NewAccount {
        password: String::new(),
        ..account("Eko", "X")
    };
    assert_eq!(code(app.add_account(empty)), ErrorCode::WeakPassword);
    app.sign_out();
    assert_eq!(
        code(app.sign_in("Sari Wulandari", "salah-sekali-12")),
        ErrorCode::WrongCredentials
    );
    assert_eq!(code(app.sign_in("Siapa", PW)), ErrorCode::WrongCredentials);
    assert_eq!(
        code(app.set_answer(None, 1, level(1, "tanpa akun"))),
        ErrorCode::SignInRequired
    );
    as_user(&mut app, "Sari Wulandari");
    // A new assessment starts without an approved indicator: approving a blank one is refused.
    app.new_assessment(2027, None).unwrap();
    app.review(Some(2027), 1, ReviewStep::Submit, None)
        .expect_err("no level yet");
    assert_eq!(
        code(app.review(Some(2027), 1, ReviewStep::Submit, None)),
        ErrorCode::NoLevel
    );
    assert_eq!(
        app.team(Some(2027)).unwrap().len(),
        5,
        "the team carries over to the next year"
    );

    // The audit chain verifies after the story; the history tells indicator 3's story.
    let report = app.verify_audit().unwrap();
    assert!(report.ok, "{}", report.message);
    let history = app.history(Some(2026), 3).unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "assignment.add",
            "answer.set",
            "status.submit",
            "status.return",
            "answer.set",
            "comment.add",
            "status.submit",
            "status.approve"
        ]
    );
    assert!(
        history[3].after.contains("\"status\":\"returned\""),
        "{}",
        history[3].after
    );
    assert_eq!(history[4].actor, "Budi Santoso");
}

#[test]
fn editing_the_database_by_hand_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    for n in 1..=5 {
        app.set_answer(None, n, level(2, "awal")).unwrap();
    }
    assert!(app.verify_audit().unwrap().ok);
    drop(app);
    let db = dir.path().join("it.db");
    let c = rusqlite::Connection::open(&db).unwrap();
    // Raise a level behind Swanilai's back.
    c.execute("UPDATE answer SET level = 5 WHERE indicator = 4", [])
        .unwrap();
    drop(c);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(!r.ok);
    assert!(
        r.mismatches.iter().any(|m| m.contains("indicator 4")),
        "{:?}",
        r.mismatches
    );
    assert_eq!(r.broken_at, None, "the chain itself is intact");
    drop(app);

    // Now rewrite the audit entry too: the chain breaks exactly there.
    let c = rusqlite::Connection::open(&db).unwrap();
    let seq: i64 = c
        .query_row(
            "SELECT max(seq) FROM audit_log WHERE indicator = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute(
        "UPDATE audit_log SET after = replace(after, '\"level\":2', '\"level\":5') WHERE seq = ?1",
        [seq],
    )
    .unwrap();
    drop(c);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    let r = app.verify_audit().unwrap();
    assert_eq!(r.broken_at, Some(seq), "{}", r.message);
    assert!(r.message.contains(&format!("entry {seq}")), "{}", r.message);
}

#[test]
fn a_database_from_before_the_audit_log_gets_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    // A schema-1 database as the first release wrote it, with one answer.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch(swanilai_store::schema::MIGRATIONS[0])
        .unwrap();
    c.pragma_update(None, "user_version", 1).unwrap();
    c.pragma_update(
        None,
        "application_id",
        swanilai_store::schema::APPLICATION_ID,
    )
    .unwrap();
    let catalog = swanilai_core::builtin::default_catalog();
    c.execute_batch(&format!(
        "INSERT INTO instansi (id, name, kind, created_at) VALUES (1, 'Kota Lama', 'kota', 't');
         INSERT INTO framework VALUES ('{}', '{}', '{}', 't');
         INSERT INTO assessment (year, framework_id, framework_version, criteria_version, created_at)
           VALUES (2024, '{}', '{}', 'pedoman-3-2024', 't');
         INSERT INTO answer (assessment_id, indicator, level, explanation, updated_at) VALUES (1, 5, 3, 'lama', 't');",
        catalog.framework().id,
        catalog.framework().version,
        catalog.to_json().replace('\'', "''"),
        catalog.framework().id,
        catalog.framework().version,
    ))
    .unwrap();
    drop(c);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    assert_eq!(
        app.answer(Some(2024), 5).unwrap().level.map(|l| l.get()),
        Some(3),
        "data survives the migration"
    );
    let r = app.verify_audit().unwrap();
    assert!(r.ok, "{}", r.message);
    assert_eq!(app.history(Some(2024), 5).unwrap()[0].action, "baseline");
}

#[test]
fn passwords_change_and_reset_without_ever_being_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    app.set_sign_in_delay(Duration::ZERO);
    app.add_account(account("Sari", "Setda")).unwrap();
    as_user(&mut app, "Sari");
    app.add_account(account("Budi", "Diskominfo")).unwrap();
    as_user(&mut app, "Budi");
    assert_eq!(
        code(app.change_password("salah-sekali-1", "Baru#Sandi-2026")),
        ErrorCode::WrongCredentials
    );
    assert_eq!(
        code(app.change_password(PW, "pendek")),
        ErrorCode::WeakPassword
    );
    assert_eq!(
        code(app.reset_password("Sari", "Baru#Sandi-2026")),
        ErrorCode::SupervisorOnly
    );
    app.change_password(PW, "Baru#Sandi-2026").unwrap();
    app.sign_out();
    assert_eq!(code(app.sign_in("Budi", PW)), ErrorCode::WrongCredentials);
    app.sign_in("Budi", "Baru#Sandi-2026").unwrap();
    // Budi forgot it again: the supervisor sets a new one.
    as_user(&mut app, "Sari");
    app.reset_password("budi", "Lupa#Lagi-2026x").unwrap();
    app.sign_out();
    app.sign_in("Budi", "Lupa#Lagi-2026x").unwrap();
    let log = app.audit_log(None).unwrap();
    let text = format!("{log:?}");
    for secret in [PW, "Baru#Sandi-2026", "Lupa#Lagi-2026x", "$argon2"] {
        assert!(
            !text.contains(secret),
            "the audit log must not hold {secret}"
        );
    }
    assert!(log
        .iter()
        .any(|e| e.action == "account.reset_password" && e.actor == "Sari"));
    assert!(app.verify_audit().unwrap().ok);
}

#[test]
fn the_supervisor_changes_the_profile_and_starts_a_new_year_audited() {
    use swanilai_app::{InstansiInput, InstansiKind};
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    app.set_sign_in_delay(Duration::ZERO);
    app.add_account(account("Sari Wulandari", "Bagian Organisasi"))
        .unwrap();
    as_user(&mut app, "Sari Wulandari");
    app.add_account(account("Budi Santoso", "Diskominfo"))
        .unwrap();
    app.set_team_role(None, "Budi Santoso", Role::Member)
        .unwrap();
    let profile = InstansiInput {
        name: "  Pemerintah Kota Uji Baru ".into(),
        kind: InstansiKind::Kota,
        coordinator_name: "Drs. H. Ahmad Fauzi, M.Si.".into(),
        coordinator_nip: "19680512 199403 1 005".into(),
        address: "Jalan Merdeka Nomor 1, Kota Uji 12345".into(),
    };

    // A member may not change the profile or start a year; nothing changes.
    as_user(&mut app, "Budi Santoso");
    assert_eq!(
        code(app.update_profile(profile.clone())),
        ErrorCode::SupervisorOnly
    );
    assert_eq!(
        code(app.new_assessment(2027, None)),
        ErrorCode::SupervisorOnly
    );
    assert_eq!(app.instansi().unwrap().unwrap().name, "Pemerintah Kota Uji");

    // A NIP that is not 18 digits, or an empty name, is refused, naming the field.
    as_user(&mut app, "Sari Wulandari");
    let bad = app
        .update_profile(InstansiInput {
            coordinator_nip: "1968-05".into(),
            ..profile.clone()
        })
        .expect_err("not a NIP");
    assert!(
        bad.message.starts_with("coordinator_nip:"),
        "{}",
        bad.message
    );
    let empty = InstansiInput {
        name: "  ".into(),
        ..profile.clone()
    };
    assert_eq!(code(app.update_profile(empty)), ErrorCode::InvalidInput);

    let saved = app.update_profile(profile.clone()).unwrap();
    assert_eq!(saved.name, "Pemerintah Kota Uji Baru", "trimmed");
    assert_eq!(
        saved.coordinator_nip, "196805121994031005",
        "spaces taken out"
    );
    assert_eq!(app.instansi().unwrap().unwrap(), saved, "stored");
    // Saving the same again writes nothing.
    app.update_profile(profile).unwrap();
    let log = app.audit_log(None).unwrap();
    let updates: Vec<_> = log
        .iter()
        .filter(|e| e.action == "instansi.update")
        .collect();
    assert_eq!(updates.len(), 1, "one change, one entry");
    assert_eq!(updates[0].actor, "Sari Wulandari");
    assert!(
        updates[0].before.contains("\"Pemerintah Kota Uji\""),
        "{}",
        updates[0].before
    );
    assert!(
        updates[0].after.contains("Ahmad Fauzi"),
        "{}",
        updates[0].after
    );

    // A new year: the team comes along, the creator supervises, and it is audited.
    let next = app.new_assessment(2027, None).unwrap();
    assert_eq!(next.year, 2027);
    assert_eq!(next.my_role, Some(Role::Supervisor));
    let team = app.team(Some(2027)).unwrap();
    assert!(team
        .iter()
        .any(|m| m.name == "Budi Santoso" && m.role == Role::Member));
    assert_eq!(
        code(app.new_assessment(2027, None)),
        ErrorCode::AssessmentExists
    );
    assert!(app
        .audit_log(Some(2027))
        .unwrap()
        .iter()
        .any(|e| e.action == "assessment.new"));
    assert!(app.verify_audit().unwrap().ok, "the chain holds");
}

#[test]
fn a_hand_edit_of_any_table_is_detected_and_stays_in_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let mut app = ready_app(dir.path());
    app.set_sign_in_delay(Duration::ZERO);
    app.add_account(account("Sari Wulandari", "Setda")).unwrap();
    as_user(&mut app, "Sari Wulandari");
    app.add_account(account("Budi Santoso", "Diskominfo"))
        .unwrap();
    app.set_team_role(None, "Budi Santoso", Role::Member)
        .unwrap();
    app.assign(None, 3, Assignee::Account("Budi Santoso".into()))
        .unwrap();
    app.set_answer(None, 3, level(2, "awal")).unwrap();
    let file = dir.path().join("SK Tim SPBE.pdf");
    std::fs::write(&file, b"%PDF-1.4 SK").unwrap();
    app.add_evidence_files(None, 3, &[file], None).unwrap();
    assert!(app.verify_audit().unwrap().ok, "a clean start");
    drop(app);

    // What the issue found passing as "chain intact", one at a time.
    let edits = [
        (
            "account",
            "UPDATE account SET is_admin = 1 WHERE name = 'Budi Santoso'",
        ),
        (
            "account",
            "UPDATE account SET password_hash = 'x' WHERE name = 'Budi Santoso'",
        ),
        (
            "team_member",
            "UPDATE team_member SET role = 'supervisor' WHERE role = 'member'",
        ),
        ("assignment", "DELETE FROM assignment"),
        ("evidence", "UPDATE evidence SET name = 'lain.pdf'"),
        ("assessment", "UPDATE assessment SET status = 'finalized'"),
        ("instansi", "UPDATE instansi SET name = 'Kota Palsu'"),
    ];
    for (table, sql) in edits {
        let copy = dir.path().join(format!("{table}-{}.db", sql.len()));
        std::fs::copy(&db, &copy).unwrap();
        let c = rusqlite::Connection::open(&copy).unwrap();
        c.execute(sql, []).unwrap();
        drop(c);
        let mut app = App::open(&copy, swanilai_app::Open::Existing).unwrap();
        let r = app.verify_audit().unwrap();
        assert!(!r.ok, "{sql}: not detected");
        assert!(
            r.mismatches.iter().any(|m| m.contains(table)),
            "{sql}: {:?}",
            r.mismatches
        );
        assert_eq!(r.broken_at, None, "the chain itself is intact");
    }

    // The next change through Swanilai does not absorb a hand edit: it is written into the
    // chain and reported from then on.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute("UPDATE instansi SET name = 'Kota Palsu'", [])
        .unwrap();
    drop(c);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    app.set_sign_in_delay(Duration::ZERO);
    as_user(&mut app, "Sari Wulandari");
    app.set_answer(None, 4, level(3, "sesudah")).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(!r.ok);
    assert!(
        r.mismatches
            .iter()
            .any(|m| m.contains("changed outside Swanilai") && m.contains("instansi")),
        "{:?}",
        r.mismatches
    );
    assert_eq!(r.broken_at, None);
    drop(app);

    // The log is append-only; emptied anyway (trigger dropped), it gets no new baseline.
    let c = rusqlite::Connection::open(&db).unwrap();
    assert!(
        c.execute("DELETE FROM audit_log", []).is_err(),
        "the trigger refuses"
    );
    c.execute_batch(
        "DROP TRIGGER audit_log_append_only; DELETE FROM audit_log; UPDATE answer SET level = 5;",
    )
    .unwrap();
    drop(c);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(!r.ok, "{}", r.message);
    assert!(
        r.mismatches
            .iter()
            .any(|m| m.contains("entries were deleted")),
        "{:?}",
        r.mismatches
    );
    assert_eq!(app.audit_log(None).unwrap().len(), 0, "no silent baseline");
}

#[test]
fn exported_documents_carry_the_audit_head_a_verifier_compares() {
    use calamine::{open_workbook, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    app.set_answer(None, 2, level(3, "dokumen")).unwrap();
    let report = app.verify_audit().unwrap();
    let head = report
        .message
        .rsplit("head ")
        .next()
        .expect("verify names the head")
        .to_owned();
    assert!(report.ok && head.contains('-'), "{}", report.message);

    let out = dir.path().join("nasional.xlsx");
    app.export_workbook(None, &out).unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let meta = book.worksheet_range("_swanilai").unwrap();
    let value = meta
        .rows()
        .find(|r| r[0] == "audit_head")
        .map(|r| r[1].to_string());
    assert_eq!(value.as_deref(), Some(head.as_str()), "the workbook's head");

    let pdf = app
        .document(
            None,
            swanilai_app::DocumentKind::BeritaAcara,
            Some("2026-11-23"),
        )
        .unwrap();
    let needle = head.clone();
    assert!(
        pdf.windows(needle.len()).any(|w| w == needle.as_bytes()),
        "the Berita Acara names the head {head}"
    );
    // A later change moves the head: the documents made before show the older one.
    app.set_answer(None, 2, level(4, "sesudah")).unwrap();
    let later = app.verify_audit().unwrap().message;
    assert!(!later.ends_with(&head), "{later}");
}

#[test]
fn failed_sign_ins_are_audited_counted_and_slow_the_next_attempt_before_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let mut app = ready_app(dir.path());
    app.set_sign_in_delay(Duration::ZERO);
    app.add_account(account("Sari", "Setda")).unwrap();
    app.sign_out();
    for _ in 0..3 {
        assert_eq!(
            code(app.sign_in("Sari", "salah-sandi")),
            ErrorCode::WrongCredentials
        );
        assert_eq!(
            code(app.sign_in("Tidak Ada", "salah-sandi")),
            ErrorCode::WrongCredentials
        );
    }
    // Audited, the name tried, never the password; counted in the database.
    let failed: Vec<_> = app
        .audit_log(None)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "account.signin_failed")
        .collect();
    assert_eq!(failed.len(), 6);
    assert!(failed.iter().all(|e| !e.after.contains("salah-sandi")));
    assert_eq!(failed.iter().filter(|e| e.actor == "Tidak Ada").count(), 3);
    drop(app);

    // Another process (a parallel attempt) waits for the stored count before the password
    // is even checked: the right password after three failures still takes 3 delays, and a
    // name without an account waits just as long.
    let delay = Duration::from_millis(60);
    for name in ["Sari", "Tidak Ada"] {
        let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
        app.set_sign_in_delay(delay);
        let started = std::time::Instant::now();
        let _ = app.sign_in(name, PW);
        assert!(
            started.elapsed() >= delay * 3,
            "{name}: answered after {:?}",
            started.elapsed()
        );
    }
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    app.set_sign_in_delay(Duration::ZERO);
    app.sign_in("Sari", PW).unwrap();
    assert!(
        app.verify_audit().unwrap().ok,
        "sign-ins keep the chain and state whole"
    );
}
