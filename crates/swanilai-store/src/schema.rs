//! Forward-only migrations on `PRAGMA user_version`.
//!
//! Migration n brings the schema from version n-1 to n. Shipped migrations are never
//! edited; a binary that finds a higher version than it knows refuses the database.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Application id stamped into the file header ("SWNL"), to tell our files from others.
pub const APPLICATION_ID: i64 = 0x5357_4E4C;

pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_team.sql"),
    include_str!("migrations/003_packages.sql"),
    include_str!("migrations/004_audit_state.sql"),
    include_str!("migrations/005_audit_keys.sql"),
    include_str!("migrations/006_pemdi.sql"),
    include_str!("migrations/007_verification.sql"),
    include_str!("migrations/008_plan.sql"),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Check that the file is ours and not newer than this binary; returns its schema version.
pub fn check(conn: &Connection, path: &Path) -> Result<i64> {
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| StoreError::NotADatabase {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has_tables: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
        [],
        |r| r.get(0),
    )?;
    if app_id != APPLICATION_ID && (app_id != 0 || version != 0 || has_tables) {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
            message: "it is an SQLite file of another program".into(),
        });
    }
    if version > latest_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: latest_version(),
        });
    }
    Ok(version)
}

pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let version = check(conn, path)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema as SQL text, for the snapshot test.
pub fn dump(conn: &Connection) -> Result<String> {
    let mut stmt = conn.prepare(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = String::new();
    for sql in rows {
        out.push_str(&sql?);
        out.push_str(";\n");
    }
    Ok(out)
}
