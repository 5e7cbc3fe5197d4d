//! The audit log: append-only, each entry chained to the previous one by sha256.
//!
//! `hash = sha256(prev_hash, seq, at, actor, action, year, indicator, entity, before, after
//! [, state])` with fields separated by a unit separator. Editing, deleting or reordering an
//! entry breaks the chain at that entry, which [`verify`] names.
//!
//! The whole database, not only the answers: every write transaction ([`crate::Store::transaction`])
//! is bracketed by [`check_outside`] and [`seal`]. The last entry of a transaction carries
//! `state`, a digest per table of every table but `audit_log` and `meta` (see
//! [`state_digest`]), so verify can compare the database with what the log last recorded;
//! a change made outside Swanilai between two transactions is written into the chain as a
//! `state.outside` entry by the next transaction instead of being absorbed.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::keys::Signer;
use crate::Result;

/// The previous hash of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub year: Option<i32>,
    pub indicator: Option<u32>,
    pub entity: String,
    /// JSON of the state before (`null` for a creation).
    pub before: String,
    /// JSON of the state after (`null` for a removal).
    pub after: String,
    /// The database's digest after the transaction this entry ended (see [`state_digest`]);
    /// empty on the other entries and on entries from before schema 4.
    pub state: String,
    pub prev_hash: String,
    pub hash: String,
    /// The account whose key signed this entry (a transaction's last entry, see [`Signer`]);
    /// empty when unsigned. Not part of the hash: the signature covers the hash.
    pub signer: String,
    /// The ed25519 signature (hex) of [`signed_message`] by `signer`'s key; empty when unsigned.
    pub sig: String,
}

/// A new entry; seq and hashes are filled in by [`append`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub year: Option<i32>,
    pub indicator: Option<u32>,
    pub entity: &'a str,
    pub before: String,
    pub after: String,
}

const COLUMNS: &str =
    "seq, at, actor, action, year, indicator, entity, before, after, prev_hash, hash, state, signer, sig";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        year: r.get(4)?,
        indicator: r.get(5)?,
        entity: r.get(6)?,
        before: r.get(7)?,
        after: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
        state: r.get(11)?,
        signer: r.get(12)?,
        sig: r.get(13)?,
    })
}

/// The hash of an entry's content chained to `prev_hash`.
pub fn entry_hash(r: &AuditRow) -> String {
    let mut h = Sha256::new();
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let indicator = r.indicator.map(|i| i.to_string()).unwrap_or_default();
    for part in [
        r.prev_hash.as_str(),
        &r.seq.to_string(),
        &r.at,
        &r.actor,
        &r.action,
        &year,
        &indicator,
        &r.entity,
        &r.before,
        &r.after,
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    // Entries from before schema 4 have no state and keep their hash.
    if !r.state.is_empty() {
        h.update(r.state.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// Append an entry after the last one, inside the caller's transaction.
pub fn append(conn: &Connection, e: &NewEntry<'_>) -> Result<AuditRow> {
    let last: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (seq, prev_hash) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let mut row = AuditRow {
        seq,
        at: e.at.to_owned(),
        actor: e.actor.to_owned(),
        action: e.action.to_owned(),
        year: e.year,
        indicator: e.indicator,
        entity: e.entity.to_owned(),
        before: e.before.clone(),
        after: e.after.clone(),
        state: String::new(),
        prev_hash,
        hash: String::new(),
        signer: String::new(),
        sig: String::new(),
    };
    row.hash = entry_hash(&row);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, year, indicator, entity, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        row.seq, row.at, row.actor, row.action, row.year, row.indicator, row.entity, row.before,
        row.after, row.prev_hash, row.hash
    ])?;
    Ok(row)
}

/// Who writes the entries the store itself adds (outside changes found, schema upgrades).
pub const SYSTEM_ACTOR: &str = "sistem";
/// The action of an entry recording that the data changed outside Swanilai.
pub const OUTSIDE: &str = "state.outside";

/// The database's state as the audit log records it: `{"v":<schema version>,"tables":
/// {"answer":"<16 hex>",...}}`, one sha256 (first 8 bytes) per table over every row in rowid
/// order, every column with its type. Covers every table but `audit_log` (the log itself)
/// and `meta` (the database id and the log's own bookkeeping); new tables are covered by
/// name without a change here.
pub fn state_digest(conn: &Connection) -> Result<String> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let mut names = conn.prepare_cached(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('audit_log', 'meta') ORDER BY name",
    )?;
    let names: Vec<String> = names
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut tables = serde_json::Map::new();
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))?;
        let columns = stmt.column_count();
        let mut h = Sha256::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for i in 0..columns {
                use rusqlite::types::ValueRef;
                match row.get_ref(i)? {
                    ValueRef::Null => h.update([0]),
                    ValueRef::Integer(v) => {
                        h.update([1]);
                        h.update(v.to_le_bytes());
                    }
                    ValueRef::Real(v) => {
                        h.update([2]);
                        h.update(v.to_le_bytes());
                    }
                    ValueRef::Text(t) => {
                        h.update([3]);
                        h.update((t.len() as u64).to_le_bytes());
                        h.update(t);
                    }
                    ValueRef::Blob(b) => {
                        h.update([4]);
                        h.update((b.len() as u64).to_le_bytes());
                        h.update(b);
                    }
                }
            }
            h.update([0x1e]);
        }
        tables.insert(name, hex::encode(&h.finalize()[..8]).into());
    }
    // The schema too: dropping the append-only trigger (or any other change of the schema
    // outside a migration) is itself a change.
    let mut h = Sha256::new();
    let mut stmt = conn.prepare_cached(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for i in 0..3 {
            h.update(row.get_ref(i)?.as_str().unwrap_or_default().as_bytes());
            h.update([0x1f]);
        }
    }
    tables.insert("(schema)".into(), hex::encode(&h.finalize()[..8]).into());
    Ok(serde_json::json!({"v": version, "tables": tables}).to_string())
}

