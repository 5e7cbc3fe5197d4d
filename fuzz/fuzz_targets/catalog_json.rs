//! Any bytes as a catalog JSON file: parsing and validation return a catalog or its
//! problems, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use swanilai_core::Catalog;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Catalog::from_json(text);
    }
});
