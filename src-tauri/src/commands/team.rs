//! The evaluator team: sign-in, accounts, roles, assignments, the review loop, comments,
//! history, finalize/reopen and the printable documents. Every permission is checked by
//! swanilai-app against the signed-in account; these commands only pass the call on.

use std::path::PathBuf;

use swanilai_app::{
    AccountDto, AnswerDto, AppResult, AssessmentDto, Assignee, AssignmentDto, AuditEntryDto,
    CommentDto, DocumentKind, NewAccount, SignedInDto, TeamMemberDto,
};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

#[tauri::command(async)]
pub fn requires_sign_in(state: State<'_, AppState>) -> AppResult<bool> {
    state.with(|app| app.requires_sign_in())
}

#[tauri::command(async)]
pub fn signed_in(state: State<'_, AppState>) -> AppResult<Option<SignedInDto>> {
    state.with(|app| app.signed_in())
}

/// A wrong password is slowed down by the use case (async: the window stays responsive).
#[tauri::command(async)]
pub fn sign_in(
    state: State<'_, AppState>,
    name: String,
    password: String,
) -> AppResult<SignedInDto> {
    state.with(|app| app.sign_in(&name, &password))
}

#[tauri::command(async)]
pub fn sign_out(state: State<'_, AppState>) -> AppResult<()> {
    state.with(|app| {
        app.sign_out();
        Ok(())
    })
}

#[tauri::command(async)]
pub fn add_account(state: State<'_, AppState>, input: NewAccount) -> AppResult<AccountDto> {
    state.with(|app| app.add_account(input))
}

#[tauri::command(async)]
pub fn accounts(state: State<'_, AppState>) -> AppResult<Vec<AccountDto>> {
    state.with(|app| app.accounts())
}

#[tauri::command(async)]
pub fn team(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<TeamMemberDto>> {
    state.with(|app| app.team(year))
}

#[tauri::command(async)]
pub fn set_team_role(
    state: State<'_, AppState>,
    year: Option<i32>,
    account: String,
    role: String,
) -> AppResult<TeamMemberDto> {
    state.with(|app| app.set_team_role(year, &account, &role))
}

#[tauri::command(async)]
pub fn remove_team_member(
    state: State<'_, AppState>,
    year: Option<i32>,
    account: String,
) -> AppResult<()> {
    state.with(|app| app.remove_team_member(year, &account))
}

#[tauri::command(async)]
pub fn assignments(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AssignmentDto>> {
    state.with(|app| app.assignments(year))
}

#[tauri::command(async)]
pub fn assign(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    to: Assignee,
) -> AppResult<AssignmentDto> {
    state.with(|app| app.assign(year, indicator, to))
}

#[tauri::command(async)]
pub fn unassign(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    from: Assignee,
) -> AppResult<AssignmentDto> {
    state.with(|app| app.unassign(year, indicator, from))
}

#[tauri::command(async)]
pub fn my_indicators(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.my_indicators(year))
}

#[tauri::command(async)]
pub fn submit(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: Option<String>,
) -> AppResult<AnswerDto> {
    state.with(|app| app.submit(year, indicator, comment.as_deref()))
}

#[tauri::command(async)]
pub fn approve(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: Option<String>,
) -> AppResult<AnswerDto> {
    state.with(|app| app.approve(year, indicator, comment.as_deref()))
}

#[tauri::command(async)]
pub fn return_for_revision(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: String,
) -> AppResult<AnswerDto> {
    state.with(|app| app.return_for_revision(year, indicator, &comment))
}

#[tauri::command(async)]
pub fn review_queue(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.review_queue(year))
}

#[tauri::command(async)]
pub fn finalize(state: State<'_, AppState>, year: Option<i32>) -> AppResult<AssessmentDto> {
    state.with(|app| app.finalize(year))
}

#[tauri::command(async)]
pub fn reopen(
    state: State<'_, AppState>,
    year: Option<i32>,
    reason: String,
) -> AppResult<AssessmentDto> {
    state.with(|app| app.reopen(year, &reason))
}

#[tauri::command(async)]
pub fn comments(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<Vec<CommentDto>> {
    state.with(|app| app.comments(year, indicator))
}

#[tauri::command(async)]
pub fn add_comment(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    text: String,
) -> AppResult<CommentDto> {
    state.with(|app| app.add_comment(year, indicator, &text))
}

#[tauri::command(async)]
pub fn history(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<Vec<AuditEntryDto>> {
    state.with(|app| app.history(year, indicator))
}

/// Write the Berita Acara or the Pernyataan Persetujuan Publikasi (PDF) to `out`.
#[tauri::command(async)]
pub fn export_document<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    kind: DocumentKind,
    date: Option<String>,
    out: PathBuf,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    state.with(|app| app.write_document(year, kind, date.as_deref(), &out))?;
    Ok(out.display().to_string())
}
