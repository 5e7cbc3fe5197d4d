//! Keyed checkpoints of the audit log.
//!
//! The chain alone ([`crate::audit`]) finds an edit of one entry, but whoever knows the
//! algorithm can rewrite the whole chain consistently. So the last entry of each
//! transaction (the checkpoint that carries the database's state) is also signed, with an
//! ed25519 key that the signed-in account's password gives (the app derives the seed with
//! argon2id from the password and `account.key_salt`; the key itself is never stored).
//! Through the chain, a checkpoint's signature covers every entry before it.
//!
//! The public keys are registered in the chain itself: an [`KEY_ACTION`] entry names the
//! account and its public key, and takes effect after the checkpoint of its transaction,
//! so a new key (a changed or reset password) is vouched for by the key that signed that
//! transaction. [`verify_keys`] walks the chain with that registry.

use std::collections::HashMap;

use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier, VerifyingKey};
use rusqlite::Connection;

use crate::audit::{self, changed_tables, Break, SYSTEM_ACTOR};
use crate::Result;

/// The action that registers an account's public key (`after`: `{"name", "public_key"}`).
pub const KEY_ACTION: &str = "account.key";
/// The action recorded when an account's password no longer gives the key the chain
/// registered for it (the key or its salt was changed outside Swanilai).
pub const KEY_MISMATCH: &str = "account.key_mismatch";
/// Failed sign-ins are written with nobody signed in, so they cannot be signed.
pub const SIGN_IN_FAILED: &str = "account.signin_failed";

/// The signing key of the signed-in account, held in memory for the session only.
#[derive(Clone)]
pub struct Signer {
    pub(crate) actor: String,
    key: SigningKey,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("actor", &self.actor)
            .field("public_key", &self.public_key())
            .finish()
    }
}

impl Signer {
    /// The key of `actor` from a 32-byte seed (derived from the password by the caller).
    pub fn from_seed(actor: &str, seed: [u8; 32]) -> Signer {
        Signer {
            actor: actor.to_owned(),
            key: SigningKey::from_bytes(&seed),
        }
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The public key, hex.
    pub fn public_key(&self) -> String {
        hex::encode(self.key.verifying_key().to_bytes())
    }

    /// The signature (hex) of the checkpoint whose hash is `hash`.
    pub fn sign(&self, hash: &str) -> String {
        hex::encode(self.key.sign(&signed_message(&self.actor, hash)).to_bytes())
    }
}

/// What a checkpoint's signature covers: a domain tag, the signer and the entry's hash.
pub fn signed_message(signer: &str, hash: &str) -> Vec<u8> {
    let mut m = b"swanilai-audit-checkpoint-v1\x1f".to_vec();
    m.extend_from_slice(signer.as_bytes());
    m.push(0x1f);
    m.extend_from_slice(hash.as_bytes());
    m
}

/// What [`verify_keys`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyCheck {
    /// Checkpoints with a valid signature of a registered key.
    pub signed: u64,
    /// Checkpoints that need none: written by the system, by nobody signed in (failed
    /// sign-ins), or by accounts that had no key yet (databases without accounts, entries
    /// from before schema 5).
    pub unsigned: u64,
    /// Checkpoints whose signature is missing though their entries need one, or does not
    /// verify; and recorded key mismatches.
    pub problems: Vec<Break>,
}

