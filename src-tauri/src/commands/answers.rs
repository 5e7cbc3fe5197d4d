//! Answers: the board, one indicator's answer, changing it; the catalog side of indicators.

use swanilai_app::{AnswerDto, AnswerInput, AppResult, IndicatorInfo, Year};
use tauri::State;

use crate::state::AppState;

/// Every indicator's answer, or only `indicator`'s.
#[tauri::command(async)]
pub fn answers(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.answers_of(year, indicator))
}

#[tauri::command(async)]
pub fn set_answer(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    input: AnswerInput,
) -> AppResult<AnswerDto> {
    state.with(|app| app.set_answer(year, indicator, input))
}

/// The catalog side (question, criteria) of every indicator, or only `indicator`'s.
#[tauri::command(async)]
pub fn indicators(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<IndicatorInfo>> {
    state.with(|app| app.indicators_of(year, indicator))
}
