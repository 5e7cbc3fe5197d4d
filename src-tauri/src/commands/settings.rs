//! Settings: language, which database file to open, backups.

use std::path::{Path, PathBuf};

use swanilai_app::settings::{self, Settings};
use swanilai_app::{AppResult, BackupDto};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    settings::load(&state.settings_path)
}

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, language: String) -> AppResult<Settings> {
    let mut s = settings::load(&state.settings_path);
    s.language = if language == "en" {
        "en".into()
    } else {
        "id".into()
    };
    settings::save(&state.settings_path, &s)?;
    Ok(s)
}

/// The default database file (the user's data folder), for the settings screen.
#[tauri::command(async)]
pub fn default_database() -> String {
    crate::paths::default_database().display().to_string()
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

pub(crate) fn remember_database(state: &AppState, db: &Path) -> AppResult<()> {
    let mut s = settings::load(&state.settings_path);
    let default = crate::paths::default_database();
    s.database = (db != default.as_path()).then(|| PathBuf::from(db).display().to_string());
    settings::save(&state.settings_path, &s)
}
