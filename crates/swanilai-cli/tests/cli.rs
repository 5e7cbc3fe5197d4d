//! The `swanilai` binary end to end: real processes on real database files.
//! (The CLI's own integration binary: cargo sets CARGO_BIN_EXE_swanilai only here.)

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use predicates::prelude::*;
use predicates::str::contains;

/// The binary with nothing inherited that would choose for it: no database from
/// SWANILAI_DB and no language from SWANILAI_LANG or the locale (so it speaks its default,
/// Bahasa Indonesia, whatever the machine running the tests is set to).
fn swanilai() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_swanilai"));
    for var in [
        "SWANILAI_DB",
        "SWANILAI_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        c.env_remove(var);
    }
    c
}

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("kab.db")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn cmd(&self) -> Command {
        let mut c = swanilai();
        c.arg("--db").arg(self.db());
        c
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }
    /// Run a command that must fail with `code`; its stdout.
    fn fails(&self, args: &[&str], code: &str) -> String {
        let out = self
            .cmd()
            .args(args)
            .assert()
            .failure()
            .stderr(contains(code));
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }
    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
    fn ready(&self) {
        self.ok(&[
            "init",
            "--instansi",
            "Pemerintah Kabupaten Uji",
            "--kind",
            "kabupaten",
        ]);
        self.ok(&["assessment", "new", "--year", "2026"]);
    }
    /// The database file's bytes, to prove a refused command changed nothing.
    fn snapshot(&self) -> Vec<(String, Option<i64>, String)> {
        let c = rusqlite::Connection::open(self.db()).unwrap();
        let mut s = c
            .prepare("SELECT indicator, level, explanation FROM answer ORDER BY indicator")
            .unwrap();
        let rows = s
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?, r.get(2)?))
            })
            .unwrap();
        let mut v: Vec<_> = rows.map(Result::unwrap).collect();
        let ev: i64 = c
            .query_row("SELECT count(*) FROM evidence", [], |r| r.get(0))
            .unwrap();
        v.push(("evidence".into(), Some(ev), String::new()));
        v
    }
}

