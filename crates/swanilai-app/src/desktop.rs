//! Use cases the desktop window needs beyond the CLI's: a summary of the open database,
//! a backup copy (database + evidence folder) and the content of one evidence file for
//! preview.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{App, AppError, AppResult, AssessmentDto, ErrorCode, InstansiDto};

/// What the window shows about the open database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DatabaseDto {
    pub db_path: String,
    pub evidence_dir: String,
    /// None until the first-run form is filled in.
    pub instansi: Option<InstansiDto>,
    /// Newest first.
    pub assessments: Vec<AssessmentDto>,
}

/// A backup copy just written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupDto {
    pub path: String,
    pub evidence_dir: String,
    pub evidence_files: u32,
    pub bytes: u64,
}

/// Progress of a long job (export, import, evidence package) sent to the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ProgressDto {
    /// "prepare", "write", "done", ...
    pub stage: String,
    pub done: u64,
    pub total: u64,
}

/// One stored evidence file, read and verified against its sha256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceContent {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

impl App {
    pub fn database_summary(&mut self) -> AppResult<DatabaseDto> {
        let mut assessments = self.assessments()?;
        assessments.sort_by_key(|a| std::cmp::Reverse(a.year));
        Ok(DatabaseDto {
            db_path: self.db_path().display().to_string(),
            evidence_dir: self.evidence_dir().display().to_string(),
            instansi: self.instansi()?,
            assessments,
        })
    }

    /// Write a consistent copy of the database (SQLite `VACUUM INTO`) to `dest` and copy
    /// the evidence folder beside it, so that the copy opens like the original. `dest`
    /// must not exist yet: a backup never overwrites anything.
    pub fn backup_to(&mut self, dest: &Path) -> AppResult<BackupDto> {
        if dest.exists() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{} already exists; a backup never overwrites a file",
                    dest.display()
                ),
            ));
        }
        if dest == self.db_path() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "the backup must go to another file than the open database",
            ));
        }
        let tmp = dest.with_extension("db.partial");
        let _ = std::fs::remove_file(&tmp);
        self.store
            .conn()
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy().as_ref()])
            .map_err(|e| io_error(&tmp, e))?;
        std::fs::rename(&tmp, dest).map_err(|e| io_error(dest, e))?;
        let to = swanilai_store::evidence_dir(dest);
        let files = copy_tree(&self.evidence_dir(), &to)?;
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupDto {
            path: dest.display().to_string(),
            evidence_dir: to.display().to_string(),
            evidence_files: files,
            bytes,
        })
    }

    /// The bytes of one stored evidence file (verified), for preview or opening.
    pub fn evidence_content(&mut self, year: Option<i32>, id: i64) -> AppResult<EvidenceContent> {
        let list = self.evidence(year, None)?;
        let e = list.into_iter().find(|e| e.id == id).ok_or_else(|| {
            AppError::new(
                ErrorCode::EvidenceNotFound,
                format!("evidence {id} does not exist in this assessment"),
            )
        })?;
        let sha = e.sha256.ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("evidence {id} is a link, not a file"),
            )
        })?;
        let bytes = self.store.blobs().read_verified(&sha)?;
        Ok(EvidenceContent {
            name: e.name,
            media_type: e
                .media_type
                .unwrap_or_else(|| "application/octet-stream".into()),
            bytes,
        })
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::FileUnreadable,
        format!("cannot write {}: {e}", path.display()),
    )
}

/// Copy every file under `from` to the same place under `to`; returns the file count.
fn copy_tree(from: &Path, to: &Path) -> AppResult<u32> {
    if !from.exists() {
        return Ok(0);
    }
    let mut count = 0;
    let mut stack: Vec<PathBuf> = vec![from.to_owned()];
    while let Some(dir) = stack.pop() {
        let rel = dir.strip_prefix(from).unwrap_or(Path::new(""));
        let target = to.join(rel);
        std::fs::create_dir_all(&target).map_err(|e| io_error(&target, e))?;
        let entries = std::fs::read_dir(&dir).map_err(|e| io_error(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&dir, e))?;
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let dest = target.join(entry.file_name());
                std::fs::copy(&path, &dest).map_err(|e| io_error(&dest, e))?;
                count += 1;
            }
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use crate::{App, InstansiInput, InstansiKind, Open};

    #[test]
    fn backup_opens_like_the_original_and_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("a.db");
        let mut app = App::open(&db, Open::CreateIfMissing).expect("open");
        app.init(InstansiInput {
            name: "Kabupaten Uji".into(),
            kind: InstansiKind::Kabupaten,
            coordinator_name: String::new(),
            coordinator_nip: String::new(),
            address: String::new(),
        })
        .expect("init");
        app.new_assessment(2026, None).expect("assessment");
        let pdf = dir.path().join("1.a.Perbup.pdf");
        std::fs::write(&pdf, crate::demo::minimal_pdf("x")).expect("pdf");
        app.add_evidence_files(None, 1, &[pdf], None)
            .expect("evidence");
        let dest = dir.path().join("copy.db");
        let b = app.backup_to(&dest).expect("backup");
        assert_eq!(b.evidence_files, 1, "the one evidence file is copied");
        let mut copy = App::open(&dest, Open::Existing).expect("open copy");
        let s = copy.database_summary().expect("session");
        assert_eq!(s.assessments.len(), 1);
        assert_eq!(
            copy.verify_evidence(None).expect("verify").len(),
            0,
            "evidence intact in the copy"
        );
        let again = app.backup_to(&dest).expect_err("must refuse to overwrite");
        assert_eq!(again.code, crate::ErrorCode::InvalidInput);
    }
}
