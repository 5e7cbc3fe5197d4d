//! Any bytes as an edited national workbook: the importer must return a result (never
//! panic, never allocate without bound, never loop), whatever the zip, XML or cells hold.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use swanilai_core::builtin::default_catalog;

fuzz_target!(|data: &[u8]| {
    let _ = swanilai_xlsx::read_assessment_bytes(
        data.to_vec(),
        Path::new("fuzz.xlsx"),
        default_catalog(),
    );
});
