//! Any bytes as a `.swanilai` package: the reader must return a result (never panic,
//! never allocate without bound, never loop), and every evidence file it accepts must
//! stream out checked.
#![no_main]

use std::io::Cursor;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use swanilai_package::PackageReader;

fuzz_target!(|data: &[u8]| {
    if let Ok(mut r) = PackageReader::open(Cursor::new(data), Path::new("fuzz.swanilai")) {
        for part in r.evidence_files() {
            let sha = part.path.trim_start_matches("evidence/").to_owned();
            let _ = r.copy_evidence(&sha, &mut std::io::sink());
        }
    }
});
