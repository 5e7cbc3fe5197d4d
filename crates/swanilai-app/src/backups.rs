//! Automatic backups before destructive work, and their restore.
//!
//! Before an import writes, before a package merge, before a restore and before the
//! window opens another database file, a consistent snapshot of the database (the
//! store's `copy_into`: one read transaction, so consistent under WAL too) is written to
//! `<stem>.backups/<time>-<reason>.db` beside it, with the evidence files it may need
//! hard-linked (copied where a link cannot be made) into `<time>-<reason>.evidence/`: the
//! evidence folder is content-addressed and its files never change, so a link costs no
//! space, and the open-time sweep of unrecorded files cannot take a backup's files away.
//! Only the newest [`BACKUPS_KEPT`] are kept.
//!
//! A restore previews first (what the backup holds against the database now; changes
//! nothing), then: backs up the current state, links the backup's evidence files back,
//! and replaces the database's content with the backup's through SQLite's backup API in
//! one write transaction. The backup's content gets its `database.restore` audit entry
//! (who, from which backup, the chain head it replaces) in a scratch copy before that
//! replacement, so the restored state lands with its entry or not at all, and `audit
//! verify` passes afterwards.

use std::path::{Path, PathBuf};

use serde::Serialize;
use swanilai_store::audit::{self, NewEntry};
use swanilai_store::{OpenMode, Store};

use crate::{App, AppError, AppResult, Clock, ErrorCode, FixedClock, SystemClock};

/// How many automatic backups are kept beside a database (the oldest go first).
pub const BACKUPS_KEPT: usize = 10;

/// Why a backup was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Before a workbook import wrote.
    Import,
    /// Before the window opened this database file (opening may upgrade it and sweeps
    /// unrecorded evidence files).
    Reopen,
    /// Before a returned package was merged.
    Merge,
    /// Before another backup was restored over it.
    Restore,
    /// Asked for (`swanilai backup create`).
    Manual,
    /// A file in the backups folder named otherwise.
    Other,
}

impl BackupReason {
    fn word(self) -> &'static str {
        match self {
            BackupReason::Import => "import",
            BackupReason::Reopen => "reopen",
            BackupReason::Merge => "merge",
            BackupReason::Restore => "restore",
            BackupReason::Manual => "manual",
            BackupReason::Other => "other",
        }
    }

    fn from_word(word: &str) -> BackupReason {
        [
            BackupReason::Import,
            BackupReason::Reopen,
            BackupReason::Merge,
            BackupReason::Restore,
            BackupReason::Manual,
        ]
        .into_iter()
        .find(|r| r.word() == word)
        .unwrap_or(BackupReason::Other)
    }
}

/// One assessment as a database (now, or in a backup) holds it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupAssessmentDto {
    /// The assessment year.
    pub year: i32,
    /// Indicators with a level.
    pub answered: u32,
    /// Indicators of its framework.
    pub total: u32,
    /// The index in Indonesian display ("2,77"); null when nothing is answered.
    pub index_text: Option<String>,
    /// The predikat; null when nothing is answered.
    pub rating: Option<String>,
    /// Finalized (read-only) or still open.
    pub finalized: bool,
}

/// What a database holds, in brief: for a backup's list entry and the restore preview.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupDbStateDto {
    /// The instansi's name (null before the first run).
    pub instansi: Option<String>,
    /// Newest year first.
    pub assessments: Vec<BackupAssessmentDto>,
    /// Entries in the audit log.
    pub audit_entries: u64,
    /// The chain head's fingerprint, "seq-hash[..12]" (as in exports and documents).
    pub audit_head: String,
}

/// A backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupInfoDto {
    /// Its name without `.db`: "20261130T010203Z-import"; what restore takes.
    pub id: String,
    /// When it was written (UTC, "2026-11-30T01:02:03Z"); empty when its name says not.
    pub at: String,
    /// Why it was written.
    pub reason: BackupReason,
    /// The database copy's size in bytes (its evidence files are links: no extra space).
    #[ts(type = "number")]
    pub bytes: u64,
    /// Evidence files kept with it.
    pub evidence_files: u32,
    /// The database copy's path.
    pub path: String,
    /// What it holds; null when it cannot be read (then `problem` says why).
    pub state: Option<BackupDbStateDto>,
    /// Why its content cannot be read, if it cannot.
    pub problem: Option<String>,
}

