//! Answers: the level, explanation and service name of each indicator of an assessment.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::workflow::Status;
use swanilai_core::Level;

use crate::sql::{level_out, Sql};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub indicator: u32,
    /// None when not yet chosen.
    pub level: Option<Level>,
    pub explanation: String,
    pub service_name: Option<String>,
    pub owner: String,
    pub status: Status,
    pub author: String,
    pub updated_at: String,
}

const COLUMNS: &str =
    "indicator, level, explanation, service_name, owner, status, author, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AnswerRow> {
    Ok(AnswerRow {
        indicator: r.get(0)?,
        level: r.get::<_, Option<Sql<Level>>>(1)?.map(|l| l.0),
        explanation: r.get(2)?,
        service_name: r.get(3)?,
        owner: r.get(4)?,
        status: r.get::<_, Sql<Status>>(5)?.0,
        author: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

pub fn list(conn: &Connection, assessment_id: i64) -> Result<Vec<AnswerRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM answer WHERE assessment_id = ?1 ORDER BY indicator"
    ))?;
    let rows = stmt.query_map([assessment_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, assessment_id: i64, indicator: u32) -> Result<Option<AnswerRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM answer WHERE assessment_id = ?1 AND indicator = ?2"),
            params![assessment_id, indicator],
            from_row,
        )
        .optional()?)
}

/// Write the whole answer row (insert or replace its fields).
pub fn upsert(conn: &Connection, assessment_id: i64, a: &AnswerRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO answer (assessment_id, indicator, level, explanation, service_name, owner,
                             status, author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (assessment_id, indicator) DO UPDATE SET
             level = ?3, explanation = ?4, service_name = ?5, owner = ?6, status = ?7,
             author = ?8, updated_at = ?9,
             carried_from = CASE WHEN explanation = ?4 THEN carried_from END",
    )?
    .execute(params![
        assessment_id,
        a.indicator,
        level_out(a.level),
        a.explanation,
        a.service_name,
        a.owner,
        Sql(a.status),
        a.author,
        a.updated_at
    ])?;
    Ok(())
}

impl AnswerRow {
    /// The answer of an indicator nobody has touched yet.
    pub fn blank(indicator: u32) -> AnswerRow {
        AnswerRow {
            indicator,
            level: None,
            explanation: String::new(),
            service_name: None,
            owner: String::new(),
            status: Status::Draft,
            author: String::new(),
            updated_at: String::new(),
        }
    }
}

/// The answers copied from an earlier year whose explanation is not yet revised:
/// (indicator, the year copied from). Editing the explanation ends the mark.
pub fn carried(conn: &Connection, assessment_id: i64) -> Result<Vec<(u32, i32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT indicator, carried_from FROM answer
         WHERE assessment_id = ?1 AND carried_from IS NOT NULL ORDER BY indicator",
    )?;
    let rows = stmt.query_map(params![assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Copy the chosen indicators' answers of one assessment into another as drafts (level,
/// explanation, service name and owner), each marked as carried from `from_year`. The
/// target must have no answer for them yet; returns how many were copied.
pub fn carry(
    conn: &Connection,
    from: i64,
    to: i64,
    indicators: &[u32],
    from_year: i32,
    author: &str,
    now: &str,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO answer (assessment_id, indicator, level, explanation, service_name, owner,
                             status, author, updated_at, carried_from)
         SELECT ?2, indicator, level, explanation, service_name, owner, 'draft', ?4, ?5, ?6
         FROM answer WHERE assessment_id = ?1 AND indicator = ?3",
    )?;
    let mut n = 0;
    for i in indicators {
        n += stmt.execute(params![from, to, i, author, now, from_year])?;
    }
    Ok(n)
}
