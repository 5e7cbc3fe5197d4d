use super::*;
use crate::builtin::default_catalog;
use proptest::prelude::*;

fn levels(pairs: &[(u32, i64)]) -> BTreeMap<u32, Level> {
    pairs
        .iter()
        .map(|&(n, l)| (n, Level::new(l).unwrap()))
        .collect()
}

fn all_at(level: i64) -> BTreeMap<u32, Level> {
    (1..=47).map(|n| (n, Level::new(level).unwrap())).collect()
}

fn aspect(r: &IndexReport, n: u32) -> &GroupIndex {
    r.aspects.iter().find(|a| a.number == n).unwrap()
}

fn domain(r: &IndexReport, n: u32) -> &GroupIndex {
    r.domains.iter().find(|a| a.number == n).unwrap()
}

#[test]
fn regulation_tabel_10_aspect_2() {
    // Levels 11=3, 12=4, 13=3, 14=2, weights 2,5 % each, aspect weight 10 %:
    // (3*2,5 + 4*2,5 + 3*2,5 + 2*2,5) / 10 = 30 / 10 = 3,00
    let r = compute_index(
        default_catalog(),
        &levels(&[(11, 3), (12, 4), (13, 3), (14, 2)]),
    );
    let a2 = aspect(&r, 2);
    assert_eq!(a2.index, Some(Score::new(3, 1)));
    assert_eq!((a2.answered, a2.total), (4, 4));
    assert_eq!(a2.rating.as_deref(), Some("Baik"));
}

#[test]
fn regulation_tabel_11_domain_2() {
    // Aspect indices 3,0 / 4,0 / 3,0 with weights 10 / 10 / 5 over domain weight 25:
    // (30 + 40 + 15) / 25 = 3,40. Reproduce those aspect indices with uniform levels.
    let mut l = levels(&[(11, 3), (12, 3), (13, 3), (14, 3)]);
    l.extend(levels(&[
        (15, 4),
        (16, 4),
        (17, 4),
        (18, 4),
        (19, 3),
        (20, 3),
    ]));
    let r = compute_index(default_catalog(), &l);
    assert_eq!(aspect(&r, 3).index, Some(Score::new(4, 1)));
    assert_eq!(domain(&r, 2).index, Some(Score::new(34, 10)));
    assert_eq!(domain(&r, 2).index.unwrap().to_id_string(), "3,40");
}

#[test]
fn full_assessment_hand_computed() {
    // Domain 1 all 4 (13 % -> 52), domain 2 all 3 (25 % -> 75), domain 3 all 2
    // (16,5 % -> 33), domain 4 all 3 (45,5 % -> 136,5): sum 296,5 / 100 = 2,965 -> 2,97 Baik.
    let mut l = BTreeMap::new();
    for n in 1..=47u32 {
        let level = match n {
            1..=10 => 4,
            11..=20 => 3,
            21..=31 => 2,
            _ => 3,
        };
        l.insert(n, Level::new(level).unwrap());
    }
    let r = compute_index(default_catalog(), &l);
    assert_eq!(r.index, Some(Score::new(2965, 1000)));
    assert_eq!(r.index.unwrap().to_id_string(), "2,97");
    assert_eq!(r.rating.as_deref(), Some("Baik"));
    assert_eq!((r.answered, r.total), (47, 47));
    assert!(r.is_complete());
    let d: Vec<String> = r
        .domains
        .iter()
        .map(|d| d.index.unwrap().to_id_string())
        .collect();
    assert_eq!(d, ["4,00", "3,00", "2,00", "3,00"]);
}

#[test]
fn mixed_levels_inside_an_aspect() {
    // Aspect 8 (indicators 42-47, 3 % each, 18 %): levels 1,2,3,4,5,5 -> 20*3/18 = 3,333.. -> 3,33
    let r = compute_index(
        default_catalog(),
        &levels(&[(42, 1), (43, 2), (44, 3), (45, 4), (46, 5), (47, 5)]),
    );
    assert_eq!(aspect(&r, 8).index, Some(Score::new(60, 18)));
    assert_eq!(aspect(&r, 8).index.unwrap().to_id_string(), "3,33");
    // Domain 4 only has aspect 8 answered: its index is over what is answered.
    assert_eq!(domain(&r, 4).index.unwrap().to_id_string(), "3,33");
    assert_eq!((domain(&r, 4).answered, domain(&r, 4).total), (6, 16));
}

