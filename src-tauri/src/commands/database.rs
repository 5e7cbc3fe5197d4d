//! The open database: what it holds, the first run, a new year, opening another file,
//! backups.

use std::path::PathBuf;

use swanilai_app::{
    AppResult, AssessmentDto, BackupDto, BackupListDto, CarryInput, DatabaseDto, Open,
};
use swanilai_app::{FrameworkDto, InstansiDto, InstansiInput, RestoreReportDto};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

#[tauri::command(async)]
pub fn database_summary(state: State<'_, AppState>) -> AppResult<DatabaseDto> {
    state.with(|app| app.database_summary())
}

/// First run: the instansi profile and its first assessment, as one step for the user.
#[tauri::command(async)]
pub fn start(
    state: State<'_, AppState>,
    input: InstansiInput,
    year: i32,
    framework: Option<String>,
) -> AppResult<DatabaseDto> {
    state.with(|app| app.start(input, year, framework.as_deref()))
}

/// A new year's assessment, with the framework chosen (None: the default one), started
/// from last year's chosen answers and evidence when `carry` is given.
#[tauri::command(async)]
pub fn new_assessment(
    state: State<'_, AppState>,
    year: i32,
    framework: Option<String>,
    carry: Option<CarryInput>,
) -> AppResult<AssessmentDto> {
    state.with(|app| app.new_assessment_from(year, framework.as_deref(), carry))
}

/// The frameworks an assessment can be made with (shipped and loaded).
#[tauri::command(async)]
pub fn frameworks(state: State<'_, AppState>) -> AppResult<Vec<FrameworkDto>> {
    state.with(|app| app.frameworks())
}

/// The supervisor changes the instansi profile (audited).
#[tauri::command(async)]
pub fn update_profile(state: State<'_, AppState>, input: InstansiInput) -> AppResult<InstansiDto> {
    state.with(|app| app.update_profile(input))
}

/// First run: fill the empty database with the demo kabupaten to try the app.
#[tauri::command(async)]
pub fn load_demo(state: State<'_, AppState>) -> AppResult<DatabaseDto> {
    state.with(|app| app.load_demo())
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
    state.with(|app| app.database_summary())
}

/// A consistent copy of the database and its evidence folder at `dest`.
#[tauri::command(async)]
pub fn backup<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    dest: PathBuf,
) -> AppResult<BackupDto> {
    let _busy = state.busy(&handle);
    state.with(|app| app.backup_to(&dest))
}

/// The automatic backups beside the database, each with what it holds, and what the
/// database holds now (the restore's preview).
#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> AppResult<BackupListDto> {
    state.with(|app| app.backups())
}

/// Restore an automatic backup (the current state is backed up first; audited).
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, id: String) -> AppResult<RestoreReportDto> {
    state.with(|app| app.restore_backup(&id))
}
