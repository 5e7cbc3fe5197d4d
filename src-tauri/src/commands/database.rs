//! The open database: what it holds, the first-run profile, opening another file.

use std::path::PathBuf;

use swanilai_app::{AppResult, AssessmentDto, DatabaseDto, InstansiInput, Open};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn database_summary(state: State<'_, AppState>) -> AppResult<DatabaseDto> {
    state.with(|app| app.database_summary())
}

/// First run: the instansi profile and its first assessment, as one step for the user.
#[tauri::command(async)]
pub fn init_instansi(
    state: State<'_, AppState>,
    input: InstansiInput,
    year: i32,
) -> AppResult<DatabaseDto> {
    state.with(|app| {
        app.init(input)?;
        app.new_assessment(year, None)?;
        app.database_summary()
    })
}

#[tauri::command(async)]
pub fn new_assessment(state: State<'_, AppState>, year: i32) -> AppResult<AssessmentDto> {
    state.with(|app| app.new_assessment(year, None))
}

/// Open another database file (`create`: make a new one there) and remember it.
#[tauri::command(async)]
pub fn open_database(
    state: State<'_, AppState>,
    path: PathBuf,
    create: bool,
) -> AppResult<DatabaseDto> {
    let how = if create {
        Open::CreateIfMissing
    } else {
        Open::Existing
    };
    state.reopen(&path, how)?;
    crate::commands::settings::remember_database(&state, &path)?;
    state.with(|app| app.database_summary())
}
