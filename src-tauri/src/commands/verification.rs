//! The external verification (issue 12): each stage's results set by hand or imported
//! (a preview first), the results template, self against verified, and the years compared.

use std::path::PathBuf;

use swanilai_app::{AppResult, CompareDto, StageImportDto, StageInput, Year, YearsDto};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

#[tauri::command(async)]
pub fn verification(state: State<'_, AppState>, year: Year) -> AppResult<CompareDto> {
    state.with(|app| app.verification(year))
}

#[tauri::command(async)]
pub fn set_stage(
    state: State<'_, AppState>,
    year: Year,
    input: StageInput,
) -> AppResult<CompareDto> {
    state.with(|app| app.set_stage(year, input))
}

/// The results template (.xlsx) to the path the save dialog chose.
#[tauri::command(async)]
pub fn verification_template<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    out: PathBuf,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    state.with(|app| app.verification_template(year, &out))?;
    Ok(out.display().to_string())
}

/// What importing a results file (.xlsx template or .csv) would change; writes nothing.
#[tauri::command(async)]
pub fn verification_preview<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    file: PathBuf,
) -> AppResult<StageImportDto> {
    let _busy = state.busy(&handle);
    state.with(|app| app.verification_import(year, &file, false))
}

/// Write every change of a results file in one transaction (nothing when a row is wrong).
#[tauri::command(async)]
pub fn verification_import<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    file: PathBuf,
) -> AppResult<StageImportDto> {
    let _busy = state.busy(&handle);
    state.with(|app| app.verification_import(year, &file, true))
}

#[tauri::command(async)]
pub fn compare_years(state: State<'_, AppState>) -> AppResult<YearsDto> {
    state.with(|app| app.compare_years())
}
