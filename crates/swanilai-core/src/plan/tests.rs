use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::builtin::default_catalog;
use crate::Score;

fn v(h: u32) -> Value {
    Value::from_hundredths(h).unwrap()
}

/// A catalog of `weights.len()` indicators, one aspect each, with those weights (basis
/// points summing to 10 000), scored with decimals, with the given band boundary.
fn small_catalog(weights: &[u32], boundary: &str) -> Catalog {
    let aspects: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                r#"{{"number": {n}, "code": "A{n}", "name": "A{n}", "weight_bp": {w}}}"#,
                n = i + 1
            )
        })
        .collect();
    let indicators: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| format!(r#"{{"number": {n}, "aspect": {n}, "name": "I{n}", "weight_bp": {w}, "level_kind": "any", "question": "Q"}}"#, n = i + 1))
        .collect();
    let levels: Vec<String> = (1..=weights.len())
        .map(|n| format!(r#"{{"number": {n}, "levels": [{{"criteria": "a"}},{{"criteria": "b"}},{{"criteria": "c"}},{{"criteria": "d"}},{{"criteria": "e"}}]}}"#))
        .collect();
    let json = format!(
        r#"{{"format": "swanilai-catalog", "format_version": 1,
        "framework": {{"id": "kecil", "version": "1", "title": "Kecil", "index_name": "Indeks"}},
        "scoring": {{"value": "decimal", "band_boundary": "{boundary}"}},
        "level_kinds": [{{"id": "any", "names": ["L1", "L2", "L3", "L4", "L5"]}}],
        "rating_bands": [{{"name": "Sangat Baik", "min": "3.5"}}, {{"name": "Baik", "min": "2.6"}}, {{"name": "Kurang", "min": null}}],
        "aspects": [{}], "indicators": [{}],
        "criteria_versions": [{{"id": "v1", "title": "v1", "from_year": 2020, "indicators": [{}]}}]}}"#,
        aspects.join(","),
        indicators.join(","),
        levels.join(",")
    );
    Catalog::from_json(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"))
}

fn reaches(report: &IndexReport, t: Target) -> bool {
    report.index.is_some_and(|s: Score| {
        let o = s.cmp_hundredths(t.hundredths);
        if t.strict {
            o == std::cmp::Ordering::Greater
        } else {
            o != std::cmp::Ordering::Less
        }
    })
}

/// Brute force: every combination of step counts; the fewest steps reaching the target,
/// then the least effort. None when nothing reaches it.
fn brute(
    catalog: &Catalog,
    values: &BTreeMap<u32, Value>,
    ceilings: &BTreeMap<u32, Value>,
    efforts: &BTreeMap<u32, Effort>,
    target: Target,
) -> Option<(usize, u32)> {
    let inds: Vec<u32> = values.keys().copied().collect();
    let paths: Vec<Vec<Value>> = inds
        .iter()
        .map(|n| {
            let ceiling = ceilings.get(n).copied().unwrap_or(v(500));
            let mut out = vec![values[n]];
            while let Some(x) = next_level(*out.last().unwrap()).filter(|x| *x <= ceiling) {
                out.push(x);
            }
            out
        })
        .collect();
    let mut best: Option<(usize, u32)> = None;
    let mut counts = vec![0usize; inds.len()];
    loop {
        let changes: BTreeMap<u32, Value> = inds
            .iter()
            .zip(&counts)
            .zip(&paths)
            .map(|((n, c), p)| (*n, p[*c]))
            .collect();
        if reaches(&what_if(catalog, values, &changes), target) {
            let k: usize = counts.iter().sum();
            let e: u32 = inds
                .iter()
                .zip(&counts)
                .map(|(n, c)| *c as u32 * efforts.get(n).copied().unwrap_or_default().weight())
                .sum();
            if best.is_none_or(|b| (k, e) < b) {
                best = Some((k, e));
            }
        }
        let mut i = 0;
        loop {
            if i == counts.len() {
                return best;
            }
            counts[i] += 1;
            if counts[i] < paths[i].len() {
                break;
            }
            counts[i] = 0;
            i += 1;
        }
    }
}

fn weights_strategy() -> impl Strategy<Value = Vec<u32>> {
    (1usize..=4).prop_flat_map(|n| {
        proptest::collection::vec(1u32..=100, n).prop_map(|raw| {
            let total: u32 = raw.iter().sum();
            let mut w: Vec<u32> = raw.iter().map(|r| (r * 10_000 / total).max(1)).collect();
            let sum: u32 = w.iter().sum();
            let big = w
                .iter()
                .enumerate()
                .max_by_key(|(_, x)| **x)
                .map(|(i, _)| i)
                .unwrap();
            w[big] = w[big] + 10_000 - sum;
            w
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_path_is_as_short_and_as_easy_as_brute_force_finds(
        weights in weights_strategy(),
        seed in proptest::collection::vec((100u32..=500, 0usize..3, 0u32..4), 4),
        target_h in 100u32..=500,
        strict in any::<bool>(),
    ) {
        let catalog = small_catalog(&weights, "min_inclusive");
        let mut values = BTreeMap::new();
        let mut ceilings = BTreeMap::new();
        let mut efforts = BTreeMap::new();
        for (i, (h, effort, ceil)) in seed.iter().take(weights.len()).enumerate() {
            let n = i as u32 + 1;
            values.insert(n, v(*h));
            efforts.insert(n, [Effort::Easy, Effort::Medium, Effort::Hard][*effort]);
            // A ceiling at or above the current value, or none.
            if *ceil > 0 {
                let c = ((h / 100) + ceil).min(5) * 100;
                ceilings.insert(n, v(c.max(*h)));
            }
        }
        let target = Target { hundredths: target_h, strict };
        let plan = path_to_target(&catalog, &values, &|_| true, &ceilings, &efforts, target);
        match brute(&catalog, &values, &ceilings, &efforts, target) {
            Some((k, e)) => {
                prop_assert!(plan.reachable);
                prop_assert_eq!(plan.steps.len(), k);
                prop_assert_eq!(plan.effort, e);
                prop_assert!(reaches(&plan.projected, target));
            }
            None => {
                prop_assert!(!plan.reachable);
                prop_assert!(!reaches(&plan.projected, target));
            }
        }
        for s in &plan.steps {
            prop_assert_eq!(Some(s.to), next_level(s.from));
            prop_assert!(s.to <= ceilings.get(&s.indicator).copied().unwrap_or(v(500)));
        }
    }
}

#[test]
fn the_59_2020_path_prefers_heavy_indicators_and_says_when_out_of_reach() {
    let c = default_catalog();
    let values: BTreeMap<u32, Value> = c.indicators().iter().map(|i| (i.number, v(300))).collect();
    let target = Target::of_rating(c, "Sangat Baik").unwrap();
    assert_eq!((target.hundredths, target.strict), (350, false));
    let none = BTreeMap::new();
    let plan = path_to_target(c, &values, &|_| true, &none, &BTreeMap::new(), target);
    assert!(plan.reachable);
    assert!(reaches(&plan.projected, target));
    let heaviest = c.indicators().iter().map(|i| i.weight_bp).max().unwrap();
    assert_eq!(
        c.indicator(plan.steps[0].indicator).unwrap().weight_bp,
        heaviest
    );
    let gain: u64 = plan.steps.iter().map(|s| s.gain_num).sum();
    assert!(gain * 2 >= plan.gain_den, "half a level on average");
    // Already there: no step.
    let low = Target {
        hundredths: 250,
        strict: false,
    };
    let done = path_to_target(c, &values, &|_| true, &none, &BTreeMap::new(), low);
    assert!(done.reachable && done.steps.is_empty());
    // Out of reach under a ceiling of 3 everywhere: nothing to take, not reachable.
    let ceilings: BTreeMap<u32, Value> = values.keys().map(|n| (*n, v(300))).collect();
    let stuck = path_to_target(c, &values, &|_| true, &ceilings, &BTreeMap::new(), target);
    assert!(!stuck.reachable && stuck.steps.is_empty());
    assert_eq!(stuck.projected.index.map(|s| s.hundredths()), Some(300));
    assert_eq!(Target::of_rating(c, "Luar Biasa"), None);
}

#[test]
fn easy_steps_are_preferred_among_plans_of_equal_length() {
    // Two indicators of equal weight at 3: one step on either reaches 3,50.
    let c = small_catalog(&[5_000, 5_000], "min_inclusive");
    let values: BTreeMap<u32, Value> = [(1, v(300)), (2, v(300))].into_iter().collect();
    let efforts: BTreeMap<u32, Effort> =
        [(1, Effort::Hard), (2, Effort::Easy)].into_iter().collect();
    let t = Target {
        hundredths: 350,
        strict: false,
    };
    let plan = path_to_target(&c, &values, &|_| true, &BTreeMap::new(), &efforts, t);
    assert_eq!(plan.steps.len(), 1);
    assert_eq!(plan.steps[0].indicator, 2);
}

#[test]
fn a_decimal_value_steps_to_the_next_whole_level() {
    assert_eq!(next_level(v(235)), Some(v(300)));
    assert_eq!(next_level(v(300)), Some(v(400)));
    assert_eq!(next_level(v(500)), None);
    assert_eq!(next_level(v(499)), Some(v(500)));
}
