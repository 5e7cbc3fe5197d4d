//! DTOs of the external verification: the stages of every indicator side by side with the
//! team's own answer, each stage's index, setting a stage, and importing results.

use serde::{Deserialize, Serialize};

use crate::{GroupIndexDto, IndexDto};

/// One stage's index, computed over the indicators that have a value at that stage.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageIndexDto {
    /// "mandiri", "dokumen", "interviu", "visitasi" or "final".
    pub stage: String,
    /// The national name: "Penilaian Dokumen".
    pub title: String,
    /// Two decimals; null when nothing is recorded at this stage.
    pub index: Option<f64>,
    /// "3,28".
    pub index_text: Option<String>,
    /// The predikat; null when nothing is recorded.
    pub rating: Option<String>,
    /// How many indicators have a value at this stage.
    pub answered: u32,
    /// How many the framework has.
    pub total: u32,
    /// Every indicator has a value: the stage's index is final, not partial.
    pub complete: bool,
    /// Per domain (empty for frameworks without domains).
    pub domains: Vec<GroupIndexDto>,
    /// Per aspect.
    pub aspects: Vec<GroupIndexDto>,
}

impl StageIndexDto {
    pub(crate) fn new(stage: swanilai_core::Stage, i: IndexDto) -> StageIndexDto {
        StageIndexDto {
            stage: stage.as_str().to_owned(),
            title: stage.title().to_owned(),
            index: i.index,
            index_text: i.index_text,
            rating: i.rating,
            answered: i.answered,
            total: i.total,
            complete: i.complete,
            domains: i.domains,
            aspects: i.aspects,
        }
    }
}

/// The assessors' note at one stage, with who entered it and from where.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageNoteDto {
    /// The stage: "dokumen", "interviu", "visitasi" or "final".
    pub stage: String,
    /// The value at that stage ("3" or "2,35").
    pub value_text: String,
    /// The assessors' note; empty when none.
    pub note: String,
    /// Who entered it.
    pub author: String,
    /// "manual", or "template: hasil.xlsx" / "csv: hasil.csv" for an import.
    pub origin: String,
    /// When it was entered, RFC 3339 UTC.
    pub updated_at: String,
}

/// One indicator with every stage side by side.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CompareRowDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The indicator's name.
    pub name: String,
    /// The aspect's code: "A3".
    pub aspect: String,
    /// The team's own level (or value); null when unanswered.
    pub mandiri: Option<f64>,
    /// The value at Penilaian Dokumen; null when none.
    pub dokumen: Option<f64>,
    /// The value at Interviu; null when none.
    pub interviu: Option<f64>,
    /// The value at Visitasi; null when none.
    pub visitasi: Option<f64>,
    /// The final value of the LHE; null when none.
    #[serde(rename = "final")]
    #[ts(rename = "final")]
    pub final_value: Option<f64>,
    /// The latest verified stage that has a value (final, else visitasi, interviu, dokumen).
    pub verified_stage: Option<String>,
    /// mandiri minus the latest verified value: positive is an over-claim.
    pub difference: Option<f64>,
    /// "over" (self above verified), "under", "equal"; null when either is missing.
    pub claim: Option<String>,
    /// The notes of every stage with a value, in stage order.
    pub notes: Vec<StageNoteDto>,
}

/// Self against verified for one assessment.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CompareDto {
    /// The assessment year.
    pub year: i32,
    /// Id of the framework.
    pub framework_id: String,
    /// What the framework calls the overall index.
    pub index_name: String,
    /// "level" or "decimal".
    pub value_kind: String,
    /// One entry per stage in order, mandiri first; a stage with nothing recorded has a
    /// null index.
    pub stages: Vec<StageIndexDto>,
    /// One row per indicator of the framework, in catalog order.
    pub indicators: Vec<CompareRowDto>,
    /// How many indicators the team scored above the verified result.
    pub over_claims: u32,
    /// How many below.
    pub under_claims: u32,
}

/// One stage of one indicator to set: a level ("3", or "2,35" with decimals) and a note;
/// a null value removes the stage's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StageInput {
    /// The indicator's number.
    pub indicator: u32,
    /// "dokumen", "interviu", "visitasi" or "final".
    pub stage: String,
    /// The level ("3") or value ("2,35"); null removes the stage's value.
    pub value: Option<String>,
    /// The assessors' note; null keeps the one stored.
    pub note: Option<String>,
}

/// What importing a results file changes at one indicator and stage.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageChangeDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The stage: "dokumen", "interviu", "visitasi" or "final".
    pub stage: String,
    /// The stored value, null when none.
    pub before: Option<f64>,
    /// The value the file gives.
    pub after: f64,
    /// The stored note.
    pub before_note: String,
    /// The note the file gives.
    pub after_note: String,
    /// A value already stored is replaced (the same stage imported again).
    pub replaces: bool,
}

/// The preview (or result) of importing verification results.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageImportDto {
    /// The file name.
    pub file: String,
    /// "template" or "csv".
    pub kind: String,
    /// What would change (or changed), in file order.
    pub changes: Vec<StageChangeDto>,
    /// Rows equal to what is stored.
    pub unchanged: u32,
    /// Whether it was written (false for a preview).
    pub written: bool,
}

/// Start a new assessment from last year's: which indicators to carry (all when null).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct CarryInput {
    /// The indicators whose answers and evidence are copied; null for every indicator.
    pub indicators: Option<Vec<u32>>,
}

/// One year in the comparison of years.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct YearPointDto {
    /// The assessment year.
    pub year: i32,
    /// Id of its framework.
    pub framework_id: String,
    /// What its framework calls the index.
    pub index_name: String,
    /// The team's own index (penilaian mandiri) and its predikat.
    pub mandiri: StageIndexDto,
    /// The latest verified stage with results (final, else visitasi, interviu, dokumen);
    /// null when none is recorded.
    pub verified: Option<StageIndexDto>,
    /// Whether it uses the same framework as the latest year, so its indicators and aspects
    /// are compared.
    pub comparable: bool,
}

/// One indicator or aspect across the years (only years of the latest year's framework;
/// null for the others and where nothing is recorded).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct YearSeriesDto {
    /// The indicator's number, or the aspect's.
    pub number: u32,
    /// The aspect's code ("A3") or the indicator's aspect code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The team's value per year, in the order of `years`.
    pub mandiri: Vec<Option<f64>>,
    /// The verified value per year.
    pub verified: Vec<Option<f64>>,
    /// The latest year's value minus the one before it (team's values); null when either is
    /// missing.
    pub change: Option<f64>,
}

/// The index and predikat per year, with per-aspect and per-indicator changes.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct YearsDto {
    /// Every assessment, oldest first.
    pub years: Vec<YearPointDto>,
    /// Per aspect of the latest year's framework.
    pub aspects: Vec<YearSeriesDto>,
    /// Per indicator of the latest year's framework.
    pub indicators: Vec<YearSeriesDto>,
}
