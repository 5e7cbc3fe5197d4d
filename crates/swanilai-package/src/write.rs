//! Writing a package: evidence files streamed in (hashed on the way, stored as is), then
//! the payload and the manifest. The caller gives an open file (swanilai-app gives the
//! temporary file of its atomic write) and renames it when [`PackageWriter::finish`]
//! returns.

use std::collections::BTreeSet;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::{Manifest, PackageError, Part, Payload, Result, DATA, EVIDENCE_DIR, MANIFEST};

/// A package being written.
pub struct PackageWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    path: PathBuf,
    parts: Vec<Part>,
    files: BTreeSet<String>,
}

impl<W: Write + Seek> std::fmt::Debug for PackageWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackageWriter")
            .field("path", &self.path)
            .field("parts", &self.parts.len())
            .finish()
    }
}

impl<W: Write + Seek> PackageWriter<W> {
    /// Start a package in `out`; `path` is the file's name for messages.
    pub fn new(out: W, path: &Path) -> PackageWriter<W> {
        PackageWriter {
            zip: ZipWriter::new(out),
            path: path.to_owned(),
            parts: Vec::new(),
            files: BTreeSet::new(),
        }
    }

    fn fail(&self, what: &str, e: impl std::fmt::Display) -> PackageError {
        PackageError::Io {
            path: self.path.clone(),
            message: format!("{what}: {e}"),
        }
    }

    /// Whether the evidence file with this sha256 is already in the package.
    pub fn has_evidence(&self, sha256: &str) -> bool {
        self.files.contains(sha256)
    }

    /// Stream one evidence file in. Its bytes must hash to `sha256` (the store's name for
    /// it); a file already added is skipped. `progress(bytes)` is called as it goes.
    pub fn add_evidence(
        &mut self,
        sha256: &str,
        source: &mut dyn Read,
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64> {
        if self.files.contains(sha256) {
            return Ok(0);
        }
        let name = format!("{EVIDENCE_DIR}{sha256}");
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(true);
        self.zip
            .start_file(name.as_str(), opts)
            .map_err(|e| self.fail(&name, e))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = source.read(&mut buf).map_err(|e| self.fail(&name, e))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            self.zip
                .write_all(&buf[..n])
                .map_err(|e| self.fail(&name, e))?;
            size += n as u64;
            progress(n as u64);
        }
        let got = hex::encode(hasher.finalize());
        if got != sha256 {
            return Err(self.fail(
                &name,
                format!(
                    "the evidence file's content changed (sha256 {got}); run `evidence verify`"
                ),
            ));
        }
        self.files.insert(sha256.to_owned());
        self.parts.push(Part {
            path: name,
            sha256: got,
            size,
        });
        Ok(size)
    }

    /// Write the payload and the manifest (its `parts` filled in here) and close the zip;
    /// returns the output and the manifest as written.
    pub fn finish(mut self, mut manifest: Manifest, payload: &Payload) -> Result<(W, Manifest)> {
        let data = serde_json::to_vec(payload).map_err(|e| self.fail(DATA, e))?;
        let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        self.zip
            .start_file(DATA, deflated)
            .map_err(|e| self.fail(DATA, e))?;
        self.zip.write_all(&data).map_err(|e| self.fail(DATA, e))?;
        self.parts.push(Part {
            path: DATA.to_owned(),
            sha256: hex::encode(Sha256::digest(&data)),
            size: data.len() as u64,
        });
        manifest.format = crate::FORMAT;
        manifest.parts = std::mem::take(&mut self.parts);
        let text = serde_json::to_vec_pretty(&manifest).map_err(|e| self.fail(MANIFEST, e))?;
        self.zip
            .start_file(MANIFEST, deflated)
            .map_err(|e| self.fail(MANIFEST, e))?;
        self.zip
            .write_all(&text)
            .map_err(|e| self.fail(MANIFEST, e))?;
        let path = self.path.clone();
        let out = self.zip.finish().map_err(|e| PackageError::Io {
            path,
            message: format!("finish: {e}"),
        })?;
        Ok((out, manifest))
    }
}
