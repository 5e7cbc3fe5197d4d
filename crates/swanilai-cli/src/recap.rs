//! `swanilai recap`: the recap of many instansi's exported workbooks, without a database.

use std::path::{Path, PathBuf};

use swanilai_app::{AppResult, RecapDto};
use swanilai_core::Language;

use crate::output::{escape_controls, print_json};

/// `swanilai recap --help` (kept here so that args.rs stays a list of arguments).
pub const LONG_ABOUT: &str = "\
Recap many instansi: one recap workbook from the workbooks they exported (no database).

Reads every file given and every file directly in the folders given (not their subfolders,
not hidden files): workbooks exported by `swanilai export`, one per instansi, of 59/2020
(Indeks SPBE) or Pemdi (Indeks Pemerintah Digital), mixed or not. Only the `_swanilai` sheet
and the recap sheet (`Rekap Indeks` / `Rekap Aspek`) are read; the indices and predikat are
the ones written there (for Pemdi: the team's, Indeks Mandiri). No database is opened (--db
and --user are ignored); --lang sets the language of the reasons.

The recap workbook has `Ringkasan` (per framework and year: predikat distribution, average
index, domain and aspect averages), one sheet per framework (one row per workbook: index,
predikat, answered/total, each domain and aspect index, framework, duplicate flag, file) and
`Tidak Terbaca` (each file left out, with a code and the reason). Two workbooks of the same
instansi and year are both kept and flagged.

--json prints {\"out\": FILE, \"instansi\": [{file, instansi, year, framework,
framework_version, index_name, index, rating, answered, total, domains: [{number, name,
index, rating, answered, total}], aspects: [...], duplicate}], \"errors\": [{file, code,
reason}]}; index and rating are null when nothing is answered.

Exit status: 0 when the recap was written, also when some files could not be read (they are
listed); 1 when no file is a readable export (WORKBOOK_UNREADABLE, nothing written) or the
recap cannot be written (FILE_UNWRITABLE).";

pub fn run(inputs: &[PathBuf], out: &Path, json: bool, lang: Language) -> AppResult<()> {
    let recap = swanilai_app::recap(inputs, out, lang)?;
    if json {
        print_json(&recap);
    } else {
        print_text(&recap);
    }
    Ok(())
}

fn print_text(r: &RecapDto) {
    for row in &r.instansi {
        let index = row.index.map_or("-".to_owned(), |i| format!("{i:.2}"));
        outln!(
            "{} {} {}: {} {} ({}/{}){}",
            escape_controls(&row.instansi),
            row.year,
            row.framework,
            index,
            row.rating.as_deref().unwrap_or("-"),
            row.answered,
            row.total,
            if row.duplicate { " [duplikat]" } else { "" }
        );
    }
    for e in &r.errors {
        outln!(
            "unreadable {}: [{}] {}",
            escape_controls(&e.file),
            e.code,
            escape_controls(&e.reason)
        );
    }
    outln!(
        "wrote {}: {} workbook(s), {} file(s) not read",
        escape_controls(&r.out),
        r.instansi.len(),
        r.errors.len()
    );
}
