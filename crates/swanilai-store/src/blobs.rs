//! Content-addressed evidence files: `<root>/<first two hex>/<sha256>`.
//!
//! A file is streamed once: hashed while copied into a temporary file inside the root,
//! then renamed into place (atomic on one file system). The same content is stored once,
//! however many times or to however many indicators it is attached. Reads verify the hash,
//! streaming with a fixed buffer (a 200 MiB file is never held in memory whole).
//!
//! A crash can leave two kinds of leftovers: a temporary `.incoming-*` file (killed while
//! copying) and a stored file that no `blob` row records (killed after the rename, before
//! the database transaction committed). Writers hold a shared lock on `<root>/.lock` from
//! the first copy until their transaction commits ([`BlobStore::hold`]); [`BlobStore::sweep`]
//! (run when the store opens) removes leftovers only when it gets that lock exclusively,
//! so it never takes a file from a writer that is still at work, in any process.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Result, StoreError};

#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobInfo {
    pub sha256: String,
    pub size: u64,
    /// False when the same content was already stored.
    pub newly_stored: bool,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

impl BlobStore {
    pub fn new(root: PathBuf) -> BlobStore {
        BlobStore { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2.min(sha256.len())]).join(sha256)
    }

    /// A shared hold on the store, kept by a writer from its first copy until its database
    /// transaction commits, so that [`BlobStore::sweep`] leaves its files alone. Dropping it
    /// (or the process dying) releases it.
    pub fn hold(&self) -> Result<Hold> {
        fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
        let path = self.root.join(LOCK_FILE);
        let file = lock_file(&path)?;
        file.lock_shared().map_err(io_err(&path))?;
        Ok(Hold { _file: file })
    }

    /// Copy a file into the store, hashing it on the way.
    pub fn ingest(&self, source: &Path) -> Result<BlobInfo> {
        let mut input = File::open(source).map_err(io_err(source))?;
        if input.metadata().map_err(io_err(source))?.is_dir() {
            return Err(StoreError::Io {
                path: source.to_owned(),
                source: io::Error::new(io::ErrorKind::InvalidInput, "is a folder, not a file"),
            });
        }
        self.ingest_from(&mut input, source)
    }

    /// Copy a stream into the store, hashing it on the way (`source` names it in errors).
    pub fn ingest_from(&self, input: &mut dyn Read, source: &Path) -> Result<BlobInfo> {
        let _hold = self.hold()?;
        // The same rule as swanilai-app's `files::write_atomically` (tempfile's
        // NamedTempFile, removed on drop, renamed into place), but the final name is the
        // sha256, known only once the copy is done.
        let mut tmp = tempfile::Builder::new()
            .prefix(INCOMING_PREFIX)
            .tempfile_in(&self.root)
            .map_err(io_err(&self.root))?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = input.read(&mut buf).map_err(io_err(source))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            tmp.write_all(&buf[..n]).map_err(io_err(tmp.path()))?;
            size += n as u64;
        }
        let sha256 = hex::encode(hasher.finalize());
        let dest = self.path_of(&sha256);
        if dest.exists() {
            return Ok(BlobInfo {
                sha256,
                size,
                newly_stored: false,
            });
        }
        tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
        let dir = dest.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).map_err(io_err(dir))?;
        tmp.persist(&dest).map_err(|e| StoreError::Io {
            path: dest.clone(),
            source: e.error,
        })?;
        Ok(BlobInfo {
            sha256,
            size,
            newly_stored: true,
        })
    }

    /// Open a stored file for reading: the reader hashes what passes through it and fails
    /// with [`io::ErrorKind::InvalidData`] at the end when the content no longer matches.
    pub fn open_verified(&self, sha256: &str) -> Result<VerifiedReader> {
        let path = self.path_of(sha256);
        let file = File::open(&path).map_err(io_err(&path))?;
        Ok(VerifiedReader {
            file,
            hasher: Sha256::new(),
            expected: sha256.to_owned(),
        })
    }

    /// Read a stored file whole, verifying that its content still matches its hash (for
    /// small reads such as a preview; copy large files with [`BlobStore::open_verified`]).
    pub fn read_verified(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.path_of(sha256);
        let mut bytes = Vec::new();
        self.open_verified(sha256)?
            .read_to_end(&mut bytes)
            .map_err(|e| verified_error(sha256, &path, e))?;
        Ok(bytes)
    }

    /// The state of one stored file, streamed through the hash with a fixed buffer.
    pub fn check(&self, sha256: &str) -> Result<BlobState> {
        let path = self.path_of(sha256);
        let mut reader = match self.open_verified(sha256) {
            Ok(r) => r,
            Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Ok(BlobState::Missing)
            }
            Err(e) => return Err(e),
        };
        match io::copy(&mut reader, &mut io::sink()) {
            Ok(_) => Ok(BlobState::Intact),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Ok(BlobState::Damaged),
            Err(e) => Err(StoreError::Io { path, source: e }),
        }
    }

    /// Whether a stored file is present and intact.
    pub fn verify(&self, sha256: &str) -> Result<bool> {
        Ok(self.check(sha256)? == BlobState::Intact)
    }

    /// Every file in the folder that is not a stored file recorded in `known` (the `blob`
    /// rows): leftovers of an interrupted copy, stored files the database never recorded,
    /// anything else put there. Paths are relative to the root, sorted.
    pub fn strays(&self, known: &HashSet<String>) -> Result<Vec<Stray>> {
        let mut out = Vec::new();
        let top = match fs::read_dir(&self.root) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
            Err(e) => {
                return Err(StoreError::Io {
                    path: self.root.clone(),
                    source: e,
                })
            }
        };
        for entry in top {
            let entry = entry.map_err(io_err(&self.root))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name == LOCK_FILE {
                continue;
            }
            if !path.is_dir() {
                let kind = if name.starts_with(INCOMING_PREFIX) {
                    StrayKind::Incoming
                } else {
                    StrayKind::Foreign
                };
                out.push(Stray { path, kind });
                continue;
            }
            for inner in fs::read_dir(&path).map_err(io_err(&path))? {
                let inner = inner.map_err(io_err(&path))?;
                let file = inner.file_name().to_string_lossy().into_owned();
                let kind = if is_sha256(&file) && file.starts_with(&name) && name.len() == 2 {
                    if known.contains(&file) {
                        continue;
                    }
                    StrayKind::Unrecorded
                } else {
                    StrayKind::Foreign
                };
                out.push(Stray {
                    path: inner.path(),
                    kind,
                });
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Remove the leftovers of interrupted writes: `.incoming-*` temporaries and stored
    /// files that no `blob` row records (`known` gives the recorded ones, read while the
    /// lock is held). Only files of the store's own naming are touched; anything else is
    /// left for `evidence verify` to report. Does nothing while any writer holds the store.
    /// Returns the files removed.
    pub fn sweep(&self, known: impl FnOnce() -> Result<HashSet<String>>) -> Result<Vec<PathBuf>> {
        if !self.root.is_dir() {
            return Ok(Vec::new());
        }
        let path = self.root.join(LOCK_FILE);
        let file = lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Ok(Vec::new()),
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::Io { path, source: e }),
        }
        let known = known()?;
        let mut removed = Vec::new();
        for stray in self.strays(&known)? {
            if stray.kind == StrayKind::Foreign {
                continue;
            }
            match fs::remove_file(&stray.path) {
                Ok(()) => removed.push(stray.path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(StoreError::Io {
                        path: stray.path,
                        source: e,
                    })
                }
            }
        }
        Ok(removed)
    }
}

