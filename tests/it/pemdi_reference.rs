//! The shipped provisional Indeks Pemerintah Digital catalog says what the reference data
//! (tests/fixtures/reference/pemdi-2026, a copy of ../shared/reference/pemdi-2026) says.

use std::path::PathBuf;

use swanilai_core::builtin::{builtin, PEMDI_2026};

const FILES: [&str; 2] = [
    "catalog-pemdi-2026-provisional.json",
    "butir-pemdi-2026-provisional.json",
];

fn kept(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reference/pemdi-2026")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("reference JSON")
}

#[test]
fn the_kept_pemdi_reference_is_the_shared_one_when_it_is_beside_the_project() {
    for name in FILES {
        let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/reference/pemdi-2026")
            .join(name);
        let Ok(text) = std::fs::read_to_string(&shared) else {
            continue;
        };
        let shared: serde_json::Value = serde_json::from_str(&text).expect("shared JSON");
        assert_eq!(
            shared,
            kept(name),
            "tests/fixtures/reference/pemdi-2026/{name} drifted"
        );
    }
}

#[test]
fn shipped_pemdi_catalog_matches_the_reference() {
    let c = builtin(PEMDI_2026).expect("shipped");
    let r = kept(FILES[0]);
    assert!(
        c.is_provisional(),
        "the reference says provisional: {}",
        r["status"]
    );
    let aspects = r["aspects"].as_array().unwrap();
    assert_eq!(aspects.len(), c.aspects().len());
    let mut indicators = 0;
    for ra in aspects {
        let n = ra["number"].as_u64().unwrap() as u32;
        let a = c.aspect(n).unwrap();
        assert_eq!(a.name, ra["name"].as_str().unwrap());
        assert_eq!(
            u64::from(a.weight_bp),
            ra["weight_percent"].as_u64().unwrap() * 100
        );
        for ri in ra["indicators"].as_array().unwrap() {
            indicators += 1;
            let i = c.indicator(ri["number"].as_u64().unwrap() as u32).unwrap();
            assert_eq!(
                (i.aspect, i.name.as_str()),
                (n, ri["name"].as_str().unwrap())
            );
            assert_eq!(
                u64::from(i.weight_bp),
                ri["weight_percent"].as_u64().unwrap() * 100
            );
            let variants: Vec<String> = ri["name_variants"]
                .as_array()
                .map(|v| v.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            assert_eq!(i.name_variants, variants, "name variants of {}", i.number);
            assert_eq!(
                i.external_index.as_ref().map(|x| x.name.as_str()),
                ri["scored_from_external_index"].as_str(),
                "external index of {}",
                i.number
            );
        }
    }
    assert_eq!(indicators, c.indicators().len());
    // Bands: predikat and cut points, lower bound inclusive.
    for rb in r["rating_bands"].as_array().unwrap() {
        let min = rb["min"].as_f64().unwrap();
        let at = swanilai_core::Score::new((min * 100.0).round() as u64, 100);
        assert_eq!(
            c.rating(at),
            rb["predikat"].as_str().unwrap(),
            "band from {min}"
        );
    }
    // Every butir, word for word, in its indicator and level.
    let b = kept(FILES[1]);
    let mut n = 0;
    for ri in b["indicators"].as_array().unwrap() {
        let ind = ri["number"].as_u64().unwrap() as u32;
        for (level, items) in ri["levels"].as_object().unwrap() {
            for item in items.as_array().unwrap() {
                n += 1;
                let id = item["id"].as_str().unwrap();
                let got = c
                    .butir_by_id(id)
                    .unwrap_or_else(|| panic!("butir {id} missing"));
                assert_eq!((got.indicator, got.level.to_string()), (ind, level.clone()));
                assert_eq!(got.text, item["text"].as_str().unwrap(), "text of {id}");
            }
        }
    }
    assert_eq!((n, c.butir().len()), (232, 232));
}