/// The backups of the open database.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BackupListDto {
    /// The backups folder (`<stem>.backups` beside the database).
    pub dir: String,
    /// How many are kept ([`BACKUPS_KEPT`]).
    pub kept: u32,
    /// All database copies together, in bytes.
    #[ts(type = "number")]
    pub total_bytes: u64,
    /// Newest first.
    pub backups: Vec<BackupInfoDto>,
    /// What the database holds now, to set each backup against (the restore's preview).
    pub current: BackupDbStateDto,
}

/// What restoring a backup would change: its content against the database now.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RestorePreviewDto {
    /// The backup, with what it holds.
    pub backup: BackupInfoDto,
    /// What the database holds now.
    pub current: BackupDbStateDto,
}

/// A restore done.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RestoreReportDto {
    /// The backup restored.
    pub restored: String,
    /// The backup of the state before the restore (restoring it undoes this one).
    pub backup_before: BackupInfoDto,
    /// What the database holds now.
    pub state: BackupDbStateDto,
}

impl App {
    /// The automatic backups of the open database, newest first, each with what it holds.
    pub fn backups(&mut self) -> AppResult<BackupListDto> {
        let dir = backups_dir(self.db_path());
        let backups: Vec<BackupInfoDto> = list_files(&dir)?.iter().map(|p| info_of(p)).collect();
        Ok(BackupListDto {
            dir: dir.display().to_string(),
            kept: BACKUPS_KEPT as u32,
            total_bytes: backups.iter().map(|b| b.bytes).sum(),
            backups,
            current: self.db_state()?,
        })
    }

    /// Write a backup now (`swanilai backup create`).
    pub fn backup_now(&mut self) -> AppResult<BackupInfoDto> {
        let path = self.auto_backup(BackupReason::Manual)?;
        Ok(info_of(&path))
    }

    /// What restoring backup `id` would change. Writes nothing, neither to the database
    /// nor to the backup.
    pub fn restore_preview(&mut self, id: &str) -> AppResult<RestorePreviewDto> {
        let path = self.backup_path(id)?;
        Ok(RestorePreviewDto {
            backup: info_of(&path),
            current: self.db_state()?,
        })
    }

