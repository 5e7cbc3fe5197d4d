//! How a framework scores, as data: whole levels or decimal values, which side of a band
//! edge a value on it falls, indicators whose value comes from another agency's index, and
//! the evidence items (butir) each level asks for.
//!
//! 59/2020 uses the defaults (whole levels 1-5, band minimum inclusive, no butir) and
//! leaves all of this out of its file; the Indeks Pemerintah Digital says
//! `"scoring": {"value": "decimal"}`, marks four indicators `external_index` and lists
//! its 232 butir.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeSet;

use super::{Catalog, CatalogFile, Indicator, Problems};
use crate::level::Level;
use crate::value::Value;

/// How the indicators of a framework are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// A whole maturity level 1-5 (59/2020).
    #[default]
    Level,
    /// A decimal value 1,00-5,00 with two decimals (Indeks Pemerintah Digital).
    Decimal,
}

impl ValueKind {
    /// "level" or "decimal".
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Level => "level",
            ValueKind::Decimal => "decimal",
        }
    }
}

/// Which band a value exactly on a band's minimum belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandBoundary {
    /// The band's own: 4,20 is Memuaskan when Memuaskan starts at 4,20 (59/2020; the
    /// Indeks Pemdi's half-open bands).
    #[default]
    MinInclusive,
    /// The band below: a band "from 1,50" starts just above 1,50 (a reading of 1,51-2,50).
    MinExclusive,
}

impl BandBoundary {
    /// Whether a value compared with a band's minimum (`value.cmp(min)`) is in the band.
    pub fn holds(self, value_vs_min: Ordering) -> bool {
        match self {
            BandBoundary::MinInclusive => value_vs_min != Ordering::Less,
            BandBoundary::MinExclusive => value_vs_min == Ordering::Greater,
        }
    }
}

/// How a framework scores; every field has the 59/2020 default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Scoring {
    /// Whole levels or decimal values.
    #[serde(default)]
    pub value: ValueKind,
    /// Which band a value on an edge belongs to.
    #[serde(default)]
    pub band_boundary: BandBoundary,
}

impl Scoring {
    /// Whether this is the default (left out of a catalog file).
    pub fn is_default(&self) -> bool {
        *self == Scoring::default()
    }
}

/// An indicator whose value is taken from another agency's index (Indeks SDI, SJIG, EPSS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalIndex {
    /// The index it comes from: "Indeks Satu Data Indonesia (SDI)".
    pub name: String,
    /// The value it takes while no external value is entered, as decimal text ("1.00").
    pub default_value: String,
}

/// One evidence item (butir) a level of an indicator asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Butir {
    /// Stable id: "GT.I1_L2_3" (indicator 1, level 2, third item).
    pub id: String,
    /// The indicator it belongs to.
    pub indicator: u32,
    /// The level 1-5 it belongs to.
    pub level: u8,
    /// What the item asks for, as the source words it.
    pub text: String,
    /// Suspected transcription problems in the source, for whoever maintains the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

/// The words documents use for the programme a framework assesses (the Berita Acara's
/// title, its first sentence, who signs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramWords {
    /// After "penilaian mandiri": "Pemerintah Digital".
    pub short: String,
    /// In a title, upper case: "PEMERINTAH DIGITAL".
    pub heading: String,
    /// In running text, in full: "Pemerintah Digital (Pemdi)".
    pub long: String,
    /// Who signs: "Koordinator Pemdi".
    pub coordinator: String,
}

impl Catalog {
    /// How this framework scores.
    pub fn scoring(&self) -> Scoring {
        self.file.scoring
    }
    /// Whether the content is provisional (not verified against the official text).
    pub fn is_provisional(&self) -> bool {
        self.file.framework.provisional
    }
    /// Every butir in catalog order.
    pub fn butir(&self) -> &[Butir] {
        &self.file.butir
    }
    /// The butir with this id ("GT.I1_L2_3").
    pub fn butir_by_id(&self, id: &str) -> Option<&Butir> {
        self.file.butir.iter().find(|b| b.id == id)
    }
    /// The butir of one indicator, level 1 first, in catalog order within a level.
    pub fn butir_of(&self, indicator: u32) -> Vec<&Butir> {
        let mut out: Vec<&Butir> = self
            .file
            .butir
            .iter()
            .filter(|b| b.indicator == indicator)
            .collect();
        out.sort_by_key(|b| b.level);
        out
    }
    /// Whether the catalog uses anything a catalog workbook does not carry (decimal
    /// scoring, butir, external indices, name variants, band labels, provisional status):
    /// such a framework is exchanged as a JSON file.
    pub fn needs_json(&self) -> bool {
        let f = &self.file;
        !f.scoring.is_default()
            || !f.butir.is_empty()
            || f.framework.provisional
            || f.framework.program.is_some()
            || f.rating_bands.iter().any(|b| b.label.is_some())
            || f.aspects.iter().any(|a| !a.name_variants.is_empty())
            || f.indicators
                .iter()
                .any(|i| i.external_index.is_some() || !i.name_variants.is_empty())
    }
    /// The value an external-index indicator takes while none is entered; None for an
    /// indicator the team scores.
    pub fn external_default(&self, indicator: &Indicator) -> Option<Value> {
        indicator
            .external_index
            .as_ref()
            .and_then(|x| Value::parse(&x.default_value).ok())
    }
}

pub(super) fn check(f: &CatalogFile, p: &mut Problems) {
    let numbers: BTreeSet<u32> = f.indicators.iter().map(|i| i.number).collect();
    for (i, x) in f.indicators.iter().enumerate() {
        if let Some(ext) = &x.external_index {
            if ext.name.trim().is_empty() {
                p.push(
                    format!("indicators[{i}].external_index.name"),
                    "must not be empty",
                );
            }
            if let Err(e) = Value::parse(&ext.default_value) {
                p.push(
                    format!("indicators[{i}].external_index.default_value"),
                    e.to_string(),
                );
            }
        }
    }
    let mut ids = BTreeSet::new();
    for (i, b) in f.butir.iter().enumerate() {
        let path = format!("butir[{i}]");
        if b.id.trim().is_empty() {
            p.push(format!("{path}.id"), "must not be empty");
        } else if !ids.insert(b.id.as_str()) {
            p.push(
                format!("{path}.id"),
                format!("duplicate butir id '{}'", b.id),
            );
        }
        if !numbers.contains(&b.indicator) {
            p.push(
                format!("{path}.indicator"),
                format!(
                    "butir '{}' refers to indicator {}, which the framework does not have",
                    b.id, b.indicator
                ),
            );
        }
        if Level::new(i64::from(b.level)).is_err() {
            p.push(
                format!("{path}.level"),
                format!("level {} is outside 1-5", b.level),
            );
        }
        if b.text.trim().is_empty() {
            p.push(format!("{path}.text"), "must not be empty");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boundary_rule_decides_a_value_on_the_edge() {
        assert!(BandBoundary::MinInclusive.holds(Ordering::Equal));
        assert!(!BandBoundary::MinExclusive.holds(Ordering::Equal));
        for b in [BandBoundary::MinInclusive, BandBoundary::MinExclusive] {
            assert!(b.holds(Ordering::Greater));
            assert!(!b.holds(Ordering::Less));
        }
    }
}
