//! Planning on the command line (issue 13): whatif writes nothing, gap's steps reach the
//! target when applied, recommendations with follow-up, and bad input refused.

use super::*;

fn all_rows(env: &Env) -> Vec<String> {
    let c = rusqlite::Connection::open(env.db()).unwrap();
    let mut s = c
        .prepare("SELECT indicator || ':' || coalesce(level, '') FROM answer ORDER BY indicator")
        .unwrap();
    let mut out: Vec<String> = s
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let n: i64 = c
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    out.push(format!("audit {n}"));
    out
}

fn demo(env: &Env) {
    env.cmd().arg("demo").assert().success();
}

#[test]
fn whatif_writes_nothing_and_gap_steps_reach_the_target() {
    let env = Env::new();
    demo(&env);
    let before = all_rows(&env);
    let now = env.json(&["index", "--json"]);
    let w = env.json(&["whatif", "--set", "1=5", "--set", "2=5", "--json"]);
    assert!(w["index"].as_f64() > now["index"].as_f64());
    assert!(
        w["aspects"].as_array().unwrap().len() == 8 && w["domains"].as_array().unwrap().len() == 4
    );
    assert!(w["rating"].is_string());
    assert_eq!(all_rows(&env), before, "what-if writes nothing");

    for target in ["3,50", "Sangat Baik", "3.2"] {
        let plan = env.json(&["gap", "--target", target, "--json"]);
        assert_eq!(plan["reachable"], true, "{target}");
        let steps = plan["steps"].as_array().unwrap();
        assert!(!steps.is_empty());
        let mut args = vec!["whatif".to_owned()];
        for s in steps {
            let (from, to) = (s["from"].as_f64().unwrap(), s["to"].as_f64().unwrap());
            assert_eq!(to, from + 1.0, "one level per step");
            assert!(s["gain"].as_f64().unwrap() > 0.0);
            args.push("--set".into());
            args.push(format!("{}={}", s["indicator"], to));
        }
        args.push("--json".into());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let applied = env.json(&refs);
        assert!(
            applied["index"].as_f64().unwrap() >= plan["target"].as_f64().unwrap() - 1e-9,
            "{target}"
        );
        assert_eq!(applied["index"], plan["projected_index"]);
        // One step fewer does not reach it (the count is the fewest for equal gains at the end).
        let fewer = &refs[..refs.len() - 3];
        let mut fewer = fewer.to_vec();
        fewer.push("--json");
        let short = env.json(&fewer);
        assert!(
            short["index"].as_f64().unwrap() < plan["target"].as_f64().unwrap() || steps.len() == 1
        );
    }
    // Out of reach under ceilings: says so, with the best reachable index.
    let mut args = vec!["gap", "--target", "4.9", "--json"];
    let ceilings: Vec<String> = (1..=47).map(|n| format!("{n}=4")).collect();
    for c in &ceilings {
        args.push("--ceiling");
        args.push(c);
    }
    let out = env.cmd().args(&args).assert();
    // Some demo indicators may already be at 5: a ceiling below that is refused.
    let o = out.get_output();
    if o.status.success() {
        let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(d["reachable"], false);
        assert!(d["projected_index"].as_f64().unwrap() < 4.9);
    } else {
        assert!(String::from_utf8_lossy(&o.stderr).contains("INVALID_INPUT"));
    }
    assert_eq!(all_rows(&env), before, "gap writes nothing");
}

#[test]
fn bad_planning_input_is_refused() {
    let env = Env::new();
    demo(&env);
    env.fails(&["gap", "--target", "5.5"], "INVALID_VALUE");
    env.fails(&["gap", "--target", "0.5"], "INVALID_VALUE");
    env.fails(&["gap", "--target", "Luar Biasa"], "INVALID_INPUT");
    env.fails(&["whatif", "--set", "1=6"], "INVALID_LEVEL");
    env.fails(&["whatif", "--set", "1=0"], "INVALID_LEVEL");
    env.fails(&["whatif", "--set", "99=3"], "UNKNOWN_INDICATOR");
    env.fails(&["whatif", "--set", "x"], "INVALID_INPUT");
    // A ceiling below the current level.
    let answers = env.json(&["answer", "list", "--json"]);
    let (n, level) = answers
        .as_array()
        .unwrap()
        .iter()
        .find_map(|a| {
            Some((
                a["indicator"].as_u64()?,
                a["level"].as_u64().filter(|l| *l >= 2)?,
            ))
        })
        .unwrap();
    let ceiling = format!("{n}={}", level - 1);
    let err = env.fails(
        &["gap", "--target", "3", "--ceiling", &ceiling],
        "INVALID_INPUT",
    );
    drop(err);
}

#[test]
fn recommendations_are_followed_up_and_seen_next_year() {
    let env = Env::new();
    env.ready();
    env.ok(&["answer", "set", "--indicator", "7", "--level", "2"]);
    let r = env.json(&[
        "recommendation",
        "add",
        "--indicator",
        "7",
        "--text",
        "Tetapkan Perbup Sistem Penghubung Layanan",
        "--unit",
        "Diskominfo",
        "--due",
        "2027-03-31",
        "--json",
    ]);
    assert_eq!(r["status"], "belum");
    let id = r["id"].to_string();
    let r = env.json(&[
        "recommendation",
        "set-status",
        &id,
        "proses",
        "--note",
        "draf di Bagian Hukum",
        "--json",
    ]);
    assert_eq!(
        (r["status"].as_str(), r["notes"].as_str()),
        (Some("proses"), Some("draf di Bagian Hukum"))
    );
    env.fails(
        &["recommendation", "set-status", &id, "ditunda"],
        "INVALID_INPUT",
    );
    env.fails(
        &[
            "recommendation",
            "add",
            "--indicator",
            "7",
            "--text",
            "x",
            "--due",
            "31-03-2027",
        ],
        "INVALID_INPUT",
    );
    env.ok(&["assessment", "new", "--year", "2027"]);
    let previous = env.json(&[
        "recommendation",
        "list",
        "--year",
        "2027",
        "--previous",
        "--json",
    ]);
    assert_eq!(previous[0]["year"], 2026);
    assert_eq!(previous[0]["status"], "proses");
    let gap = env.json(&["gap", "--year", "2027", "--indicator", "7", "--json"]);
    assert_eq!(gap["previous_recommendations"][0]["unit"], "Diskominfo");
    env.ok(&[
        "plan",
        "set",
        "--year",
        "2026",
        "--indicator",
        "7",
        "--target",
        "4",
        "--ceiling",
        "3",
        "--effort",
        "hard",
    ]);
    let plans = env.json(&["plan", "list", "--year", "2026", "--json"]);
    assert_eq!(
        (plans[0]["target"].as_f64(), plans[0]["effort"].as_str()),
        (Some(4.0), Some("hard"))
    );
    env.fails(
        &[
            "plan",
            "set",
            "--year",
            "2026",
            "--indicator",
            "7",
            "--effort",
            "santai",
        ],
        "INVALID_INPUT",
    );
    let audit = env.ok(&["audit", "verify"]);
    assert!(
        audit.contains("ok") || audit.contains("OK") || audit.contains("intact"),
        "{audit}"
    );
}
