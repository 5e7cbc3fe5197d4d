//! `import --dry-run` of a workbook with thousands of problems (issue 10, item 8): a
//! summary a screen long, and a failure exit as the real import has.

use super::*;

#[test]
fn a_dry_run_with_thousands_of_problems_prints_a_summary_and_fails() {
    let env = Env::new();
    env.ready();
    let book = env.path("dup.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Penilaian Mandiri").unwrap();
    for (col, h) in (0u16..).zip(["No", "Tingkat", "Penjelasan"]) {
        ws.write_string(3, col, h).unwrap();
    }
    for r in 4..10_004u32 {
        ws.write_number(r, 0, 1.0).unwrap();
        ws.write_number(r, 1, 3.0).unwrap();
    }
    wb.save(&book).unwrap();
    let before = env.snapshot();

    let out = env.fails(
        &[
            "--lang",
            "en",
            "import",
            book.to_str().unwrap(),
            "--dry-run",
        ],
        "IMPORT_REJECTED",
    );
    let problem_lines = out.lines().filter(|l| l.starts_with("  problem: ")).count();
    assert_eq!(problem_lines, 20, "the first 20 problems in full: {out}");
    let summary = out.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("  ... and ")
            && summary.contains("more problem(s), by kind: duplicate ")
            && summary.ends_with("sheet_too_long 1"),
        "then the rest counted by kind: {summary}"
    );
    assert!(
        out.len() < 10_000,
        "a screen, not megabytes: {} bytes",
        out.len()
    );
    assert_eq!(env.snapshot(), before, "a dry run writes nothing");

    // Indonesian by default, the same shape.
    let out = env.fails(
        &["import", book.to_str().unwrap(), "--dry-run"],
        "tidak ada yang ditulis",
    );
    assert!(
        out.lines()
            .last()
            .is_some_and(|l| l.starts_with("  ... dan ")
                && l.contains("masalah lain, menurut jenis: duplicate ")),
        "{out}"
    );
}
