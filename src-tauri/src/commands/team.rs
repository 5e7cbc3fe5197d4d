//! The team of an assessment: roles, assignments, and "my indicators".

use swanilai_app::{AnswerDto, AppResult, Assignee, AssignmentDto, Role, TeamMemberDto, Year};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn team(state: State<'_, AppState>, year: Year) -> AppResult<Vec<TeamMemberDto>> {
    state.with(|app| app.team(year))
}

#[tauri::command(async)]
pub fn set_team_role(
    state: State<'_, AppState>,
    year: Year,
    account: String,
    role: Role,
) -> AppResult<TeamMemberDto> {
    state.with(|app| app.set_team_role(year, &account, role))
}

#[tauri::command(async)]
pub fn remove_team_member(
    state: State<'_, AppState>,
    year: Year,
    account: String,
) -> AppResult<()> {
    state.with(|app| app.remove_team_member(year, &account))
}

#[tauri::command(async)]
pub fn assignments(state: State<'_, AppState>, year: Year) -> AppResult<Vec<AssignmentDto>> {
    state.with(|app| app.assignments(year))
}

/// Assign (`assign: true`) or unassign an indicator to a person or a whole unit kerja.
#[tauri::command(async)]
pub fn assign(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    who: Assignee,
    assign: bool,
) -> AppResult<AssignmentDto> {
    state.with(|app| match assign {
        true => app.assign(year, indicator, who),
        false => app.unassign(year, indicator, who),
    })
}

#[tauri::command(async)]
pub fn my_indicators(state: State<'_, AppState>, year: Year) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.my_indicators(year))
}
