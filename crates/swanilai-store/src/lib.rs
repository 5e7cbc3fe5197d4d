//! SQLite store of Swanilai SPBE.
//!
//! One database file (rusqlite, bundled SQLite) opened with foreign keys, WAL and a busy
//! timeout, migrated forward-only on open ([`schema`]), with one module per table or
//! aggregate. Evidence files live beside the database in a content-addressed folder
//! ([`blobs`]). Functions take a `&Connection`, so callers (swanilai-app) decide the
//! transaction: a use case is one transaction.
//!
//! A database that cannot be written (the file or its folder is read-only, or the file
//! is immutable) is opened read-only: every read works, nothing that would write is run
//! on open, and every write is refused with [`StoreError::ReadOnly`].

pub mod accounts;
pub mod answers;
pub mod assessments;
pub mod audit;
pub mod blobs;
pub mod butir;
pub mod comments;
pub mod evidence;
pub mod frameworks;
pub mod instansi;
pub mod keys;
pub mod packages;
pub mod plans;
pub mod schema;
mod sql;
pub mod stages;
pub mod values;

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

pub use blobs::{BlobInfo, BlobState, BlobStore, Hold, Stray, StrayKind};
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
    #[error("database {path} is read-only ({why}); it can be read but not changed")]
    ReadOnly { path: PathBuf, why: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The database is locked by another program or cannot be opened (as opposed to
    /// read-only, damaged or not a database).
    pub fn is_busy(&self) -> bool {
        use rusqlite::ErrorCode as C;
        match self {
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(C::DatabaseBusy | C::DatabaseLocked | C::CannotOpen)
            ),
            _ => false,
        }
    }

    /// A write was refused because the database cannot be written.
    pub fn is_read_only(&self) -> bool {
        match self {
            StoreError::ReadOnly { .. } => true,
            StoreError::Sqlite(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly),
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
    /// Why the database cannot be written, when it was opened read-only.
    read_only: Option<String>,
    /// The signed-in account's key: each transaction's checkpoint is signed with it.
    signer: Option<keys::Signer>,
}

/// How to open a database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if it does not exist.
    Create,
    /// The file must exist already.
    Existing,
    /// The file must exist; open it for reading only, even if it could be written.
    ReadOnly,
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        if mode != OpenMode::Create && !path.exists() {
            return Err(StoreError::Missing(path.to_owned()));
        }
        if mode == OpenMode::ReadOnly {
            return Store::open_read_only(path, "opened for reading only".into());
        }
        if let Some(why) = unwritable_file(path) {
            return Store::open_read_only(path, why);
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
        let opened = Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(|mut conn| {
                configure(&conn).map_err(|e| not_a_database(path, e))?;
                schema::migrate(&mut conn, path)?;
                Ok(conn)
            });
        let conn = match opened {
            Ok(conn) => conn,
            // The file is writable but its folder is not (no journal can be made there).
            Err(e) if cannot_write(&e) && path.metadata().is_ok_and(|m| m.len() > 0) => {
                return Store::open_read_only(path, "its folder cannot be written".into());
            }
            Err(e) => return Err(e),
        };
        let store = Store {
            conn,
            path: path.to_owned(),
            blobs: BlobStore::new(evidence_dir(path)),
            read_only: None,
            signer: None,
        };
        // Leftovers of an add that was interrupted (a crash, kill -9, power loss).
        store.blobs.sweep(|| evidence::blob_shas(&store.conn))?;
        Ok(store)
    }

    /// Open for reading only: no pragma, migration or sweep that would write. A database
    /// that needs a migration is refused, since the migration cannot be written.
    fn open_read_only(path: &Path, why: String) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let readable = |uri: &str| -> Result<Connection> {
            let conn = Connection::open_with_flags(uri, flags)?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| not_a_database(path, e))?;
            Ok(conn)
        };
        let uri = file_uri(path);
        let conn = match readable(&format!("{uri}?mode=ro")) {
            Ok(conn) => conn,
            // A WAL database in a folder where the shared-memory file cannot be made: read
            // it as immutable, which is exact only when no write-ahead log is pending.
            Err(e) if cannot_write(&e) && !wal_pending(path) => {
                readable(&format!("{uri}?mode=ro&immutable=1"))?
            }
            Err(e) => return Err(e),
        };
        let version = schema::check(&conn, path)?;
        if version < schema::latest_version() {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
                why: format!(
                    "{why}, and it needs an upgrade from schema {version} to {} that cannot be written; make it writable and open it once",
                    schema::latest_version()
                ),
            });
        }
        Ok(Store {
            conn,
            path: path.to_owned(),
            blobs: BlobStore::new(evidence_dir(path)),
            read_only: Some(why),
            signer: None,
        })
    }

    /// Why the database cannot be written, when it was opened read-only.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The error every write gets on a read-only database.
    fn refuse_write(&self) -> Result<()> {
        match &self.read_only {
            Some(why) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
                why: why.clone(),
            }),
            None => Ok(()),
        }
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
        vacuum_into(&self.conn, dest)
    }

    /// Replace the whole content of this database with `source`'s, through SQLite's online
    /// backup API into the live connection: one write transaction on this database, so
    /// another reader sees the old content or the new, never a mix, and a crash midway
    /// leaves the old content (the journal rolls it back).
    pub fn replace_with(&mut self, source: &Store) -> Result<()> {
        self.refuse_write()?;
        let backup = rusqlite::backup::Backup::new(&source.conn, &mut self.conn)?;
        // -1: every page in one step, so the destination is written in one transaction.
        match backup.step(-1)? {
            rusqlite::backup::StepResult::Done => Ok(()),
            other => Err(StoreError::Conflict(format!(
                "the database could not be replaced at once ({other:?}); nothing was changed"
            ))),
        }
    }

    /// Run `f` in one IMMEDIATE transaction: committed if it returns Ok, rolled back otherwise.
    /// Sign each transaction's checkpoint with `signer` from now on (None: unsigned).
    pub fn set_signer(&mut self, signer: Option<keys::Signer>) {
        self.signer = signer;
    }

    /// The key checkpoints are signed with, if any.
    pub fn signer(&self) -> Option<&keys::Signer> {
        self.signer.as_ref()
    }

    pub fn transaction<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>, &BlobStore) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        self.refuse_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        // The audit log covers the whole database: a change made outside Swanilai since the
        // last transaction goes into the chain first, and the last entry of this one
        // records the state it leaves (audit::check_outside, audit::seal).
        let started_after = audit::check_outside(&tx)?;
        let value = f(&tx, &self.blobs)?;
        audit::seal(&tx, started_after, self.signer.as_ref())?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }
}

