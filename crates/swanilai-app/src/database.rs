//! The open database as a whole: what it holds, the first run (a profile and its first
//! assessment, or the demo kabupaten), and a backup copy (database + evidence folder).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::{App, AppError, AppResult, AssessmentDto, ErrorCode, InstansiDto, InstansiInput};

/// What the window shows about the open database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DatabaseDto {
    /// The database file's path.
    pub db_path: String,
    /// The evidence folder beside it (`<stem>.evidence`), where attached files are kept by
    /// sha256.
    pub evidence_dir: String,
    /// None until the first-run form is filled in.
    pub instansi: Option<InstansiDto>,
    /// Newest first.
    pub assessments: Vec<AssessmentDto>,
}

/// A backup copy just written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupDto {
    /// The database copy's path (the `dest` asked for).
    pub path: String,
    /// The evidence folder copied beside it (`<stem>.evidence`).
    pub evidence_dir: String,
    /// How many evidence files were copied.
    pub evidence_files: u32,
    /// The database copy's size in bytes (the evidence folder not counted).
    pub bytes: u64,
}

impl App {
    /// The instansi, the assessments (newest first) and where the files are.
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

    /// First run as one step for the user: the instansi profile and its first assessment.
    pub fn start(
        &mut self,
        input: InstansiInput,
        year: i32,
        framework_id: Option<&str>,
    ) -> AppResult<DatabaseDto> {
        self.init(input)?;
        self.new_assessment(year, framework_id)?;
        self.database_summary()
    }

    /// First run: fill the empty database with the demo kabupaten (two years, evidence) to
    /// try the app; its generated evidence files are written to a scratch folder first,
    /// removed afterwards.
    pub fn load_demo(&mut self) -> AppResult<DatabaseDto> {
        let scratch = tempfile::Builder::new()
            .prefix("swanilai-demo-")
            .tempdir()
            .map_err(|e| crate::files::unwritable(&std::env::temp_dir(), e))?;
        self.demo(scratch.path())?;
        self.database_summary()
    }

    /// Write a consistent copy of the database (the store's `copy_into`) to `dest` and copy
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
        let store = &self.store;
        crate::files::write_atomically(dest, |_, tmp| Ok(store.copy_into(tmp)?))?;
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
}

/// Copy every file under `from` (but the store's own dot files) to the same place under
/// `to`; returns the file count.
fn copy_tree(from: &Path, to: &Path) -> AppResult<u32> {
    if !from.exists() {
        return Ok(0);
    }
    let mut count = 0;
    let mut stack: Vec<PathBuf> = vec![from.to_owned()];
    while let Some(dir) = stack.pop() {
        let rel = dir.strip_prefix(from).unwrap_or(Path::new(""));
        let target = to.join(rel);
        std::fs::create_dir_all(&target).map_err(|e| crate::files::unwritable(&target, e))?;
        let entries = std::fs::read_dir(&dir).map_err(|e| crate::files::unwritable(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| crate::files::unwritable(&dir, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                // The store's lock and temporary copies (`.lock`, `.incoming-*`): not evidence.
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                // Each file whole or not at all, like the database copy itself.
                let dest = target.join(entry.file_name());
                crate::files::write_atomically(&dest, |file, _| {
                    let mut from = std::fs::File::open(&path).map_err(|e| {
                        AppError::new(
                            ErrorCode::FileUnreadable,
                            format!("cannot read {}: {e}", path.display()),
                        )
                    })?;
                    std::io::copy(&mut from, file).map_err(|e| crate::files::unwritable(&dest, e))
                })?;
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
        assert!(
            copy.verify_evidence(None).expect("verify").is_clean(),
            "evidence intact in the copy"
        );
        let again = app.backup_to(&dest).expect_err("must refuse to overwrite");
        assert_eq!(again.code, crate::ErrorCode::InvalidInput);
    }
}
