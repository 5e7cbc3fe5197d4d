//! The comment thread of each indicator (questions, returns with their reason, approvals).

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use swanilai_core::workflow::CommentKind;

use crate::sql::Sql;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRow {
    pub id: i64,
    pub indicator: u32,
    pub author: String,
    pub kind: CommentKind,
    pub body: String,
    pub created_at: String,
}

pub fn insert(
    conn: &Connection,
    assessment_id: i64,
    indicator: u32,
    author: &str,
    kind: CommentKind,
    body: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO comment (assessment_id, indicator, author, kind, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![assessment_id, indicator, author, Sql(kind), body, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn list(conn: &Connection, assessment_id: i64, indicator: u32) -> Result<Vec<CommentRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, indicator, author, kind, body, created_at FROM comment
         WHERE assessment_id = ?1 AND indicator = ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![assessment_id, indicator], |r| {
        Ok(CommentRow {
            id: r.get(0)?,
            indicator: r.get(1)?,
            author: r.get(2)?,
            kind: r.get::<_, Sql<CommentKind>>(3)?.0,
            body: r.get(4)?,
            created_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest comment of a kind per indicator (e.g. the reason an indicator was returned):
/// (indicator, author, body, created_at).
pub fn latest_of_kind(
    conn: &Connection,
    assessment_id: i64,
    kind: CommentKind,
) -> Result<Vec<(u32, String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT indicator, author, body, created_at FROM comment c
         WHERE assessment_id = ?1 AND kind = ?2
           AND id = (SELECT max(id) FROM comment d
                     WHERE d.assessment_id = c.assessment_id AND d.indicator = c.indicator AND d.kind = c.kind)
         ORDER BY indicator",
    )?;
    let rows = stmt.query_map(params![assessment_id, Sql(kind)], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