/// Write a consistent snapshot of the database file at `db` to `dest` without opening it
/// for writing (a read-only connection: no migration, sweep or baseline runs), as
/// [`Store::copy_into`] does for an open store. For a backup before a file is opened.
pub fn snapshot_file(db: &Path, dest: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(format!("{}?mode=ro", file_uri(db)), flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    vacuum_into(&conn, dest).map_err(|e| match e {
        StoreError::Sqlite(e) => not_a_database(db, e),
        other => other,
    })
}

/// `VACUUM INTO dest` (a consistent snapshot, also under WAL: it reads in one transaction),
/// then the copy is switched to a rollback journal so that it is one self-contained file.
fn vacuum_into(conn: &Connection, dest: &Path) -> Result<()> {
    conn.execute("VACUUM INTO ?1", [dest.to_string_lossy().as_ref()])?;
    let copy = Connection::open(dest)?;
    let _mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    Ok(())
}

/// The evidence folder of a database: `<dir>/<stem>.evidence/` beside the file.
pub fn evidence_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "swanilai".into());
    db.with_file_name(format!("{stem}.evidence"))
}

/// Why a database file cannot be opened for writing, if it cannot (read-only permission,
/// immutable, a read-only file system); None when it can, or does not exist yet.
fn unwritable_file(path: &Path) -> Option<String> {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => None,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Some("the file cannot be written".into())
        }
        Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => {
            Some("it is on a read-only file system".into())
        }
        Err(_) => None,
    }
}

/// SQLite could not write (or make a journal beside) the file.
fn cannot_write(e: &StoreError) -> bool {
    use rusqlite::ErrorCode as C;
    match e {
        StoreError::Sqlite(e) => matches!(
            e.sqlite_error_code(),
            Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied)
        ),
        _ => false,
    }
}

/// A write-ahead log with content beside the database (committed work not yet copied
/// into the main file).
fn wal_pending(db: &Path) -> bool {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// `file:` URI of a path, every byte outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut uri = String::from("file:");
    for &b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
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
