//! Evidence (data dukung): attach files by path (dialog or drag-and-drop), links, remove,
//! preview bytes, open in the system's program.

use std::path::PathBuf;

use swanilai_app::{places, AppError, AppResult, ErrorCode, EvidenceDto, Year};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

/// Every evidence item of the assessment, or only `indicator`'s.
#[tauri::command(async)]
pub fn evidence(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<EvidenceDto>> {
    state.with(|app| app.evidence(year, indicator))
}

#[tauri::command(async)]
pub fn add_evidence_files(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    paths: Vec<PathBuf>,
    date: Option<String>,
) -> AppResult<Vec<EvidenceDto>> {
    state.with(|app| app.add_evidence_files(year, indicator, &paths, date.as_deref()))
}

#[tauri::command(async)]
pub fn add_evidence_link(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    url: String,
    title: Option<String>,
    note: String,
) -> AppResult<EvidenceDto> {
    state.with(|app| app.add_evidence_link(year, indicator, &url, title.as_deref(), &note))
}

#[tauri::command(async)]
pub fn remove_evidence(state: State<'_, AppState>, year: Year, id: i64) -> AppResult<EvidenceDto> {
    state.with(|app| app.remove_evidence(year, id))
}

/// The file's bytes (verified against its sha256) for the preview pane, as raw bytes.
#[tauri::command(async)]
pub fn evidence_preview(state: State<'_, AppState>, year: Year, id: i64) -> AppResult<Response> {
    state.with(|app| app.evidence_preview(year, id).map(Response::new))
}

/// Copy the file out (verified) to the cache folder and open it in the system's program.
#[tauri::command(async)]
pub fn open_evidence<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    id: i64,
) -> AppResult<String> {
    let copy = state.with(|app| app.evidence_copy_to_open(year, id, &places::open_dir()))?;
    let path = copy.display().to_string();
    handle
        .opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("cannot open {path}: {e}")))?;
    Ok(path)
}
