//! Each account's signing key for the audit log's keyed checkpoints
//! (`swanilai_store::keys`): derived from the account's password with argon2id and a
//! per-account salt when the person signs in, held in memory for the session, never stored.
//! The public key is kept on the account and registered in the chain.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::Argon2;
use serde_json::json;
use swanilai_store::accounts::{self, AccountRow};
use swanilai_store::audit::NewEntry;
use swanilai_store::keys::{Signer, KEY_ACTION, KEY_MISMATCH};
use swanilai_store::Transaction;

use crate::{App, AppError, AppResult, ErrorCode};

/// A fresh salt for an account's key, hex.
pub(crate) fn new_key_salt() -> String {
    let mut salt = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    hex::encode(salt)
}

/// The signing key that `password` gives `name` with `salt_hex`.
pub(crate) fn derive_signer(name: &str, password: &str, salt_hex: &str) -> AppResult<Signer> {
    let salt = hex::decode(salt_hex).unwrap_or_else(|_| salt_hex.as_bytes().to_vec());
    let mut seed = [0u8; 32];
    Argon2::default()
        .hash_password_into(password.as_bytes(), &salt, &mut seed)
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("cannot derive the signing key: {e}"),
            )
        })?;
    Ok(Signer::from_seed(name, seed))
}

/// Set the account's key and register it in the chain, inside the caller's transaction.
pub(crate) fn register_key(
    tx: &Transaction<'_>,
    at: &str,
    actor: &str,
    account: &AccountRow,
    salt: &str,
    signer: &Signer,
) -> AppResult<()> {
    accounts::set_key(tx, account.id, salt, &signer.public_key())?;
    crate::audit::record(
        tx,
        NewEntry {
            at,
            actor,
            action: KEY_ACTION,
            year: None,
            indicator: None,
            entity: "account",
            before: "null".into(),
            after: json!({"name": account.name, "public_key": signer.public_key()}).to_string(),
        },
    )
}

impl App {
    /// After a good password: hold the account's signing key for the session. An account
    /// without a key yet (created before schema 5) gets one now; a key that the password no
    /// longer gives (the public key or its salt was edited outside Swanilai) is recorded as
    /// a mismatch, which `audit verify` reports, and replaced.
    pub(crate) fn take_key(&mut self, row: &AccountRow, password: &str) -> AppResult<()> {
        if !row.key_salt.is_empty() {
            let signer = derive_signer(&row.name, password, &row.key_salt)?;
            if signer.public_key() == row.public_key {
                self.store.set_signer(Some(signer));
                return Ok(());
            }
        }
        if self.store.read_only().is_some() {
            self.store.set_signer(None);
            return Ok(());
        }
        let mismatch = !row.public_key.is_empty();
        let salt = new_key_salt();
        let signer = derive_signer(&row.name, password, &salt)?;
        self.store.set_signer(Some(signer.clone()));
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            if mismatch {
                crate::audit::record(
                    tx,
                    NewEntry {
                        at: &now,
                        actor: &row.name,
                        action: KEY_MISMATCH,
                        year: None,
                        indicator: None,
                        entity: "account",
                        before: json!({"name": row.name, "public_key": row.public_key}).to_string(),
                        after: json!({"name": row.name}).to_string(),
                    },
                )?;
            }
            register_key(tx, &now, &row.name, row, &salt, &signer)
        })
    }
}
