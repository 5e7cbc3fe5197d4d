//! Evidence (data dukung): files stored once by content, and links to running services.

use std::path::{Path, PathBuf};

use swanilai_store::evidence::{self, EvidenceRow, NewEvidence};
use swanilai_store::{BlobState, StrayKind};

use serde_json::json;
use swanilai_core::workflow::Action;

use crate::evidence_names::{claimed_indicator, conventional_name, normalise_name};
use crate::Year;
use crate::{
    indicator_of, App, AppError, AppResult, ErrorCode, EvidenceCheckDto, EvidenceDto, StrayDto,
};

/// Largest evidence file accepted (200 MiB): large scans and screen videos fit, a whole
/// disk image does not.
pub const EVIDENCE_MAX_BYTES: u64 = 200 * 1024 * 1024;

/// Largest file sent to the window for preview (40 MiB).
pub const PREVIEW_MAX_BYTES: u64 = 40 * 1024 * 1024;

/// One stored evidence file, read and verified against its sha256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceContent {
    /// The name it was attached under.
    pub name: String,
    /// Guessed from the name when attached.
    pub media_type: String,
    /// The whole file.
    pub bytes: Vec<u8>,
}

impl App {
    /// Attach files to an indicator. All or nothing: every file is checked first, then
    /// copied into the evidence folder, then recorded in one transaction.
    pub fn add_evidence_files(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        files: &[PathBuf],
        document_date: Option<&str>,
    ) -> AppResult<Vec<EvidenceDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, Action::Edit, Some(indicator))?;
        let date = document_date.map(check_date).transpose()?;
        if files.is_empty() {
            return Err(AppError::new(ErrorCode::InvalidInput, "no file given"));
        }
        for f in files {
            check_file(f)?;
        }
        // Content-addressed copies first: harmless if the transaction below fails. The hold
        // keeps the open-time sweep off these files until the rows that record them commit;
        // a crash before that leaves files the next open removes.
        let _hold = self.store.blobs().hold()?;
        let mut stored = Vec::with_capacity(files.len());
        for f in files {
            let info = self.store.blobs().ingest(f)?;
            stored.push((f, info));
        }
        let now = self.clock.now();
        let ids = self.store.transaction(|tx, _| {
            let mut ids = Vec::new();
            for (path, info) in &stored {
                let media = mime_guess::from_path(path)
                    .first_or_octet_stream()
                    .essence_str()
                    .to_owned();
                evidence::ensure_blob(tx, &info.sha256, info.size, &media, &now)?;
                let name = normalise_name(&file_name(path));
                let (id, new) = evidence::insert(
                    tx,
                    a.id,
                    &NewEvidence {
                        indicator,
                        kind: "file",
                        sha256: Some(&info.sha256),
                        name: &name,
                        url: None,
                        note: "",
                        document_date: date.as_deref(),
                        added_at: &now,
                        added_by: &actor,
                    },
                )?;
                if new {
                    crate::audit::record(tx, swanilai_store::audit::NewEntry { at: &now, actor: &actor, action: "evidence.add", year: Some(a.year), indicator: Some(indicator), entity: "evidence", before: "null".into(), after: json!({"id": id, "name": name, "sha256": info.sha256, "size": info.size, "document_date": date}).to_string() })?;
                }
                ids.push((id, new));
            }
            Ok::<_, AppError>(ids)
        })?;
        self.evidence_by_ids(a.id, indicator, &ids)
    }

    /// Attach a link (a running service's URL, with a note such as the demo account).
    pub fn add_evidence_link(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        url: &str,
        title: Option<&str>,
        note: &str,
    ) -> AppResult<EvidenceDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, Action::Edit, Some(indicator))?;
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) || url.len() < 10 {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("'{url}' is not a web address (it must start with http:// or https://)"),
            ));
        }
        let title = normalise_name(
            title
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .unwrap_or(url),
        );
        let title = title.as_str();
        let now = self.clock.now();
        let id = self.store.transaction(|tx, _| {
            let (id, new) = evidence::insert(
                tx,
                a.id,
                &NewEvidence {
                    indicator,
                    kind: "link",
                    sha256: None,
                    name: title,
                    url: Some(url),
                    note: note.trim(),
                    document_date: None,
                    added_at: &now,
                    added_by: &actor,
                },
            )?;
            if new {
                crate::audit::record(
                    tx,
                    swanilai_store::audit::NewEntry {
                        at: &now,
                        actor: &actor,
                        action: "evidence.add",
                        year: Some(a.year),
                        indicator: Some(indicator),
                        entity: "evidence",
                        before: "null".into(),
                        after: json!({"id": id, "name": title, "url": url, "note": note.trim()})
                            .to_string(),
                    },
                )?;
            }
            Ok::<_, AppError>((id, new))
        })?;
        let mut v = self.evidence_by_ids(a.id, indicator, &[id])?;
        v.pop()
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "the link just added is missing"))
    }

    /// Evidence of an assessment, of one indicator or all.
    pub fn evidence(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<EvidenceDto>> {
        let a = self.assessment(year)?;
        if let Some(n) = indicator {
            let catalog = self.catalog_of(&a)?;
            indicator_of(&catalog, n)?;
        }
        let rows = evidence::list(self.store.conn(), a.id, indicator)?;
        Ok(with_labels(rows, &[]))
    }

    /// Detach evidence from its indicator (the stored file stays for other references).
    pub fn remove_evidence(&mut self, year: impl Into<Year>, id: i64) -> AppResult<EvidenceDto> {
        let a = self.assessment(year)?;
        let row =
            evidence::get(self.store.conn(), a.id, id)?.ok_or_else(|| not_found(id, a.year))?;
        let actor = self.authorize(&a, Action::Edit, Some(row.indicator))?;
        let dto = with_labels(vec![row], &[]).remove(0);
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            evidence::delete(tx, a.id, id)?;
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "evidence.remove",
                    year: Some(a.year),
                    indicator: Some(dto.indicator),
                    entity: "evidence",
                    before:
                        json!({"id": id, "name": dto.name, "sha256": dto.sha256, "url": dto.url})
                            .to_string(),
                    after: "null".into(),
                },
            )
        })?;
        Ok(dto)
    }

    /// The bytes of one stored evidence file (verified against its sha256), with its name
    /// and media type.
    pub fn evidence_content(
        &mut self,
        year: impl Into<Year>,
        id: i64,
    ) -> AppResult<EvidenceContent> {
        let a = self.assessment(year)?;
        let row =
            evidence::get(self.store.conn(), a.id, id)?.ok_or_else(|| not_found(id, a.year))?;
        let sha = row.sha256.ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("evidence {id} is a link, not a file"),
            )
        })?;
        let bytes = self.store.blobs().read_verified(&sha)?;
        Ok(EvidenceContent {
            name: row.name,
            media_type: row
                .media_type
                .unwrap_or_else(|| "application/octet-stream".into()),
            bytes,
        })
    }

    /// The bytes of one evidence file for the preview pane; a file over
    /// [`PREVIEW_MAX_BYTES`] is refused (open it in its own program instead).
    pub fn evidence_preview(&mut self, year: impl Into<Year>, id: i64) -> AppResult<Vec<u8>> {
        let c = self.evidence_content(year, id)?;
        if c.bytes.len() as u64 > PREVIEW_MAX_BYTES {
            return Err(AppError::new(
                ErrorCode::FileTooLarge,
                format!("{} is too large to preview; open it instead", c.name),
            ));
        }
        Ok(c.bytes)
    }

    /// Copy a stored evidence file out (verified, atomically) to `dest`.
    pub fn export_evidence_file(
        &mut self,
        year: impl Into<Year>,
        id: i64,
        dest: &Path,
    ) -> AppResult<()> {
        let (_, sha) = self.evidence_file(year, id)?;
        self.copy_verified(&sha, dest)
    }

    /// Copy a stored evidence file (verified) under its own name, made safe, into
    /// `<dir>/<id>/`, to open it in the system's program; returns the copy's path.
    pub fn evidence_copy_to_open(
        &mut self,
        year: impl Into<Year>,
        id: i64,
        dir: &Path,
    ) -> AppResult<PathBuf> {
        let (row, sha) = self.evidence_file(year, id)?;
        let folder = dir.join(id.to_string());
        std::fs::create_dir_all(&folder).map_err(|e| crate::files::unwritable(&folder, e))?;
        let dest = folder.join(crate::files::safe_name(&row.name));
        self.copy_verified(&sha, &dest)?;
        Ok(dest)
    }

    /// The row of a stored evidence file and its sha256 (a link is refused).
    fn evidence_file(&self, year: impl Into<Year>, id: i64) -> AppResult<(EvidenceRow, String)> {
        let a = self.assessment(year)?;
        let row =
            evidence::get(self.store.conn(), a.id, id)?.ok_or_else(|| not_found(id, a.year))?;
        let sha = row.sha256.clone().ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("evidence {id} is a link, not a file"),
            )
        })?;
        Ok((row, sha))
    }

    /// Stream a stored file out to `dest` (atomically), checked against its sha256 on the
    /// way: a damaged file leaves nothing under `dest`.
    fn copy_verified(&self, sha: &str, dest: &Path) -> AppResult<()> {
        let mut reader = self.store.blobs().open_verified(sha)?;
        crate::files::write_atomically(dest, |file, _| {
            std::io::copy(&mut reader, file).map_err(|e| stream_error(sha, dest, e))?;
            Ok(())
        })
    }

    /// Check the evidence of an assessment: every stored file streamed through its sha256
    /// (damaged or missing), and the evidence folder for files the database does not record
    /// (strays: leftovers of an interrupted add, or anything else put there).
    pub fn verify_evidence(&mut self, year: impl Into<Year>) -> AppResult<EvidenceCheckDto> {
        let a = self.assessment(year)?;
        let rows = evidence::list(self.store.conn(), a.id, None)?;
        let mut check = EvidenceCheckDto::default();
        for dto in with_labels(rows, &[]) {
            let Some(sha) = &dto.sha256 else { continue };
            check.files += 1;
            match self.store.blobs().check(sha)? {
                BlobState::Intact => {}
                BlobState::Damaged => check.damaged.push(dto),
                BlobState::Missing => check.missing.push(dto),
            }
        }
        let known = evidence::blob_shas(self.store.conn())?;
        let root = self.store.blobs().root().to_owned();
        check.strays = self
            .store
            .blobs()
            .strays(&known)?
            .into_iter()
            .map(|s| StrayDto {
                path: s
                    .path
                    .strip_prefix(&root)
                    .unwrap_or(&s.path)
                    .to_string_lossy()
                    .into_owned(),
                kind: match s.kind {
                    StrayKind::Incoming => "incoming",
                    StrayKind::Unrecorded => "unrecorded",
                    StrayKind::Foreign => "foreign",
                }
                .into(),
            })
            .collect();
        Ok(check)
    }

    fn evidence_by_ids(
        &self,
        assessment_id: i64,
        indicator: u32,
        ids: &[(i64, bool)],
    ) -> AppResult<Vec<EvidenceDto>> {
        let rows = evidence::list(self.store.conn(), assessment_id, Some(indicator))?;
        let all = with_labels(rows, ids);
        Ok(ids
            .iter()
            .filter_map(|(id, _)| all.iter().find(|e| e.id == *id).cloned())
            .collect())
    }
}

