use super::*;
use crate::builtin::{builtin_catalogs, builtin_sources, default_catalog};
use crate::Score;

/// A small framework shaped like the reported Indeks Pemerintah Digital: no domain layer,
/// unequal weights inside an aspect, its own bands and level names.
pub(crate) const NO_DOMAIN_FRAMEWORK: &str = r#"{
  "format": "swanilai-catalog", "format_version": 1,
  "framework": {"id": "demo-pemdi", "version": "1", "title": "Demo tanpa domain",
                "index_name": "Indeks Pemerintah Digital"},
  "level_kinds": [{"id": "any", "names": ["L1", "L2", "L3", "L4", "L5"]}],
  "rating_bands": [{"name": "Sangat Baik", "min": "4.0"}, {"name": "Baik", "min": "3"},
                   {"name": "Kurang", "min": null}],
  "aspects": [{"number": 1, "code": "A1", "name": "Satu", "weight_bp": 4000},
              {"number": 2, "code": "A2", "name": "Dua", "weight_bp": 6000}],
  "indicators": [
    {"number": 1, "aspect": 1, "name": "I1", "weight_bp": 1000, "level_kind": "any", "question": "Q1"},
    {"number": 2, "aspect": 1, "name": "I2", "weight_bp": 3000, "level_kind": "any", "question": "Q2"},
    {"number": 3, "aspect": 2, "name": "I3", "weight_bp": 6000, "level_kind": "any", "question": "Q3"}],
  "criteria_versions": [{"id": "v1", "title": "v1", "from_year": 2026, "indicators": [
    {"number": 1, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]},
    {"number": 2, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]},
    {"number": 3, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]}]}]
}"#;

#[test]
fn every_shipped_catalog_validates() {
    assert_eq!(builtin_catalogs().len(), builtin_sources().len());
    for (id, text) in builtin_sources() {
        let c = Catalog::from_json(text).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(&c.framework().id, id);
    }
}

#[test]
fn permenpanrb_59_2020_has_the_regulations_structure() {
    let c = default_catalog();
    assert_eq!(
        (c.domains().len(), c.aspects().len(), c.indicators().len()),
        (4, 8, 47)
    );
    let domain_weights: Vec<u32> = c.domains().iter().map(|d| d.weight_bp).collect();
    assert_eq!(domain_weights, [1300, 2500, 1650, 4550]);
    let aspect_weights: Vec<u32> = c.aspects().iter().map(|a| a.weight_bp).collect();
    assert_eq!(
        aspect_weights,
        [1300, 1000, 1000, 500, 1200, 450, 2750, 1800]
    );
    // Per-indicator weights by range, as in the reference table (3,00 not the misprinted 3,50).
    for (range, w) in [
        (1..=10, 130),
        (11..=20, 250),
        (21..=31, 150),
        (32..=41, 275),
        (42..=47, 300),
    ] {
        for n in range {
            assert_eq!(
                c.indicator(n).map(|i| i.weight_bp),
                Some(w),
                "indicator {n}"
            );
        }
    }
    let nameable: Vec<u32> = c
        .indicators()
        .iter()
        .filter(|i| i.nameable)
        .map(|i| i.number)
        .collect();
    assert_eq!(nameable, [45, 46, 47]);
    let i1 = c.indicator(1).unwrap();
    assert_eq!(
        c.level_name(i1, crate::Level::new(4).unwrap()),
        "Terpadu dan Terukur"
    );
    let i32_ = c.indicator(32).unwrap();
    assert_eq!(
        c.level_name(i32_, crate::Level::new(3).unwrap()),
        "Transaksi"
    );
}

#[test]
fn criteria_are_versioned_by_year() {
    let c = default_catalog();
    assert_eq!(c.criteria_version_for_year(2021).id, "permenpanrb-59-2020");
    assert_eq!(c.criteria_version_for_year(2023).id, "permenpanrb-59-2020");
    assert_eq!(c.criteria_version_for_year(2024).id, "pedoman-3-2024");
    assert_eq!(c.criteria_version_for_year(2026).id, "pedoman-3-2024");
    assert_eq!(
        c.criteria_version_for_year(2019).id,
        "permenpanrb-59-2020",
        "earliest before any"
    );
    let reg = &c
        .criteria_version("permenpanrb-59-2020")
        .unwrap()
        .indicators[0];
    assert!(reg.levels[0]
        .criteria
        .starts_with("Konsep kebijakan internal terkait Arsitektur SPBE"));
    let ped = &c.criteria_version("pedoman-3-2024").unwrap().indicators[0];
    assert!(ped
        .levels
        .iter()
        .all(|l| l.fulfilment.is_some() && l.evidence.is_some()));
    let renamed = c
        .criteria_version("pedoman-3-2024")
        .unwrap()
        .indicators
        .iter()
        .filter(|i| i.name.is_some())
        .count();
    assert_eq!(renamed, 7, "the 2024 guideline renamed 7 indicators");
}

