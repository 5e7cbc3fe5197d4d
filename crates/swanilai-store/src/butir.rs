//! The stored status of each evidence item (butir) of an assessment. The level gate is the
//! core's ([`swanilai_core::butir::gate`]), applied when read, never stored.

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

use swanilai_core::butir::{ButirState, ButirStatus, RevisiKind};

use crate::sql::Sql;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ButirRow {
    /// The butir's id in the catalog: "GT.I1_L2_3".
    pub butir: String,
    pub indicator: u32,
    pub state: ButirState,
    pub author: String,
    pub updated_at: String,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ButirRow> {
    Ok(ButirRow {
        butir: r.get(0)?,
        indicator: r.get(1)?,
        state: ButirState {
            status: r.get::<_, Sql<ButirStatus>>(2)?.0,
            kind: r.get::<_, Option<Sql<RevisiKind>>>(3)?.map(|k| k.0),
            note: r.get(4)?,
        },
        author: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const SELECT: &str =
    "SELECT butir, indicator, status, revisi_kind, note, author, updated_at FROM butir_status";

/// Every stored butir status of an assessment (of one indicator when given).
pub fn list(
    conn: &Connection,
    assessment_id: i64,
    indicator: Option<u32>,
) -> Result<Vec<ButirRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE assessment_id = ?1 AND (?2 IS NULL OR indicator = ?2) ORDER BY indicator, butir"
    ))?;
    let rows = stmt.query_map(params![assessment_id, indicator], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Write one butir's status (insert or replace).
pub fn put(conn: &Connection, assessment_id: i64, row: &ButirRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO butir_status (assessment_id, butir, indicator, status, revisi_kind, note,
                                   author, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (assessment_id, butir) DO UPDATE SET
             status = ?4, revisi_kind = ?5, note = ?6, author = ?7, updated_at = ?8",
    )?
    .execute(params![
        assessment_id,
        row.butir,
        row.indicator,
        Sql(row.state.status),
        row.state.kind.map(Sql),
        row.state.note,
        row.author,
        row.updated_at
    ])?;
    Ok(())
}