/// The lock file writers share and the sweep takes alone.
const LOCK_FILE: &str = ".lock";

/// The name every temporary copy starts with.
const INCOMING_PREFIX: &str = ".incoming-";

fn lock_file(path: &Path) -> Result<File> {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_err(path))
}

fn is_sha256(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn verified_error(sha256: &str, path: &Path, e: io::Error) -> StoreError {
    if e.kind() == io::ErrorKind::InvalidData {
        StoreError::Corrupt {
            sha256: sha256.to_owned(),
        }
    } else {
        StoreError::Io {
            path: path.to_owned(),
            source: e,
        }
    }
}

/// A writer's shared hold on the store (see [`BlobStore::hold`]).
#[derive(Debug)]
pub struct Hold {
    _file: File,
}

/// What [`BlobStore::check`] found for one stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobState {
    /// Present and its content matches its sha256.
    Intact,
    /// Present, but its content no longer matches.
    Damaged,
    /// Not in the folder.
    Missing,
}

/// A file in the evidence folder that the database does not record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    pub path: PathBuf,
    pub kind: StrayKind,
}

/// Why a file in the evidence folder is a stray.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrayKind {
    /// A temporary copy (`.incoming-*`) left by an interrupted add.
    Incoming,
    /// A stored file (named by its sha256) that no `blob` row records.
    Unrecorded,
    /// Anything else: not of the store's naming, never removed by the store.
    Foreign,
}

/// A stored file being read: hashed on the way, checked against its sha256 at the end.
#[derive(Debug)]
pub struct VerifiedReader {
    file: File,
    hasher: Sha256,
    expected: String,
}

impl Read for VerifiedReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read(buf)?;
        if n == 0 && !buf.is_empty() {
            let got = hex::encode(std::mem::take(&mut self.hasher).finalize());
            if got != self.expected {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "evidence file {} is damaged: its content no longer matches its sha256",
                        self.expected
                    ),
                ));
            }
            // Later calls hash nothing and compare the empty digest: remember the verdict.
            self.expected = hex::encode(Sha256::new().finalize());
        } else {
            self.hasher.update(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_is_stored_once_and_verified_on_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::new(dir.path().join("ev"));
        let a = dir.path().join("a.pdf");
        let b = dir.path().join("copy of a.pdf");
        fs::write(&a, b"%PDF-1.4 perbup").unwrap();
        fs::write(&b, b"%PDF-1.4 perbup").unwrap();
        let first = store.ingest(&a).unwrap();
        let second = store.ingest(&b).unwrap();
        assert!(first.newly_stored && !second.newly_stored);
        assert_eq!(first.sha256, second.sha256);
        assert_eq!(first.size, 15);
        assert_eq!(
            store.read_verified(&first.sha256).unwrap(),
            b"%PDF-1.4 perbup"
        );
        // Tamper with the stored copy: reading it must say so.
        fs::write(store.path_of(&first.sha256), b"changed").unwrap();
        assert!(matches!(
            store.read_verified(&first.sha256),
            Err(StoreError::Corrupt { .. })
        ));
        assert!(!store.verify(&first.sha256).unwrap());
    }

    #[test]
    fn a_folder_or_missing_file_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::new(dir.path().join("ev"));
        let err = store.ingest(dir.path()).unwrap_err().to_string();
        assert!(err.contains("folder"), "{err}");
        let missing = dir.path().join("nope.pdf");
        let err = store.ingest(&missing).unwrap_err().to_string();
        assert!(err.contains("nope.pdf"), "{err}");
    }
}
