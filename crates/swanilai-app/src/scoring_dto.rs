//! DTOs of frameworks scored with decimal values (Indeks Pemerintah Digital): how a
//! framework scores, indicator values (the team's and the assessor's), external-index
//! values, and evidence items (butir) with the level gate.

use serde::{Deserialize, Serialize};
use swanilai_core::butir::{ButirStatus, RevisiKind};

/// How a framework scores, for the window to lay out the indicator page and the dashboard
/// without knowing the framework by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ScoringDto {
    /// Id of the framework: "pemdi-2026".
    pub framework_id: String,
    /// "level" (a whole level 1-5, 59/2020) or "decimal" (a value 1,00-5,00, Indeks Pemdi).
    pub value_kind: String,
    /// Whether it has a domain layer (59/2020: yes; Indeks Pemdi: no).
    pub has_domains: bool,
    /// Not verified against the official text: say "sementara" wherever it is shown.
    pub provisional: bool,
    /// Why it is provisional and what governs instead; empty when it is not.
    pub status_note: String,
    /// What the overall index is called: "Indeks Pemerintah Digital".
    pub index_name: String,
    /// The level names of each level kind, level 1 first.
    pub level_names: Vec<String>,
    /// The predikat bands, highest first.
    pub bands: Vec<BandDto>,
    /// "min_inclusive" (a value on a band's minimum is in that band) or "min_exclusive".
    pub band_boundary: String,
    /// Whether the framework judges evidence item by item (it lists butir).
    pub has_butir: bool,
}

/// One predikat band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BandDto {
    /// The predikat: "Baik".
    pub name: String,
    /// Its lowest value as decimal text ("2.50"); None for the lowest band.
    pub min: Option<String>,
    /// The maturity label beside it ("Berkembang (Developing)"), if the framework gives one.
    pub label: Option<String>,
}

/// Whose value: the team's self-assessment or the assessor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ValueSourceDto {
    /// The team's own value (penilaian mandiri).
    #[serde(rename = "self")]
    SelfAssessed,
    /// The external assessor's value, entered when the national results come.
    Assessor,
}

/// A decimal value to set: "2,35" or "2.35"; None clears it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ValueInput {
    /// Whose value it is.
    pub source: ValueSourceDto,
    /// The value as typed (1,00-5,00, at most two decimals); None clears it.
    pub value: Option<String>,
}

/// A value taken from another agency's index, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExternalInput {
    /// The value as typed (1,00-5,00, at most two decimals); None removes it (the
    /// indicator takes the framework's default again).
    pub value: Option<String>,
    /// Where it was read: a publication, a letter, a web page. Required with a value.
    #[serde(default)]
    pub source: String,
    /// The year of the index's own edition, if known.
    #[serde(default)]
    pub source_year: Option<i32>,
}

/// An indicator's external-index value as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ExternalValueDto {
    /// The index it comes from: "Indeks Satu Data Indonesia (SDI)".
    pub index_name: String,
    /// The value used: the one entered, else the framework's default.
    pub value: f64,
    /// Indonesian display: "1,00".
    pub value_text: String,
    /// True when nothing is entered and the default is used.
    pub defaulted: bool,
    /// Where the value was read; empty when defaulted.
    pub source: String,
    /// The year of the index's edition, if given.
    pub source_year: Option<i32>,
}

/// One indicator of a decimal framework with its values.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct IndicatorValueDto {
    /// The indicator's number (1-20 in the Indeks Pemdi).
    pub indicator: u32,
    /// Its name in the catalog.
    pub name: String,
    /// Other wordings of its name, when the official one is unconfirmed (show them).
    pub name_variants: Vec<String>,
    /// The aspect it belongs to.
    pub aspect: u32,
    /// Its bobot in percent: 5.0.
    pub weight: f64,
    /// The team's value; None when not set (and for an external-index indicator).
    pub self_value: Option<f64>,
    /// The assessor's value; None when not entered.
    pub assessor_value: Option<f64>,
    /// The band of the team's value in words ("Cukup"), on the exact value.
    pub self_band: Option<String>,
    /// Set for an indicator whose value comes from another agency's index.
    pub external: Option<ExternalValueDto>,
}

/// A butir's status to set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ButirInput {
    /// The butir's id in the catalog: "GT.I1_L2_1".
    pub id: String,
    /// Its new status.
    pub status: ButirStatus,
    /// Why it is to be revised; only with the status revisi.
    #[serde(default)]
    pub kind: Option<RevisiKind>,
    /// The note; None keeps the stored one.
    #[serde(default)]
    pub note: Option<String>,
}

/// One butir of an indicator as it reads after the level gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ButirDto {
    /// Its id: "GT.I1_L2_1".
    pub id: String,
    /// The indicator it belongs to.
    pub indicator: u32,
    /// The level it belongs to, 1-5.
    pub level: u8,
    /// That level's name in the framework ("Membangun").
    pub level_name: String,
    /// What it asks for, as the source words it.
    pub text: String,
    /// The number used in file names: `I{n}-L{l}-{NN}` ("I1-L2-01").
    pub file_prefix: String,
    /// The status stored for it (draft when never set).
    pub status: ButirStatus,
    /// The revisi kind stored for it.
    pub kind: Option<RevisiKind>,
    /// The note stored for it.
    pub note: String,
    /// The status it reads as after the level gate.
    pub effective_status: ButirStatus,
    /// The revisi kind it reads as (otomatis ditolak when gated).
    pub effective_kind: Option<RevisiKind>,
    /// The note it reads as (the gate's own when gated).
    pub effective_note: String,
    /// Whether the level gate overrides the stored status: a lower level is rejected.
    pub gated: bool,
    /// How many evidence files and links are attached to it.
    pub evidence_count: u32,
}
