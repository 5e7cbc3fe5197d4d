//! The instansi profile: one row per database.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstansiRow {
    pub name: String,
    /// provinsi | kabupaten | kota | instansi_pusat
    pub kind: String,
    pub coordinator_name: String,
    pub coordinator_nip: String,
    pub address: String,
    pub created_at: String,
}

pub fn get(conn: &Connection) -> Result<Option<InstansiRow>> {
    Ok(conn
        .query_row(
            "SELECT name, kind, coordinator_name, coordinator_nip, address, created_at
             FROM instansi WHERE id = 1",
            [],
            |r| {
                Ok(InstansiRow {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    coordinator_name: r.get(2)?,
                    coordinator_nip: r.get(3)?,
                    address: r.get(4)?,
                    created_at: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Create or replace the profile (keeps the original creation time).
pub fn upsert(conn: &Connection, row: &InstansiRow) -> Result<()> {
    conn.execute(
        "INSERT INTO instansi (id, name, kind, coordinator_name, coordinator_nip, address, created_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = ?1, kind = ?2, coordinator_name = ?3,
             coordinator_nip = ?4, address = ?5",
        params![
            row.name,
            row.kind,
            row.coordinator_name,
            row.coordinator_nip,
            row.address,
            row.created_at
        ],
    )?;
    Ok(())
}
