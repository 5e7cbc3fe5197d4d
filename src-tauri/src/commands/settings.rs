//! Settings: the window's language and where the default database lives.

use swanilai_app::settings::{self, Display, Language, Settings};
use swanilai_app::{places, AppResult};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    settings::load(&state.settings_path)
}

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, language: Language) -> AppResult<Settings> {
    let s = settings::set_language(&state.settings_path, language)?;
    // Import problems and workbook errors follow; with no database open there is nothing to tell.
    let _ = state.with(|app| {
        app.set_language(language);
        Ok(())
    });
    Ok(s)
}

/// The page zoom (percent) and text size, kept for the next run.
#[tauri::command(async)]
pub fn set_display(state: State<'_, AppState>, display: Display) -> AppResult<Settings> {
    settings::set_display(&state.settings_path, display)
}

/// The default database file (the user's data folder), for the settings screen.
#[tauri::command(async)]
pub fn default_database() -> String {
    places::default_database().display().to_string()
}
