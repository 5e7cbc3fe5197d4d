//! The shapes that cross the boundary (CLI JSON, IPC). Core and store types are not the
//! contract: these are, with explicit conversions.

use serde::{Deserialize, Serialize};
use swanilai_core::{GroupIndex, IndexReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum InstansiKind {
    Provinsi,
    Kabupaten,
    Kota,
    InstansiPusat,
}

impl InstansiKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InstansiKind::Provinsi => "provinsi",
            InstansiKind::Kabupaten => "kabupaten",
            InstansiKind::Kota => "kota",
            InstansiKind::InstansiPusat => "instansi_pusat",
        }
    }
    pub fn parse(s: &str) -> Option<InstansiKind> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "provinsi" => Some(InstansiKind::Provinsi),
            "kabupaten" => Some(InstansiKind::Kabupaten),
            "kota" => Some(InstansiKind::Kota),
            "instansi_pusat" | "pusat" => Some(InstansiKind::InstansiPusat),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct InstansiInput {
    pub name: String,
    pub kind: InstansiKind,
    #[serde(default)]
    pub coordinator_name: String,
    #[serde(default)]
    pub coordinator_nip: String,
    #[serde(default)]
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct InstansiDto {
    pub name: String,
    pub kind: InstansiKind,
    pub coordinator_name: String,
    pub coordinator_nip: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssessmentDto {
    pub year: i32,
    pub framework_id: String,
    pub framework_version: String,
    pub framework_title: String,
    pub criteria_version: String,
    pub status: String,
    pub created_at: String,
}

/// A change to one answer; `None` fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerInput {
    /// Some(None) clears the level (JSON: `null`); left out: unchanged.
    #[serde(default, deserialize_with = "double_option")]
    #[ts(optional = nullable)]
    pub level: Option<Option<i64>>,
    #[ts(optional)]
    pub explanation: Option<String>,
    /// For nameable indicators (45-47): the service's name. Some(None) clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[ts(optional = nullable)]
    pub service_name: Option<Option<String>>,
    /// Unit kerja or person in charge.
    #[ts(optional)]
    pub owner: Option<String>,
}

/// Tells a field left out (None) from an explicit `null` (Some(None)).
fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AnswerDto {
    pub year: i32,
    pub indicator: u32,
    pub name: String,
    pub level: Option<u8>,
    pub level_name: Option<String>,
    pub explanation: String,
    pub service_name: Option<String>,
    pub owner: String,
    pub status: String,
    pub author: String,
    pub updated_at: Option<String>,
    pub evidence_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EvidenceDto {
    pub id: i64,
    pub indicator: u32,
    /// "7.a", "7.b": the indicator number and the letter in attachment order, as the
    /// evidence naming convention wants file names to start.
    pub label: String,
    pub kind: String,
    pub name: String,
    /// The name by the `<indicator>.<letter>.<description>` convention, exactly as the
    /// evidence package writes the file.
    pub conventional_name: String,
    pub sha256: Option<String>,
    pub size: Option<u64>,
    pub media_type: Option<String>,
    pub url: Option<String>,
    pub note: String,
    pub document_date: Option<String>,
    pub added_at: String,
    pub added_by: String,
    /// False when the same file or URL was already attached to this indicator.
    pub newly_attached: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct GroupIndexDto {
    pub number: u32,
    pub code: String,
    pub name: String,
    /// Weight in percent (13.0 for 13,00 %).
    pub weight: f64,
    /// Two decimals as published; null when nothing in the group is answered.
    pub index: Option<f64>,
    pub index_text: Option<String>,
    pub rating: Option<String>,
    pub answered: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct IndexDto {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub year: Option<i32>,
    pub framework_id: String,
    pub index_name: String,
    /// Two decimals as published; null when nothing is answered.
    pub index: Option<f64>,
    /// Indonesian display: "3,28".
    pub index_text: Option<String>,
    /// The exact value as a fraction "num/den" of the unrounded index.
    pub index_exact: Option<String>,
    pub rating: Option<String>,
    /// How the rating is taken: on the exact value, not the rounded one.
    pub rating_rule: String,
    pub answered: u32,
    pub total: u32,
    pub complete: bool,
    pub domains: Vec<GroupIndexDto>,
    pub aspects: Vec<GroupIndexDto>,
}

pub const RATING_RULE: &str =
    "predikat taken on the exact (unrounded) index; index shown rounded half up to 2 decimals";

impl IndexDto {
    pub fn from_report(
        year: Option<i32>,
        framework_id: &str,
        index_name: &str,
        r: &IndexReport,
    ) -> IndexDto {
        IndexDto {
            year,
            framework_id: framework_id.to_owned(),
            index_name: index_name.to_owned(),
            index: r.index.map(|s| s.rounded()),
            index_text: r.index.map(|s| s.to_id_string()),
            index_exact: r
                .index
                .map(|s| format!("{}/{}", s.numerator(), s.denominator())),
            rating: r.rating.clone(),
            rating_rule: RATING_RULE.to_owned(),
            answered: r.answered,
            total: r.total,
            complete: r.is_complete(),
            domains: r.domains.iter().map(group).collect(),
            aspects: r.aspects.iter().map(group).collect(),
        }
    }
}

fn group(g: &GroupIndex) -> GroupIndexDto {
    GroupIndexDto {
        number: g.number,
        code: g.code.clone(),
        name: g.name.clone(),
        weight: f64::from(g.weight_bp) / 100.0,
        index: g.index.map(|s| s.rounded()),
        index_text: g.index.map(|s| s.to_id_string()),
        rating: g.rating.clone(),
        answered: g.answered,
        total: g.total,
    }
}

/// One field of one indicator that an import would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportChange {
    pub indicator: u32,
    /// "level" or "explanation"
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportPreview {
    pub year: i32,
    pub file: String,
    pub rows_read: u32,
    pub changes: Vec<ImportChange>,
    #[ts(as = "Vec<crate::bindings::ImportProblem>")]
    pub problems: Vec<swanilai_xlsx::ImportProblem>,
    /// Rows read that change nothing.
    pub unchanged: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportOutcome {
    pub preview: ImportPreview,
    /// Number of indicators written.
    pub indicators_written: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FrameworkDto {
    pub id: String,
    pub version: String,
    pub title: String,
    pub index_name: String,
    pub domains: u32,
    pub aspects: u32,
    pub indicators: u32,
    pub criteria_versions: Vec<String>,
    pub builtin: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DemoSummary {
    pub instansi: String,
    pub years: Vec<i32>,
    pub answered: u32,
    pub evidence_files: u32,
}

/// What the indicator page shows of the catalog: where it sits, the question and the
/// five levels' criteria in the version the assessment is scored with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IndicatorInfo {
    pub number: u32,
    pub name: String,
    pub question: String,
    pub weight: String,
    pub domain: Option<GroupRef>,
    pub aspect: GroupRef,
    pub nameable: bool,
    pub criteria_version: String,
    pub description: Option<String>,
    pub assessment_rules: Option<String>,
    pub evidence_examples: Option<String>,
    pub levels: Vec<LevelInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct GroupRef {
    pub number: u32,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LevelInfo {
    pub level: u8,
    pub name: String,
    pub criteria: String,
    pub fulfilment: Option<String>,
    pub evidence: Option<String>,
}
