//! The board and the indicator page: answers and the catalog side of indicators.

use swanilai_app::{AnswerDto, AnswerInput, AppResult, IndicatorInfo};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn answers(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.answers(year))
}

#[tauri::command(async)]
pub fn answer(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<AnswerDto> {
    state.with(|app| app.answer(year, indicator))
}

#[tauri::command(async)]
pub fn set_answer(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    input: AnswerInput,
) -> AppResult<AnswerDto> {
    state.with(|app| app.set_answer(year, indicator, input))
}

#[tauri::command(async)]
pub fn indicators(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<IndicatorInfo>> {
    state.with(|app| app.indicators(year))
}

#[tauri::command(async)]
pub fn indicator_info(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<IndicatorInfo> {
    state.with(|app| app.indicator_info(year, indicator))
}
