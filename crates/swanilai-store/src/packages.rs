//! Work packages: the database's own id, packages sent out, the package a working copy
//! came from (with each indicator's base), and the return packages merged.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

/// This database's own id (random, made by migration 3).
pub fn database_id(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT value FROM meta WHERE key = 'database_id'",
        [],
        |r| r.get(0),
    )?)
}

/// A work package sent out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutRow {
    /// The package's id.
    pub package_id: String,
    /// The assessment it is of.
    pub assessment_id: i64,
    /// The account it is for.
    pub for_account: Option<String>,
    /// The unit kerja it is for.
    pub for_unit: Option<String>,
    /// JSON array of indicator numbers.
    pub indicators: String,
    /// When (RFC 3339).
    pub made_at: String,
    /// By whom.
    pub made_by: String,
}

/// Record a work package sent out.
pub fn record_out(conn: &Connection, r: &OutRow) -> Result<()> {
    conn.execute(
        "INSERT INTO package_out (package_id, assessment_id, for_account, for_unit, indicators, made_at, made_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.package_id, r.assessment_id, r.for_account, r.for_unit, r.indicators, r.made_at, r.made_by],
    )?;
    Ok(())
}

/// A work package this database sent out, by id.
pub fn out_by_id(conn: &Connection, package_id: &str) -> Result<Option<OutRow>> {
    Ok(conn
        .query_row(
            "SELECT package_id, assessment_id, for_account, for_unit, indicators, made_at, made_by
             FROM package_out WHERE package_id = ?1",
            [package_id],
            |r| {
                Ok(OutRow {
                    package_id: r.get(0)?,
                    assessment_id: r.get(1)?,
                    for_account: r.get(2)?,
                    for_unit: r.get(3)?,
                    indicators: r.get(4)?,
                    made_at: r.get(5)?,
                    made_by: r.get(6)?,
                })
            },
        )
        .optional()?)
}

/// The work package a working copy was opened from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InRow {
    /// The package's id.
    pub package_id: String,
    /// The team database it came from.
    pub origin_database_id: String,
    /// The assessment it filled.
    pub assessment_id: i64,
    /// The account it is for.
    pub for_account: Option<String>,
    /// JSON array of indicator numbers.
    pub indicators: String,
    /// When it was made.
    pub made_at: String,
    /// When it was opened here.
    pub opened_at: String,
    /// Its manifest as JSON.
    pub manifest: String,
}

/// Record a work package opened here.
pub fn record_in(conn: &Connection, r: &InRow) -> Result<()> {
    conn.execute(
        "INSERT INTO package_in (package_id, origin_database_id, assessment_id, for_account, indicators, made_at, opened_at, manifest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![r.package_id, r.origin_database_id, r.assessment_id, r.for_account, r.indicators, r.made_at, r.opened_at, r.manifest],
    )?;
    Ok(())
}

/// The newest work package opened here, if this is a working copy.
pub fn latest_in(conn: &Connection) -> Result<Option<InRow>> {
    Ok(conn
        .query_row(
            "SELECT package_id, origin_database_id, assessment_id, for_account, indicators, made_at, opened_at, manifest
             FROM package_in ORDER BY made_at DESC, rowid DESC LIMIT 1",
            [],
            |r| {
                Ok(InRow {
                    package_id: r.get(0)?,
                    origin_database_id: r.get(1)?,
                    assessment_id: r.get(2)?,
                    for_account: r.get(3)?,
                    indicators: r.get(4)?,
                    made_at: r.get(5)?,
                    opened_at: r.get(6)?,
                    manifest: r.get(7)?,
                })
            },
        )
        .optional()?)
}

/// One indicator's base in a working copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseRow {
    /// The indicator.
    pub indicator: u32,
    /// The package that set it.
    pub package_id: String,
    /// The answer as JSON.
    pub answer: String,
    /// The evidence records as JSON.
    pub evidence: String,
    /// The number of comments in its thread then.
    pub comments: u32,
}

/// Set (or replace) an indicator's base.
pub fn set_base(conn: &Connection, assessment_id: i64, b: &BaseRow) -> Result<()> {
    conn.execute(
        "INSERT INTO package_base (assessment_id, indicator, package_id, answer, evidence, comments)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (assessment_id, indicator) DO UPDATE SET
             package_id = ?3, answer = ?4, evidence = ?5, comments = ?6",
        params![assessment_id, b.indicator, b.package_id, b.answer, b.evidence, b.comments],
    )?;
    Ok(())
}

/// Every base of an assessment, by indicator.
pub fn bases(conn: &Connection, assessment_id: i64) -> Result<Vec<BaseRow>> {
    let mut stmt = conn.prepare(
        "SELECT indicator, package_id, answer, evidence, comments FROM package_base
         WHERE assessment_id = ?1 ORDER BY indicator",
    )?;
    let rows = stmt.query_map([assessment_id], |r| {
        Ok(BaseRow {
            indicator: r.get(0)?,
            package_id: r.get(1)?,
            answer: r.get(2)?,
            evidence: r.get(3)?,
            comments: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A return package merged here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedRow {
    /// The return package's id.
    pub package_id: String,
    /// The work package it answered.
    pub answers_package: Option<String>,
    /// The assessment.
    pub assessment_id: i64,
    /// The file's sha256.
    pub file_sha256: String,
    /// When the member made it.
    pub made_at: String,
    /// When it was merged.
    pub merged_at: String,
    /// By whom.
    pub merged_by: String,
}

/// Record a merged return package.
pub fn record_merged(conn: &Connection, r: &MergedRow) -> Result<()> {
    conn.execute(
        "INSERT INTO package_merged (package_id, answers_package, assessment_id, file_sha256, made_at, merged_at, merged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.package_id, r.answers_package, r.assessment_id, r.file_sha256, r.made_at, r.merged_at, r.merged_by],
    )?;
    Ok(())
}

/// Whether a return package (by id or by file content) was already merged.
pub fn was_merged(conn: &Connection, package_id: &str, file_sha256: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM package_merged WHERE package_id = ?1 OR file_sha256 = ?2)",
        params![package_id, file_sha256],
        |r| r.get(0),
    )?)
}

/// The newest `made_at` of the return packages merged for a work package.
pub fn newest_merged_for(conn: &Connection, answers_package: &str) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(made_at) FROM package_merged WHERE answers_package = ?1",
        [answers_package],
        |r| r.get(0),
    )?)
}
