//! The Indeks Pemerintah Digital: decimal values, no domains, external-index indicators,
//! predikat on the unrounded value with the boundary rule from the catalog.

use super::*;
use crate::builtin::{builtin, PEMDI_2026};
use crate::catalog::BandBoundary;
use proptest::prelude::*;

fn pemdi() -> &'static Catalog {
    builtin(PEMDI_2026).expect("the provisional Pemdi catalog is shipped")
}

fn v(text: &str) -> Value {
    Value::parse(text).unwrap()
}

fn values(pairs: &[(u32, &str)]) -> BTreeMap<u32, Value> {
    pairs.iter().map(|&(n, t)| (n, v(t))).collect()
}

fn all(value: &str) -> BTreeMap<u32, Value> {
    (1..=20).map(|n| (n, v(value))).collect()
}

#[test]
fn aspect_index_is_sum_of_weighted_values_over_the_aspect_weight() {
    // Aspect 3 (Data, 15 %): I5 5 % = 2,00, I6 3 % = 1,00, I7 3 % = 3,00, I8 4 % = 1,17:
    // (10,00 + 3,00 + 9,00 + 4,68) / 15 = 26,68 / 15 = 1,7786...
    let r = compute_index_values(
        pemdi(),
        &values(&[(5, "2"), (6, "1"), (7, "3"), (8, "1.17")]),
    );
    let a3 = r.aspects.iter().find(|a| a.number == 3).unwrap();
    assert_eq!(a3.index, Some(Score::new(2668, 1500)));
    assert_eq!(a3.index.unwrap().to_id_string(), "1,78");
    assert_eq!((a3.answered, a3.total), (4, 4));
    assert!(r.domains.is_empty(), "the Indeks Pemdi has no domains");
}

#[test]
fn whole_index_is_sum_of_weighted_values_over_100() {
    let mut vals = all("1");
    vals.insert(20, v("2.5")); // 15 %: + 1,5 x 15 = 22,5
    vals.insert(19, v("1.25")); // 10 %: + 0,25 x 10 = 2,5
    let r = compute_index_values(pemdi(), &vals);
    // (100 + 22,5 + 2,5) / 100 = 1,25
    assert_eq!(r.index, Some(Score::new(125, 100)));
    assert_eq!(r.rating.as_deref(), Some("Kurang"));
    assert_eq!((r.answered, r.total), (20, 20));
}

#[test]
fn predikat_is_taken_on_the_unrounded_value_lower_bound_inclusive() {
    let c = pemdi();
    for (num, den, want) in [
        (150, 100, "Cukup"),
        (14999, 10000, "Kurang"), // shown 1,50, still Kurang
        (250, 100, "Baik"),
        (350, 100, "Sangat Baik"),
        (39999, 10000, "Sangat Baik"),
        (400, 100, "Memuaskan"),
        (500, 100, "Memuaskan"),
        (100, 100, "Kurang"),
    ] {
        assert_eq!(c.rating(Score::new(num, den)), want, "{num}/{den}");
    }
}

#[test]
fn the_boundary_rule_is_data() {
    let mut file = pemdi().file().clone();
    file.scoring.band_boundary = BandBoundary::MinExclusive;
    let c = Catalog::validate(file).unwrap();
    assert_eq!(
        c.rating(Score::new(150, 100)),
        "Kurang",
        "1,50 falls to the lower band"
    );
    assert_eq!(c.rating(Score::new(151, 100)), "Cukup");
    assert_eq!(c.rating(Score::new(400, 100)), "Sangat Baik");
}

#[test]
fn external_indicators_default_to_one_and_ignore_self_scores() {
    let c = pemdi();
    let scored = values(&[(1, "3"), (5, "4")]);
    let external = values(&[(6, "2.5")]);
    let eff = effective_values(c, &scored, &external);
    assert_eq!(eff.get(&1), Some(&v("3")));
    assert_eq!(
        eff.get(&5),
        Some(&v("1")),
        "5 is external: the default, not the team's 4"
    );
    assert_eq!(eff.get(&6), Some(&v("2.5")));
    assert_eq!(eff.get(&7), Some(&v("1")));
    assert_eq!(eff.get(&18), Some(&v("1")));
    assert_eq!(eff.len(), 5, "unanswered scored indicators stay unanswered");
}

#[test]
fn levels_and_decimal_values_agree_on_whole_numbers() {
    let c = default_catalog_59();
    let lv: BTreeMap<u32, Level> = (1..=47)
        .map(|n| (n, Level::new(i64::from(n % 5 + 1)).unwrap()))
        .collect();
    let vals: BTreeMap<u32, Value> = lv
        .iter()
        .map(|(n, l)| (*n, Value::from_level(*l)))
        .collect();
    let (a, b) = (compute_index(c, &lv), compute_index_values(c, &vals));
    assert_eq!(a.index, b.index);
    assert_eq!(a.rating, b.rating);
}

fn default_catalog_59() -> &'static Catalog {
    crate::builtin::default_catalog()
}

fn arb_values() -> impl Strategy<Value = BTreeMap<u32, Value>> {
    proptest::collection::vec(100u32..=500, 20).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, h)| (i as u32 + 1, Value::from_hundredths(h).unwrap()))
            .collect()
    })
}

proptest! {
    #[test]
    fn pemdi_index_is_the_aspect_nesting_and_lies_in_one_to_five(vals in arb_values()) {
        let c = pemdi();
        let r = compute_index_values(c, &vals);
        let s = r.index.unwrap();
        prop_assert!(s >= Score::new(1, 1) && s <= Score::new(5, 1));
        // Indeks Pemdi = sum(aspect weight x aspect index) / 100 = sum(w x v) / 100, exactly.
        let flat: u64 = c.indicators().iter().map(|i| u64::from(i.weight_bp) * u64::from(vals[&i.number].hundredths())).sum();
        prop_assert_eq!(s, Score::new(flat, 10_000 * 100));
        let nested: f64 = r.aspects.iter().map(|a| a.index.unwrap().as_f64() * f64::from(a.weight_bp)).sum::<f64>() / 10_000.0;
        prop_assert!((nested - s.as_f64()).abs() < 1e-9);
        prop_assert_eq!(r.rating.as_deref(), Some(c.rating(s)));
    }

    #[test]
    fn raising_one_value_raises_its_aspect_and_the_index(vals in arb_values(), pick in 1u32..=20, by in 1u32..=50) {
        let c = pemdi();
        let h = vals[&pick].hundredths();
        prop_assume!(h + by <= 500);
        let mut after = vals.clone();
        after.insert(pick, Value::from_hundredths(h + by).unwrap());
        let (rb, ra) = (compute_index_values(c, &vals), compute_index_values(c, &after));
        prop_assert!(ra.index.unwrap() > rb.index.unwrap());
        let asp = c.indicator(pick).unwrap().aspect;
        let find = |r: &IndexReport| r.aspects.iter().find(|a| a.number == asp).unwrap().index.unwrap();
        prop_assert!(find(&ra) > find(&rb));
    }
}
