//! The Indeks Pemerintah Digital on the command line (issue 11): the names and flags the
//! acceptance checks use, "provisional" said, and bad input refused with nothing written.

use super::*;

/// Every row of the tables a Pemdi command writes, to prove a refusal wrote nothing.
fn pemdi_rows(env: &Env) -> Vec<String> {
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT indicator || ':' || source || ':' || value_h FROM indicator_value ORDER BY 1",
        "SELECT indicator || ':' || value_h || ':' || source FROM external_value ORDER BY 1",
        "SELECT butir || ':' || status || ':' || coalesce(revisi_kind, '') || ':' || note FROM butir_status ORDER BY 1",
        "SELECT CAST(count(*) AS TEXT) FROM audit_log",
    ] {
        let mut s = c.prepare(sql).unwrap();
        let rows = s.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

fn pemdi_ready(env: &Env) {
    env.ok(&[
        "init",
        "--instansi",
        "Pemerintah Kabupaten Uji",
        "--kind",
        "kabupaten",
    ]);
    env.ok(&[
        "assessment",
        "new",
        "--year",
        "2026",
        "--framework",
        "pemdi-2026",
    ]);
}

#[test]
fn index_from_a_values_file_needs_no_database() {
    let env = Env::new();
    let csv = env.path("values.csv");
    let rows: String = (1..=20).map(|n| format!("{n},2.5\n")).collect();
    std::fs::write(&csv, format!("indicator,value\n{rows}")).unwrap();
    let out = swanilai()
        .args(["index", "--framework", "pemdi-2026", "--values"])
        .arg(&csv)
        .arg("--json")
        .assert()
        .success();
    let d: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(d["index"], 2.5);
    assert_eq!(d["rating"], "Baik");
    assert_eq!(d["domains"], serde_json::json!([]));
    assert_eq!(d["provisional"], true);
    let aspects = d["aspects"].as_array().unwrap();
    assert_eq!(aspects.len(), 7);
    assert_eq!(
        (aspects[0]["number"].clone(), aspects[0]["index"].clone()),
        (1.into(), 2.5.into())
    );
    assert_eq!(
        aspects[6]["name"],
        "Kepuasan Pengguna Layanan Digital Pemerintah"
    );
    // Text output says provisional.
    let out = swanilai()
        .args(["index", "--framework", "pemdi-2026", "--values"])
        .arg(&csv)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("SEMENTARA (provisional)"), "{text}");
    // A values file for a framework scored with levels, a bad value: refused by code.
    swanilai()
        .args(["index", "--framework", "permenpanrb-59-2020", "--values"])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(contains("WRONG_VALUE_KIND"));
    std::fs::write(&csv, "indicator;value\n1;5,5\n").unwrap();
    swanilai()
        .args([
            "--lang",
            "en",
            "index",
            "--framework",
            "pemdi-2026",
            "--values",
        ])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(contains(
            "row 2, column value: '5,5' is not a value 1.00-5.00",
        ));
}