    /// Restore backup `id` (the supervisor): the current state is backed up first, then
    /// the database's content is replaced by the backup's in one transaction, with a
    /// `database.restore` audit entry.
    pub fn restore_backup(&mut self, id: &str) -> AppResult<RestoreReportDto> {
        let path = self.backup_path(id)?;
        if let Some(why) = self.read_only() {
            return Err(AppError::new(
                ErrorCode::DatabaseReadOnly,
                format!(
                    "database {} is read-only ({why}); a backup cannot be restored into it",
                    self.db_path().display()
                ),
            ));
        }
        let actor = self.require_admin()?;
        let now = self.clock.now();
        let before = audit::head_fingerprint(self.store.conn())?;
        // The backup's content, upgraded and with its restore entry, in a scratch copy.
        let scratch = tempfile::Builder::new()
            .prefix("swanilai-restore-")
            .tempdir()
            .map_err(|e| crate::files::unwritable(&std::env::temp_dir(), e))?;
        let copy = scratch.path().join("restore.db");
        std::fs::copy(&path, &copy).map_err(|e| crate::files::unwritable(&copy, e))?;
        let mut restored = App::open_with_clock(
            &copy,
            crate::Open::Existing,
            Box::new(FixedClock(now.clone())),
        )?;
        let after = serde_json::json!({
            "backup": id,
            "backup_head": audit::head_fingerprint(restored.store.conn())?,
        })
        .to_string();
        // The restore entry is a keyed checkpoint like any other change: signed with the
        // supervisor's key when the backup knows that key, and the key registered in the same
        // transaction when the backup's account has none yet (a backup from before keys). A
        // backup made before the supervisor's last password change holds another key: the
        // entry then stays unsigned, and `audit verify` says so (ARCHITECTURE.md).
        let signer = self.store.signer().cloned();
        let live = self.actor.as_ref().map(|a| a.account.clone());
        let in_backup = swanilai_store::accounts::by_name(restored.store.conn(), &actor)?;
        let register = match (&signer, &in_backup, &live) {
            (Some(_), Some(b), Some(l)) if b.public_key.is_empty() && !l.public_key.is_empty() => {
                Some((b.clone(), l.key_salt.clone()))
            }
            _ => None,
        };
        let same_key =
            matches!((&signer, &in_backup), (Some(s), Some(b)) if s.public_key() == b.public_key);
        restored
            .store
            .set_signer(signer.clone().filter(|_| same_key || register.is_some()));
        restored.store.transaction(|tx, _| {
            if let (Some((account, salt)), Some(key)) = (&register, &signer) {
                crate::signing::register_key(tx, &now, &actor, account, salt, key)?;
            }
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "database.restore",
                    year: None,
                    indicator: None,
                    entity: "database",
                    before: serde_json::json!({ "audit_head": before }).to_string(),
                    after,
                },
            )
        })?;
        let backup_before = self.auto_backup(BackupReason::Restore)?;
        link_tree(&swanilai_store::evidence_dir(&path), &self.evidence_dir())?;
        self.store.replace_with(&restored.store)?;
        drop(restored);
        self.catalogs.clear();
        // The signed-in account as the restored database knows it (or nobody), and its key
        // only while the restored account still has it.
        if let Some(a) = self.actor.take() {
            self.actor = swanilai_store::accounts::by_name(self.store.conn(), &a.account.name)?
                .map(|account| crate::access::Actor { account });
        }
        let keep = match (&self.actor, self.store.signer()) {
            (Some(a), Some(s)) => a.account.public_key == s.public_key(),
            _ => false,
        };
        if !keep {
            self.store.set_signer(None);
        }
        Ok(RestoreReportDto {
            restored: id.to_owned(),
            backup_before: info_of(&backup_before),
            state: self.db_state()?,
        })
    }

    /// Write a backup of the open database for `reason` into its backups folder and keep
    /// only the newest [`BACKUPS_KEPT`]; returns the database copy's path. Nothing is
    /// written for a read-only database (it cannot be changed, so nothing is at risk).
    pub(crate) fn auto_backup(&mut self, reason: BackupReason) -> AppResult<PathBuf> {
        let db = self.db_path().to_owned();
        let dest = new_backup_path(&db, &self.clock.now(), reason)?;
        let store = &self.store;
        crate::files::write_atomically(&dest, |_, tmp| Ok(store.copy_into(tmp)?))?;
        link_tree(&self.evidence_dir(), &swanilai_store::evidence_dir(&dest))?;
        prune(&backups_dir(&db))?;
        Ok(dest)
    }

    /// Back up the database file at `db` before it is opened for writing (the window's
    /// "open another database"): opening may upgrade its schema and sweeps evidence files
    /// it does not record. Nothing is written when `db` does not exist yet, is empty, or
    /// cannot be written (it will open read-only, changing nothing).
    pub fn backup_before_open(db: &Path) -> AppResult<Option<BackupInfoDto>> {
        let writable = std::fs::OpenOptions::new().write(true).open(db).is_ok();
        if !writable || db.metadata().map(|m| m.len()).unwrap_or(0) == 0 {
            return Ok(None);
        }
        let dest = match new_backup_path(db, &SystemClock.now(), BackupReason::Reopen) {
            Ok(dest) => dest,
            // A folder that cannot be written: the database opens read-only.
            Err(e) if e.code == ErrorCode::FileUnwritable => return Ok(None),
            Err(e) => return Err(e),
        };
        let written = crate::files::write_atomically(&dest, |_, tmp| {
            Ok(swanilai_store::snapshot_file(db, tmp)?)
        });
        match written {
            Ok(()) => {}
            // Not a database (or not ours): opening it says so; there is nothing to keep.
            Err(e) if matches!(e.code, ErrorCode::NotADatabase) => return Ok(None),
            Err(e) => return Err(e),
        }
        link_tree(
            &swanilai_store::evidence_dir(db),
            &swanilai_store::evidence_dir(&dest),
        )?;
        prune(&backups_dir(db))?;
        Ok(Some(info_of(&dest)))
    }

    /// The path of backup `id`, or BACKUP_NOT_FOUND.
    fn backup_path(&self, id: &str) -> AppResult<PathBuf> {
        let plain = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let path = backups_dir(self.db_path()).join(format!("{id}.db"));
        if !plain || !path.is_file() {
            return Err(AppError::new(
                ErrorCode::BackupNotFound,
                format!(
                    "there is no backup {id:?} in {}; `swanilai backup list` shows them",
                    backups_dir(self.db_path()).display()
                ),
            ));
        }
        Ok(path)
    }

    /// What this database holds, in brief.
    fn db_state(&mut self) -> AppResult<BackupDbStateDto> {
        let mut assessments = Vec::new();
        let mut rows = swanilai_store::assessments::list(self.store.conn())?;
        rows.sort_by_key(|a| std::cmp::Reverse(a.year));
        for a in rows {
            let index = self.index(a.year)?;
            assessments.push(BackupAssessmentDto {
                year: a.year,
                answered: index.answered,
                total: index.total,
                index_text: index.index_text,
                rating: index.rating,
                finalized: a.status == swanilai_core::workflow::AssessmentStatus::Finalized,
            });
        }
        let conn = self.store.conn();
        Ok(BackupDbStateDto {
            instansi: swanilai_store::instansi::get(conn)?.map(|i| i.name),
            assessments,
            audit_entries: audit::count(conn)?,
            audit_head: audit::head_fingerprint(conn)?,
        })
    }
}

