//! Catalogs kept in the database, so every assessment can be read with the exact
//! catalog it was scored with.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkRow {
    pub id: String,
    pub version: String,
    pub catalog_json: String,
}

/// Keep a catalog; an identical (id, version) already kept is left as it is.
pub fn ensure(conn: &Connection, row: &FrameworkRow, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO framework (id, version, catalog_json, added_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id, version) DO NOTHING",
        params![row.id, row.version, row.catalog_json, now],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str, version: &str) -> Result<Option<FrameworkRow>> {
    Ok(conn
        .query_row(
            "SELECT id, version, catalog_json FROM framework WHERE id = ?1 AND version = ?2",
            params![id, version],
            |r| {
                Ok(FrameworkRow {
                    id: r.get(0)?,
                    version: r.get(1)?,
                    catalog_json: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// (id, version) of every kept catalog.
pub fn list(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT id, version FROM framework ORDER BY id, version")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
