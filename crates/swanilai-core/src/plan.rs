//! Planning from a score: what-if projections and the path to a target index.
//!
//! The index is linear in the indicator values: one level more on indicator i adds
//! `w_i / W` to the overall index (W the weight of the indicators counted), whatever the
//! other indicators hold. A plan is a number of one-level steps per indicator, each step
//! raising a value to the next whole level (2 -> 3, or a decimal 2,35 -> 3,00), never above
//! the indicator's ceiling (5 unless the team says otherwise).
//!
//! [`path_to_target`] finds a plan with the fewest steps that reaches the target and,
//! among the plans of that length, the least total effort (easy 1, medium 2, hard 3),
//! exactly: a dynamic programme over (steps, effort) keeping the largest reachable gain,
//! with integer arithmetic in basis points x hundredths. It is checked against brute
//! force on small catalogs (`plan::tests`).
//!
//! Only the indicators the index counts are planned: answered ones (the index is over the
//! answered indicators) that the team scores (an indicator taken from another agency's
//! index is not the team's to raise).

use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::index::{compute_index_values, IndexReport};
use crate::value::Value;
use crate::BandBoundary;

/// How hard a step is, to choose among plans of the same length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Effort {
    /// Mudah.
    Easy,
    /// Sedang (the default).
    #[default]
    Medium,
    /// Sulit.
    Hard,
}

impl Effort {
    /// Its weight in the sum a plan minimises: 1, 2, 3.
    pub fn weight(self) -> u32 {
        match self {
            Effort::Easy => 1,
            Effort::Medium => 2,
            Effort::Hard => 3,
        }
    }
    /// "easy", "medium", "hard".
    pub fn as_str(self) -> &'static str {
        match self {
            Effort::Easy => "easy",
            Effort::Medium => "medium",
            Effort::Hard => "hard",
        }
    }
    /// Reads easy/medium/hard and mudah/sedang/sulit.
    pub fn parse(text: &str) -> Option<Effort> {
        match text.trim().to_lowercase().as_str() {
            "easy" | "mudah" => Some(Effort::Easy),
            "medium" | "sedang" => Some(Effort::Medium),
            "hard" | "sulit" => Some(Effort::Hard),
            _ => None,
        }
    }
}

/// What to reach: an index in hundredths, reached at it (`strict` false) or only above it
/// (a predikat whose band starts just above its minimum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// 350 for 3,50.
    pub hundredths: u32,
    /// Reached only above `hundredths`.
    pub strict: bool,
}

impl Target {
    /// The target of reaching a predikat: its band's minimum under the catalog's boundary
    /// rule; None for an unknown predikat. The lowest band is reached by any index (1,00).
    pub fn of_rating(catalog: &Catalog, name: &str) -> Option<Target> {
        let min = catalog.band_minimum(name)?;
        Some(match min {
            None => Target {
                hundredths: 100,
                strict: false,
            },
            Some(m) => Target {
                hundredths: m,
                strict: catalog.scoring().band_boundary == BandBoundary::MinExclusive,
            },
        })
    }
}

/// One step of a plan: an indicator raised from one value to the next whole level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The indicator.
    pub indicator: u32,
    /// Its value before the step.
    pub from: Value,
    /// Its value after: the next whole level.
    pub to: Value,
    /// The index gain, exactly: numerator over [`Plan::gain_den`].
    pub gain_num: u64,
}

/// A plan to reach a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Whether the target is reached (when not, the steps reach the best index possible).
    pub reachable: bool,
    /// The steps, largest gain first (then indicator order); for one indicator in order.
    pub steps: Vec<Step>,
    /// The denominator of every step's gain: sum of the counted weights x 100 x 100.
    pub gain_den: u64,
    /// The index with the steps applied.
    pub projected: IndexReport,
    /// The sum of the steps' effort weights.
    pub effort: u32,
}

/// The next whole level above a value (2 -> 3; 2,35 -> 3), None at 5.
pub fn next_level(v: Value) -> Option<Value> {
    let h = v.hundredths();
    let next = (h / 100 + 1) * 100;
    Value::from_hundredths(next).ok()
}

/// The values with some changed: the what-if of `changes` over `values` (a change to an
/// indicator not in the catalog is ignored). Never touches anything but its own copy.
pub fn what_if(
    catalog: &Catalog,
    values: &BTreeMap<u32, Value>,
    changes: &BTreeMap<u32, Value>,
) -> IndexReport {
    let mut v = values.clone();
    v.extend(changes.iter().map(|(k, x)| (*k, *x)));
    compute_index_values(catalog, &v)
}

/// One indicator's possible steps for the planner: the cumulative gain of taking 1, 2, ...
/// steps, and the effort weight of each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepGroup {
    /// `gains[c - 1]`: the gain of the first c steps together.
    pub gains: Vec<u64>,
    /// The effort weight of one step.
    pub effort: u32,
}

