//! Planning the improvement: what one indicator needs for its next level, what-if, the
//! path to a target, saved scenarios and recommendations with their follow-up.

use swanilai_app::{
    AppResult, GapDto, IndexDto, IndicatorPlanDto, IndicatorPlanInput, PlanDto, PlanInput,
    RecommendationDto, RecommendationInput, ScenarioDto, ValueChange, Year,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn gap(state: State<'_, AppState>, year: Year, indicator: u32) -> AppResult<GapDto> {
    state.with(|app| app.gap(year, indicator))
}

#[tauri::command(async)]
pub fn what_if(
    state: State<'_, AppState>,
    year: Year,
    changes: Vec<ValueChange>,
) -> AppResult<IndexDto> {
    state.with(|app| app.what_if(year, &changes))
}

#[tauri::command(async)]
pub fn plan_to_target(
    state: State<'_, AppState>,
    year: Year,
    input: PlanInput,
) -> AppResult<PlanDto> {
    state.with(|app| app.plan_to_target(year, &input))
}

#[tauri::command(async)]
pub fn scenarios(state: State<'_, AppState>, year: Year) -> AppResult<Vec<ScenarioDto>> {
    state.with(|app| app.scenarios(year))
}

#[tauri::command(async)]
pub fn save_scenario(
    state: State<'_, AppState>,
    year: Year,
    name: String,
    changes: Vec<ValueChange>,
) -> AppResult<ScenarioDto> {
    state.with(|app| app.save_scenario(year, &name, &changes))
}

#[tauri::command(async)]
pub fn remove_scenario(state: State<'_, AppState>, year: Year, name: String) -> AppResult<()> {
    state.with(|app| app.remove_scenario(year, &name))
}

#[tauri::command(async)]
pub fn recommendations(
    state: State<'_, AppState>,
    year: Year,
    indicator: Option<u32>,
) -> AppResult<Vec<RecommendationDto>> {
    state.with(|app| app.recommendations(year, indicator))
}

#[tauri::command(async)]
pub fn add_recommendation(
    state: State<'_, AppState>,
    year: Year,
    input: RecommendationInput,
) -> AppResult<RecommendationDto> {
    state.with(|app| app.add_recommendation(year, input))
}

#[tauri::command(async)]
pub fn update_recommendation(
    state: State<'_, AppState>,
    year: Year,
    id: i64,
    input: RecommendationInput,
) -> AppResult<RecommendationDto> {
    state.with(|app| app.update_recommendation(year, id, input))
}

#[tauri::command(async)]
pub fn indicator_plans(state: State<'_, AppState>, year: Year) -> AppResult<Vec<IndicatorPlanDto>> {
    state.with(|app| app.indicator_plans(year))
}

#[tauri::command(async)]
pub fn set_indicator_plan(
    state: State<'_, AppState>,
    year: Year,
    input: IndicatorPlanInput,
) -> AppResult<IndicatorPlanDto> {
    state.with(|app| app.set_indicator_plan(year, input))
}
