//! Any bytes as a catalog workbook: the reader returns a catalog or its problems, never
//! panics, never allocates without bound.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = swanilai_xlsx::catalog_book::read_catalog_bytes(
        data.to_vec(),
        Path::new("fuzz-catalog.xlsx"),
    );
});
