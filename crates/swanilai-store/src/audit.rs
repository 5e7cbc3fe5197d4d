//! The audit log: append-only, each entry chained to the previous one by sha256.
//!
//! `hash = sha256(prev_hash, seq, at, actor, action, year, indicator, entity, before, after)`
//! with fields separated by a unit separator. Editing, deleting or reordering an entry
//! breaks the chain at that entry, which [`verify`] names.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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
    pub prev_hash: String,
    pub hash: String,
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
    "seq, at, actor, action, year, indicator, entity, before, after, prev_hash, hash";

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
        prev_hash,
        hash: String::new(),
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
        c.execute("DELETE FROM audit_log WHERE seq = 2", [])
            .unwrap();
        assert_eq!(verify(c).unwrap().map(|b| b.seq), Some(3));
    }
}
