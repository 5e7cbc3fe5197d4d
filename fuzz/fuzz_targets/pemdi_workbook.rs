//! Any bytes as an edited Pemdi workbook (values and butir sheets): the reader must return
//! a result (never panic, never allocate without bound, never loop), whatever the zip, XML
//! or cells hold.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use swanilai_core::builtin::builtin;

fuzz_target!(|data: &[u8]| {
    let catalog = builtin("pemdi-2026").expect("the Pemdi catalog is shipped");
    let _ = swanilai_xlsx::butir_book::read_butir_book_bytes(
        data.to_vec(),
        Path::new("fuzz.xlsx"),
        catalog,
    );
});