fn parse_key(hex_key: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = hex::decode(hex_key).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

fn parse_sig(hex_sig: &str) -> Option<Signature> {
    let bytes: [u8; 64] = hex::decode(hex_sig).ok()?.try_into().ok()?;
    Some(Signature::from_bytes(&bytes))
}

/// Walk the chain with the key registry it carries and check every checkpoint:
/// - a signed checkpoint must verify with its signer's key registered before it;
/// - a transaction with an entry by an account that has a registered key must end in a
///   signed checkpoint (a failed sign-in excepted, and then it may change nothing but the
///   `account` table);
/// - every recorded key mismatch is a problem.
pub fn verify_keys(conn: &Connection) -> Result<KeyCheck> {
    let rows = audit::list(conn, None, None)?;
    let mut registry: HashMap<String, (VerifyingKey, i64)> = HashMap::new();
    let mut pending: Vec<(String, VerifyingKey, i64)> = Vec::new();
    let mut check = KeyCheck::default();
    // Who wrote entries since the last checkpoint that had to be signed.
    let mut keyed_actor: Option<(String, i64)> = None;
    let mut only_failed_sign_ins = true;
    let mut previous_state: Option<String> = None;
    for r in &rows {
        let actor = r.actor.to_lowercase();
        if r.action == KEY_ACTION {
            let v: serde_json::Value = serde_json::from_str(&r.after).unwrap_or_default();
            let name = v["name"].as_str().unwrap_or_default().to_lowercase();
            match v["public_key"].as_str().and_then(parse_key) {
                Some(key) => pending.push((name, key, r.seq)),
                None => check.problems.push(Break {
                    seq: r.seq,
                    reason: "it registers a key that is not a valid public key".into(),
                }),
            }
        }
        if r.action == KEY_MISMATCH {
            let v: serde_json::Value = serde_json::from_str(&r.after).unwrap_or_default();
            check.problems.push(Break {
                seq: r.seq,
                reason: format!(
                    "at sign-in on {}, the password of {} no longer gave the key the log registered for it: the key or its salt was changed outside Swanilai",
                    r.at,
                    v["name"].as_str().unwrap_or(&r.actor)
                ),
            });
        }
        if r.action != SIGN_IN_FAILED {
            only_failed_sign_ins = false;
        }
        if keyed_actor.is_none() && r.actor != SYSTEM_ACTOR && r.action != SIGN_IN_FAILED {
            if let Some((_, since)) = registry.get(&actor) {
                keyed_actor = Some((r.actor.clone(), *since));
            }
        }
        if r.state.is_empty() {
            continue;
        }
        // A checkpoint: the end of a transaction.
        if !r.sig.is_empty() || !r.signer.is_empty() {
            // A first key signs its own registration (a new account, or an account from
            // before schema 5 at its first sign-in): no earlier key can vouch for it.
            let signer = r.signer.to_lowercase();
            let key = registry.get(&signer).map(|(k, _)| *k).or_else(|| {
                pending
                    .iter()
                    .find(|(name, _, _)| *name == signer)
                    .map(|(_, k, _)| *k)
            });
            let valid = match (key, parse_sig(&r.sig)) {
                (Some(key), Some(sig)) => key
                    .verify(&signed_message(&r.signer, &r.hash), &sig)
                    .is_ok(),
                _ => false,
            };
            if valid {
                check.signed += 1;
            } else {
                check.problems.push(Break {
                    seq: r.seq,
                    reason: match key {
                        Some(_) => format!(
                            "its signature by {} does not verify: the entry or the signature was changed outside Swanilai",
                            r.signer
                        ),
                        None => format!(
                            "it is signed by {}, who has no registered key at that point",
                            r.signer
                        ),
                    },
                });
            }
        } else if let Some((who, since)) = &keyed_actor {
            check.problems.push(Break {
                seq: r.seq,
                reason: format!(
                    "it is not signed, though it records a change by {who}, whose key was registered at entry {since}: written outside Swanilai"
                ),
            });
        } else {
            if only_failed_sign_ins {
                if let Some(prev) = &previous_state {
                    let changed = changed_tables(prev, &r.state);
                    if changed.iter().any(|t| t != "account") {
                        check.problems.push(Break {
                            seq: r.seq,
                            reason: format!(
                                "it records failed sign-ins but changed {}: written outside Swanilai",
                                changed.join(", ")
                            ),
                        });
                    }
                }
            }
            check.unsigned += 1;
        }
        for (name, key, seq) in pending.drain(..) {
            registry.insert(name, (key, seq));
        }
        keyed_actor = None;
        only_failed_sign_ins = true;
        previous_state = Some(r.state.clone());
    }
    Ok(check)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::NewEntry;
    use crate::{OpenMode, Store};

    fn entry<'a>(actor: &'a str, action: &'a str, after: String) -> NewEntry<'a> {
        NewEntry {
            at: "2026-11-30T08:00:00Z",
            actor,
            action,
            year: None,
            indicator: None,
            entity: "account",
            before: "null".into(),
            after,
        }
    }

    /// One transaction through the store, as the app writes them.
    fn write(store: &mut Store, e: NewEntry<'_>) {
        store
            .transaction(|tx, _| {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, '1')
                     ON CONFLICT(key) DO UPDATE SET value = value + 1",
                    ["n"],
                )?;
                audit::append(tx, &e)?;
                Ok::<_, crate::StoreError>(())
            })
            .unwrap();
    }

    #[test]
    fn signed_checkpoints_verify_and_an_unsigned_rewrite_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db"), OpenMode::Create).unwrap();
        let sari = Signer::from_seed("sari", [7; 32]);
        store.set_signer(Some(sari.clone()));
        let register = serde_json::json!({"name": "sari", "public_key": sari.public_key()});
        write(&mut store, entry("sari", KEY_ACTION, register.to_string()));
        write(&mut store, entry("sari", "answer.set", "{}".into()));
        let check = verify_keys(store.conn()).unwrap();
        assert_eq!(check.problems, vec![], "an honest chain has no problems");
        assert_eq!(check.signed, 2, "both checkpoints carry sari's signature");

        // Somebody who knows the algorithm but not the password writes as sari.
        store.set_signer(None);
        write(
            &mut store,
            entry("sari", "answer.set", "{\"level\":5}".into()),
        );
        let check = verify_keys(store.conn()).unwrap();
        assert_eq!(
            audit::verify(store.conn()).unwrap(),
            None,
            "the chain itself is intact"
        );
        assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
        assert!(check.problems[0].reason.contains("not signed"));

        // A forged signature with another key does not verify either.
        let mallory = Signer::from_seed("sari", [9; 32]);
        store.set_signer(Some(mallory));
        write(
            &mut store,
            entry("sari", "answer.set", "{\"level\":4}".into()),
        );
        let check = verify_keys(store.conn()).unwrap();
        assert_eq!(check.problems.len(), 2, "{:?}", check.problems);
        assert!(check.problems[1].reason.contains("does not verify"));
    }

    #[test]
    fn a_new_key_is_vouched_for_by_the_old_one_and_failed_sign_ins_change_only_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("a.db"), OpenMode::Create).unwrap();
        let old = Signer::from_seed("budi", [1; 32]);
        let new = Signer::from_seed("budi", [2; 32]);
        store.set_signer(Some(old.clone()));
        let reg = |s: &Signer| serde_json::json!({"name": "budi", "public_key": s.public_key()});
        write(&mut store, entry("budi", KEY_ACTION, reg(&old).to_string()));
        // The password change is signed with the old key; the new one holds after it.
        write(&mut store, entry("budi", KEY_ACTION, reg(&new).to_string()));
        store.set_signer(Some(new));
        write(&mut store, entry("budi", "answer.set", "{}".into()));
        store.set_signer(None);
        write(&mut store, entry("budi", SIGN_IN_FAILED, "{}".into()));
        let check = verify_keys(store.conn()).unwrap();
        // The failed sign-in's transaction changed `meta` only, which the state leaves out.
        assert_eq!(check.problems, vec![]);
        assert_eq!((check.signed, check.unsigned), (3, 1));
    }
}
