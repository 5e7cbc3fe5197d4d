//! Files the CLI writes are written whole or not at all (swanilai-app's `files`).

use super::*;

/// The names in the test folder that look like a temporary left behind.
fn leftovers(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect()
}

#[test]
fn exports_and_documents_are_written_whole_or_not_at_all() {
    let env = Env::new();
    env.ready();
    env.ok(&[
        "answer",
        "set",
        "--year",
        "2026",
        "--indicator",
        "1",
        "--level",
        "3",
    ]);
    // A whole workbook and a whole PDF under the chosen names, nothing else beside them.
    let book = env.path("rekap.xlsx");
    env.ok(&["export", "--year", "2026", "--out", book.to_str().unwrap()]);
    assert_ne!(
        cell(&book, "Rekap Indeks", 0, 0),
        Data::Empty,
        "a workbook calamine reads"
    );
    let book_bytes = std::fs::read(&book).unwrap();
    let pdf = env.path("berita-acara.pdf");
    env.ok(&[
        "document",
        "berita-acara",
        "--year",
        "2026",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(leftovers(&env).is_empty());

    // When the file cannot take its name (here a folder is in the way), the export is
    // written to a temporary file first, which is removed: the error names the file and
    // says it with its code; nothing half-written is left.
    for (what, name) in [("export", "terhalang.xlsx"), ("document", "terhalang.pdf")] {
        let blocked = env.path(name);
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("isi.txt"), b"tetap").unwrap();
        let out = blocked.to_str().unwrap();
        let args: Vec<&str> = match what {
            "export" => vec!["export", "--year", "2026", "--out", out],
            _ => vec!["document", "berita-acara", "--year", "2026", "--out", out],
        };
        env.cmd()
            .args(&args)
            .assert()
            .failure()
            .stderr(contains("error[FILE_UNWRITABLE]").and(contains(name)));
        assert!(leftovers(&env).is_empty(), "{what}: {:?}", leftovers(&env));
        assert_eq!(std::fs::read(blocked.join("isi.txt")).unwrap(), b"tetap");
    }
    // The earlier workbook is untouched by the failed attempts.
    assert_eq!(std::fs::read(&book).unwrap(), book_bytes);
}
