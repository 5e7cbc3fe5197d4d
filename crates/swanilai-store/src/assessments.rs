//! Assessments, one per year.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::workflow::AssessmentStatus;

use crate::sql::Sql;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRow {
    pub id: i64,
    pub year: i32,
    pub framework_id: String,
    pub framework_version: String,
    pub criteria_version: String,
    pub status: AssessmentStatus,
    pub created_at: String,
}

const COLUMNS: &str =
    "id, year, framework_id, framework_version, criteria_version, status, created_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<AssessmentRow> {
    Ok(AssessmentRow {
        id: r.get(0)?,
        year: r.get(1)?,
        framework_id: r.get(2)?,
        framework_version: r.get(3)?,
        criteria_version: r.get(4)?,
        status: r.get::<_, Sql<AssessmentStatus>>(5)?.0,
        created_at: r.get(6)?,
    })
}

pub fn insert(
    conn: &Connection,
    year: i32,
    framework_id: &str,
    framework_version: &str,
    criteria_version: &str,
    now: &str,
) -> Result<AssessmentRow> {
    conn.execute(
        "INSERT INTO assessment (year, framework_id, framework_version, criteria_version, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![year, framework_id, framework_version, criteria_version, now],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(
        &format!("SELECT {COLUMNS} FROM assessment WHERE id = ?1"),
        [id],
        from_row,
    )?)
}

pub fn by_year(conn: &Connection, year: i32) -> Result<Option<AssessmentRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM assessment WHERE year = ?1"),
            [year],
            from_row,
        )
        .optional()?)
}

pub fn latest(conn: &Connection) -> Result<Option<AssessmentRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM assessment ORDER BY year DESC LIMIT 1"),
            [],
            from_row,
        )
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<AssessmentRow>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM assessment ORDER BY year"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Finalize an assessment (`Some((at, by))`) or reopen it (`None`).
pub fn set_finalized(conn: &Connection, id: i64, by: Option<(&str, &str)>) -> Result<()> {
    match by {
        Some((at, actor)) => conn.execute(
            "UPDATE assessment SET status = ?4, finalized_at = ?2, finalized_by = ?3 WHERE id = ?1",
            params![id, at, actor, Sql(AssessmentStatus::Finalized)],
        )?,
        None => conn.execute(
            "UPDATE assessment SET status = ?2, finalized_at = NULL, finalized_by = NULL WHERE id = ?1",
            params![id, Sql(AssessmentStatus::Open)],
        )?,
    };
    Ok(())
}
