//! The national workbook: export with progress, import with a preview first. Long jobs run
//! off the main thread and hold a `Busy` guard so closing the window waits for them.

use std::path::{Path, PathBuf};

use swanilai_app::{
    AppError, AppResult, ErrorCode, ImportOutcome, ImportPreview, PackageSummary, ProgressDto,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::progress;
use crate::state::AppState;

/// Write the workbook to a temporary file beside `out`, then rename: an interrupted
/// export never leaves a half-written workbook under the chosen name.
#[tauri::command(async)]
pub fn export_workbook<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    out: PathBuf,
    on_progress: Channel<ProgressDto>,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    progress(&on_progress, "prepare", 0, 2);
    let tmp = partial(&out);
    state.with(|app| app.export_workbook(year, &tmp))?;
    progress(&on_progress, "write", 1, 2);
    std::fs::rename(&tmp, &out).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot write {}: {e}", out.display()),
        )
    })?;
    progress(&on_progress, "done", 2, 2);
    Ok(out.display().to_string())
}

#[tauri::command(async)]
pub fn import_preview<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    file: PathBuf,
) -> AppResult<ImportPreview> {
    let _busy = state.busy(&handle);
    state.with(|app| app.import_preview(year, &file))
}

#[tauri::command(async)]
pub fn import_apply<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    file: PathBuf,
    accept: bool,
    on_progress: Channel<ProgressDto>,
) -> AppResult<ImportOutcome> {
    let _busy = state.busy(&handle);
    progress(&on_progress, "write", 0, 1);
    let outcome = state.with(|app| app.import_apply(year, &file, accept))?;
    progress(&on_progress, "done", 1, 1);
    Ok(outcome)
}

/// The evidence package (.zip) with progress in bytes, sent at most once per percent.
#[tauri::command(async)]
pub fn export_evidence_package<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    out: PathBuf,
    on_progress: Channel<ProgressDto>,
) -> AppResult<PackageSummary> {
    let _busy = state.busy(&handle);
    let mut last = u64::MAX;
    let summary = state.with(|app| {
        app.export_evidence_package(year, &out, &mut |done, total| {
            let pct = done.saturating_mul(100) / total.max(1);
            if pct != last {
                last = pct;
                progress(&on_progress, "write", done, total);
            }
        })
    })?;
    progress(&on_progress, "done", summary.bytes, summary.bytes);
    Ok(summary)
}

/// `rekap.xlsx` -> `rekap.xlsx.partial-<pid>.xlsx` (keeps the extension the writer expects).
fn partial(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "swanilai".into());
    out.with_file_name(format!(".{name}.partial-{}.xlsx", std::process::id()))
}