#[test]
fn extremes_and_band_edges() {
    let r1 = compute_index(default_catalog(), &all_at(1));
    assert_eq!(
        (r1.index.unwrap().to_id_string(), r1.rating.as_deref()),
        ("1,00".into(), Some("Kurang"))
    );
    let r5 = compute_index(default_catalog(), &all_at(5));
    assert_eq!(
        (r5.index.unwrap().to_id_string(), r5.rating.as_deref()),
        ("5,00".into(), Some("Memuaskan"))
    );
}

#[test]
fn nothing_answered_is_no_index_not_zero() {
    let r = compute_index(default_catalog(), &BTreeMap::new());
    assert_eq!(r.index, None);
    assert_eq!(r.rating, None);
    assert_eq!((r.answered, r.total), (0, 47));
    assert!(r.aspects.iter().all(|a| a.index.is_none() && a.total > 0));
}

#[test]
fn partial_assessment_reports_over_answered_only() {
    // Only indicator 1 (1,3 %) at level 4: overall index 4,00 over 1 of 47.
    let r = compute_index(default_catalog(), &levels(&[(1, 4)]));
    assert_eq!(r.index, Some(Score::new(4, 1)));
    assert_eq!((r.answered, r.total), (1, 47));
    assert!(!r.is_complete());
}

#[test]
fn framework_without_domains() {
    let c = crate::Catalog::from_json(crate::catalog::tests::NO_DOMAIN_FRAMEWORK).unwrap();
    // I1 (10 %) = 5, I2 (30 %) = 1, I3 (60 %) = 4: (5*10 + 1*30 + 4*60)/100 = 3,20
    let r = compute_index(&c, &levels(&[(1, 5), (2, 1), (3, 4)]));
    assert!(r.domains.is_empty());
    assert_eq!(r.index, Some(Score::new(32, 10)));
    assert_eq!(r.rating.as_deref(), Some("Baik"));
    // Aspect 1: (50 + 30) / 40 = 2,00
    assert_eq!(aspect(&r, 1).index, Some(Score::new(2, 1)));
}

fn arb_levels() -> impl Strategy<Value = BTreeMap<u32, Level>> {
    proptest::collection::vec(proptest::option::of(1i64..=5), 47).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .filter_map(|(i, l)| l.map(|l| (i as u32 + 1, Level::new(l).unwrap())))
            .collect()
    })
}

proptest! {
    #[test]
    fn index_lies_within_one_and_five(l in arb_levels()) {
        let r = compute_index(default_catalog(), &l);
        prop_assert_eq!(r.answered as usize, l.len());
        match r.index {
            None => prop_assert!(l.is_empty()),
            Some(s) => {
                prop_assert!(s >= Score::new(1, 1) && s <= Score::new(5, 1), "index {}", s);
            }
        }
        for g in r.aspects.iter().chain(&r.domains) {
            if let Some(s) = g.index {
                prop_assert!(s >= Score::new(1, 1) && s <= Score::new(5, 1));
            }
        }
    }

    #[test]
    fn index_rises_when_any_level_rises(l in proptest::collection::vec(1i64..=4, 47), pick in 1u32..=47) {
        let before: BTreeMap<u32, Level> =
            l.iter().enumerate().map(|(i, &v)| (i as u32 + 1, Level::new(v).unwrap())).collect();
        let mut after = before.clone();
        let raised = Level::new(i64::from(before[&pick].get()) + 1).unwrap();
        after.insert(pick, raised);
        let (rb, ra) = (compute_index(default_catalog(), &before), compute_index(default_catalog(), &after));
        prop_assert!(ra.index.unwrap() > rb.index.unwrap(), "raising indicator {} must raise the index", pick);
        let asp = default_catalog().indicator(pick).unwrap().aspect;
        prop_assert!(aspect(&ra, asp).index.unwrap() > aspect(&rb, asp).index.unwrap());
    }

    #[test]
    fn nested_formula_equals_flat_formula(l in proptest::collection::vec(1i64..=5, 47)) {
        // The regulation's nesting (aspect -> domain -> overall) equals sum(level*w)/100.
        let lv: BTreeMap<u32, Level> =
            l.iter().enumerate().map(|(i, &v)| (i as u32 + 1, Level::new(v).unwrap())).collect();
        let r = compute_index(default_catalog(), &lv);
        let nested: f64 = r.domains.iter().map(|d| d.index.unwrap().as_f64() * f64::from(d.weight_bp)).sum::<f64>() / 10_000.0;
        prop_assert!((nested - r.index.unwrap().as_f64()).abs() < 1e-9);
    }
}
