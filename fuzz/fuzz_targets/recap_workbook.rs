//! Any bytes as one workbook of `swanilai recap` (the `_swanilai` metadata and the `Rekap
//! Indeks` or `Rekap Aspek` sheet): the reader must return a row or a fault (never panic,
//! never allocate without bound, never loop), whatever the zip, XML or cells hold.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = swanilai_xlsx::recap_book::read_recap_source_bytes(
        data.to_vec(),
        Path::new("fuzz.xlsx"),
    );
});
