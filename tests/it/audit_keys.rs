//! The audit log's keyed checkpoints: rewriting the chain consistently needs the passwords,
//! not only the algorithm (issue 10, item 3).

use std::time::Duration;

use swanilai_app::{AnswerInput, App, NewAccount, Open};
use swanilai_store::audit::{self, NewEntry};
use swanilai_store::keys::{Signer, KEY_ACTION};
use swanilai_store::{OpenMode, Store, StoreError};

use crate::ready_app;

const PW: &str = "Sukamaju#SPBE-2026";

fn account(name: &str) -> NewAccount {
    NewAccount {
        name: name.into(),
        unit: "Diskominfo".into(),
        nip: String::new(),
        password: PW.into(),
    }
}

fn level(l: i64) -> AnswerInput {
    AnswerInput {
        level: Some(Some(l)),
        explanation: Some("Kebijakan internal telah ditetapkan dengan Peraturan Bupati.".into()),
        ..Default::default()
    }
}

/// Somebody who knows the algorithm (and Swanilai's own store code) but no password makes
/// Budi a supervisor, and writes it into the chain as Sari would, consistently: every hash
/// and the recorded state are right. `signer` is the key they sign with, if any.
fn rewrite_as_sari(db: &std::path::Path, signer: Option<Signer>) {
    let mut store = Store::open(db, OpenMode::Existing).unwrap();
    store.set_signer(signer);
    store
        .transaction(|tx, _| {
            tx.execute(
                "UPDATE account SET is_admin = 1 WHERE name = 'Budi Santoso'",
                [],
            )?;
            audit::append(
                tx,
                &NewEntry {
                    at: "2026-11-24T08:00:00Z",
                    actor: "Sari Wulandari",
                    action: "account.admin",
                    year: None,
                    indicator: None,
                    entity: "account",
                    before: "null".into(),
                    after: "{\"name\":\"Budi Santoso\",\"is_admin\":true}".into(),
                },
            )?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

fn team(dir: &std::path::Path) -> App {
    let mut app = ready_app(dir);
    app.set_sign_in_delay(Duration::ZERO);
    app.add_account(account("Sari Wulandari")).unwrap();
    app.sign_in("Sari Wulandari", PW).unwrap();
    app.add_account(account("Budi Santoso")).unwrap();
    app.set_answer(None, 1, level(2)).unwrap();
    app
}

#[test]
fn every_change_by_a_signed_in_account_is_signed_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = team(dir.path());
    app.change_password(PW, "Baru#Sukamaju-2027").unwrap();
    app.set_answer(None, 2, level(3)).unwrap();
    app.sign_out();
    assert!(app.sign_in("Sari Wulandari", "salah sekali").is_err());
    app.sign_in("Sari Wulandari", "Baru#Sukamaju-2027").unwrap();
    app.set_answer(None, 3, level(4)).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(r.ok, "{:?}", r.mismatches);
    // Sari's account, Budi's account, three answers and the password change; the failed
    // sign-in and the instansi and assessment set up before any account are unsigned.
    assert!(r.signed >= 6, "{}", r.message);
    assert!(r.unsigned >= 1, "{}", r.message);
    assert!(r.message.contains("transactions signed"), "{}", r.message);
}

#[test]
fn a_consistent_rewrite_without_the_password_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let app = team(dir.path());
    drop(app);
    rewrite_as_sari(&db, None);
    let mut app = App::open(&db, Open::Existing).unwrap();
    let r = app.verify_audit().unwrap();
    assert_eq!(r.broken_at, None, "the chain itself is consistent");
    assert!(!r.ok, "an unsigned change by Sari passed: {}", r.message);
    assert!(
        r.mismatches
            .iter()
            .any(|m| m.contains("not signed") && m.contains("Sari Wulandari")),
        "{:?}",
        r.mismatches
    );
}

#[test]
fn a_key_of_ones_own_is_found_by_verify_and_at_the_next_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("it.db");
    let app = team(dir.path());
    drop(app);
    // Signed with a key of the forger's own, also put on Sari's account and registered in
    // the chain: the registration is not vouched for by Sari's key.
    let forged = Signer::from_seed("Sari Wulandari", [42; 32]);
    {
        let mut store = Store::open(&db, OpenMode::Existing).unwrap();
        store.set_signer(Some(forged.clone()));
        store
            .transaction(|tx, _| {
                tx.execute(
                    "UPDATE account SET public_key = ?1 WHERE name = 'Sari Wulandari'",
                    [forged.public_key()],
                )?;
                audit::append(
                    tx,
                    &NewEntry {
                        at: "2026-11-24T08:00:00Z",
                        actor: "Sari Wulandari",
                        action: KEY_ACTION,
                        year: None,
                        indicator: None,
                        entity: "account",
                        before: "null".into(),
                        after: serde_json::json!({"name": "Sari Wulandari", "public_key": forged.public_key()})
                            .to_string(),
                    },
                )?;
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
    rewrite_as_sari(&db, Some(forged));
    let mut app = App::open(&db, Open::Existing).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(!r.ok);
    assert!(
        r.mismatches.iter().any(|m| m.contains("does not verify")),
        "{:?}",
        r.mismatches
    );
    // Sari signs in: her password does not give the key on her account; that is recorded,
    // stays reported, and she goes on working with a key of her own again.
    app.set_sign_in_delay(Duration::ZERO);
    app.sign_in("Sari Wulandari", PW).unwrap();
    app.set_answer(None, 5, level(2)).unwrap();
    let r = app.verify_audit().unwrap();
    assert!(
        r.mismatches
            .iter()
            .any(|m| m.contains("no longer gave the key")),
        "{:?}",
        r.mismatches
    );
}
