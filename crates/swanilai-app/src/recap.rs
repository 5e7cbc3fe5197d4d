//! The recap of many instansi (`swanilai recap`): read every workbook exported by Swanilai
//! in the folders and files given, each on its own (a bad file is listed with its reason,
//! never a stop), and write one recap workbook. Needs no database.
//!
//! Files are read by up to [`RECAP_WORKERS`] threads, each holding one workbook at a time
//! (each read is bounded by swanilai-xlsx's limits), so memory stays bounded whatever the
//! number of files; what is kept per file is its recap row.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Serialize;
use swanilai_core::Language;
use swanilai_xlsx::recap_book::{
    read_recap_source, recap_bytes, GroupScore, Recap, RecapError, RecapFault, RecapRow,
    RecapSource,
};

use crate::files::write_bytes_atomically;
use crate::{AppError, AppResult, ErrorCode};

/// Threads reading workbooks at once (at most; fewer on a machine with fewer cores).
pub const RECAP_WORKERS: usize = 2;

/// The recap as the CLI prints it with `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapDto {
    /// The recap workbook written.
    pub out: String,
    /// One object per workbook read, ordered by framework, instansi, year and file.
    pub instansi: Vec<RecapRowDto>,
    /// Every file left out, with why.
    pub errors: Vec<RecapErrorDto>,
}

/// One instansi's workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapRowDto {
    /// The file it was read from.
    pub file: String,
    /// The instansi's name as the workbook's metadata says.
    pub instansi: String,
    /// The assessment year.
    pub year: i32,
    /// The framework id (`permenpanrb-59-2020`, `pemdi-2026`).
    pub framework: String,
    /// The framework version.
    pub framework_version: String,
    /// The index's name ("Indeks SPBE", "Indeks Pemerintah Digital").
    pub index_name: String,
    /// The overall index as written (two decimals); null when nothing is answered.
    pub index: Option<f64>,
    /// The predikat as written; null when there is no index.
    pub rating: Option<String>,
    /// Indicators answered.
    pub answered: u32,
    /// Indicators in the framework.
    pub total: u32,
    /// Domain indices (empty for a framework without domains).
    pub domains: Vec<GroupDto>,
    /// Aspect indices.
    pub aspects: Vec<GroupDto>,
    /// Another workbook of the recap is of the same instansi and year (both are kept).
    pub duplicate: bool,
}

/// A domain's or aspect's index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupDto {
    /// Its number in the framework.
    pub number: u32,
    /// Its name.
    pub name: String,
    /// Its index as written; null when nothing in it is answered.
    pub index: Option<f64>,
    /// Its predikat as written.
    pub rating: Option<String>,
    /// Indicators answered in it.
    pub answered: u32,
    /// Indicators in it.
    pub total: u32,
}

/// A file not in the recap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecapErrorDto {
    /// The file.
    pub file: String,
    /// A stable code: `not_a_workbook`, `password_protected`, `not_a_swanilai_workbook`,
    /// `workbook_damaged`, `file_unreadable`, `metadata_incomplete`, `recap_sheet_missing`,
    /// `recap_header_missing`, `recap_cell_invalid`, `index_row_missing`,
    /// `recap_sheet_too_large`.
    pub code: String,
    /// Why, in the language asked for.
    pub reason: String,
}

fn group(g: &GroupScore) -> GroupDto {
    GroupDto {
        number: g.number,
        name: g.name.clone(),
        index: g.index,
        rating: g.rating.clone(),
        answered: g.answered,
        total: g.total,
    }
}

fn row_dto(r: &RecapRow) -> RecapRowDto {
    let s = &r.source;
    RecapRowDto {
        file: r.file.clone(),
        instansi: s.instansi.clone(),
        year: s.year,
        framework: s.framework.clone(),
        framework_version: s.framework_version.clone(),
        index_name: s.index_name.clone(),
        index: s.index,
        rating: s.rating.clone(),
        answered: s.answered,
        total: s.total,
        domains: s.domains.iter().map(group).collect(),
        aspects: s.aspects.iter().map(group).collect(),
        duplicate: r.duplicate,
    }
}

