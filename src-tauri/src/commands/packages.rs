//! Work packages: out to a member (with progress), open one here, the working copy's
//! banner, send back, and the merge (a preview, then the decisions applied).

use std::path::PathBuf;

use swanilai_app::ProgressStage::{Done, Write};
use swanilai_app::{AppResult, DatabaseDto, MergeDecision, MergeReport, PackageDto};
use swanilai_app::{PackageTarget, ProgressDto, Take, WorkingCopyDto, Year};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::progress;
use crate::state::AppState;

#[tauri::command(async)]
pub fn package_out<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    target: PackageTarget,
    out: PathBuf,
    on_progress: Channel<ProgressDto>,
) -> AppResult<PackageDto> {
    let _busy = state.busy(&handle);
    let mut report = swanilai_app::percent_steps(|d, t| progress(&on_progress, Write, d, t));
    let p = state.with(|app| app.package_out(year, target, &out, &mut report))?;
    progress(&on_progress, Done, 1, 1);
    Ok(p)
}

/// Open a work package into this (empty, or working copy) database.
#[tauri::command(async)]
pub fn package_open<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    file: PathBuf,
) -> AppResult<DatabaseDto> {
    let _busy = state.busy(&handle);
    state.with(|app| app.package_open(&file).and_then(|_| app.database_summary()))
}

#[tauri::command(async)]
pub fn working_copy(state: State<'_, AppState>) -> AppResult<Option<WorkingCopyDto>> {
    state.with(|app| app.working_copy())
}

#[tauri::command(async)]
pub fn package_return<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    out: PathBuf,
) -> AppResult<PackageDto> {
    let _busy = state.busy(&handle);
    state.with(|app| app.package_return(&out))
}

/// The merge preview (`dry_run`) or the merge with the supervisor's decisions.
#[tauri::command(async)]
pub fn package_merge<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    file: PathBuf,
    dry_run: bool,
    take: Option<Take>,
    decisions: Vec<MergeDecision>,
) -> AppResult<MergeReport> {
    let _busy = state.busy(&handle);
    state.with(|app| app.package_merge(&file, dry_run, take, &decisions))
}