/// The last state the log recorded, with the seq of its entry.
pub fn last_state(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT seq, state FROM audit_log WHERE state <> '' ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The seq of the last entry (0 when the log is empty).
pub fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?,
    )
}

/// The tables whose digest differs between two recorded states (all of them when the
/// states cannot be read or come from different schema versions).
pub fn changed_tables(recorded: &str, current: &str) -> Vec<String> {
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).ok();
    let (Some(a), Some(b)) = (parse(recorded), parse(current)) else {
        return vec!["(unreadable state)".into()];
    };
    let empty = serde_json::Map::new();
    let ta = a["tables"].as_object().unwrap_or(&empty);
    let tb = b["tables"].as_object().unwrap_or(&empty);
    let mut names: Vec<String> = ta.keys().chain(tb.keys()).cloned().collect();
    names.sort();
    names.dedup();
    names.retain(|n| ta.get(n) != tb.get(n));
    names
}

fn version_of(state: &str) -> Option<i64> {
    serde_json::from_str::<serde_json::Value>(state).ok()?["v"].as_i64()
}

/// At the start of a write transaction: when the data differs from the last recorded
/// state, write that into the chain (`state.outside`, naming the tables, with both states)
/// before anything else happens, so the next seal cannot absorb a hand edit. A schema
/// upgrade since the last state is recorded as `state.upgrade` instead. Returns the seq
/// the transaction starts after.
pub fn check_outside(conn: &Connection) -> Result<i64> {
    let seq = last_seq(conn)?;
    let Some((_, recorded)) = last_state(conn)? else {
        return Ok(seq);
    };
    let current = state_digest(conn)?;
    if current == recorded {
        return Ok(seq);
    }
    let at = now(conn)?;
    let at = at.as_str();
    let upgrade = version_of(&recorded) != version_of(&current);
    let tables = changed_tables(&recorded, &current);
    let row = append(
        conn,
        &NewEntry {
            at,
            actor: SYSTEM_ACTOR,
            action: if upgrade { "state.upgrade" } else { OUTSIDE },
            year: None,
            indicator: None,
            entity: "database",
            before: recorded,
            after: serde_json::json!({ "tables": tables }).to_string(),
        },
    )?;
    set_state(conn, row.seq, &current)?;
    Ok(row.seq)
}

/// At the end of a write transaction: the last entry it appended carries the database's
/// state. A transaction that appended nothing but changed data gets a `state.sync` entry.
///
/// With a `signer` (the signed-in account), that last entry is signed: a keyed checkpoint
/// that covers every entry before it through the chain (see [`verify_keys`]).
pub fn seal(conn: &Connection, started_after: i64, signer: Option<&Signer>) -> Result<()> {
    let last = last_seq(conn)?;
    let current = state_digest(conn)?;
    if last > started_after {
        if last == 1 {
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('audit_started', '1')",
                [],
            )?;
        }
        let row = set_state(conn, last, &current)?;
        if let Some(signer) = signer {
            conn.execute(
                "UPDATE audit_log SET signer = ?1, sig = ?2 WHERE seq = ?3",
                params![signer.actor, signer.sign(&row.hash), row.seq],
            )?;
        }
        return Ok(());
    }
    match last_state(conn)? {
        Some((_, recorded)) if recorded != current => {
            let at = now(conn)?;
            let at = at.as_str();
            let row = append(
                conn,
                &NewEntry {
                    at,
                    actor: SYSTEM_ACTOR,
                    action: "state.sync",
                    year: None,
                    indicator: None,
                    entity: "database",
                    before: "null".into(),
                    after: "null".into(),
                },
            )?;
            set_state(conn, row.seq, &current).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// The time of an entry the store writes itself (RFC 3339 UTC, from SQLite's clock).
fn now(conn: &Connection) -> Result<String> {
    Ok(
        conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", [], |r| {
            r.get(0)
        })?,
    )
}

