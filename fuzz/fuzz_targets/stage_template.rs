//! Any bytes as a filled verification results template (`Hasil Verifikasi`): the reader
//! must return a result (never panic, never allocate without bound, never loop), whatever
//! the zip, XML or cells hold.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use swanilai_core::builtin::default_catalog;

fuzz_target!(|data: &[u8]| {
    let _ = swanilai_xlsx::stage_book::read_stage_book_bytes(
        data.to_vec(),
        Path::new("fuzz.xlsx"),
        default_catalog(),
    );
});