/// Read every workbook in `inputs` (files, and the files directly in folders) and write the
/// recap to `out`. Files that cannot be read are listed in the recap and in the result.
/// Fails (`WORKBOOK_UNREADABLE`, nothing written) when no file is a readable export, and
/// with `FILE_UNWRITABLE` when `out` cannot be written.
pub fn recap(inputs: &[PathBuf], out: &Path, lang: Language) -> AppResult<RecapDto> {
    let (files, mut errors) = files_of(inputs, out);
    let read = read_all(&files);
    let mut rows = Vec::new();
    for (file, result) in files.iter().zip(read) {
        let name = file.display().to_string();
        match result {
            Ok(source) => rows.push((name, source)),
            Err(fault) => errors.push(RecapError { file: name, fault }),
        }
    }
    let recap = Recap::new(rows, errors);
    if recap.rows.is_empty() {
        return Err(nothing_usable(&recap, lang));
    }
    let bytes = recap_bytes(&recap, lang).map_err(|e| AppError::from_xlsx(e.writing(out), lang))?;
    write_bytes_atomically(out, &bytes)?;
    Ok(RecapDto {
        out: out.display().to_string(),
        instansi: recap.rows.iter().map(row_dto).collect(),
        errors: recap
            .errors
            .iter()
            .map(|e| RecapErrorDto {
                file: e.file.clone(),
                code: e.fault.code().to_owned(),
                reason: e.fault.message(lang),
            })
            .collect(),
    })
}

fn nothing_usable(recap: &Recap, lang: Language) -> AppError {
    let listed: Vec<String> = recap
        .errors
        .iter()
        .take(10)
        .map(|e| format!("{}: {}", e.file, e.fault.message(lang)))
        .collect();
    let more = recap.errors.len().saturating_sub(listed.len());
    let mut message = if recap.errors.is_empty() {
        "no workbook to recap: the folders given hold no files".to_owned()
    } else {
        format!(
            "none of the {} file(s) is a workbook exported by Swanilai; nothing written:\n  {}",
            recap.errors.len(),
            listed.join("\n  ")
        )
    };
    if more > 0 {
        message.push_str(&format!("\n  ... and {more} more"));
    }
    AppError::new(ErrorCode::WorkbookUnreadable, message)
}

/// The files to read, each once, in the order given (a folder's files sorted by name;
/// hidden files, subfolders and `out` itself left out), plus the inputs that do not exist.
fn files_of(inputs: &[PathBuf], out: &Path) -> (Vec<PathBuf>, Vec<RecapError>) {
    let out = std::fs::canonicalize(out).ok();
    let mut seen = HashSet::new();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let missing = |p: &Path, e: std::io::Error| RecapError {
        file: p.display().to_string(),
        fault: RecapFault::Unreadable {
            message: e.to_string(),
        },
    };
    let mut take = |p: PathBuf, files: &mut Vec<PathBuf>| {
        let real = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if Some(&real) != out.as_ref() && seen.insert(real) {
            files.push(p);
        }
    };
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => errors.push(missing(input, e)),
            Ok(m) if m.is_dir() => match std::fs::read_dir(input) {
                Err(e) => errors.push(missing(input, e)),
                Ok(entries) => {
                    let mut inside: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                        .map(|e| e.path())
                        .filter(|p| p.is_file())
                        .collect();
                    inside.sort();
                    for p in inside {
                        take(p, &mut files);
                    }
                }
            },
            Ok(_) => take(input.clone(), &mut files),
        }
    }
    (files, errors)
}

/// Each file's result, in the order of `files`, read by up to [`RECAP_WORKERS`] threads.
fn read_all(files: &[PathBuf]) -> Vec<Result<RecapSource, RecapFault>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, RECAP_WORKERS)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<RecapSource, RecapFault>>>> =
        Mutex::new(vec![None; files.len()]);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let result = read_one(file);
                if let Ok(mut all) = results.lock() {
                    all[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|| {
                Err(RecapFault::Unreadable {
                    message: "the reader stopped unexpectedly".to_owned(),
                })
            })
        })
        .collect()
}

/// One file; a panic in a reader (a bug, never expected) is that file's fault, not the
/// recap's end.
fn read_one(file: &Path) -> Result<RecapSource, RecapFault> {
    std::panic::catch_unwind(|| read_recap_source(file)).unwrap_or_else(|_| {
        Err(RecapFault::Damaged {
            message: "the reader failed on this file".to_owned(),
        })
    })
}
