//! Accounts of the evaluator team, team roles per assessment, and assignments.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::workflow::Role;

use crate::sql::Sql;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub nip: String,
    pub unit: String,
    pub password_hash: String,
    pub is_admin: bool,
    pub failed_attempts: u32,
    pub created_at: String,
    /// The salt (hex) the account's signing key is derived with from its password (argon2id);
    /// empty until the account's first sign-in after schema 5.
    pub key_salt: String,
    /// The account's ed25519 public key (hex), registered in the audit chain as well.
    pub public_key: String,
}

const COLUMNS: &str =
    "id, name, nip, unit, password_hash, is_admin, failed_attempts, created_at, key_salt, public_key";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok(AccountRow {
        id: r.get(0)?,
        name: r.get(1)?,
        nip: r.get(2)?,
        unit: r.get(3)?,
        password_hash: r.get(4)?,
        is_admin: r.get(5)?,
        failed_attempts: r.get(6)?,
        created_at: r.get(7)?,
        key_salt: r.get(8)?,
        public_key: r.get(9)?,
    })
}

pub fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM account", [], |r| r.get(0))?)
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<AccountRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM account WHERE name = ?1 COLLATE NOCASE"),
            [name.trim()],
            from_row,
        )
        .optional()?)
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<AccountRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM account WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<AccountRow>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM account ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert(
    conn: &Connection,
    name: &str,
    nip: &str,
    unit: &str,
    password_hash: &str,
    is_admin: bool,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO account (name, nip, unit, password_hash, is_admin, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![name, nip, unit, password_hash, is_admin, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_failed_attempts(conn: &Connection, id: i64, n: u32) -> Result<()> {
    conn.execute(
        "UPDATE account SET failed_attempts = ?2 WHERE id = ?1",
        params![id, n],
    )?;
    Ok(())
}

/// Set the salt and public key of the account's signing key (see `audit::Signer`).
pub fn set_key(conn: &Connection, id: i64, key_salt: &str, public_key: &str) -> Result<()> {
    conn.execute(
        "UPDATE account SET key_salt = ?2, public_key = ?3 WHERE id = ?1",
        params![id, key_salt, public_key],
    )?;
    Ok(())
}

pub fn set_password_hash(conn: &Connection, id: i64, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE account SET password_hash = ?2 WHERE id = ?1",
        params![id, hash],
    )?;
    Ok(())
}

/// The role of an account in an assessment.
pub fn role(conn: &Connection, assessment_id: i64, account_id: i64) -> Result<Option<Role>> {
    Ok(conn
        .query_row(
            "SELECT role FROM team_member WHERE assessment_id = ?1 AND account_id = ?2",
            params![assessment_id, account_id],
            |r| r.get::<_, Sql<Role>>(0),
        )
        .optional()?
        .map(|r| r.0))
}

pub fn set_role(conn: &Connection, assessment_id: i64, account_id: i64, role: Role) -> Result<()> {
    conn.execute(
        "INSERT INTO team_member (assessment_id, account_id, role) VALUES (?1, ?2, ?3)
         ON CONFLICT (assessment_id, account_id) DO UPDATE SET role = ?3",
        params![assessment_id, account_id, Sql(role)],
    )?;
    Ok(())
}

pub fn remove_role(conn: &Connection, assessment_id: i64, account_id: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM team_member WHERE assessment_id = ?1 AND account_id = ?2",
        params![assessment_id, account_id],
    )? > 0)
}

/// (account, role) of every team member of an assessment.
pub fn team(conn: &Connection, assessment_id: i64) -> Result<Vec<(AccountRow, Role)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, t.role FROM team_member t JOIN account a ON a.id = t.account_id
         WHERE t.assessment_id = ?1 ORDER BY a.id",
        COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let rows = stmt.query_map([assessment_id], |r| {
        Ok((from_row(r)?, r.get::<_, Sql<Role>>(10)?.0))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentRow {
    pub indicator: u32,
    pub account: Option<String>,
    pub unit: Option<String>,
}

/// Assign an indicator to an account or a unit; false when it already was.
pub fn assign(
    conn: &Connection,
    assessment_id: i64,
    indicator: u32,
    account_id: Option<i64>,
    unit: Option<&str>,
) -> Result<bool> {
    Ok(conn.execute(
        "INSERT INTO assignment (assessment_id, indicator, account_id, unit) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
        params![assessment_id, indicator, account_id, unit],
    )? > 0)
}

pub fn unassign(
    conn: &Connection,
    assessment_id: i64,
    indicator: u32,
    account_id: Option<i64>,
    unit: Option<&str>,
) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM assignment WHERE assessment_id = ?1 AND indicator = ?2
           AND account_id IS ?3 AND unit IS ?4",
        params![assessment_id, indicator, account_id, unit],
    )? > 0)
}

pub fn assignments(conn: &Connection, assessment_id: i64) -> Result<Vec<AssignmentRow>> {
    let mut stmt = conn.prepare(
        "SELECT s.indicator, a.name, s.unit FROM assignment s LEFT JOIN account a ON a.id = s.account_id
         WHERE s.assessment_id = ?1 ORDER BY s.indicator, s.id",
    )?;
    let rows = stmt.query_map([assessment_id], |r| {
        Ok(AssignmentRow {
            indicator: r.get(0)?,
            account: r.get(1)?,
            unit: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether an indicator is assigned to this account, directly or through its unit.
pub fn is_assigned(
    conn: &Connection,
    assessment_id: i64,
    indicator: u32,
    account: &AccountRow,
) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM assignment WHERE assessment_id = ?1 AND indicator = ?2
           AND (account_id = ?3 OR (unit IS NOT NULL AND ?4 <> '' AND unit = ?4 COLLATE NOCASE)))",
        params![assessment_id, indicator, account.id, account.unit],
        |r| r.get(0),
    )?)
}
