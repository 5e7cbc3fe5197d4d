//! Decimal indicator values (the team's and the assessor's, kept apart) and values taken
//! from external indices, for frameworks scored with decimals (Indeks Pemerintah Digital).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::Value;

use crate::sql::Sql;
use crate::Result;

/// Whose value it is: the team's self-assessment or the assessor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    /// The team's own value (penilaian mandiri).
    #[serde(rename = "self")]
    SelfAssessed,
    /// The external assessor's value, entered when the national results come.
    Assessor,
}

impl ValueSource {
    /// The stored name: "self" or "assessor".
    pub fn as_str(self) -> &'static str {
        match self {
            ValueSource::SelfAssessed => "self",
            ValueSource::Assessor => "assessor",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueRow {
    pub indicator: u32,
    pub value: Value,
    pub author: String,
    pub updated_at: String,
}

fn value_row(r: &Row<'_>) -> rusqlite::Result<ValueRow> {
    Ok(ValueRow {
        indicator: r.get(0)?,
        value: r.get::<_, Sql<Value>>(1)?.0,
        author: r.get(2)?,
        updated_at: r.get(3)?,
    })
}

/// The assessor's value is the final stage of the verification (`stage_value`), where
/// migration 007 moved it; the team's stays in `indicator_value`.
const ASSESSOR_SELECT: &str = "SELECT indicator, value_h, author, updated_at FROM stage_value
     WHERE assessment_id = ?1 AND stage = 'final'";

/// Every value of one source in an assessment, by indicator.
pub fn list(conn: &Connection, assessment_id: i64, source: ValueSource) -> Result<Vec<ValueRow>> {
    if source == ValueSource::Assessor {
        let mut stmt = conn.prepare_cached(&format!("{ASSESSOR_SELECT} ORDER BY indicator"))?;
        let rows = stmt.query_map(params![assessment_id], value_row)?;
        return Ok(rows.collect::<rusqlite::Result<_>>()?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT indicator, value_h, author, updated_at FROM indicator_value
         WHERE assessment_id = ?1 AND source = ?2 ORDER BY indicator",
    )?;
    let rows = stmt.query_map(params![assessment_id, source.as_str()], value_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(
    conn: &Connection,
    assessment_id: i64,
    source: ValueSource,
    indicator: u32,
) -> Result<Option<ValueRow>> {
    if source == ValueSource::Assessor {
        return Ok(conn
            .query_row(
                &format!("{ASSESSOR_SELECT} AND indicator = ?2"),
                params![assessment_id, indicator],
                value_row,
            )
            .optional()?);
    }
    Ok(conn
        .query_row(
            "SELECT indicator, value_h, author, updated_at FROM indicator_value
             WHERE assessment_id = ?1 AND source = ?2 AND indicator = ?3",
            params![assessment_id, source.as_str(), indicator],
            value_row,
        )
        .optional()?)
}

/// Set (Some) or clear (None) one indicator's value of one source.
pub fn put(
    conn: &Connection,
    assessment_id: i64,
    source: ValueSource,
    indicator: u32,
    value: Option<Value>,
    author: &str,
    now: &str,
) -> Result<()> {
    if source == ValueSource::Assessor {
        // The note and origin of the final stage are kept; the value is the assessor's.
        match value {
            Some(v) => conn
                .prepare_cached(
                    "INSERT INTO stage_value (assessment_id, indicator, stage, value_h, author, updated_at)
                     VALUES (?1, ?2, 'final', ?3, ?4, ?5)
                     ON CONFLICT (assessment_id, indicator, stage) DO UPDATE SET
                         value_h = ?3, author = ?4, updated_at = ?5",
                )?
                .execute(params![assessment_id, indicator, Sql(v), author, now])?,
            None => conn
                .prepare_cached(
                    "DELETE FROM stage_value WHERE assessment_id = ?1 AND indicator = ?2 AND stage = 'final'",
                )?
                .execute(params![assessment_id, indicator])?,
        };
        return Ok(());
    }
    match value {
        Some(v) => conn
            .prepare_cached(
                "INSERT INTO indicator_value (assessment_id, indicator, source, value_h, author, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (assessment_id, indicator, source) DO UPDATE SET
                     value_h = ?4, author = ?5, updated_at = ?6",
            )?
            .execute(params![assessment_id, indicator, source.as_str(), Sql(v), author, now])?,
        None => conn
            .prepare_cached(
                "DELETE FROM indicator_value WHERE assessment_id = ?1 AND indicator = ?2 AND source = ?3",
            )?
            .execute(params![assessment_id, indicator, source.as_str()])?,
    };
    Ok(())
}

/// A value taken from another agency's index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalRow {
    pub indicator: u32,
    pub value: Value,
    /// The index it comes from, as the catalog names it.
    pub index_name: String,
    /// Where the value was read: a publication, a letter, a web page.
    pub source: String,
    /// The year of the index's own edition, if given.
    pub source_year: Option<i32>,
    pub author: String,
    pub updated_at: String,
}

fn external_row(r: &Row<'_>) -> rusqlite::Result<ExternalRow> {
    Ok(ExternalRow {
        indicator: r.get(0)?,
        value: r.get::<_, Sql<Value>>(1)?.0,
        index_name: r.get(2)?,
        source: r.get(3)?,
        source_year: r.get(4)?,
        author: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const EXTERNAL: &str =
    "SELECT indicator, value_h, index_name, source, source_year, author, updated_at FROM external_value";

pub fn externals(conn: &Connection, assessment_id: i64) -> Result<Vec<ExternalRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{EXTERNAL} WHERE assessment_id = ?1 ORDER BY indicator"
    ))?;
    let rows = stmt.query_map([assessment_id], external_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn external(
    conn: &Connection,
    assessment_id: i64,
    indicator: u32,
) -> Result<Option<ExternalRow>> {
    Ok(conn
        .query_row(
            &format!("{EXTERNAL} WHERE assessment_id = ?1 AND indicator = ?2"),
            params![assessment_id, indicator],
            external_row,
        )
        .optional()?)
}

/// Set (insert or replace) one indicator's external value.
pub fn put_external(conn: &Connection, assessment_id: i64, x: &ExternalRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO external_value (assessment_id, indicator, value_h, index_name, source,
                                     source_year, author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (assessment_id, indicator) DO UPDATE SET
             value_h = ?3, index_name = ?4, source = ?5, source_year = ?6, author = ?7,
             updated_at = ?8",
    )?
    .execute(params![
        assessment_id,
        x.indicator,
        Sql(x.value),
        x.index_name,
        x.source,
        x.source_year,
        x.author,
        x.updated_at
    ])?;
    Ok(())
}

/// Remove one indicator's external value (it takes the framework's default again).
pub fn clear_external(conn: &Connection, assessment_id: i64, indicator: u32) -> Result<()> {
    conn.execute(
        "DELETE FROM external_value WHERE assessment_id = ?1 AND indicator = ?2",
        params![assessment_id, indicator],
    )?;
    Ok(())
}

/// Copy the chosen indicators' own (team) values of one assessment into another; returns
/// how many were copied.
pub fn carry(
    conn: &Connection,
    from: i64,
    to: i64,
    indicators: &[u32],
    author: &str,
    now: &str,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO indicator_value (assessment_id, indicator, source, value_h, author, updated_at)
         SELECT ?2, indicator, 'self', value_h, ?4, ?5
         FROM indicator_value WHERE assessment_id = ?1 AND indicator = ?3 AND source = 'self'",
    )?;
    let mut n = 0;
    for i in indicators {
        n += stmt.execute(params![from, to, i, author, now])?;
    }
    Ok(n)
}
