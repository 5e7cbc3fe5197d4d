//! Content-addressed evidence files: `<root>/<first two hex>/<sha256>`.
//!
//! A file is streamed once: hashed while copied into a temporary file inside the root,
//! then renamed into place (atomic on one file system). The same content is stored once,
//! however many times or to however many indicators it is attached. Reads verify the hash.

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
        fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
        // The same rule as swanilai-app's `files::write_atomically` (tempfile's
        // NamedTempFile, removed on drop, renamed into place), but the final name is the
        // sha256, known only once the copy is done.
        let mut tmp = tempfile::Builder::new()
            .prefix(".incoming-")
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

    /// Read a stored file whole, verifying that its content still matches its hash.
    pub fn read_verified(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.path_of(sha256);
        let bytes = fs::read(&path).map_err(io_err(&path))?;
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            return Err(StoreError::Corrupt {
                sha256: sha256.to_owned(),
            });
        }
        Ok(bytes)
    }

    /// Whether a stored file is present and intact.
    pub fn verify(&self, sha256: &str) -> Result<bool> {
        match self.read_verified(sha256) {
            Ok(_) => Ok(true),
            Err(StoreError::Corrupt { .. }) => Ok(false),
            Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                Ok(false)
            }
            Err(e) => Err(e),
        }
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
