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

/// First run: fill the empty database with the demo kabupaten (two years, evidence) to
/// try the app; the demo's generated files are written to a scratch folder first.
#[tauri::command(async)]
pub fn load_demo(state: State<'_, AppState>) -> AppResult<DatabaseDto> {
    let scratch = std::env::temp_dir().join(format!("swanilai-demo-{}", std::process::id()));
    let result = state.with(|app| {
        app.demo(&scratch)?;
        app.database_summary()
    });
    let _ = std::fs::remove_dir_all(&scratch);
    result
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