/// An error while streaming a stored file out: damaged (EVIDENCE_CORRUPT) or the write.
pub(crate) fn stream_error(sha: &str, dest: &Path, e: std::io::Error) -> AppError {
    if e.kind() == std::io::ErrorKind::InvalidData {
        AppError::new(
            ErrorCode::EvidenceCorrupt,
            format!("evidence file {sha} is damaged: its content no longer matches its sha256"),
        )
    } else {
        crate::files::unwritable(dest, e)
    }
}

fn not_found(id: i64, year: i32) -> AppError {
    AppError::new(
        ErrorCode::EvidenceNotFound,
        format!("evidence {id} does not exist in the {year} assessment"),
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn check_file(path: &Path) -> AppResult<()> {
    let meta = std::fs::metadata(path).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read evidence file {}: {e}", path.display()),
        )
    })?;
    if meta.is_dir() {
        return Err(AppError::new(
            ErrorCode::FileUnreadable,
            format!("{} is a folder; attach the files inside it", path.display()),
        ));
    }
    if meta.len() == 0 {
        return Err(AppError::new(
            ErrorCode::FileEmpty,
            format!("{} is empty (0 bytes)", path.display()),
        ));
    }
    if meta.len() > EVIDENCE_MAX_BYTES {
        return Err(AppError::new(
            ErrorCode::FileTooLarge,
            format!(
                "{} is {} MiB; evidence files may be at most {} MiB",
                path.display(),
                meta.len() / (1024 * 1024),
                EVIDENCE_MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::File::open(path).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read evidence file {}: {e}", path.display()),
        )
    })?;
    Ok(())
}

