//! Reading a package, bounded whatever the file: the entry count, the manifest's and the
//! payload's sizes are capped before anything is read; every name must be one the format
//! writes; every part is checked against the manifest's sha256 (evidence while it
//! streams to the caller, so memory stays flat).

use std::collections::HashMap;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::ZipArchive;

use crate::{
    Manifest, PackageError, Part, Payload, Result, DATA, EVIDENCE_DIR, FORMAT, MANIFEST,
    MAX_DATA_BYTES, MAX_ENTRIES, MAX_EVIDENCE_BYTES, MAX_MANIFEST_BYTES,
};

/// An open, checked package: its manifest and payload are read and verified; evidence
/// files are streamed out on demand.
pub struct PackageReader<R: Read + Seek> {
    zip: ZipArchive<R>,
    path: PathBuf,
    /// The manifest (checked: format, names, sizes).
    pub manifest: Manifest,
    /// The payload (checked against the manifest's sha256).
    pub payload: Payload,
    /// The sha256 of the whole file, as read.
    evidence: HashMap<String, Part>,
}

impl<R: Read + Seek> std::fmt::Debug for PackageReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackageReader")
            .field("path", &self.path)
            .field("kind", &self.manifest.kind)
            .finish()
    }
}

fn corrupt(path: &Path, message: impl Into<String>) -> PackageError {
    PackageError::Corrupt {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// Whether `name` is one the format writes: the manifest, the payload, or
/// `evidence/<64 lowercase hex>`.
fn allowed(name: &str) -> bool {
    if name == MANIFEST || name == DATA {
        return true;
    }
    name.strip_prefix(EVIDENCE_DIR).is_some_and(|sha| {
        sha.len() == 64
            && sha
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Read an entry whole, refusing more than `max` bytes.
fn read_capped(
    zip: &mut ZipArchive<impl Read + Seek>,
    path: &Path,
    name: &str,
    max: u64,
) -> Result<Vec<u8>> {
    let entry = zip
        .by_name(name)
        .map_err(|e| corrupt(path, format!("{name} is missing or unreadable: {e}")))?;
    if entry.size() > max {
        return Err(corrupt(
            path,
            format!("{name} is {} bytes; at most {max} are read", entry.size()),
        ));
    }
    let mut bytes = Vec::new();
    entry
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| corrupt(path, format!("{name}: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(corrupt(path, format!("{name} is larger than {max} bytes")));
    }
    Ok(bytes)
}

impl<R: Read + Seek> PackageReader<R> {
    /// Open and check a package; `path` names it in messages.
    pub fn open(input: R, path: &Path) -> Result<PackageReader<R>> {
        let mut zip = ZipArchive::new(input)
            .map_err(|e| corrupt(path, format!("not a zip file or cut short ({e})")))?;
        if zip.len() > MAX_ENTRIES {
            return Err(corrupt(
                path,
                format!(
                    "{} entries; a package holds at most {MAX_ENTRIES}",
                    zip.len()
                ),
            ));
        }
        for i in 0..zip.len() {
            let entry = zip
                .by_index_raw(i)
                .map_err(|e| corrupt(path, format!("entry {i}: {e}")))?;
            let name = entry
                .name()
                .map(|n| n.into_owned())
                .map_err(|e| corrupt(path, format!("entry {i}: {e}")))?;
            if !allowed(&name) {
                return Err(PackageError::Unsafe {
                    path: path.to_owned(),
                    entry: name,
                });
            }
        }
        let text = read_capped(&mut zip, path, MANIFEST, MAX_MANIFEST_BYTES)?;
        #[derive(serde::Deserialize)]
        struct Version {
            format: u32,
        }
        let version: Version =
            serde_json::from_slice(&text).map_err(|e| corrupt(path, format!("{MANIFEST}: {e}")))?;
        if version.format > FORMAT {
            return Err(PackageError::Newer {
                path: path.to_owned(),
                found: version.format,
            });
        }
        let manifest: Manifest =
            serde_json::from_slice(&text).map_err(|e| corrupt(path, format!("{MANIFEST}: {e}")))?;
        let mut parts: HashMap<String, Part> = HashMap::new();
        for p in &manifest.parts {
            if !allowed(&p.path) || p.path == MANIFEST {
                return Err(PackageError::Unsafe {
                    path: path.to_owned(),
                    entry: p.path.clone(),
                });
            }
            parts.insert(p.path.clone(), p.clone());
        }
        let data_part = parts
            .remove(DATA)
            .ok_or_else(|| corrupt(path, format!("{MANIFEST} does not list {DATA}")))?;
        let data = read_capped(&mut zip, path, DATA, MAX_DATA_BYTES)?;
        let sha = hex::encode(Sha256::digest(&data));
        if sha != data_part.sha256 || data.len() as u64 != data_part.size {
            return Err(corrupt(
                path,
                format!("{DATA} does not match its sha256 in {MANIFEST}"),
            ));
        }
        let payload: Payload =
            serde_json::from_slice(&data).map_err(|e| corrupt(path, format!("{DATA}: {e}")))?;
        for p in parts.values() {
            if p.size > MAX_EVIDENCE_BYTES {
                return Err(corrupt(
                    path,
                    format!(
                        "{} is {} bytes; at most {MAX_EVIDENCE_BYTES}",
                        p.path, p.size
                    ),
                ));
            }
            if zip.index_for_name(&p.path).is_none() {
                return Err(corrupt(path, format!("{} is listed but missing", p.path)));
            }
        }
        // Every file the payload names travels inside, except (in a return package) the
        // ones the team database already holds: those of the base.
        let at_home: std::collections::BTreeSet<&String> = payload
            .base_evidence
            .iter()
            .filter_map(|e| e.sha256.as_ref())
            .collect();
        for e in &payload.evidence {
            if let Some(sha) = e.sha256.as_ref().filter(|s| !at_home.contains(s)) {
                if !parts.contains_key(&format!("{EVIDENCE_DIR}{sha}")) {
                    return Err(corrupt(
                        path,
                        format!(
                            "evidence '{}' of indicator {} is not in the package",
                            e.name, e.indicator
                        ),
                    ));
                }
            }
        }
        Ok(PackageReader {
            zip,
            path: path.to_owned(),
            manifest,
            payload,
            evidence: parts,
        })
    }

    /// Stream the evidence file with this sha256 into `sink`, checking its content on the
    /// way; a mismatch is an error after which the caller discards what it wrote.
    pub fn copy_evidence(&mut self, sha256: &str, sink: &mut dyn Write) -> Result<u64> {
        let name = format!("{EVIDENCE_DIR}{sha256}");
        let path = self.path.clone();
        // One byte past the manifest's size, to tell a longer file from a whole one.
        let (expected, mut limited) = self.entry(sha256, 1)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = limited
                .read(&mut buf)
                .map_err(|e| corrupt(&path, format!("{name}: {e}")))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            sink.write_all(&buf[..n]).map_err(|e| PackageError::Io {
                path: path.clone(),
                message: format!("writing {name} out: {e}"),
            })?;
            size += n as u64;
        }
        let got = hex::encode(hasher.finalize());
        if got != sha256 || size != expected {
            return Err(corrupt(
                &path,
                format!("{name} does not match its sha256 (the file is damaged)"),
            ));
        }
        Ok(size)
    }

    /// A reader of the evidence file with this sha256, capped at its size in the manifest
    /// (the caller hashes what it reads and compares: swanilai-store's blobs do).
    pub fn evidence_reader(&mut self, sha256: &str) -> Result<impl Read + '_> {
        Ok(self.entry(sha256, 0)?.1)
    }

    /// The manifest's size of an evidence file and a reader capped at that size + `slack`.
    fn entry(&mut self, sha256: &str, slack: u64) -> Result<(u64, impl Read + '_)> {
        let name = format!("{EVIDENCE_DIR}{sha256}");
        let size = self
            .evidence
            .get(&name)
            .map(|p| p.size)
            .ok_or_else(|| corrupt(&self.path, format!("{name} is not in the package")))?;
        let path = self.path.clone();
        let entry = self
            .zip
            .by_name(&name)
            .map_err(|e| corrupt(&path, format!("{name}: {e}")))?;
        Ok((size, entry.take(size + slack)))
    }

    /// The evidence files the package holds (sha256 and size).
    pub fn evidence_files(&self) -> Vec<Part> {
        let mut v: Vec<Part> = self.evidence.values().cloned().collect();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        v
    }
}
