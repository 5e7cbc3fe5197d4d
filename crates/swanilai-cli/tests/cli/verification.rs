//! The external verification on the command line (issue 12): the names, flags and JSON the
//! acceptance checks use, and bad input refused with nothing written.

use super::*;

/// Every stage row and the audit count, to prove a refusal wrote nothing.
fn stage_rows(env: &Env) -> Vec<String> {
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT indicator || ':' || stage || ':' || value_h || ':' || note || ':' || origin FROM stage_value ORDER BY 1",
        "SELECT CAST(count(*) AS TEXT) FROM audit_log",
    ] {
        let mut s = c.prepare(sql).unwrap();
        let rows = s.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

fn answered(env: &Env) {
    env.ready();
    for n in ["1", "2", "3"] {
        env.ok(&["answer", "set", "--indicator", n, "--level", "4"]);
    }
}

#[test]
fn stages_set_import_and_compare_with_the_agreed_json() {
    let env = Env::new();
    answered(&env);
    env.ok(&[
        "verification",
        "set",
        "--year",
        "2026",
        "--indicator",
        "1",
        "--stage",
        "final",
        "--level",
        "2",
        "--note",
        "SK belum ditetapkan",
    ]);
    let csv = env.path("hasil.csv");
    std::fs::write(
        &csv,
        "indicator,stage,level,note\n2,dokumen,3,\"Perbup ada, SOP belum\"\n3,interviu,5,\n",
    )
    .unwrap();
    let before = stage_rows(&env);
    let dry = env.ok(&["verification", "import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("indicator 2 dokumen: - -> 3"), "{dry}");
    assert!(dry.contains("nothing written"), "{dry}");
    assert_eq!(stage_rows(&env), before, "a dry run writes nothing");
    env.ok(&[
        "verification",
        "import",
        "--year",
        "2026",
        csv.to_str().unwrap(),
    ]);

    let d = env.json(&["compare", "--year", "2026", "--json"]);
    let stages: Vec<&str> = d["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["mandiri", "dokumen", "interviu", "visitasi", "final"]
    );
    assert_eq!(d["stages"][0]["answered"], 3);
    assert_eq!(d["stages"][0]["total"], 47);
    assert_eq!(d["stages"][4]["answered"], 1);
    assert!(d["stages"][4]["index"].is_f64());
    assert!(d["stages"][3]["index"].is_null());
    let one = &d["indicators"][0];
    assert_eq!(
        (
            one["indicator"].as_u64(),
            one["mandiri"].as_f64(),
            one["final"].as_f64()
        ),
        (Some(1), Some(4.0), Some(2.0))
    );
    assert_eq!(one["claim"], "over");
    assert_eq!(d["indicators"][1]["dokumen"], 3.0);
    assert_eq!(
        d["indicators"][1]["notes"][0]["note"],
        "Perbup ada, SOP belum"
    );
    assert_eq!(d["indicators"][2]["interviu"], 5.0);
    assert!(d["indicators"][3]["mandiri"].is_null());
    assert_eq!(d["indicators"].as_array().unwrap().len(), 47);
    let text = env.ok(&["compare"]);
    assert!(text.contains("OVER-CLAIM"), "{text}");

    // The template reads back as stored: importing it changes nothing.
    let t = env.path("templat.xlsx");
    env.ok(&[
        "verification",
        "template",
        "--year",
        "2026",
        "--out",
        t.to_str().unwrap(),
    ]);
    let again = env.json(&[
        "verification",
        "import",
        t.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert_eq!(again["changes"], serde_json::json!([]));
    assert_eq!(again["unchanged"], 3);
}

#[test]
fn bad_verification_input_is_refused_and_nothing_is_written() {
    let env = Env::new();
    answered(&env);
    env.ok(&[
        "verification",
        "set",
        "--indicator",
        "1",
        "--stage",
        "final",
        "--level",
        "3",
    ]);
    let before = stage_rows(&env);
    env.fails(
        &[
            "verification",
            "set",
            "--indicator",
            "1",
            "--stage",
            "final",
            "--level",
            "6",
        ],
        "INVALID_LEVEL",
    );
    env.fails(
        &[
            "verification",
            "set",
            "--indicator",
            "1",
            "--stage",
            "akhir2",
            "--level",
            "3",
        ],
        "UNKNOWN_STAGE",
    );
    env.fails(
        &[
            "verification",
            "set",
            "--indicator",
            "48",
            "--stage",
            "final",
            "--level",
            "3",
        ],
        "UNKNOWN_INDICATOR",
    );
    let csv = env.path("bad.csv");
    std::fs::write(
        &csv,
        "indicator,stage,level,note\n1,final,0,\n2,dokumen,3,\n2,dokumen,4,\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["verification", "import"])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(
            contains("IMPORT_REJECTED")
                .and(contains("bad.csv"))
                .and(contains("baris 2"))
                .and(contains("baris 4")),
        );
    drop(out);
    // A template of another year.
    env.ok(&["assessment", "new", "--year", "2027"]);
    let t = env.path("t2026.xlsx");
    env.ok(&[
        "verification",
        "template",
        "--year",
        "2026",
        "--out",
        t.to_str().unwrap(),
    ]);
    env.fails(
        &[
            "verification",
            "import",
            "--year",
            "2027",
            t.to_str().unwrap(),
        ],
        "WORKBOOK_WRONG_ASSESSMENT",
    );
    // A national workbook is not a template.
    let wb = env.path("nasional.xlsx");
    env.ok(&["export", "--year", "2026", "--out", wb.to_str().unwrap()]);
    env.fails(
        &[
            "verification",
            "import",
            "--year",
            "2026",
            wb.to_str().unwrap(),
        ],
        "WORKBOOK_WRONG_ASSESSMENT",
    );
    assert_eq!(&stage_rows(&env)[..1], &before[..1]);
    // Only the 2027 assessment's creation was added to the log.
    let count = |rows: &[String]| rows.last().unwrap().parse::<u32>().unwrap();
    assert_eq!(count(&stage_rows(&env)), count(&before) + 1);
}

#[test]
fn a_new_year_starts_from_the_previous_with_chosen_indicators() {
    let env = Env::new();
    answered(&env);
    let out = env.ok(&[
        "assessment",
        "new",
        "--year",
        "2027",
        "--from-previous",
        "--indicators",
        "1,3-4",
    ]);
    assert!(out.contains("started from 2026: 2 answer(s)"), "{out}");
    let list = env.json(&["answer", "list", "--year", "2027", "--json"]);
    let levels: Vec<Option<u64>> = list.as_array().unwrap()[..3]
        .iter()
        .map(|a| a["level"].as_u64())
        .collect();
    assert_eq!(levels, [Some(4), None, Some(4)]);
    assert_eq!(list[0]["carried_from"], 2026);
    env.fails(
        &[
            "assessment",
            "new",
            "--year",
            "2028",
            "--from-previous",
            "--indicators",
            "x",
        ],
        "INVALID_INPUT",
    );
    env.fails(
        &[
            "assessment",
            "new",
            "--year",
            "2028",
            "--from-previous",
            "--indicators",
            "50",
        ],
        "UNKNOWN_INDICATOR",
    );
    let years = env.json(&["compare", "--years", "--json"]);
    assert_eq!(years["years"].as_array().unwrap().len(), 2);
}
