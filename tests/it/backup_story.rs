//! Automatic backups on a real database file: an import backs up first, only the newest
//! are kept, a restore preview changes nothing, a restore brings the state back (and its
//! evidence files) with an audit trail that still verifies.

use std::path::{Path, PathBuf};

use swanilai_app::{AnswerInput, App, BackupReason, ErrorCode, NewAccount, BACKUPS_KEPT};

use crate::ready_app;

fn level(app: &mut App, indicator: u32, level: i64) {
    let input = AnswerInput {
        level: Some(Some(level)),
        explanation: Some(format!("FAKTA: tingkat {level}. ANALISIS: uji cadangan.")),
        ..Default::default()
    };
    app.set_answer(None, indicator, input).expect("answer");
}

/// Every file under `dir` with its bytes, to show that nothing was written.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.to_string_lossy().ends_with("-shm") {
                let bytes = std::fs::read(&p).expect("read");
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn an_import_backs_up_first_and_a_restore_brings_the_state_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    level(&mut app, 1, 4);
    level(&mut app, 11, 3);
    let pdf = dir.path().join("1.a.Perbup.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 perbup arsitektur").unwrap();
    let added = app
        .add_evidence_files(None, 1, std::slice::from_ref(&pdf), None)
        .unwrap();
    let before = app.index(None).unwrap().index_text;
    let workbook = dir.path().join("kembali.xlsx");
    app.export_workbook(None, &workbook).unwrap();
    assert!(app.backups().unwrap().backups.is_empty(), "no backup yet");

    // An import that writes nothing makes no backup; one that writes makes one first.
    app.import_apply(None, &workbook, false).unwrap();
    assert!(app.backups().unwrap().backups.is_empty(), "nothing written");
    level(&mut app, 1, 1);
    app.import_apply(None, &workbook, false).unwrap();
    let list = app.backups().unwrap();
    assert_eq!(list.backups.len(), 1, "{list:?}");
    let import = &list.backups[0];
    assert_eq!(import.reason, BackupReason::Import);
    assert_eq!(import.at, "2026-11-23T08:00:00Z");
    assert!(import.bytes > 0 && list.total_bytes == import.bytes);
    assert_eq!(
        import.evidence_files, 1,
        "the evidence file is kept with it"
    );
    let held = import.state.as_ref().expect("readable");
    assert_eq!(
        (
            held.assessments[0].answered,
            held.assessments[0].index_text.as_deref()
        ),
        (2, Some("2,32")),
        "the backup holds the state before the import (indicator 1 at level 1)"
    );

    // Later work: evidence removed, its file swept by the next open, an answer changed.
    app.remove_evidence(None, added[0].id).unwrap();
    level(&mut app, 11, 5);
    drop(app);
    let db = dir.path().join("it.db");
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();

    // The preview writes nothing: not the database, not the backups.
    let untouched = files(dir.path());
    let preview = app.restore_preview(&import.id).unwrap();
    assert_eq!(files(dir.path()), untouched, "a preview changes no file");
    assert_eq!(preview.backup.state.as_ref(), Some(held));
    assert_ne!(preview.current.audit_head, held.audit_head);
    assert_eq!(preview.current.assessments[0].answered, 2);

    let report = app.restore_backup(&import.id).unwrap();
    assert_eq!(report.backup_before.reason, BackupReason::Restore);
    assert_eq!(app.index(None).unwrap().index_text.as_deref(), Some("2,32"));
    assert_eq!(before.as_deref(), Some("3,34"));
    assert_eq!(
        app.evidence(None, Some(1)).unwrap().len(),
        1,
        "evidence row back"
    );
    assert!(
        app.verify_evidence(None).unwrap().is_clean(),
        "its file was linked back from the backup"
    );
    let audit = app.verify_audit().unwrap();
    assert!(audit.ok, "{}", audit.message);
    let last = app.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("database.restore", "lokal")
    );

    // Restoring the backup made before the restore undoes it; a fresh open agrees.
    app.restore_backup(&report.backup_before.id).unwrap();
    assert_eq!(
        app.answer(None, 11).unwrap().level.map(|l| l.get()),
        Some(5)
    );
    drop(app);
    let mut app = App::open(&db, swanilai_app::Open::Existing).unwrap();
    assert!(app.verify_audit().unwrap().ok);
    assert!(app.verify_evidence(None).unwrap().is_clean());
    let missing = app
        .restore_preview("tidak-ada")
        .expect_err("no such backup");
    assert_eq!(missing.code, ErrorCode::BackupNotFound);
    let sneaky = app.restore_preview("../it").expect_err("not a name");
    assert_eq!(sneaky.code, ErrorCode::BackupNotFound);
}

#[test]
fn only_the_newest_backups_are_kept_and_restore_is_the_supervisors() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = ready_app(dir.path());
    level(&mut app, 1, 2);
    let mut made = Vec::new();
    for _ in 0..BACKUPS_KEPT + 3 {
        made.push(app.backup_now().unwrap().id);
    }
    let list = app.backups().unwrap();
    let kept: Vec<&str> = list.backups.iter().map(|b| b.id.as_str()).collect();
    let newest: Vec<&str> = made
        .iter()
        .rev()
        .take(BACKUPS_KEPT)
        .map(String::as_str)
        .collect();
    assert_eq!(kept, newest, "the newest {BACKUPS_KEPT}, newest first");
    let dir_files = std::fs::read_dir(&list.dir).unwrap().count();
    assert_eq!(
        dir_files, BACKUPS_KEPT,
        "the oldest removed with their folders"
    );

    let account = |name: &str| NewAccount {
        name: name.into(),
        unit: String::new(),
        nip: String::new(),
        password: "kata-sandi-panjang-42".into(),
    };
    app.add_account(account("sari")).unwrap();
    let err = app
        .restore_backup(&made[BACKUPS_KEPT])
        .expect_err("signed out");
    assert_eq!(err.code, ErrorCode::SignInRequired);
    app.sign_in("sari", "kata-sandi-panjang-42").unwrap();
    app.add_account(account("budi")).unwrap();
    app.sign_in("budi", "kata-sandi-panjang-42").unwrap();
    let err = app
        .restore_backup(&made[BACKUPS_KEPT])
        .expect_err("a member");
    assert_eq!(err.code, ErrorCode::SupervisorOnly);
    app.sign_in("sari", "kata-sandi-panjang-42").unwrap();
    app.restore_backup(&made[BACKUPS_KEPT]).unwrap();
    // The backup was made before the accounts existed: nobody is signed in after it.
    assert!(app.verify_audit().unwrap().ok);
}