/// Give the last entry its state and the hash that includes it (inside the transaction
/// that appended it: nothing follows it yet).
fn set_state(conn: &Connection, seq: i64, state: &str) -> Result<AuditRow> {
    let mut row = conn.query_row(
        &format!("SELECT {COLUMNS} FROM audit_log WHERE seq = ?1"),
        [seq],
        from_row,
    )?;
    row.state = state.to_owned();
    row.hash = entry_hash(&row);
    conn.execute(
        "UPDATE audit_log SET state = ?1, hash = ?2 WHERE seq = ?3",
        params![row.state, row.hash, seq],
    )?;
    Ok(row)
}

/// Whether the log was ever started in this database (kept in `meta`, so an emptied log
/// is not mistaken for a database that never had one).
pub fn was_started(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM meta WHERE key = 'audit_started'", [], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

/// A short fingerprint of the chain's head, "seq-hash[..12]", for exported documents: a
/// verifier compares it with `audit verify` on the team's database.
pub fn head_fingerprint(conn: &Connection) -> Result<String> {
    let head: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match head {
        Some((seq, hash)) => format!("{seq}-{}", &hash[..12.min(hash.len())]),
        None => "0".into(),
    })
}

/// How many failed sign-ins were recorded under `name` (the name tried, for names without
/// an account), capped at 10.
pub fn failed_sign_ins(conn: &Connection, name: &str) -> Result<u32> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT 1 FROM audit_log
         WHERE action = 'account.signin_failed' AND actor = ?1 LIMIT 10)",
        [name],
        |r| r.get(0),
    )?;
    Ok(n as u32)
}

pub fn list(conn: &Connection, year: Option<i32>, indicator: Option<u32>) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM audit_log
         WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR indicator = ?2) ORDER BY seq"
    ))?;
    let rows = stmt.query_map(params![year, indicator], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))? as u64)
}

/// Where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Break {
    pub seq: i64,
    pub reason: String,
}

/// Check the whole chain; returns the first broken entry, if any.
pub fn verify(conn: &Connection) -> Result<Option<Break>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
    let rows = stmt.query_map([], from_row)?;
    let mut prev = GENESIS.to_owned();
    for (expected_seq, row) in (1i64..).zip(rows) {
        let row = row?;
        if row.seq != expected_seq {
            return Ok(Some(Break {
                seq: row.seq,
                reason: format!("entry {expected_seq} is missing (found {} next)", row.seq),
            }));
        }
        if row.prev_hash != prev {
            return Ok(Some(Break {
                seq: row.seq,
                reason: "its link to the previous entry does not match".into(),
            }));
        }
        if entry_hash(&row) != row.hash {
            return Ok(Some(Break {
                seq: row.seq,
                reason: "its content was changed after it was written".into(),
            }));
        }
        prev = row.hash;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{OpenMode, Store};

    fn entry(n: u32) -> NewEntry<'static> {
        NewEntry {
            at: "2026-11-23T08:00:00Z",
            actor: "sari",
            action: "answer.set",
            year: Some(2026),
            indicator: Some(n),
            entity: "answer",
            before: "null".into(),
            after: format!("{{\"level\":{}}}", n % 5 + 1),
        }
    }

    #[test]
    fn the_chain_verifies_and_names_the_first_edited_entry() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a.db"), OpenMode::Create).unwrap();
        let c = store.conn();
        for n in 1..=5 {
            append(c, &entry(n)).unwrap();
        }
        assert_eq!(verify(c).unwrap(), None);
        c.execute(
            "UPDATE audit_log SET after = '{\"level\":5}' WHERE seq = 3",
            [],
        )
        .unwrap();
        let b = verify(c)
            .unwrap()
            .expect("an edited entry breaks the chain");
        assert_eq!(b.seq, 3);
        assert!(b.reason.contains("changed"), "{}", b.reason);
    }

    #[test]
    fn a_deleted_entry_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a.db"), OpenMode::Create).unwrap();
        let c = store.conn();
        for n in 1..=4 {
            append(c, &entry(n)).unwrap();
        }
        assert!(
            c.execute("DELETE FROM audit_log WHERE seq = 2", [])
                .is_err(),
            "the log is append-only"
        );
        // A hand editor drops the trigger first: the gap is still found.
        c.execute_batch("DROP TRIGGER audit_log_append_only; DELETE FROM audit_log WHERE seq = 2;")
            .unwrap();
        assert_eq!(verify(c).unwrap().map(|b| b.seq), Some(3));
    }
}
