//! The shipped catalog says exactly what the reference data says.

use std::path::PathBuf;

use swanilai_core::builtin::default_catalog;

const REFERENCE: &str = "catalog-permenpanrb-59-2020.json";

/// The reference catalog kept in the repository (tests/fixtures/reference), so a clone
/// tests itself; a copy of ../shared/reference/ at the time it was taken.
fn reference() -> Option<serde_json::Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reference")
        .join(REFERENCE);
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

#[test]
fn the_kept_reference_is_the_shared_one_when_it_is_beside_the_project() {
    // ../shared is optional: where it is present, the copy in the repository must not drift.
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference")
        .join(REFERENCE);
    let Ok(text) = std::fs::read_to_string(&shared) else {
        return;
    };
    let shared: serde_json::Value = serde_json::from_str(&text).expect("shared reference JSON");
    assert_eq!(
        Some(shared),
        reference(),
        "tests/fixtures/reference/{REFERENCE} differs from ../shared/reference: copy it again"
    );
}

#[test]
fn shipped_catalog_matches_reference_word_for_word() {
    let Some(r) = reference() else {
        panic!("tests/fixtures/reference/{REFERENCE} is missing or not JSON");
    };
    let c = default_catalog();
    let reg = c
        .criteria_version("permenpanrb-59-2020")
        .expect("regulation criteria");
    let ped = c
        .criteria_version("pedoman-3-2024")
        .expect("2024 guideline criteria");
    let indicators = r["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), c.indicators().len());
    for ri in indicators {
        let n = ri["no"].as_u64().unwrap() as u32;
        let ind = c.indicator(n).unwrap();
        assert_eq!(ind.name, ri["name"].as_str().unwrap(), "name of {n}");
        assert_eq!(
            ind.question,
            ri["question"].as_str().unwrap(),
            "question of {n}"
        );
        assert_eq!(
            u64::from(ind.weight_bp),
            ri["weight_bp"].as_u64().unwrap(),
            "weight of {n}"
        );
        assert_eq!(
            u64::from(ind.aspect),
            ri["aspect"].as_u64().unwrap(),
            "aspect of {n}"
        );
        let rc = reg.indicators.iter().find(|x| x.number == n).unwrap();
        let pc = ped.indicators.iter().find(|x| x.number == n).unwrap();
        for level in 1..=5usize {
            assert_eq!(
                rc.levels[level - 1].criteria,
                ri["criteria"][level.to_string()].as_str().unwrap(),
                "criteria of {n} level {level}"
            );
            let pl = &ri["pedoman_3_2024"]["levels"][level.to_string()];
            assert_eq!(
                pc.levels[level - 1].criteria,
                pl["kriteria_level"].as_str().unwrap()
            );
            assert_eq!(
                pc.levels[level - 1].fulfilment.as_deref(),
                pl["kriteria_pemenuhan_level"].as_str()
            );
            assert_eq!(
                pc.levels[level - 1].evidence.as_deref(),
                pl["kriteria_bukti_dukung"].as_str()
            );
        }
        assert_eq!(
            pc.description.as_deref(),
            ri["pedoman_3_2024"]["deskripsi_indikator"].as_str()
        );
    }
    let bands: Vec<(String, Option<f64>)> = c
        .rating_bands()
        .iter()
        .map(|b| (b.name.clone(), b.min.as_ref().map(|m| m.parse().unwrap())))
        .collect();
    let ref_bands: Vec<(String, Option<f64>)> = r["predikat"]["bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["name"].as_str().unwrap().to_owned(), b["min"].as_f64()))
        .collect();
    assert_eq!(bands, ref_bands);
}

#[test]
fn regulation_test_vectors_reproduce() {
    let Some(r) = reference() else {
        panic!("tests/fixtures/reference/{REFERENCE} is missing or not JSON");
    };
    // Tabel 10: aspect 2 from indicator levels.
    let v = &r["test_vectors"][0];
    let levels = v["levels"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, l)| {
            (
                k.parse().unwrap(),
                swanilai_core::Level::new(l.as_i64().unwrap()).unwrap(),
            )
        })
        .collect();
    let report = swanilai_core::compute_index(default_catalog(), &levels);
    let a2 = report.aspects.iter().find(|a| a.number == 2).unwrap();
    assert_eq!(
        a2.index.unwrap().as_f64(),
        v["expected"]["aspek_2"].as_f64().unwrap()
    );
    // Tabel 12: overall from domain indices 3,7 / 3,4 / 3,0 / 3,2 -> 328,2 -> 3,28.
    let w: Vec<f64> = default_catalog()
        .domains()
        .iter()
        .map(|d| f64::from(d.weight_bp) / 100.0)
        .collect();
    let nd = [3.7, 3.4, 3.0, 3.2];
    let sum: f64 = nd.iter().zip(&w).map(|(a, b)| a * b).sum();
    assert!((sum - 328.2).abs() < 1e-9);
    assert_eq!(r["test_vectors"][2]["expected"]["indeks_spbe"], 3.28);
}
