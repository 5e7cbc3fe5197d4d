//! The index engine of PermenPANRB 59/2020 Lampiran Bab II.B.4, for any catalog.
//!
//! Aspect index = sum(level x indicator weight) / aspect weight; domain index = sum(aspect
//! index x aspect weight) / domain weight; overall = sum(domain index x domain weight) / 100.
//! Because the weights nest, every one of these equals `sum(level x weight) / sum(weight)`
//! over the indicators it covers, which is how we compute them: exactly, as fractions.
//!
//! A framework scored with decimal values (Indeks Pemerintah Digital, no domains) rolls up
//! the same way over values in hundredths: [`compute_index_values`].
//!
//! A partial assessment gets the index over what is answered (the same formula over the
//! answered indicators' weights) and its completeness beside it: never a silent zero.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::level::Level;
use crate::score::Score;
use crate::value::Value;

/// The index of one aspect or domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupIndex {
    /// The aspect's or domain's number in the catalog.
    pub number: u32,
    /// Its code: "A1", "D2".
    pub code: String,
    /// Its name as the catalog gives it.
    pub name: String,
    /// Its bobot in basis points (1300 = 13 %).
    pub weight_bp: u32,
    /// `None` when none of its indicators is answered.
    pub index: Option<Score>,
    /// The predikat of `index` ("Baik"), taken on the exact value; `None` when `index` is.
    pub rating: Option<String>,
    /// How many of its indicators have a level.
    pub answered: u32,
    /// How many indicators it has.
    pub total: u32,
}

/// The indices of one assessment: overall, per domain and per aspect, each with how much of
/// it is answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexReport {
    /// The overall index over the answered indicators; `None` when nothing is answered.
    pub index: Option<Score>,
    /// The predikat of the overall index ("Sangat Baik"), taken on the exact value; `None` when
    /// nothing is answered.
    pub rating: Option<String>,
    /// How many indicators have a level.
    pub answered: u32,
    /// How many indicators the framework has (47 in 59/2020).
    pub total: u32,
    /// Empty for frameworks without domains.
    pub domains: Vec<GroupIndex>,
    /// One entry per aspect, in catalog order.
    pub aspects: Vec<GroupIndex>,
}

impl IndexReport {
    /// Whether every indicator has a level, so the index is final rather than partial.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

#[derive(Default, Clone, Copy)]
struct Acc {
    weighted: u64,
    weight: u64,
    answered: u32,
    total: u32,
}

impl Acc {
    /// Add an indicator whose value is `units / scale` (a level: scale 1; a decimal value in
    /// hundredths: scale 100), or that is unanswered.
    fn add(&mut self, weight_bp: u32, units: Option<u32>, scale: u32) {
        self.total += 1;
        if let Some(v) = units {
            self.weighted += u64::from(v) * u64::from(weight_bp);
            self.weight += u64::from(weight_bp) * u64::from(scale);
            self.answered += 1;
        }
    }
    fn score(self) -> Option<Score> {
        (self.weight > 0).then(|| Score::new(self.weighted, self.weight))
    }
}

/// Roll indicator levels up into aspect, domain and overall indices. Levels for numbers
/// that are not in the catalog are ignored (the app layer refuses them before this).
pub fn compute_index(catalog: &Catalog, levels: &BTreeMap<u32, Level>) -> IndexReport {
    roll_up(catalog, 1, |n| levels.get(&n).map(|l| u32::from(l.get())))
}

/// Roll decimal indicator values (Indeks Pemerintah Digital) up into aspect, domain and
/// overall indices: aspect index = sum(w x v) / w_aspect, overall = sum(w x v) / 100 %, held
/// exactly. Values for numbers that are not in the catalog are ignored.
pub fn compute_index_values(catalog: &Catalog, values: &BTreeMap<u32, Value>) -> IndexReport {
    roll_up(catalog, 100, |n| values.get(&n).map(|v| v.hundredths()))
}

/// The values an index is computed from: the team's (or the assessor's) value for the
/// indicators they score, and for an external-index indicator its entered value, else the
/// framework's default for it (1,00 in the Indeks Pemdi).
pub fn effective_values(
    catalog: &Catalog,
    scored: &BTreeMap<u32, Value>,
    external: &BTreeMap<u32, Value>,
) -> BTreeMap<u32, Value> {
    catalog
        .indicators()
        .iter()
        .filter_map(|ind| {
            let v = match catalog.external_default(ind) {
                Some(default) => Some(external.get(&ind.number).copied().unwrap_or(default)),
                None => scored.get(&ind.number).copied(),
            };
            v.map(|v| (ind.number, v))
        })
        .collect()
}

fn roll_up(catalog: &Catalog, scale: u32, value_of: impl Fn(u32) -> Option<u32>) -> IndexReport {
    let mut by_aspect: BTreeMap<u32, Acc> = BTreeMap::new();
    let mut overall = Acc::default();
    for ind in catalog.indicators() {
        let units = value_of(ind.number);
        by_aspect
            .entry(ind.aspect)
            .or_default()
            .add(ind.weight_bp, units, scale);
        overall.add(ind.weight_bp, units, scale);
    }
    let group = |number: u32, code: &str, name: &str, weight_bp: u32, acc: Acc| {
        let index = acc.score();
        GroupIndex {
            number,
            code: code.to_owned(),
            name: name.to_owned(),
            weight_bp,
            index,
            rating: index.map(|s| catalog.rating(s).to_owned()),
            answered: acc.answered,
            total: acc.total,
        }
    };
    let aspects = catalog
        .aspects()
        .iter()
        .map(|a| {
            let acc = by_aspect.get(&a.number).copied().unwrap_or_default();
            group(a.number, &a.code, &a.name, a.weight_bp, acc)
        })
        .collect();
    let domains = catalog
        .domains()
        .iter()
        .map(|d| {
            let mut acc = Acc::default();
            for a in catalog.aspects_of(d.number) {
                if let Some(x) = by_aspect.get(&a.number) {
                    acc.weighted += x.weighted;
                    acc.weight += x.weight;
                    acc.answered += x.answered;
                    acc.total += x.total;
                }
            }
            group(d.number, &d.code, &d.name, d.weight_bp, acc)
        })
        .collect();
    let index = overall.score();
    IndexReport {
        index,
        rating: index.map(|s| catalog.rating(s).to_owned()),
        answered: overall.answered,
        total: overall.total,
        domains,
        aspects,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod decimal_tests;
