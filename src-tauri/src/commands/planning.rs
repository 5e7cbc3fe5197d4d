//! Planning the improvement: what one indicator needs for its next level.

use swanilai_app::{AppResult, GapDto, Year};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn gap(state: State<'_, AppState>, year: Year, indicator: u32) -> AppResult<GapDto> {
    state.with(|app| app.gap(year, indicator))
}
