//! Files the app writes for people: one rule, "write to a temporary name beside the
//! destination, then rename", so an interrupted export, document, backup or settings
//! write never leaves a half-written file under the chosen name. The temporary file is
//! tempfile's `NamedTempFile` (removed on drop), locked while it is written; the rename is
//! atomic on one file system. A write killed half-way leaves its temporary file, unlocked:
//! the next write to the same name removes it.
//!
//! The evidence folder (swanilai-store's `blobs`) follows the same rule with its own
//! temporary file, because its final name (the sha256) is known only after the copy.

use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::{AppError, AppResult, ErrorCode};

/// The one way a file the app writes fails: `FILE_UNWRITABLE`, naming the destination.
pub fn unwritable(path: &Path, e: impl std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::FileUnwritable,
        format!("cannot write {}: {e}", path.display()),
    )
}

/// Write `out` through a temporary file in the same folder: `write` fills the temporary
/// file (given as an open file and its path, for writers that want a path); on success it
/// is flushed to disk and renamed to `out`, on failure it is removed and `out` is left as
/// it was. The temporary name keeps `out`'s extension (some writers insist on it).
pub fn write_atomically<T>(
    out: &Path,
    write: impl FnOnce(&mut std::fs::File, &Path) -> AppResult<T>,
) -> AppResult<T> {
    let dir = folder_of(out);
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "swanilai".into());
    let ext = out
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let (prefix, suffix) = (format!(".{name}."), format!(".partial{ext}"));
    sweep_leftovers(&dir, &prefix, &suffix);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(&suffix)
        .tempfile_in(&dir)
        .map_err(|e| unwritable(out, e))?;
    // Held while the file is written: a process killed mid-write loses its lock with it, so
    // the next write to the same name knows the temporary file is a leftover.
    tmp.as_file().lock().map_err(|e| unwritable(out, e))?;
    let path = tmp.path().to_owned();
    let value = write(tmp.as_file_mut(), &path)?;
    persist(tmp, out)?;
    Ok(value)
}

/// Remove the temporary files of earlier writes to the same name that died (killed, power
/// cut): those whose lock nobody holds. A live writer's file is left alone.
fn sweep_leftovers(dir: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(suffix)) {
            continue;
        }
        let Ok(file) = std::fs::File::open(e.path()) else {
            continue;
        };
        if file.try_lock().is_ok() {
            drop(file);
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A point where a test can hold a long job, to look at it midway without racing it
/// (the e2e suite closes the window while the evidence package is written): when
/// `SWANILAI_HOLD_DIR` names a folder that holds a file named `point`, wait until that
/// file is removed, two minutes at most. Without the variable (every real use), nothing.
pub fn hold(point: &str) {
    let Some(dir) = std::env::var_os("SWANILAI_HOLD_DIR") else {
        return;
    };
    let gate = Path::new(&dir).join(point);
    let end = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while gate.exists() && std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Write `bytes` to `out` atomically.
pub fn write_bytes_atomically(out: &Path, bytes: &[u8]) -> AppResult<()> {
    write_atomically(out, |file, _| {
        std::io::Write::write_all(file, bytes).map_err(|e| unwritable(out, e))
    })
}

fn persist(tmp: NamedTempFile, out: &Path) -> AppResult<()> {
    // A writer given the path may have replaced the file: sync what is at the path now.
    std::fs::File::open(tmp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| unwritable(out, e))?;
    tmp.persist(out).map_err(|e| unwritable(out, e.error))?;
    Ok(())
}

/// The folder a file goes in ("." for a bare file name).
fn folder_of(out: &Path) -> PathBuf {
    out.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_owned)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A file name safe on every system: path separators, reserved and control characters
/// replaced; never empty, never `..`.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "berkas".into()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|r| {
                r.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("rekap.xlsx");
        std::fs::write(&out, b"old").expect("old");
        let err = write_atomically(&out, |file, path| {
            std::io::Write::write_all(file, b"half").expect("write");
            assert!(path.to_string_lossy().ends_with(".partial.xlsx"));
            Err::<(), _>(AppError::new(ErrorCode::Internal, "interrupted"))
        })
        .expect_err("the writer failed");
        assert_eq!(err.message, "interrupted");
        assert_eq!(std::fs::read(&out).expect("read"), b"old");
        assert_eq!(names(dir.path()), vec!["rekap.xlsx".to_owned()]);
    }

    #[test]
    fn a_whole_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("berita-acara.pdf");
        std::fs::write(&out, b"old").expect("old");
        write_bytes_atomically(&out, b"%PDF-new").expect("write");
        assert_eq!(std::fs::read(&out).expect("read"), b"%PDF-new");
        assert_eq!(names(dir.path()), vec!["berita-acara.pdf".to_owned()]);
    }

    #[test]
    fn a_dead_writers_temporary_is_swept_and_a_live_ones_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("rekap.xlsx");
        // What a killed export leaves: its temporary file, nobody holding its lock.
        let dead = dir.path().join(".rekap.xlsx.AbC123.partial.xlsx");
        std::fs::write(&dead, b"half").expect("dead");
        // A write still at work (here: this test holds its lock).
        let live = dir.path().join(".rekap.xlsx.XyZ789.partial.xlsx");
        std::fs::write(&live, b"busy").expect("live");
        let holder = std::fs::File::open(&live).expect("open");
        holder.lock().expect("lock");
        // Another destination's temporary is not ours to remove.
        let other = dir.path().join(".lain.xlsx.QwE456.partial.xlsx");
        std::fs::write(&other, b"x").expect("other");
        write_bytes_atomically(&out, b"PK whole").expect("write");
        assert_eq!(
            names(dir.path()),
            vec![
                ".lain.xlsx.QwE456.partial.xlsx".to_owned(),
                ".rekap.xlsx.XyZ789.partial.xlsx".to_owned(),
                "rekap.xlsx".to_owned()
            ]
        );
        drop(holder);
    }

    #[test]
    fn a_missing_folder_is_said_with_its_code() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("no/such/folder/x.pdf");
        let err = write_bytes_atomically(&out, b"x").expect_err("no folder");
        assert_eq!(err.code, ErrorCode::FileUnwritable);
        assert!(err.message.contains("x.pdf"), "{}", err.message);
    }

    #[test]
    fn strange_names_become_safe_file_names() {
        assert_eq!(
            safe_name("1.a.Perbup 7/2024: SPBE?.pdf"),
            "1.a.Perbup 7_2024_ SPBE_.pdf"
        );
        assert_eq!(safe_name(".."), "berkas");
        assert_eq!(safe_name("laporan\u{0}.pdf"), "laporan_.pdf");
    }
}
