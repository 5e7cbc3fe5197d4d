//! `swanilai recap` end to end (issue 12): no database asked for or opened, the JSON the
//! acceptance check reads, the exit status with and without usable workbooks.

use super::*;

/// An export of its own database for `name` with indicators 1..=answered at level 3.
fn export(env: &Env, db: &str, name: &str, answered: u32, out: &Path) {
    let run = |args: &[&str]| {
        swanilai()
            .arg("--db")
            .arg(env.path(db))
            .args(args)
            .assert()
            .success();
    };
    run(&["init", "--instansi", name, "--kind", "kota"]);
    run(&["assessment", "new", "--year", "2026"]);
    for n in 1..=answered {
        run(&[
            "answer",
            "set",
            "--indicator",
            &n.to_string(),
            "--level",
            "3",
        ]);
    }
    run(&["export", "--year", "2026", "--out", out.to_str().unwrap()]);
}

#[test]
fn recap_needs_no_database_and_prints_the_json_the_check_reads() {
    let env = Env::new();
    let books = env.path("kiriman");
    std::fs::create_dir(&books).unwrap();
    export(
        &env,
        "a.db",
        "Pemerintah Kota Satu",
        2,
        &books.join("a.xlsx"),
    );
    export(
        &env,
        "b.db",
        "Pemerintah Kota Satu",
        1,
        &books.join("b.xlsx"),
    );
    std::fs::write(books.join("baca.txt"), "catatan").unwrap();
    let out = env.path("rekap.xlsx");
    let cwd = env.path("kosong");
    std::fs::create_dir(&cwd).unwrap();
    let done = swanilai()
        .current_dir(&cwd)
        .env("HOME", &cwd)
        .env("XDG_DATA_HOME", &cwd)
        .args(["recap", books.to_str().unwrap(), "--json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&done.get_output().stdout).unwrap();
    let rows = json["instansi"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for r in rows {
        for key in ["file", "instansi", "year", "index", "rating", "framework"] {
            assert!(!r[key].is_null(), "{key} in {r}");
        }
        assert_eq!(r["instansi"], "Pemerintah Kota Satu");
        assert_eq!(r["year"], 2026);
        assert_eq!(r["index"], 3.0);
        assert_eq!(r["rating"], "Baik");
        assert_eq!(r["duplicate"], true, "same instansi and year twice");
        assert_eq!(r["aspects"].as_array().unwrap().len(), 8);
    }
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["file"].as_str().unwrap().ends_with("baca.txt"));
    assert_eq!(errors[0]["code"], "not_a_workbook");
    assert!(!errors[0]["reason"].as_str().unwrap().is_empty());
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert!(wb.worksheet_range("Tidak Terbaca").is_ok());
    let left: Vec<_> = std::fs::read_dir(&cwd).unwrap().collect();
    assert!(left.is_empty(), "recap created no database: {left:?}");
}

#[test]
fn recap_without_a_usable_workbook_exits_1_and_writes_nothing() {
    let env = Env::new();
    std::fs::write(env.path("laporan.xlsx"), b"%PDF-1.7\n").unwrap();
    let out = env.path("rekap.xlsx");
    swanilai()
        .args([
            "recap",
            "--lang",
            "en",
            env.path("laporan.xlsx").to_str().unwrap(),
        ])
        .arg("--out")
        .arg(&out)
        .assert()
        .failure()
        .code(1)
        .stderr(contains("error[WORKBOOK_UNREADABLE]"))
        .stderr(contains("laporan.xlsx: not an .xlsx workbook"));
    assert!(!out.exists());
    swanilai()
        .args(["recap", "--help"])
        .assert()
        .success()
        .stdout(contains("\"errors\"").and(contains("Exit status")));
}
