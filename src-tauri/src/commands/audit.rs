//! The audit trail: an indicator's history and the check of the whole log.

use swanilai_app::{AppResult, AuditEntryDto, AuditReport, Year};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn history(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
) -> AppResult<Vec<AuditEntryDto>> {
    state.with(|app| app.history(year, indicator))
}

/// Check the audit log's hash chain and that the data matches what it last recorded.
#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> AppResult<AuditReport> {
    state.with(|app| app.verify_audit())
}
