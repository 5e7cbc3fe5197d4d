//! Any text as a levels file (`indicator,level`): levels or every problem, never a panic;
//! every level returned is of a catalog indicator.
#![no_main]

use libfuzzer_sys::fuzz_target;
use swanilai_core::builtin::default_catalog;
use swanilai_core::levels_file::parse_levels;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let catalog = default_catalog();
    if let Ok(levels) = parse_levels(&text, catalog) {
        assert!(levels.keys().all(|n| catalog.indicator(*n).is_some()));
    }
});
