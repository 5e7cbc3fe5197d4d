//! SQLite store of Swanilai SPBE.
//!
//! One database file (rusqlite, bundled SQLite) opened with foreign keys, WAL and a busy
//! timeout, migrated forward-only on open ([`schema`]), with one module per table or
//! aggregate. Evidence files live beside the database in a content-addressed folder
//! ([`blobs`]). Functions take a `&Connection`, so callers (swanilai-app) decide the
//! transaction: a use case is one transaction.

pub mod accounts;
pub mod answers;
pub mod assessments;
pub mod audit;
pub mod blobs;
pub mod comments;
pub mod evidence;
pub mod frameworks;
pub mod instansi;
pub mod packages;
pub mod schema;
mod sql;

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

pub use blobs::{BlobInfo, BlobStore};
pub use rusqlite::{Connection, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "database {path} was written by a newer Swanilai (schema {found}, this version knows up to {supported}); update Swanilai to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} is not a Swanilai database: {message}")]
    NotADatabase { path: PathBuf, message: String },
    #[error("database {0} does not exist")]
    Missing(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("evidence file {sha256} is damaged: its content no longer matches its sha256")]
    Corrupt { sha256: String },
    #[error("{0}")]
    Conflict(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The database is locked by another program, read-only or cannot be opened for
    /// writing (as opposed to damaged or not a database).
    pub fn is_busy(&self) -> bool {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(C::DatabaseBusy | C::DatabaseLocked | C::ReadOnly | C::CannotOpen)
            ),
            _ => false,
        }
    }
}

/// An open database and its evidence folder.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    blobs: BlobStore,
}

/// How to open a database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if it does not exist.
    Create,
    /// The file must exist already.
    Existing,
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        if mode == OpenMode::Existing && !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        configure(&conn).map_err(|e| not_a_database(path, e))?;
        schema::migrate(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            blobs: BlobStore::new(evidence_dir(path)),
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn blobs(&self) -> &BlobStore {
        &self.blobs
    }

    /// Write a consistent copy of the whole database to `dest` (SQLite `VACUUM INTO`);
    /// `dest` must not exist or be an empty file.
    pub fn copy_into(&self, dest: &Path) -> Result<()> {
        self.conn
            .execute("VACUUM INTO ?1", [dest.to_string_lossy().as_ref()])?;
        Ok(())
    }

    /// Run `f` in one IMMEDIATE transaction: committed if it returns Ok, rolled back otherwise.
    pub fn transaction<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>, &BlobStore) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(&tx, &self.blobs)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }
}

/// The evidence folder of a database: `<dir>/<stem>.evidence/` beside the file.
pub fn evidence_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "swanilai".into());
    db.with_file_name(format!("{stem}.evidence"))
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // journal_mode returns a row; query it rather than update.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

fn not_a_database(path: &Path, e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotADatabase {
                path: path.to_owned(),
                message: "the file is not an SQLite database".into(),
            }
        }
        other => StoreError::Sqlite(other),
    }
}

#[cfg(test)]
mod tests;
