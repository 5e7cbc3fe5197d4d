//! The external verification's stages per indicator (`stage_value`): the value at
//! Penilaian Dokumen, Interviu, Visitasi and the final LHE result, with the assessors' note,
//! who entered it and from where. The team's own answer (mandiri) is not kept here.

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::{Stage, Value};

use crate::sql::Sql;
use crate::Result;

/// One indicator's value at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageRow {
    pub indicator: u32,
    pub stage: Stage,
    pub value: Value,
    pub note: String,
    /// Where it came from: "manual", or "<kind>: <file name>" for an import.
    pub origin: String,
    pub author: String,
    pub updated_at: String,
}

fn stage_row(r: &Row<'_>) -> rusqlite::Result<StageRow> {
    let stage: String = r.get(1)?;
    let stage = stage.parse::<Stage>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(StageRow {
        indicator: r.get(0)?,
        stage,
        value: r.get::<_, Sql<Value>>(2)?.0,
        note: r.get(3)?,
        origin: r.get(4)?,
        author: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const COLUMNS: &str = "indicator, stage, value_h, note, origin, author, updated_at";

/// Every stage value of an assessment, by indicator and stage.
pub fn list(conn: &Connection, assessment_id: i64) -> Result<Vec<StageRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM stage_value WHERE assessment_id = ?1 ORDER BY indicator, stage"
    ))?;
    let rows = stmt.query_map(params![assessment_id], stage_row)?;
    let mut out: Vec<StageRow> = rows.collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|r| (r.indicator, r.stage));
    Ok(out)
}

/// The values of one stage, by indicator.
pub fn of_stage(conn: &Connection, assessment_id: i64, stage: Stage) -> Result<Vec<StageRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM stage_value WHERE assessment_id = ?1 AND stage = ?2 ORDER BY indicator"
    ))?;
    let rows = stmt.query_map(params![assessment_id, stage.as_str()], stage_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Store (insert or replace) one indicator's value at one stage. Mandiri is not a stored
/// stage: the table's CHECK refuses it.
pub fn put(conn: &Connection, assessment_id: i64, row: &StageRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO stage_value (assessment_id, indicator, stage, value_h, note, origin, author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (assessment_id, indicator, stage) DO UPDATE SET
             value_h = ?4, note = ?5, origin = ?6, author = ?7, updated_at = ?8",
    )?
    .execute(params![
        assessment_id,
        row.indicator,
        row.stage.as_str(),
        Sql(row.value),
        row.note,
        row.origin,
        row.author,
        row.updated_at
    ])?;
    Ok(())
}

/// Remove one indicator's value at one stage (nothing if there is none).
pub fn remove(conn: &Connection, assessment_id: i64, indicator: u32, stage: Stage) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM stage_value WHERE assessment_id = ?1 AND indicator = ?2 AND stage = ?3",
    )?
    .execute(params![assessment_id, indicator, stage.as_str()])?;
    Ok(())
}