#[test]
fn a_framework_without_domains_loads_and_rates() {
    let c = Catalog::from_json(NO_DOMAIN_FRAMEWORK).expect("valid");
    assert!(!c.has_domains());
    assert_eq!(c.framework().index_name, "Indeks Pemerintah Digital");
    assert_eq!(c.rating(Score::new(4, 1)), "Sangat Baik");
    assert_eq!(c.rating(Score::new(399, 100)), "Baik");
    assert_eq!(c.rating(Score::new(1, 1)), "Kurang");
}

#[test]
fn rating_bands_of_59_2020_use_exact_edges() {
    let c = default_catalog();
    let cases = [
        (Score::new(5, 1), "Memuaskan"),
        (Score::new(42, 10), "Memuaskan"),
        (Score::new(41999, 10000), "Sangat Baik"),
        (Score::new(35, 10), "Sangat Baik"),
        (Score::new(34999, 10000), "Baik"),
        (Score::new(26, 10), "Baik"),
        (Score::new(259, 100), "Cukup"),
        (Score::new(18, 10), "Cukup"),
        (Score::new(179, 100), "Kurang"),
        (Score::new(1, 1), "Kurang"),
    ];
    for (score, expected) in cases {
        assert_eq!(c.rating(score), expected, "index {}", score.as_f64());
    }
}

#[test]
fn validation_reports_every_problem_with_its_place() {
    let mut file: CatalogFile = serde_json::from_str(NO_DOMAIN_FRAMEWORK).unwrap();
    file.indicators[1].number = 1; // duplicate
    file.indicators[2].weight_bp = 5000; // aspect 2 and total no longer add up
    file.criteria_versions[0].indicators[0].levels.pop(); // four levels
    file.rating_bands[0].min = Some("empat".into());
    let Err(CatalogError::Invalid(problems)) = Catalog::validate(file) else {
        panic!("an invalid catalog must be refused");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "indicators[1].number",
        "aspects[1].weight_bp",
        "indicators",
        "criteria_versions[0].indicators[0].levels",
        "rating_bands[0].min",
    ] {
        assert!(
            paths.contains(&expected),
            "missing problem at {expected}: {problems:?}"
        );
    }
}

#[test]
fn parse_hundredths_accepts_decimal_text_only() {
    assert_eq!(parse_hundredths("4.20"), Some(420));
    assert_eq!(parse_hundredths("4,2"), Some(420));
    assert_eq!(parse_hundredths("3"), Some(300));
    assert_eq!(parse_hundredths("3.555"), None);
    assert_eq!(parse_hundredths("x"), None);
}

#[test]
fn the_provisional_pemdi_catalog_has_its_structure() {
    let c = crate::builtin::builtin(crate::builtin::PEMDI_2026).unwrap();
    assert!(c.is_provisional());
    assert!(!c.has_domains());
    assert_eq!(
        (c.aspects().len(), c.indicators().len(), c.butir().len()),
        (7, 20, 232)
    );
    let aspects: Vec<u32> = c.aspects().iter().map(|a| a.weight_bp).collect();
    assert_eq!(aspects, [1000, 1000, 1500, 1500, 1000, 1500, 2500]);
    let external: Vec<u32> = c
        .indicators()
        .iter()
        .filter(|i| i.external_index.is_some())
        .map(|i| i.number)
        .collect();
    assert_eq!(external, [5, 6, 7, 18]);
    assert_eq!(c.scoring().value, ValueKind::Decimal);
    assert_eq!(c.butir_of(9).len(), 6);
    assert_eq!(
        c.butir_by_id("GT.I1_L2_3").map(|b| (b.indicator, b.level)),
        Some((1, 2))
    );
    assert!(
        c.criteria_version_for_year(2026).indicators.is_empty(),
        "no criteria text"
    );
}

#[test]
fn the_59_2020_catalog_serialises_as_before() {
    // New catalog fields are left out at their defaults, so a 59/2020 catalog stored in a
    // database before them compares equal to the shipped one.
    let (_, text) = builtin_sources()[0];
    let c = Catalog::from_json(text).unwrap();
    let back: serde_json::Value = serde_json::from_str(&c.to_json()).unwrap();
    let orig: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(back, orig);
    assert!(!c.to_json().contains("scoring") && !c.to_json().contains("butir"));
}

#[test]
fn pemdi_catalog_problems_are_named() {
    let mut f = crate::builtin::builtin(crate::builtin::PEMDI_2026)
        .unwrap()
        .file()
        .clone();
    f.aspects[0].weight_bp = 1100;
    f.butir[0].indicator = 99;
    f.butir[1].id = f.butir[0].id.clone();
    f.indicators[4]
        .external_index
        .as_mut()
        .unwrap()
        .default_value = "0.5".into();
    let Err(CatalogError::Invalid(problems)) = Catalog::validate(f) else {
        panic!("a broken catalog must be refused")
    };
    let said: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    for want in [
        "aspects: aspect weights add up to 10100 basis points, not 10000 (100 %)",
        "butir[0].indicator: butir 'GT.I1_L1_1' refers to indicator 99, which the framework does not have",
        "butir[1].id: duplicate butir id 'GT.I1_L1_1'",
        "indicators[4].external_index.default_value: '0.5' is outside 1.00-5.00",
    ] {
        assert!(said.iter().any(|s| s == want), "missing `{want}` in {said:#?}");
    }
}
