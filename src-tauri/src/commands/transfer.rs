//! Transfer: the national workbook out and back in (a preview first), the evidence
//! package. Long jobs run off the main thread, report progress, and hold a `Busy` guard
//! so closing the window waits for them; the use cases write every file atomically.

use std::path::PathBuf;

use swanilai_app::ProgressStage::{Done, Prepare, Write};
use swanilai_app::{AppResult, ImportOutcome, ImportPreview, PackageSummary, ProgressDto, Year};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::progress;
use crate::state::AppState;

#[tauri::command(async)]
pub fn export_workbook<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    out: PathBuf,
    on_progress: Channel<ProgressDto>,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    progress(&on_progress, Prepare, 0, 1);
    state.with(|app| app.export_workbook(year, &out))?;
    progress(&on_progress, Done, 1, 1);
    Ok(out.display().to_string())
}

#[tauri::command(async)]
pub fn import_preview<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    file: PathBuf,
) -> AppResult<ImportPreview> {
    let _busy = state.busy(&handle);
    state.with(|app| app.import_preview(year, &file))
}

#[tauri::command(async)]
pub fn import_apply<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    file: PathBuf,
    accept: bool,
    on_progress: Channel<ProgressDto>,
) -> AppResult<ImportOutcome> {
    let _busy = state.busy(&handle);
    progress(&on_progress, Write, 0, 1);
    let outcome = state.with(|app| app.import_apply(year, &file, accept))?;
    progress(&on_progress, Done, 1, 1);
    Ok(outcome)
}

/// The evidence package (.zip) with progress in bytes, sent at most once per percent.
#[tauri::command(async)]
pub fn export_evidence_package<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    out: PathBuf,
    on_progress: Channel<ProgressDto>,
) -> AppResult<PackageSummary> {
    let _busy = state.busy(&handle);
    let mut report =
        swanilai_app::percent_steps(|done, total| progress(&on_progress, Write, done, total));
    let summary = state.with(|app| app.export_evidence_package(year, &out, &mut report))?;
    progress(&on_progress, Done, summary.bytes, summary.bytes);
    Ok(summary)
}
