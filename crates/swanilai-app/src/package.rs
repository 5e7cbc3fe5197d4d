//! The evidence package for the external assessors: one .zip with every evidence file in
//! a folder per indicator, named by the `<indicator>.<letter>.<description>` convention,
//! the links with their notes, a manifest with sha256 and size, and the national workbook.
//! Every file is verified against its sha256 on the way out; the package is written to a
//! temporary file and renamed into place, so a failure leaves nothing half-written.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use crate::Year;
use crate::{App, AppResult};

/// What an evidence package holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PackageSummary {
    /// The .zip written.
    pub path: String,
    /// How many evidence files it holds, each verified against its sha256.
    pub files: u32,
    /// How many evidence links it lists (in `data-dukung/NN/N.tautan.txt` and the manifest).
    pub links: u32,
    /// Bytes of evidence files written (the workbook, manifest and readme not counted).
    pub bytes: u64,
}

/// Where a long job (export, import, evidence package) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStage {
    /// Getting ready; nothing written yet.
    Prepare,
    /// Writing: `done` of `total` bytes or steps.
    Write,
    /// Finished.
    Done,
}

/// Progress of a long job sent to the window: `done` of `total` (bytes or steps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ProgressDto {
    /// Where the job is.
    pub stage: ProgressStage,
    /// Bytes or steps done so far.
    pub done: u64,
    /// Bytes or steps in all; `done` reaches it when the job ends.
    pub total: u64,
}

/// Wrap a progress callback so it is called only when the whole percent changes (a
/// package of thousands of files sends at most about a hundred messages).
pub fn percent_steps(mut report: impl FnMut(u64, u64)) -> impl FnMut(u64, u64) {
    let mut last = u64::MAX;
    move |done, total| {
        let pct = done.saturating_mul(100) / total.max(1);
        if pct != last {
            last = pct;
            report(done, total);
        }
    }
}

impl App {
    /// Write the evidence package of an assessment. `progress(done, total)` is called with
    /// bytes written so far.
    pub fn export_evidence_package(
        &mut self,
        year: impl Into<Year>,
        out: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> AppResult<PackageSummary> {
        let a = self.assessment_info(year)?;
        let inst = self.require_instansi()?;
        let audit_head = swanilai_store::audit::head_fingerprint(self.store.conn())?;
        let evidence = self.evidence(Some(a.year), None)?;
        let catalog = {
            let row = self.assessment(Some(a.year))?;
            self.catalog_of(&row)?
        };
        let program = catalog
            .framework()
            .program
            .as_ref()
            .map_or("SPBE", |p| p.short.as_str())
            .to_owned();
        let provisional = if catalog.is_provisional() {
            "Kerangka ini SEMENTARA (belum dicocokkan dengan teks resmi).\r\n"
        } else {
            ""
        };
        // Evidence attached to a butir is named by it: I{n}-L{l}-{NN}.<name>.
        let file_name = |e: &crate::EvidenceDto| match e
            .butir
            .as_deref()
            .and_then(|b| crate::butir::file_prefix(&catalog, b))
        {
            Some(prefix) => format!("{prefix}.{}", e.name),
            None => e.conventional_name.clone(),
        };
        let total: u64 = evidence.iter().filter_map(|e| e.size).sum();
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            crate::files::unwritable(out, format!("{what}: {e}"))
        };
        // The national workbook goes in too.
        let book_bytes = self.workbook_bytes(a.year, out)?;
        crate::files::write_atomically(out, |file, _| {
            let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
            let deflated =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            let stored = SimpleFileOptions::default()
                .compression_method(CompressionMethod::Stored)
                .large_file(true);
            let mut manifest =
                String::from("label;indicator;kind;file;sha256;size;document_date;url;note\n");
            let mut links: std::collections::BTreeMap<u32, String> = Default::default();
            let (mut done, mut files, mut nlinks) = (0u64, 0u32, 0u32);
            let mut used = std::collections::HashSet::new();
            for e in &evidence {
                match &e.sha256 {
                    Some(sha) => {
                        // Streamed: hashed while copied, checked at the end of the file.
                        let mut reader = self.store.blobs().open_verified(sha)?;
                        let mut name = format!("data-dukung/{:02}/{}", e.indicator, file_name(e));
                        if !used.insert(name.clone()) {
                            name = format!(
                                "data-dukung/{:02}/{}.{}",
                                e.indicator,
                                e.label,
                                file_name(e)
                            );
                            used.insert(name.clone());
                        }
                        zip.start_file(&name, stored).map_err(|x| fail(&name, &x))?;
                        let size = std::io::copy(&mut reader, &mut zip)
                            .map_err(|x| crate::evidence::stream_error(sha, out, x))?;
                        done += size;
                        files += 1;
                        manifest.push_str(&format!(
                            "{};{};file;{};{};{};{};;\n",
                            e.label,
                            e.indicator,
                            name,
                            sha,
                            size,
                            e.document_date.clone().unwrap_or_default()
                        ));
                        progress(done, total);
                        if files == 1 && done < total {
                            crate::files::hold("evidence-package");
                        }
                    }
                    None => {
                        nlinks += 1;
                        let url = e.url.clone().unwrap_or_default();
                        links.entry(e.indicator).or_default().push_str(&format!(
                            "{} {}\n  {}\n  {}\n\n",
                            e.label, e.name, url, e.note
                        ));
                        manifest.push_str(&format!(
                            "{};{};link;;;;;{};{}\n",
                            e.label,
                            e.indicator,
                            url,
                            e.note.replace(';', ",")
                        ));
                    }
                }
            }
            for (n, text) in &links {
                let name = format!("data-dukung/{n:02}/{n}.tautan.txt");
                zip.start_file(&name, deflated)
                    .map_err(|x| fail(&name, &x))?;
                zip.write_all(text.as_bytes())
                    .map_err(|x| fail(&name, &x))?;
            }
            let book_name = format!("Penilaian Mandiri {}.xlsx", a.year);
            zip.start_file(&book_name, stored)
                .map_err(|x| fail(&book_name, &x))?;
            zip.write_all(&book_bytes)
                .map_err(|x| fail(&book_name, &x))?;
            zip.start_file("manifest.csv", deflated)
                .map_err(|x| fail("manifest.csv", &x))?;
            zip.write_all(manifest.as_bytes())
                .map_err(|x| fail("manifest.csv", &x))?;
            let readme = format!(
                "Data dukung penilaian mandiri {program}\r\nInstansi: {}\r\nTahun: {}\r\nKerangka: {} ({})\r\n{provisional}Berkas: {files}, tautan: {nlinks}\r\nSetiap berkas tercantum di manifest.csv beserta sha256-nya.\r\nSidik jejak log audit: {audit_head}\r\n",
                inst.name, a.year, a.framework_title, a.criteria_version
            );
            zip.start_file("BACA-SAYA.txt", deflated)
                .map_err(|x| fail("BACA-SAYA.txt", &x))?;
            zip.write_all(readme.as_bytes())
                .map_err(|x| fail("BACA-SAYA.txt", &x))?;
            let mut inner = zip.finish().map_err(|x| fail("finish", &x))?;
            inner.flush().map_err(|x| fail("flush", &x))?;
            progress(total, total);
            Ok(PackageSummary {
                path: out.display().to_string(),
                files,
                links: nlinks,
                bytes: done,
            })
        })
    }
}
