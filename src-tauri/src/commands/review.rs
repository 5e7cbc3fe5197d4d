//! The review loop: submit, approve, return (one step command), the supervisor's queue,
//! finalize and reopen, comment threads.

use swanilai_app::{AnswerDto, AppResult, AssessmentDto, CommentDto, ReviewStep, Year};
use tauri::State;

use crate::state::AppState;

/// One review step on an indicator; `comment` is required to return it.
#[tauri::command(async)]
pub fn review(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    step: ReviewStep,
    comment: Option<String>,
) -> AppResult<AnswerDto> {
    state.with(|app| app.review(year, indicator, step, comment.as_deref()))
}

#[tauri::command(async)]
pub fn review_queue(state: State<'_, AppState>, year: Year) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.review_queue(year))
}

#[tauri::command(async)]
pub fn finalize(state: State<'_, AppState>, year: Year) -> AppResult<AssessmentDto> {
    state.with(|app| app.finalize(year))
}

#[tauri::command(async)]
pub fn reopen(state: State<'_, AppState>, year: Year, reason: String) -> AppResult<AssessmentDto> {
    state.with(|app| app.reopen(year, &reason))
}

#[tauri::command(async)]
pub fn comments(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
) -> AppResult<Vec<CommentDto>> {
    state.with(|app| app.comments(year, indicator))
}

#[tauri::command(async)]
pub fn add_comment(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    text: String,
) -> AppResult<CommentDto> {
    state.with(|app| app.add_comment(year, indicator, &text))
}