/// The exact core: how many steps to take in each group so that the total gain is at least
/// `need`, with the fewest steps and then the least effort. None when even every step does
/// not reach it. Deterministic: among equal plans the earlier groups are preferred.
pub fn fewest_steps(groups: &[StepGroup], need: u64) -> Option<Vec<usize>> {
    if need == 0 {
        return Some(vec![0; groups.len()]);
    }
    let max_k: usize = groups.iter().map(|g| g.gains.len()).sum();
    let max_e: usize = groups
        .iter()
        .map(|g| g.gains.len() * g.effort as usize)
        .sum();
    let (kk, ee) = (max_k + 1, max_e + 1);
    const NONE: i128 = -1;
    // best[k][e]: the largest gain with exactly k steps of total effort e.
    let mut best = vec![NONE; kk * ee];
    best[0] = 0;
    // choice[g][k][e]: how many steps group g takes in the best state (k, e) after it.
    let mut choice: Vec<Vec<u8>> = Vec::with_capacity(groups.len());
    for g in groups {
        let mut next = best.clone();
        let mut took = vec![0u8; kk * ee];
        for k in 0..kk {
            for e in 0..ee {
                let here = best[k * ee + e];
                if here == NONE {
                    continue;
                }
                for (c, gain) in g.gains.iter().enumerate() {
                    let c = c + 1;
                    let (k2, e2) = (k + c, e + c * g.effort as usize);
                    if k2 >= kk || e2 >= ee {
                        break;
                    }
                    let total = here + i128::from(*gain);
                    let slot = k2 * ee + e2;
                    if total > next[slot] {
                        next[slot] = total;
                        took[slot] = c as u8;
                    }
                }
            }
        }
        best = next;
        choice.push(took);
    }
    let need = i128::from(need);
    let (k, e) =
        (0..kk).find_map(|k| (0..ee).find(|e| best[k * ee + e] >= need).map(|e| (k, e)))?;
    // Walk back: `choice` holds, for each state after a group, how many of its steps the
    // best gain there took (0 when the state was carried over from before the group).
    let mut counts = vec![0usize; groups.len()];
    let (mut k, mut e) = (k, e);
    for gi in (0..groups.len()).rev() {
        let c = usize::from(choice[gi][k * ee + e]);
        counts[gi] = c;
        k -= c;
        e -= c * groups[gi].effort as usize;
    }
    debug_assert_eq!((k, e), (0, 0));
    Some(counts)
}

/// Find the plan with the fewest one-level steps that reaches `target` from `values` (the
/// values the index counts: answered indicators; external-index indicators with their
/// value), raising no indicator above its ceiling (default 5) and, among plans of that
/// length, with the least effort. When the target is out of reach, the plan takes every
/// possible step and says `reachable: false`: its projection is the best reachable index.
/// `plannable` says which indicators the team may raise.
pub fn path_to_target(
    catalog: &Catalog,
    values: &BTreeMap<u32, Value>,
    plannable: &dyn Fn(u32) -> bool,
    ceilings: &BTreeMap<u32, Value>,
    efforts: &BTreeMap<u32, Effort>,
    target: Target,
) -> Plan {
    let mut weight: u64 = 0;
    let mut current: u64 = 0;
    for ind in catalog.indicators() {
        if let Some(v) = values.get(&ind.number) {
            weight += u64::from(ind.weight_bp);
            current += u64::from(ind.weight_bp) * u64::from(v.hundredths());
        }
    }
    let goal = u64::from(target.hundredths) * weight + u64::from(target.strict);
    let need = goal.saturating_sub(current);
    // Each group: one indicator's successive steps.
    let mut groups = Vec::new();
    let mut paths: Vec<(u32, Vec<(Value, Value)>)> = Vec::new();
    for ind in catalog.indicators() {
        let Some(v) = values.get(&ind.number).copied() else {
            continue;
        };
        if !plannable(ind.number) {
            continue;
        }
        let ceiling = ceilings
            .get(&ind.number)
            .copied()
            .unwrap_or(Value::from_hundredths(500).expect("5,00 is a value"));
        let mut steps = Vec::new();
        let mut at = v;
        while let Some(n) = next_level(at).filter(|n| *n <= ceiling) {
            steps.push((at, n));
            at = n;
        }
        if steps.is_empty() {
            continue;
        }
        let w = u64::from(ind.weight_bp);
        let mut cumulative = 0;
        let gains = steps
            .iter()
            .map(|(a, b)| {
                cumulative += w * u64::from(b.hundredths() - a.hundredths());
                cumulative
            })
            .collect();
        groups.push(StepGroup {
            gains,
            effort: efforts
                .get(&ind.number)
                .copied()
                .unwrap_or_default()
                .weight(),
        });
        paths.push((ind.number, steps));
    }
    let (reachable, counts) = match fewest_steps(&groups, need) {
        Some(c) => (true, c),
        None => (false, groups.iter().map(|g| g.gains.len()).collect()),
    };
    let mut steps = Vec::new();
    let mut changed = BTreeMap::new();
    let mut effort = 0;
    for ((indicator, path), (c, g)) in paths.iter().zip(counts.iter().zip(&groups)) {
        for (from, to) in path.iter().take(*c) {
            let w = catalog
                .indicator(*indicator)
                .map_or(0, |i| u64::from(i.weight_bp));
            steps.push(Step {
                indicator: *indicator,
                from: *from,
                to: *to,
                gain_num: w * u64::from(to.hundredths() - from.hundredths()),
            });
            changed.insert(*indicator, *to);
            effort += g.effort;
        }
    }
    steps.sort_by(|a, b| {
        b.gain_num
            .cmp(&a.gain_num)
            .then(a.indicator.cmp(&b.indicator))
            .then(a.from.cmp(&b.from))
    });
    // Steps of one indicator stay in order (lower first) even when a later one gains more.
    let mut ordered: Vec<Step> = Vec::with_capacity(steps.len());
    for s in steps {
        let pos = ordered
            .iter()
            .position(|o| o.indicator == s.indicator && o.from > s.from)
            .unwrap_or(ordered.len());
        ordered.insert(pos, s);
    }
    Plan {
        reachable,
        steps: ordered,
        gain_den: weight * 100,
        projected: what_if(catalog, values, &changed),
        effort,
    }
}

#[cfg(test)]
mod tests;
