//! The dashboard's numbers.

use swanilai_app::{AppResult, IndexDto, Year};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn index(state: State<'_, AppState>, year: Year) -> AppResult<IndexDto> {
    state.with(|app| app.index(year))
}