fn cell(path: &Path, sheet: &str, row: u32, col: u32) -> Data {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_whole_pipeline_from_init_to_workbook() {
    let env = Env::new();
    env.ready();
    let out = env.ok(&[
        "answer", "set", "--year", "2026", "--indicator", "7", "--level", "3", "--explanation",
        "FAKTA:\nPerbup Nomor 7 Tahun 2024 tentang Tata Kelola SPBE (7.a, hlm. 4).\n\nANALISIS:\nKebijakan telah ditetapkan dan diterapkan di semua perangkat daerah.",
    ]);
    assert!(out.contains("indicator 7: level 3"), "{out}");
    let pdf = env.path("7.a.Perbup-7-2024-Tata-Kelola.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 Perbup 7/2024").unwrap();
    let added = env.json(&[
        "evidence",
        "add",
        "--indicator",
        "7",
        "--date",
        "2024-02-01",
        pdf.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(added[0]["label"], "7.a");
    assert_eq!(added[0]["size"], 22);
    let listed = env.ok(&["evidence", "list", "--year", "2026"]);
    assert!(
        listed.contains("7.a.Perbup-7-2024-Tata-Kelola.pdf") && listed.contains("2024-02-01"),
        "{listed}"
    );

    let idx = env.json(&["index", "--year", "2026", "--json"]);
    assert_eq!(idx["year"], 2026);
    assert_eq!(idx["index"], 3.0);
    assert_eq!(idx["rating"], "Baik");
    assert_eq!(
        (idx["answered"].as_u64(), idx["total"].as_u64()),
        (Some(1), Some(47))
    );
    assert_eq!(idx["domains"].as_array().unwrap().len(), 4);
    assert_eq!(idx["aspects"].as_array().unwrap().len(), 8);
    assert_eq!(idx["aspects"][0]["number"], 1);
    assert_eq!(idx["aspects"][0]["index"], 3.0);
    assert!(
        idx["aspects"][1]["index"].is_null(),
        "an aspect with no answer has no index, not zero"
    );
    // --year left out means the latest assessment.
    assert_eq!(env.json(&["index", "--json"])["year"], 2026);

    let book = env.path("out.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    // Row of indicator 7 in Penilaian Mandiri holds level 3 (read with calamine).
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let range = wb.worksheet_range("Penilaian Mandiri").unwrap();
    let row = range
        .rows()
        .find(|r| {
            matches!(r.first(), Some(Data::Float(f)) if *f == 7.0)
                || matches!(r.first(), Some(Data::Int(7)))
        })
        .expect("row for indicator 7");
    assert!(row
        .iter()
        .any(|c| matches!(c, Data::Float(f) if *f == 3.0) || matches!(c, Data::Int(3))));
    assert!(row
        .iter()
        .any(|c| c.to_string().contains("7.a.Perbup-7-2024-Tata-Kelola.pdf")));
    drop(wb);
    let _ = cell(&book, "Rekap Indeks", 0, 0);

    // Import the unchanged workbook: nothing to change.
    let dry = env.ok(&[
        "import",
        "--year",
        "2026",
        book.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(dry.contains("0 change(s)"), "{dry}");
}

#[test]
fn index_from_a_levels_file_needs_no_database() {
    let env = Env::new();
    let csv = env.path("levels.csv");
    let mut text = String::from("indicator,level\n");
    for n in 1..=47 {
        let l = match n {
            1..=10 => 4,
            11..=20 => 3,
            21..=31 => 2,
            _ => 3,
        };
        text.push_str(&format!("{n},{l}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let out = swanilai()
        .args(["index", "--levels", csv.to_str().unwrap(), "--json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["index"], 2.97, "sum 296,5 / 100 = 2,965 rounds to 2,97");
    assert_eq!(v["rating"], "Baik");
    assert_eq!(v["answered"], 47);
    assert!(v.get("year").is_none());
    assert_eq!(v["domains"][0]["index"], 4.0);
    assert!(
        !env.db().exists(),
        "a pure calculation must not create a database"
    );

    std::fs::write(&csv, "indicator,level\n1,3\n48,2\n2,7\n").unwrap();
    swanilai()
        .args(["index", "--levels", csv.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(
            contains("LEVELS_FILE_INVALID")
                .and(contains(
                    "baris 3, kolom indicator: '48' bukan nomor indikator 1-47",
                ))
                .and(contains("baris 4, kolom level: '7' bukan tingkat 1-5")),
        );
    swanilai()
        .args(["index", "--lang", "en", "--levels", csv.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(contains("row 4, column level: '7' is not a level 1-5"));
}

#[test]
fn bad_input_is_refused_clearly_and_changes_nothing() {
    let env = Env::new();
    // No database yet.
    env.cmd()
        .args(["index"])
        .assert()
        .failure()
        .stderr(contains("DATABASE_MISSING").and(contains("kab.db")));
    env.ready();
    env.ok(&[
        "answer",
        "set",
        "--indicator",
        "1",
        "--level",
        "2",
        "--explanation",
        "awal",
    ]);
    let before = env.snapshot();

    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["answer", "set", "--indicator", "48", "--level", "3"],
            "UNKNOWN_INDICATOR",
        ),
        (
            vec!["answer", "set", "--indicator", "0", "--level", "3"],
            "UNKNOWN_INDICATOR",
        ),
        (
            vec!["answer", "set", "--indicator", "1", "--level", "6"],
            "INVALID_LEVEL",
        ),
        (
            vec!["answer", "set", "--indicator", "1", "--level", "0"],
            "INVALID_LEVEL",
        ),
        (
            vec!["answer", "set", "--indicator", "1", "--level", "-1"],
            "INVALID_LEVEL",
        ),
        (
            vec![
                "answer",
                "set",
                "--year",
                "2019",
                "--indicator",
                "1",
                "--level",
                "3",
            ],
            "ASSESSMENT_NOT_FOUND",
        ),
        (vec!["index", "--year", "2030"], "ASSESSMENT_NOT_FOUND"),
        (
            vec![
                "evidence",
                "add",
                "--indicator",
                "1",
                "/nonexistent/perbup.pdf",
            ],
            "FILE_UNREADABLE",
        ),
        (
            vec!["assessment", "new", "--year", "2026"],
            "ASSESSMENT_EXISTS",
        ),
        (
            vec!["init", "--instansi", "Lain", "--kind", "kota"],
            "ALREADY_INITIALIZED",
        ),
        (
            vec!["init", "--instansi", "Lain", "--kind", "desa"],
            "INVALID_INPUT",
        ),
    ];
    for (args, code) in cases {
        env.cmd()
            .args(&args)
            .assert()
            .failure()
            .stderr(contains(code));
        assert_eq!(
            env.snapshot(),
            before,
            "{args:?} must leave the database as it was"
        );
    }
    // A batch with one missing file attaches none of them.
    let good = env.path("1.a.ok.pdf");
    std::fs::write(&good, b"%PDF ok").unwrap();
    let empty = env.path("1.b.kosong.pdf");
    std::fs::write(&empty, b"").unwrap();
    env.cmd()
        .args([
            "evidence",
            "add",
            "--indicator",
            "1",
            good.to_str().unwrap(),
            "/nope/x.pdf",
        ])
        .assert()
        .failure()
        .stderr(contains("/nope/x.pdf"));
    env.cmd()
        .args([
            "evidence",
            "add",
            "--indicator",
            "1",
            good.to_str().unwrap(),
            empty.to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(contains("FILE_EMPTY").and(contains("1.b.kosong.pdf")));
    env.cmd()
        .args([
            "evidence",
            "add",
            "--indicator",
            "1",
            env.dir.path().to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(contains("folder"));
    assert_eq!(env.snapshot(), before);

    // Workbooks: corrupt, wrong layout, missing.
    let corrupt = env.path("rusak.xlsx");
    std::fs::write(&corrupt, b"PK\x03\x04 this is not really a zip").unwrap();
    env.cmd()
        .args(["import", corrupt.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(contains("WORKBOOK_UNREADABLE").and(contains("rusak.xlsx")));
    let wrong = env.path("lain.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet()
        .set_name("Sheet1")
        .unwrap()
        .write(0, 0, "Nama")
        .unwrap();
    wb.save(&wrong).unwrap();
    env.cmd()
        .args(["import", wrong.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(contains("WORKBOOK_LAYOUT").and(contains("Penilaian Mandiri")));
    env.cmd()
        .args(["import", "/nope/book.xlsx"])
        .assert()
        .failure()
        .stderr(contains("WORKBOOK_UNREADABLE"));
    assert_eq!(env.snapshot(), before);

    // A database from a newer version.
    let c = rusqlite::Connection::open(env.db()).unwrap();
    c.pragma_update(None, "user_version", 42).unwrap();
    drop(c);
    env.cmd()
        .args(["index"])
        .assert()
        .failure()
        .stderr(contains("DATABASE_TOO_NEW").and(contains("newer Swanilai")));
}

#[test]
fn an_edited_workbook_is_previewed_then_imported() {
    let env = Env::new();
    env.ready();
    env.ok(&[
        "answer",
        "set",
        "--indicator",
        "3",
        "--level",
        "2",
        "--explanation",
        "lama",
    ]);
    let book = env.path("pm.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    // Edit by rewriting the sheet the way a person would: same headers, new values.
    let edited = env.path("pm-edit.xlsx");
    rewrite_levels(
        &book,
        &edited,
        &[
            (3, Some(4.0), "FAKTA:\nbaru\r\nANALISIS:\nlebih baik"),
            (5, Some(9.0), "salah"),
        ],
    );
    let before = env.snapshot();
    // A dry run with problems shows them and fails, as the real import does.
    let dry = env.fails(
        &["import", edited.to_str().unwrap(), "--dry-run"],
        "IMPORT_REJECTED",
    );
    assert!(dry.contains("indicator 3 level: '2' -> '4'"), "{dry}");
    assert!(dry.contains("indicator 3 owner: '' -> 'Unit Uji'"), "{dry}");
    assert!(dry.contains("problem") && dry.contains("Tingkat"), "{dry}");
    assert_eq!(env.snapshot(), before, "a dry run writes nothing");
    env.cmd()
        .args(["import", edited.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(contains("IMPORT_REJECTED"));
    assert_eq!(env.snapshot(), before, "rejected rows: nothing written");
    env.ok(&["import", edited.to_str().unwrap(), "--accept-valid"]);
    let a = env.json(&["answer", "show", "--indicator", "3", "--json"]);
    assert_eq!(a["level"], 4);
    assert_eq!(a["explanation"], "FAKTA:\nbaru\nANALISIS:\nlebih baik");
    assert_eq!(a["owner"], "Unit Uji");
    assert!(env.json(&["answer", "show", "--indicator", "5", "--json"])["level"].is_null());
}

/// Copy `Penilaian Mandiri` with some rows' Tingkat and Penjelasan replaced.
fn rewrite_levels(src: &Path, dst: &Path, edits: &[(u32, Option<f64>, &str)]) {
    let mut wb: Xlsx<_> = open_workbook(src).unwrap();
    let range = wb.worksheet_range("Penilaian Mandiri").unwrap();
    let header_row = range
        .rows()
        .position(|r| r.iter().any(|c| *c == "Tingkat"))
        .unwrap();
    let header: Vec<String> = range
        .rows()
        .nth(header_row)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (c_no, c_lv, c_ex) = (col("No"), col("Tingkat"), col("Penjelasan"));
    let c_unit = col("Unit/Penanggung Jawab");
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet().set_name("Penilaian Mandiri").unwrap();
    for (r, row) in range.rows().enumerate() {
        let no = row.get(c_no).and_then(|c| match c {
            Data::Float(f) => Some(*f as u32),
            Data::Int(i) => Some(*i as u32),
            _ => None,
        });
        for (c, v) in row.iter().enumerate() {
            let edit = no
                .and_then(|n| edits.iter().find(|e| e.0 == n))
                .filter(|_| r > header_row);
            let (r, c16) = (r as u32, c as u16);
            match (edit, c) {
                (Some(e), c) if c == c_lv => {
                    if let Some(l) = e.1 {
                        ws.write(r, c16, l).unwrap();
                    }
                }
                (Some(_), c) if c == c_unit => {
                    ws.write(r, c16, "Unit Uji").unwrap();
                }
                (Some(e), c) if c == c_ex => {
                    ws.write(r, c16, e.2).unwrap();
                }
                _ => match v {
                    Data::Float(f) => {
                        ws.write(r, c16, *f).unwrap();
                    }
                    Data::Int(i) => {
                        ws.write(r, c16, *i as f64).unwrap();
                    }
                    Data::String(s) => {
                        ws.write(r, c16, s.as_str()).unwrap();
                    }
                    Data::Empty => {}
                    other => {
                        ws.write(r, c16, other.to_string()).unwrap();
                    }
                },
            }
        }
    }
    out.save(dst).unwrap();
}

#[test]
fn demo_fills_a_realistic_assessment() {
    let env = Env::new();
    let out = env.ok(&["demo"]);
    assert!(out.contains("Pemerintah Kabupaten Sukamaju"), "{out}");
    let idx = env.json(&["index", "--json"]);
    assert_eq!(idx["year"], 2026);
    assert_eq!(idx["answered"], 46);
    assert!(idx["index"].as_f64().unwrap() > 2.0);
    let a = env.json(&["answer", "show", "--indicator", "45", "--json"]);
    assert_eq!(a["service_name"], "Perizinan Berusaha Terpadu (SiCantik)");
    assert!(a["explanation"].as_str().unwrap().starts_with("FAKTA:"));
    let ev = env.json(&["evidence", "list", "--json"]);
    assert!(ev.as_array().unwrap().len() > 90);
    env.ok(&["evidence", "verify"]);
    // The signed documents are filled from the assessment.
    let ba = env.path("ba.pdf");
    env.ok(&[
        "document",
        "berita-acara",
        "--date",
        "2026-11-23",
        "--out",
        ba.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&ba).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    let text = String::from_utf8_lossy(&bytes);
    for needle in [
        "PEMERINTAH KABUPATEN SUKAMAJU",
        "BERITA ACARA",
        "dua puluh tiga",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the Berita Acara"
        );
    }
    let ps = env.path("ps.pdf");
    env.ok(&[
        "document",
        "persetujuan",
        "--date",
        "2026-11-23",
        "--out",
        ps.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&std::fs::read(&ps).unwrap())
        .contains("PERNYATAAN PERSETUJUAN PUBLIKASI"));
    env.cmd()
        .args([
            "document",
            "berita-acara",
            "--date",
            "23/11/2026",
            "--out",
            ba.to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(contains("INVALID_INPUT").and(contains("23/11/2026")));
    // Running the demo again on the demo database changes nothing.
    env.ok(&["demo"]);
    assert_eq!(env.json(&["index", "--json"])["answered"], 46);
}

#[test]
fn a_team_works_through_the_command_line_and_refusals_say_who_may() {
    let env = Env::new();
    env.ready();
    let pw = "Sukamaju#SPBE-2026";
    let user_add = |name: &str, unit: &str, as_user: Option<&str>| {
        let mut c = env.cmd();
        if let Some(u) = as_user {
            c.args(["--user", u]).env("SWANILAI_PASSWORD", pw);
        }
        c.args(["user", "add", name, "--unit", unit])
            .env("SWANILAI_NEW_PASSWORD", pw)
            .assert()
    };
    user_add("sari", "Setda", None)
        .success()
        .stdout(contains("supervisor"));
    // With accounts, an anonymous change is refused.
    env.cmd()
        .args(["answer", "set", "--indicator", "1", "--level", "3"])
        .assert()
        .failure()
        .stderr(contains("SIGN_IN_REQUIRED").and(contains("--user")));
    user_add("budi", "Diskominfo", Some("sari")).success();
    user_add("rina", "Diskominfo", Some("sari")).success();
    user_add("andi", "Bappeda", Some("sari")).success();
    user_add("x", "y", Some("budi"))
        .failure()
        .stderr(contains("SUPERVISOR_ONLY"));
    let as_ = |u: &str, args: &[&str]| {
        let mut c = env.cmd();
        c.args(["--user", u])
            .env("SWANILAI_PASSWORD", pw)
            .args(args);
        c.assert()
    };
    as_("sari", &["team", "set", "budi", "--role", "member"]).success();
    as_("sari", &["team", "set", "andi", "--role", "member"]).success();
    as_("sari", &["team", "set", "rina", "--role", "operator"])
        .success()
        .stdout(contains("Pelaksana Entri Data"));
    as_("sari", &["assign", "--indicator", "7", "budi"]).success();
    as_("sari", &["assign", "--indicator", "8", "--unit", "Bappeda"]).success();
    as_("sari", &["assign", "--indicator", "99", "budi"])
        .failure()
        .stderr(contains("UNKNOWN_INDICATOR"));

    as_(
        "budi",
        &[
            "answer",
            "set",
            "--indicator",
            "7",
            "--level",
            "3",
            "--explanation",
            "FAKTA: Perbup 7/2024",
        ],
    )
    .success();
    as_(
        "budi",
        &["answer", "set", "--indicator", "8", "--level", "3"],
    )
    .failure()
    .stderr(contains("NOT_ASSIGNED").and(contains("not assigned to you")));
    as_(
        "andi",
        &["answer", "set", "--indicator", "8", "--level", "2"],
    )
    .success();
    as_("budi", &["review", "submit", "--indicator", "7"])
        .success()
        .stdout(contains("submitted"));
    as_("rina", &["review", "approve", "--indicator", "7"])
        .failure()
        .stderr(contains("SUPERVISOR_ONLY").and(contains("only the supervisor")));
    as_(
        "sari",
        &[
            "review",
            "return",
            "--indicator",
            "7",
            "--comment",
            "Lampirkan SK tim",
        ],
    )
    .success();
    as_("budi", &["comment", "list", "--indicator", "7"])
        .success()
        .stdout(contains("Lampirkan SK tim"));
    as_("sari", &["finalize"])
        .failure()
        .stderr(contains("NOT_ALL_APPROVED"));
    let mut wrong = env.cmd();
    wrong
        .args(["--user", "sari", "index"])
        .env("SWANILAI_PASSWORD", "bukan-sandinya-1");
    wrong
        .assert()
        .failure()
        .stderr(contains("WRONG_CREDENTIALS"));

    // Budi changes his password; the old one stops working.
    let mut passwd = env.cmd();
    passwd
        .args(["--user", "budi", "user", "passwd"])
        .env("SWANILAI_PASSWORD", pw)
        .env("SWANILAI_NEW_PASSWORD", "Baru#Sandi-2026");
    passwd
        .assert()
        .success()
        .stdout(contains("password changed"));
    as_("budi", &["mine"])
        .failure()
        .stderr(contains("WRONG_CREDENTIALS"));
    let mut mine = env.cmd();
    mine.args(["--user", "budi", "mine"])
        .env("SWANILAI_PASSWORD", "Baru#Sandi-2026");
    mine.assert().success().stdout(contains("7"));

    env.ok(&["audit", "verify"]);
    let history = env.ok(&["history", "--indicator", "7"]);
    assert!(
        history.contains("status.return") && history.contains("sari"),
        "{history}"
    );
    // A hand edit of the audit log is named by its entry.
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let seq: i64 = c
        .query_row(
            "SELECT seq FROM audit_log WHERE action = 'status.submit' AND indicator = 7",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute("UPDATE audit_log SET actor = 'sari' WHERE seq = ?1", [seq])
        .unwrap();
    drop(c);
    env.cmd()
        .args(["audit", "verify"])
        .assert()
        .failure()
        .stderr(contains("AUDIT_BROKEN").and(contains(format!("entry {seq}"))));
}

#[test]
fn a_framework_travels_as_json_and_as_a_workbook() {
    let env = Env::new();
    let xlsx = env.path("kerangka.xlsx");
    let json = env.path("kerangka.json");
    env.ok(&["catalog", "export", "--out", xlsx.to_str().unwrap()]);
    env.ok(&[
        "catalog",
        "export",
        "--from",
        xlsx.to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
    ]);
    let out = env.ok(&["catalog", "check", xlsx.to_str().unwrap()]);
    assert!(
        out.contains("permenpanrb-59-2020") && out.contains("47 indicators"),
        "{out}"
    );
    // The workbook read back is the shipped catalog, word for word.
    let shipped = swanilai_core::builtin::default_catalog();
    let back = swanilai_core::Catalog::from_json(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(&back, shipped);
    // A broken catalog file names itself and the place of each problem.
    std::fs::write(
        &json,
        std::fs::read_to_string(&json).unwrap().replacen(
            "\"weight_bp\": 130",
            "\"weight_bp\": 131",
            1,
        ),
    )
    .unwrap();
    env.cmd()
        .args(["catalog", "check", json.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(
            contains("CATALOG_INVALID")
                .and(contains("kerangka.json"))
                .and(contains("weight")),
        );
}

#[path = "cli/backups.rs"]
mod backups;
#[path = "cli/crash.rs"]
mod crash;
#[path = "cli/evidence.rs"]
mod evidence;
#[path = "cli/files.rs"]
mod files;
#[path = "cli/import_bounds.rs"]
mod import_bounds;
#[path = "cli/messages.rs"]
mod messages;
#[path = "cli/packages.rs"]
mod packages;
#[path = "cli/pemdi.rs"]
mod pemdi;
#[path = "cli/planning.rs"]
mod planning;
#[path = "cli/recap.rs"]
mod recap;
#[path = "cli/report.rs"]
mod report;
#[path = "cli/verification.rs"]
mod verification;
