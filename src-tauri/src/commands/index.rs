//! The dashboard's numbers.

use swanilai_app::{AppResult, IndexDto};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn index(state: State<'_, AppState>, year: Option<i32>) -> AppResult<IndexDto> {
    state.with(|app| app.index(year))
}
