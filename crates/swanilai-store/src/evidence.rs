//! Evidence (data dukung) attached to an indicator: a stored file or a link.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRow {
    pub id: i64,
    pub indicator: u32,
    /// "file" or "link"
    pub kind: String,
    pub sha256: Option<String>,
    /// Original file name, or the link's title.
    pub name: String,
    pub url: Option<String>,
    pub note: String,
    /// The document's own date (YYYY-MM-DD), apart from when it was added.
    pub document_date: Option<String>,
    pub added_at: String,
    pub added_by: String,
    /// From the blob table for files.
    pub size: Option<u64>,
    pub media_type: Option<String>,
    /// The evidence item (butir) it is attached to, in frameworks that list butir.
    pub butir: Option<String>,
    /// The year of the assessment it was carried from by reference, if it was.
    pub carried_from: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvidence<'a> {
    pub indicator: u32,
    pub kind: &'a str,
    pub sha256: Option<&'a str>,
    pub name: &'a str,
    pub url: Option<&'a str>,
    pub note: &'a str,
    pub document_date: Option<&'a str>,
    pub added_at: &'a str,
    pub added_by: &'a str,
}

const SELECT: &str = "SELECT e.id, e.indicator, e.kind, e.sha256, e.name, e.url, e.note,
        e.document_date, e.added_at, e.added_by, b.size, b.media_type, e.butir,
        e.carried_from
    FROM evidence e LEFT JOIN blob b ON b.sha256 = e.sha256";

fn from_row(r: &Row<'_>) -> rusqlite::Result<EvidenceRow> {
    Ok(EvidenceRow {
        id: r.get(0)?,
        indicator: r.get(1)?,
        kind: r.get(2)?,
        sha256: r.get(3)?,
        name: r.get(4)?,
        url: r.get(5)?,
        note: r.get(6)?,
        document_date: r.get(7)?,
        added_at: r.get(8)?,
        added_by: r.get(9)?,
        size: r.get::<_, Option<i64>>(10)?.map(|s| s.max(0) as u64),
        media_type: r.get(11)?,
        butir: r.get(12)?,
        carried_from: r.get(13)?,
    })
}

/// Record a stored file's metadata once per content.
pub fn ensure_blob(
    conn: &Connection,
    sha256: &str,
    size: u64,
    media_type: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO blob (sha256, size, media_type, stored_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sha256) DO NOTHING",
    )?
    .execute(params![sha256, size as i64, media_type, now])?;
    Ok(())
}

/// Attach evidence; returns the existing row's id, unchanged, when the same file or URL
/// is already attached to this indicator.
pub fn insert(conn: &Connection, assessment_id: i64, e: &NewEvidence<'_>) -> Result<(i64, bool)> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM evidence WHERE assessment_id = ?1 AND indicator = ?2
               AND (sha256 = ?3 OR url = ?4)",
            params![assessment_id, e.indicator, e.sha256, e.url],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    conn.prepare_cached(
        "INSERT INTO evidence (assessment_id, indicator, kind, sha256, name, url, note,
                               document_date, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        assessment_id,
        e.indicator,
        e.kind,
        e.sha256,
        e.name,
        e.url,
        e.note,
        e.document_date,
        e.added_at,
        e.added_by
    ])?;
    Ok((conn.last_insert_rowid(), true))
}

pub fn list(
    conn: &Connection,
    assessment_id: i64,
    indicator: Option<u32>,
) -> Result<Vec<EvidenceRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE e.assessment_id = ?1 AND (?2 IS NULL OR e.indicator = ?2)
         ORDER BY e.indicator, e.id"
    ))?;
    let rows = stmt.query_map(params![assessment_id, indicator], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, assessment_id: i64, id: i64) -> Result<Option<EvidenceRow>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE e.assessment_id = ?1 AND e.id = ?2"),
            params![assessment_id, id],
            from_row,
        )
        .optional()?)
}

pub fn delete(conn: &Connection, assessment_id: i64, id: i64) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM evidence WHERE assessment_id = ?1 AND id = ?2",
        params![assessment_id, id],
    )? > 0)
}

/// Number of evidence rows per indicator.
pub fn counts(conn: &Connection, assessment_id: i64) -> Result<Vec<(u32, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT indicator, count(*) FROM evidence WHERE assessment_id = ?1 GROUP BY indicator",
    )?;
    let rows = stmt.query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The sha256 of every stored file the database records (the `blob` rows).
pub fn blob_shas(conn: &Connection) -> Result<std::collections::HashSet<String>> {
    let mut stmt = conn.prepare_cached("SELECT sha256 FROM blob")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many evidence records are attached to each butir of an assessment (records without
/// a butir are not counted).
pub fn butir_counts(conn: &Connection, assessment_id: i64) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT butir, count(*) FROM evidence WHERE assessment_id = ?1 AND butir IS NOT NULL
         GROUP BY butir ORDER BY butir",
    )?;
    let rows = stmt.query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Attach an evidence record to a butir of its indicator (None: to the indicator as a
/// whole); false when there is no such record.
pub fn set_butir(
    conn: &Connection,
    assessment_id: i64,
    id: i64,
    butir: Option<&str>,
) -> Result<bool> {
    let n = conn.execute(
        "UPDATE evidence SET butir = ?3 WHERE assessment_id = ?1 AND id = ?2",
        params![assessment_id, id, butir],
    )?;
    Ok(n == 1)
}

/// Carry the chosen indicators' evidence of one assessment into another by reference: the
/// same stored file (or link), name, note, document date and butir, marked with the year
/// it comes from; the file itself is not copied. Returns how many records were added.
pub fn carry(
    conn: &Connection,
    from: i64,
    to: i64,
    indicators: &[u32],
    from_year: i32,
) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO evidence (assessment_id, indicator, kind, sha256, name, url, note,
                                         document_date, added_at, added_by, butir, carried_from)
         SELECT ?2, indicator, kind, sha256, name, url, note, document_date, added_at,
                added_by, butir, ?4
         FROM evidence WHERE assessment_id = ?1 AND indicator = ?3 ORDER BY id",
    )?;
    let mut n = 0;
    for i in indicators {
        n += stmt.execute(params![from, to, i, from_year])?;
    }
    Ok(n)
}