/// A document date must be a real calendar date YYYY-MM-DD.
fn check_date(text: &str) -> AppResult<String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("document date '{text}' is not a date like 2026-03-31"),
            )
        })
}

/// Rows of one or more indicators -> DTOs with their "7.a" labels (attachment order).
pub(crate) fn with_labels(rows: Vec<EvidenceRow>, fresh: &[(i64, bool)]) -> Vec<EvidenceDto> {
    let mut out = Vec::with_capacity(rows.len());
    let mut current = (u32::MAX, 0usize);
    for r in rows {
        if r.indicator != current.0 {
            current = (r.indicator, 0);
        }
        let label = format!("{}.{}", r.indicator, letter(current.1));
        current.1 += 1;
        out.push(EvidenceDto {
            newly_attached: fresh
                .iter()
                .find(|(id, _)| *id == r.id)
                .is_none_or(|(_, n)| *n),
            id: r.id,
            indicator: r.indicator,
            conventional_name: conventional_name(&label, &r.name),
            claims_indicator: claimed_indicator(&r.name).filter(|n| *n != r.indicator),
            label,
            kind: r.kind,
            name: r.name,
            sha256: r.sha256,
            size: r.size,
            media_type: r.media_type,
            url: r.url,
            note: r.note,
            document_date: r.document_date,
            added_at: r.added_at,
            added_by: r.added_by,
            butir: r.butir,
            carried_from: r.carried_from,
        });
    }
    out
}

/// 0 -> a, 25 -> z, 26 -> aa.
fn letter(i: usize) -> String {
    let mut n = i;
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters_follow_spreadsheet_style() {
        let got: Vec<String> = [0, 1, 25, 26, 27]
            .iter()
            .map(|&i| super::letter(i))
            .collect();
        assert_eq!(got, ["a", "b", "z", "aa", "ab"]);
    }
}
