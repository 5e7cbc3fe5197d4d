//! DTOs of planning the improvement: what-if, the path to a target, the gap of one
//! indicator, per-indicator plans, recommendations with follow-up, and scenarios.

use serde::{Deserialize, Serialize};

use crate::IndexDto;

/// One hypothetical (or ceiling) value: an indicator and a level ("3") or value ("2,35").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ValueChange {
    /// The indicator's number.
    pub indicator: u32,
    /// "3", or "2,35" with decimals.
    pub value: String,
}

/// One indicator's effort weight for the path to a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct EffortChoice {
    /// The indicator's number.
    pub indicator: u32,
    /// "easy", "medium" or "hard" (mudah, sedang, sulit).
    pub effort: String,
}

/// What to plan for: a target index ("3,50") or predikat ("Sangat Baik"), with ceilings
/// and effort weights given now (they override the indicator plans stored).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct PlanInput {
    /// "3,50", "3.5" or a predikat.
    pub target: String,
    /// Ceilings: the indicator cannot go above this value this year.
    pub ceilings: Vec<ValueChange>,
    /// Effort weights.
    pub efforts: Vec<EffortChoice>,
}

/// One step of a plan: one level more on one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlanStepDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The indicator's name.
    pub name: String,
    /// The value before the step.
    pub from: f64,
    /// The value after: the next whole level.
    pub to: f64,
    /// The index gain of the step, exact to 1e-9 ("0,0550" shown).
    pub gain: f64,
    /// The gain as the window shows it: "+0,055".
    pub gain_text: String,
    /// "easy", "medium" or "hard".
    pub effort: String,
}

/// The plan with the fewest one-level steps that reaches the target.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlanDto {
    /// The target index: 3.5.
    pub target: f64,
    /// The predikat asked for, when the target was one.
    pub target_rating: Option<String>,
    /// Whether the steps reach the target; when not, they reach the best index possible.
    pub reachable: bool,
    /// The index now (over the answered indicators).
    pub current_index: Option<f64>,
    /// The index with the steps applied.
    pub projected_index: f64,
    /// "3,52".
    pub projected_text: String,
    /// Its predikat.
    pub projected_rating: String,
    /// The steps, largest gain first; one indicator's steps in order.
    pub steps: Vec<PlanStepDto>,
    /// The sum of the steps' effort weights (easy 1, medium 2, hard 3).
    pub effort_total: u32,
    /// Indicators not counted: unanswered ones (the index is over the answered ones).
    pub unanswered: u32,
}

/// One indicator's plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct IndicatorPlanDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The target level for next year.
    pub target: Option<f64>,
    /// The ceiling for this year.
    pub ceiling: Option<f64>,
    /// "easy", "medium" or "hard"; None: medium.
    pub effort: Option<String>,
}

/// A plan to set for one indicator: each field as text, empty or null to clear.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct IndicatorPlanInput {
    /// The indicator's number.
    pub indicator: u32,
    /// Target level for next year ("4").
    pub target: Option<String>,
    /// Ceiling this year ("3").
    pub ceiling: Option<String>,
    /// "easy", "medium" or "hard".
    pub effort: Option<String>,
}

/// A recommendation to add or change.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct RecommendationInput {
    /// The indicator's number.
    pub indicator: u32,
    /// The recommendation (saran perbaikan).
    pub text: String,
    /// The unit kerja that follows it up.
    pub unit: String,
    /// Due date, YYYY-MM-DD.
    pub due_date: Option<String>,
    /// "belum", "proses" or "selesai"; null: belum (or unchanged).
    pub status: Option<String>,
    /// Follow-up notes.
    pub notes: String,
}

/// A recommendation with its follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct RecommendationDto {
    /// Its id.
    pub id: i64,
    /// The year of the assessment it belongs to.
    pub year: i32,
    /// The indicator's number.
    pub indicator: u32,
    /// The indicator's name.
    pub indicator_name: String,
    /// The recommendation.
    pub text: String,
    /// The unit kerja responsible.
    pub unit: String,
    /// YYYY-MM-DD.
    pub due_date: Option<String>,
    /// "belum", "proses" or "selesai".
    pub status: String,
    /// Follow-up notes.
    pub notes: String,
    /// Who last changed it.
    pub author: String,
    /// When it was added.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

/// One piece of a word diff between two levels' criteria.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DiffPartDto {
    /// The words.
    pub text: String,
    /// "same", "added" (only in the next level) or "removed" (only in the current one).
    pub change: String,
}

/// One item of the evidence the next level asks for, beside what is attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ChecklistItemDto {
    /// What is asked for.
    pub item: String,
    /// The attached evidence that seems to answer it (by its words or, for a butir, by
    /// attachment); empty when nothing does.
    pub attached: Vec<String>,
    /// For a butir: its status; None for an item read from the criteria text.
    pub status: Option<String>,
}

/// What one indicator needs to reach its next level.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct GapDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The indicator's name.
    pub name: String,
    /// The current value (level); None when unanswered.
    pub current: Option<f64>,
    /// The whole level the current value is at (a decimal 2,35 is at level 2).
    pub current_level: Option<u8>,
    /// The next whole level; None at 5.
    pub next_level: Option<u8>,
    /// The current level's criteria.
    pub current_criteria: String,
    /// The next level's criteria, word by word against the current one's.
    pub next_criteria: Vec<DiffPartDto>,
    /// The next level's fulfilment criteria (Pedoman 2024), if the catalog has them.
    pub next_fulfilment: Option<String>,
    /// The next level's evidence criteria (Pedoman 2024).
    pub next_evidence: Option<String>,
    /// What the next level asks for as evidence, beside what is attached.
    pub checklist: Vec<ChecklistItemDto>,
    /// The index gain of one level more, exactly as a fraction "num/den" and as a number.
    pub gain: Option<f64>,
    /// "+0,0550".
    pub gain_text: Option<String>,
    /// The exact gain "num/den".
    pub gain_exact: Option<String>,
    /// The indicator's plan.
    pub plan: IndicatorPlanDto,
    /// This year's recommendations for it.
    pub recommendations: Vec<RecommendationDto>,
    /// Last year's recommendations for it, with their follow-up status.
    pub previous_recommendations: Vec<RecommendationDto>,
}

/// A named what-if scenario with its projection.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ScenarioDto {
    /// Its name.
    pub name: String,
    /// The hypothetical values.
    pub changes: Vec<ValueChange>,
    /// The index they give.
    pub projected: IndexDto,
    /// Who saved it.
    pub author: String,
    /// When.
    pub updated_at: String,
}