/// `<stem>.backups` beside the database.
fn backups_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "swanilai".into());
    db.with_file_name(format!("{stem}.backups"))
}

/// A new, unused `<time>-<reason>[-n].db` in the backups folder (made if missing).
fn new_backup_path(db: &Path, now: &str, reason: BackupReason) -> AppResult<PathBuf> {
    let dir = backups_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| crate::files::unwritable(&dir, e))?;
    let stamp: String = now.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    // Backups within the same second count on from the highest `-n` of that second (of
    // any reason), so the newest always sorts last, even after older ones were pruned.
    let last = list_files(&dir)?
        .iter()
        .map(|p| id_of(p))
        .filter(|id| id.starts_with(&format!("{stamp}-")))
        .map(|id| suffix_of(&id))
        .max();
    let word = reason.word();
    let mut n = last.map_or(1, |n| n + 1);
    loop {
        let name = match n {
            1 => format!("{stamp}-{word}.db"),
            n => format!("{stamp}-{word}-{n}.db"),
        };
        let dest = dir.join(name);
        if !dest.exists() && !swanilai_store::evidence_dir(&dest).exists() {
            return Ok(dest);
        }
        n += 1;
    }
}

/// The `-n` of a backup made in the same second as others (1 for the first).
fn suffix_of(id: &str) -> u32 {
    id.rsplit_once('-')
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(1)
}

/// The database copies in the backups folder, newest first (by the time in their name;
/// a file named otherwise counts as the oldest).
fn list_files(dir: &Path) -> AppResult<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| crate::files::unwritable(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "db")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    // Two backups in the same second are told apart by their `-n` suffix.
    files.sort_by_key(|p| {
        let id = id_of(p);
        std::cmp::Reverse((time_of(&id), suffix_of(&id), id))
    });
    Ok(files)
}

/// Remove all but the newest [`BACKUPS_KEPT`] backups (each with its evidence links).
fn prune(dir: &Path) -> AppResult<()> {
    for old in list_files(dir)?.iter().skip(BACKUPS_KEPT) {
        std::fs::remove_file(old).map_err(|e| crate::files::unwritable(old, e))?;
        let evidence = swanilai_store::evidence_dir(old);
        if evidence.exists() {
            std::fs::remove_dir_all(&evidence)
                .map_err(|e| crate::files::unwritable(&evidence, e))?;
        }
    }
    Ok(())
}

fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// "2026-11-30T01:02:03Z" from an id starting "20261130T010203Z-"; empty otherwise.
fn time_of(id: &str) -> String {
    let b = id.as_bytes();
    let shaped = b.len() > 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[16] == b'-'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit);
    if !shaped {
        return String::new();
    }
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &id[0..4],
        &id[4..6],
        &id[6..8],
        &id[9..11],
        &id[11..13],
        &id[13..15]
    )
}

fn reason_of(id: &str) -> BackupReason {
    if time_of(id).is_empty() {
        return BackupReason::Other;
    }
    let word = id[17..].split('-').next().unwrap_or_default();
    BackupReason::from_word(word)
}

/// A backup's entry, with what it holds (read without writing to it).
fn info_of(path: &Path) -> BackupInfoDto {
    let id = id_of(path);
    let (state, problem) = match read_state(path) {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e.message)),
    };
    BackupInfoDto {
        at: time_of(&id),
        reason: reason_of(&id),
        bytes: path.metadata().map(|m| m.len()).unwrap_or(0),
        evidence_files: count_files(&swanilai_store::evidence_dir(path)),
        path: path.display().to_string(),
        id,
        state,
        problem,
    }
}

/// What a backup holds: read-only when its schema is current, else from a scratch copy
/// upgraded as opening would (the backup itself is never written).
fn read_state(path: &Path) -> AppResult<BackupDbStateDto> {
    let clock = || Box::new(FixedClock(String::new())) as Box<dyn Clock>;
    match Store::open(path, OpenMode::ReadOnly) {
        Ok(store) => App::over(store, clock()).db_state(),
        Err(_) => {
            let scratch = tempfile::Builder::new()
                .prefix("swanilai-backup-")
                .tempdir()
                .map_err(|e| crate::files::unwritable(&std::env::temp_dir(), e))?;
            let copy = scratch.path().join("backup.db");
            std::fs::copy(path, &copy).map_err(|e| crate::files::unwritable(&copy, e))?;
            App::open_with_clock(&copy, crate::Open::Existing, clock())?.db_state()
        }
    }
}

fn count_files(dir: &Path) -> u32 {
    let mut count = 0;
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if !entry.file_name().to_string_lossy().starts_with('.') {
                count += 1;
            }
        }
    }
    count
}

/// Hard-link every evidence file under `from` that `to` lacks to the same place under
/// `to` (copied, through a temporary name, where a link cannot be made); the store's own
/// dot files (`.lock`, `.incoming-*`) are not evidence and stay.
fn link_tree(from: &Path, to: &Path) -> AppResult<()> {
    let mut stack = vec![from.to_owned()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let target = to.join(dir.strip_prefix(from).unwrap_or(Path::new("")));
        std::fs::create_dir_all(&target).map_err(|e| crate::files::unwritable(&target, e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let dest = target.join(entry.file_name());
            if dest.exists() || std::fs::hard_link(&path, &dest).is_ok() {
                continue;
            }
            crate::files::write_atomically(&dest, |file, _| {
                let mut src = std::fs::File::open(&path).map_err(|e| {
                    AppError::new(
                        ErrorCode::FileUnreadable,
                        format!("cannot read {}: {e}", path.display()),
                    )
                })?;
                std::io::copy(&mut src, file).map_err(|e| crate::files::unwritable(&dest, e))
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_time_and_reason() {
        let id = "20261130T010203Z-import-2";
        assert_eq!(time_of(id), "2026-11-30T01:02:03Z");
        assert_eq!(reason_of(id), BackupReason::Import);
        assert_eq!(reason_of("20261130T010203Z-restore"), BackupReason::Restore);
        assert_eq!(
            time_of("kab-sebelum-gabung"),
            "",
            "an older name has no time"
        );
        assert_eq!(reason_of("kab-sebelum-gabung"), BackupReason::Other);
    }
}
