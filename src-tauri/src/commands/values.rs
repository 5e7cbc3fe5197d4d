//! Frameworks scored with decimal values (Indeks Pemerintah Digital): how the framework
//! scores, indicator values, external-index values and the butir with their statuses.

use swanilai_app::{
    AppResult, ButirDto, ButirInput, EvidenceDto, ExternalInput, IndicatorValueDto, ScoringDto,
    ValueInput, Year,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn scoring(state: State<'_, AppState>, year: Year) -> AppResult<ScoringDto> {
    state.with(|app| app.scoring(year))
}

#[tauri::command(async)]
pub fn values(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<IndicatorValueDto>> {
    state.with(|app| app.values(year, indicator))
}

#[tauri::command(async)]
pub fn set_value(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    input: ValueInput,
) -> AppResult<IndicatorValueDto> {
    state.with(|app| app.set_value(year, indicator, input))
}

#[tauri::command(async)]
pub fn set_external(
    state: State<'_, AppState>,
    year: Year,
    indicator: u32,
    input: ExternalInput,
) -> AppResult<IndicatorValueDto> {
    state.with(|app| app.set_external(year, indicator, input))
}

#[tauri::command(async)]
pub fn butir(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<ButirDto>> {
    state.with(|app| app.butir(year, indicator))
}

#[tauri::command(async)]
pub fn set_butir(
    state: State<'_, AppState>,
    year: Year,
    input: ButirInput,
) -> AppResult<Vec<ButirDto>> {
    state.with(|app| app.set_butir(year, input))
}

/// Attach an evidence record to a butir of its indicator (None: to the indicator).
#[tauri::command(async)]
pub fn attach_to_butir(
    state: State<'_, AppState>,
    year: Year,
    evidence: i64,
    butir: Option<String>,
) -> AppResult<EvidenceDto> {
    state.with(|app| app.attach_evidence_to_butir(year, evidence, butir.as_deref()))
}
