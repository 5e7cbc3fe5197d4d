//! The team's plan: per-indicator target, ceiling and effort (`indicator_plan`),
//! recommendations with their follow-up (`recommendation`) and named what-if scenarios
//! (`scenario`).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::Value;

use crate::sql::Sql;
use crate::Result;

/// One indicator's plan; a None field is not set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PlanRow {
    pub indicator: u32,
    pub target: Option<Value>,
    pub ceiling: Option<Value>,
    /// "easy", "medium" or "hard".
    pub effort: Option<String>,
    pub author: String,
    pub updated_at: String,
}

/// Every indicator plan of an assessment.
pub fn list(conn: &Connection, assessment_id: i64) -> Result<Vec<PlanRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT indicator, target_h, ceiling_h, effort, author, updated_at FROM indicator_plan
         WHERE assessment_id = ?1 ORDER BY indicator",
    )?;
    let rows = stmt.query_map(params![assessment_id], |r| {
        Ok(PlanRow {
            indicator: r.get(0)?,
            target: r.get::<_, Option<Sql<Value>>>(1)?.map(|s| s.0),
            ceiling: r.get::<_, Option<Sql<Value>>>(2)?.map(|s| s.0),
            effort: r.get(3)?,
            author: r.get(4)?,
            updated_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Store one indicator's plan (a row with nothing set is removed).
pub fn put(conn: &Connection, assessment_id: i64, row: &PlanRow) -> Result<()> {
    if row.target.is_none() && row.ceiling.is_none() && row.effort.is_none() {
        conn.prepare_cached(
            "DELETE FROM indicator_plan WHERE assessment_id = ?1 AND indicator = ?2",
        )?
        .execute(params![assessment_id, row.indicator])?;
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO indicator_plan (assessment_id, indicator, target_h, ceiling_h, effort, author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (assessment_id, indicator) DO UPDATE SET
             target_h = ?3, ceiling_h = ?4, effort = ?5, author = ?6, updated_at = ?7",
    )?
    .execute(params![
        assessment_id,
        row.indicator,
        row.target.map(Sql),
        row.ceiling.map(Sql),
        row.effort,
        row.author,
        row.updated_at
    ])?;
    Ok(())
}

/// A recommendation (saran perbaikan) with its follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RecommendationRow {
    pub id: i64,
    pub indicator: u32,
    pub text: String,
    /// The unit kerja responsible.
    pub unit: String,
    /// YYYY-MM-DD.
    pub due_date: Option<String>,
    /// "belum", "proses" or "selesai".
    pub status: String,
    pub notes: String,
    pub author: String,
    pub created_at: String,
    pub updated_at: String,
}

fn recommendation(r: &Row<'_>) -> rusqlite::Result<RecommendationRow> {
    Ok(RecommendationRow {
        id: r.get(0)?,
        indicator: r.get(1)?,
        text: r.get(2)?,
        unit: r.get(3)?,
        due_date: r.get(4)?,
        status: r.get(5)?,
        notes: r.get(6)?,
        author: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

const REC: &str =
    "SELECT id, indicator, text, unit, due_date, status, notes, author, created_at, updated_at
     FROM recommendation";

/// The recommendations of an assessment (one indicator's, or all), by indicator then id.
pub fn recommendations(
    conn: &Connection,
    assessment_id: i64,
    indicator: Option<u32>,
) -> Result<Vec<RecommendationRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{REC} WHERE assessment_id = ?1 AND (?2 IS NULL OR indicator = ?2) ORDER BY indicator, id"
    ))?;
    let rows = stmt.query_map(params![assessment_id, indicator], recommendation)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One recommendation by id.
pub fn recommendation_by_id(
    conn: &Connection,
    assessment_id: i64,
    id: i64,
) -> Result<Option<RecommendationRow>> {
    Ok(conn
        .query_row(
            &format!("{REC} WHERE assessment_id = ?1 AND id = ?2"),
            params![assessment_id, id],
            recommendation,
        )
        .optional()?)
}

/// Add a recommendation; returns its id.
pub fn add_recommendation(
    conn: &Connection,
    assessment_id: i64,
    r: &RecommendationRow,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO recommendation (assessment_id, indicator, text, unit, due_date, status, notes, author, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        assessment_id,
        r.indicator,
        r.text,
        r.unit,
        r.due_date,
        r.status,
        r.notes,
        r.author,
        r.created_at,
        r.updated_at
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Replace a recommendation's fields (by its id).
pub fn update_recommendation(
    conn: &Connection,
    assessment_id: i64,
    r: &RecommendationRow,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE recommendation SET text = ?3, unit = ?4, due_date = ?5, status = ?6, notes = ?7,
             author = ?8, updated_at = ?9
         WHERE assessment_id = ?1 AND id = ?2",
    )?
    .execute(params![
        assessment_id,
        r.id,
        r.text,
        r.unit,
        r.due_date,
        r.status,
        r.notes,
        r.author,
        r.updated_at
    ])?;
    Ok(())
}

/// Remove a recommendation.
pub fn remove_recommendation(conn: &Connection, assessment_id: i64, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM recommendation WHERE assessment_id = ?1 AND id = ?2")?
        .execute(params![assessment_id, id])?;
    Ok(())
}

/// A named what-if scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRow {
    pub id: i64,
    pub name: String,
    /// JSON object: indicator number -> value text ("3.00").
    pub changes: String,
    pub author: String,
    pub updated_at: String,
}

/// The scenarios of an assessment, by name.
pub fn scenarios(conn: &Connection, assessment_id: i64) -> Result<Vec<ScenarioRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, changes, author, updated_at FROM scenario WHERE assessment_id = ?1 ORDER BY name",
    )?;
    let rows = stmt.query_map(params![assessment_id], |r| {
        Ok(ScenarioRow {
            id: r.get(0)?,
            name: r.get(1)?,
            changes: r.get(2)?,
            author: r.get(3)?,
            updated_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Save (insert or replace by name) a scenario.
pub fn save_scenario(conn: &Connection, assessment_id: i64, s: &ScenarioRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO scenario (assessment_id, name, changes, author, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (assessment_id, name) DO UPDATE SET changes = ?3, author = ?4, updated_at = ?5",
    )?
    .execute(params![assessment_id, s.name, s.changes, s.author, s.updated_at])?;
    Ok(())
}

/// Remove a scenario by name; whether there was one.
pub fn remove_scenario(conn: &Connection, assessment_id: i64, name: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM scenario WHERE assessment_id = ?1 AND name = ?2")?
        .execute(params![assessment_id, name])?
        > 0)
}