#[test]
fn a_pemdi_assessment_through_the_command_line() {
    let env = Env::new();
    pemdi_ready(&env);
    env.ok(&[
        "answer",
        "set",
        "--year",
        "2026",
        "--indicator",
        "1",
        "--value",
        "2.35",
        "--explanation",
        "FAKTA: Perbup 12/2024",
    ]);
    env.ok(&[
        "answer",
        "set",
        "--indicator",
        "20",
        "--value",
        "4",
        "--assessor-value",
        "3.5",
    ]);
    env.ok(&[
        "external",
        "set",
        "--indicator",
        "5",
        "--value",
        "3.1",
        "--source",
        "Indeks SDI 2025",
        "--source-year",
        "2025",
    ]);
    env.ok(&[
        "butir",
        "set",
        "--id",
        "GT.I1_L2_1",
        "--status",
        "revisi",
        "--kind",
        "tidak-tepat",
        "--note",
        "SK belum ditandatangani",
    ]);
    let list = env.json(&["butir", "list", "--indicator", "1", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 14);
    let l3 = list.iter().find(|b| b["id"] == "GT.I1_L3_1").unwrap();
    assert_eq!(
        (l3["effective_status"].clone(), l3["gated"].clone()),
        ("revisi".into(), true.into())
    );
    assert_eq!(l3["effective_kind"], "otomatis_ditolak");
    assert!(env
        .ok(&["butir", "list", "--indicator", "1"])
        .starts_with("SEMENTARA"));

    // Evidence attached to a butir: counted there, and a draft butir becomes diunggah.
    let pdf = env.path("I1-L1-01 rancangan renstra.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 rancangan").unwrap();
    env.ok(&["evidence", "add", "--indicator", "1", pdf.to_str().unwrap()]);
    let ev = env.json(&["evidence", "list", "--indicator", "1", "--json"]);
    let id = ev[0]["id"].as_i64().unwrap().to_string();
    env.ok(&["butir", "attach", "--evidence", &id, "--id", "GT.I1_L1_1"]);
    env.fails(
        &["butir", "attach", "--evidence", &id, "--id", "GT.I2_L1_1"],
        "INVALID_INPUT",
    );
    let l1 = env.json(&["butir", "list", "--indicator", "1", "--json"]);
    assert_eq!(
        (l1[0]["status"].clone(), l1[0]["evidence_count"].clone()),
        ("diunggah".into(), 1.into())
    );
    assert_eq!(
        env.json(&["evidence", "list", "--json"])[0]["butir"],
        "GT.I1_L1_1"
    );

    let idx = env.json(&["index", "--year", "2026", "--json"]);
    // 1 (5 %) 2,35, 20 (15 %) 4, 5 (5 %) 3,1, 6, 7 (3 % each) and 18 (3 %) at 1:
    // (11,75 + 60 + 15,5 + 9) / 34 = 96,25 / 34 = 2,8308.. -> 2,83
    assert_eq!(idx["index_text"], "2,83");
    assert_eq!(
        (idx["answered"].clone(), idx["total"].clone()),
        (6.into(), 20.into())
    );
    assert_eq!(
        idx["assessor"]["answered"], 5,
        "the assessor's index over their own values"
    );
    assert!(env.ok(&["index"]).starts_with("SEMENTARA (provisional)"));

    // The evidence package names a butir's file I{n}-L{l}-{NN} and says provisional.
    let zip_path = env.path("paket.zip");
    env.ok(&["evidence", "package", "--out", zip_path.to_str().unwrap()]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(
        names.contains(&"data-dukung/01/I1-L1-01.I1-L1-01 rancangan renstra.pdf".to_owned()),
        "{names:?}"
    );
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("BACA-SAYA.txt").unwrap(), &mut readme).unwrap();
    assert!(
        readme.contains("penilaian mandiri Pemerintah Digital") && readme.contains("SEMENTARA"),
        "{readme}"
    );
    env.ok(&[
        "document",
        "berita-acara",
        "--out",
        env.path("ba.pdf").to_str().unwrap(),
    ]);
    env.ok(&["audit", "verify"]);
}

#[test]
fn bad_pemdi_input_is_refused_clearly_and_changes_nothing() {
    let env = Env::new();
    pemdi_ready(&env);
    env.ok(&["answer", "set", "--indicator", "2", "--value", "2"]);
    let before = pemdi_rows(&env);
    for (args, code) in [
        (
            &["answer", "set", "--indicator", "2", "--value", "5.01"][..],
            "INVALID_VALUE",
        ),
        (
            &["answer", "set", "--indicator", "2", "--value", "0,99"],
            "INVALID_VALUE",
        ),
        (
            &["answer", "set", "--indicator", "2", "--value", "2.355"],
            "INVALID_VALUE",
        ),
        (
            &["answer", "set", "--indicator", "2", "--level", "3"],
            "WRONG_VALUE_KIND",
        ),
        (
            &["answer", "set", "--indicator", "5", "--value", "3"],
            "EXTERNAL_INDICATOR",
        ),
        (
            &[
                "external",
                "set",
                "--indicator",
                "2",
                "--value",
                "3",
                "--source",
                "x",
            ],
            "EXTERNAL_INDICATOR",
        ),
        (
            &["butir", "set", "--id", "GT.I1_L9_1", "--status", "diterima"],
            "UNKNOWN_BUTIR",
        ),
        (
            &["butir", "set", "--id", "GT.I1_L1_1", "--status", "selesai"],
            "INVALID_INPUT",
        ),
    ] {
        env.fails(args, code);
        assert_eq!(pemdi_rows(&env), before, "{args:?} must write nothing");
    }
    // Evidence for a butir of another indicator is refused before anything is copied.
    let pdf = env.path("sk.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 sk").unwrap();
    let files = env.snapshot();
    env.fails(
        &[
            "evidence",
            "add",
            "--indicator",
            "1",
            "--butir",
            "GT.I2_L1_1",
            pdf.to_str().unwrap(),
        ],
        "UNKNOWN_BUTIR",
    );
    assert_eq!(env.snapshot(), files);
    env.ok(&[
        "evidence",
        "add",
        "--indicator",
        "1",
        "--butir",
        "GT.I1_L1_1",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(
        env.json(&["evidence", "list", "--json"])[0]["butir"],
        "GT.I1_L1_1"
    );
}

#[test]
fn a_59_2020_assessment_refuses_a_decimal_value() {
    let env = Env::new();
    env.ready();
    let before = env.snapshot();
    env.fails(
        &["answer", "set", "--indicator", "1", "--value", "2.5"],
        "WRONG_VALUE_KIND",
    );
    env.fails(
        &[
            "external",
            "set",
            "--indicator",
            "1",
            "--value",
            "2",
            "--source",
            "x",
        ],
        "WRONG_VALUE_KIND",
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn a_catalog_with_broken_weights_or_butir_is_refused() {
    let env = Env::new();
    let (_, text) = swanilai_core::builtin::builtin_sources()[1];
    let mut file: serde_json::Value = serde_json::from_str(text).unwrap();
    file["aspects"][6]["weight_bp"] = 2000.into();
    file["butir"][3]["indicator"] = 42.into();
    let path = env.path("pemdi-rusak.json");
    std::fs::write(&path, file.to_string()).unwrap();
    let out = swanilai()
        .args(["catalog", "check"])
        .arg(&path)
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("CATALOG_INVALID") && err.contains("aspect weights add up to 9500"),
        "{err}"
    );
    assert!(err.contains("refers to indicator 42"), "{err}");
}

/// A Pemdi workbook as a person might send it back: a few values and butir edited.
fn edited_book(path: &Path, year: i32, value: &str, status: &str) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Nilai Indikator").unwrap();
    for (col, h) in (0u16..).zip(["No", "Nilai Mandiri", "Nilai Asesor"]) {
        ws.write_string(3, col, h).unwrap();
    }
    ws.write_number(4, 0, 1.0).unwrap();
    ws.write_string(4, 1, value).unwrap();
    ws.write_number(5, 0, 20.0).unwrap();
    ws.write_number(5, 1, 4.0).unwrap();
    ws.write_number(5, 2, 3.25).unwrap();
    let ws = wb.add_worksheet().set_name("Butir").unwrap();
    for (col, h) in (0u16..).zip(["ID Butir", "Status", "Jenis Revisi", "Catatan"]) {
        ws.write_string(3, col, h).unwrap();
    }
    ws.write_string(4, 0, "GT.I1_L2_1").unwrap();
    ws.write_string(4, 1, status).unwrap();
    ws.write_string(4, 2, "tidak tepat").unwrap();
    ws.write_string(4, 3, "SK belum ditandatangani").unwrap();
    let ws = wb.add_worksheet().set_name("_swanilai").unwrap();
    ws.write_string(1, 0, "year").unwrap();
    ws.write_number(1, 1, f64::from(year)).unwrap();
    ws.write_string(2, 0, "framework_id").unwrap();
    ws.write_string(2, 1, "pemdi-2026").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn the_pemdi_workbook_exports_imports_and_round_trips() {
    let env = Env::new();
    pemdi_ready(&env);
    env.ok(&["answer", "set", "--indicator", "2", "--value", "1.75"]);
    let book = env.path("pemdi.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    let names = calamine::open_workbook_auto(&book)
        .map(|b: calamine::Sheets<_>| calamine::Reader::sheet_names(&b))
        .unwrap();
    assert_eq!(
        names,
        [
            "Nilai Indikator",
            "Butir",
            "Rekap Aspek",
            "Kuesioner",
            "_swanilai"
        ]
    );
    let out = env.ok(&["import", book.to_str().unwrap(), "--dry-run"]);
    assert!(
        out.contains("0 change(s)"),
        "export -> import changes nothing: {out}"
    );

    // Edited: previewed, then written, then the export reads back unchanged.
    let edited = env.path("edited.xlsx");
    edited_book(&edited, 2026, "2,5", "revisi");
    let preview = env.json(&["import", edited.to_str().unwrap(), "--dry-run", "--json"]);
    let fields: Vec<&str> = preview["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["value", "value", "assessor_value", "butir"]);
    env.ok(&["import", edited.to_str().unwrap()]);
    let v = env.json(&["external", "list", "--json"]);
    assert_eq!(
        (v[0]["self_value"].clone(), v[19]["assessor_value"].clone()),
        (2.5.into(), 3.25.into())
    );
    let b = env.json(&["butir", "list", "--indicator", "1", "--json"]);
    let l2 = b
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "GT.I1_L2_1")
        .unwrap();
    assert_eq!(
        (l2["status"].clone(), l2["kind"].clone()),
        ("revisi".into(), "tidak_tepat".into())
    );
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    assert!(env
        .ok(&["import", book.to_str().unwrap(), "--dry-run"])
        .contains("0 change(s)"));
    env.ok(&["audit", "verify"]);

    // A bad cell is refused with its place and nothing is written; another year's book too.
    let before = pemdi_rows(&env);
    edited_book(&edited, 2026, "5.5", "selesai");
    env.fails(
        &["--lang", "en", "import", edited.to_str().unwrap()],
        "IMPORT_REJECTED",
    );
    edited_book(&edited, 2025, "2", "diterima");
    env.fails(
        &["import", edited.to_str().unwrap()],
        "WORKBOOK_WRONG_ASSESSMENT",
    );
    assert_eq!(pemdi_rows(&env), before);
}
