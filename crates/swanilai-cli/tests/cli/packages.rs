//! Work packages through the CLI: a member works on their own laptop (a second database),
//! sends back, the supervisor previews and merges; conflicts are named and decided; bad
//! packages change nothing.

use super::*;

const PW: &str = "Sukamaju#SPBE-2026";

/// A second laptop: its own database file in the same test folder.
fn on(db: &Path, user: Option<&str>, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = swanilai();
    c.arg("--db").arg(db);
    if let Some(u) = user {
        c.args(["--user", u]).env("SWANILAI_PASSWORD", PW);
    }
    c.args(args).assert()
}

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.success().get_output().stdout.clone()).unwrap()
}

fn answer_of(db: &Path, user: &str, n: &str) -> serde_json::Value {
    let text = stdout(on(
        db,
        Some(user),
        &["answer", "show", "--indicator", n, "--json"],
    ));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_member_works_offline_and_the_supervisor_merges_with_every_conflict_shown() {
    let env = Env::new();
    env.ready();
    let team = env.db();
    let member = env.path("laptop-budi.db");
    for (name, unit, by) in [("sari", "Setda", None), ("budi", "Bappeda", Some("sari"))] {
        let mut c = env.cmd();
        if let Some(u) = by {
            c.args(["--user", u]).env("SWANILAI_PASSWORD", PW);
        }
        c.args(["user", "add", name, "--unit", unit])
            .env("SWANILAI_NEW_PASSWORD", PW)
            .assert()
            .success();
    }
    let sari = |args: &[&str]| stdout(on(&team, Some("sari"), args));
    sari(&["team", "set", "budi", "--role", "member"]);
    sari(&["assign", "--indicator", "7", "budi"]);
    sari(&["assign", "--indicator", "8", "--unit", "Bappeda"]);
    sari(&[
        "answer",
        "set",
        "--indicator",
        "7",
        "--level",
        "2",
        "--explanation",
        "awal",
    ]);
    let pdf = env.path("7.a.Perbup-7-2024.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 perbup").unwrap();
    sari(&["evidence", "add", "--indicator", "7", pdf.to_str().unwrap()]);

    // Out: the person's indicators (directly and through the unit), with their evidence.
    let paket = env.path("paket-budi.swanilai");
    let out = sari(&[
        "package",
        "out",
        "--for",
        "budi",
        "--out",
        paket.to_str().unwrap(),
    ]);
    assert!(
        out.contains("indicators 7, 8") && out.contains("1 evidence file"),
        "{out}"
    );

    // For a unit kerja: what is assigned to the unit or to its people.
    let unit = env.path("paket-bappeda.swanilai");
    let out = sari(&[
        "package",
        "out",
        "--unit",
        "Bappeda",
        "--out",
        unit.to_str().unwrap(),
    ]);
    assert!(out.contains("indicators 7, 8"), "{out}");
    on(
        &team,
        Some("sari"),
        &[
            "package",
            "out",
            "--unit",
            "Inspektorat",
            "--out",
            unit.to_str().unwrap(),
        ],
    )
    .failure()
    .stderr(contains("INVALID_INPUT").and(contains("no indicator is assigned")));

    // Open on the member's laptop: a new database; budi signs in with his own password.
    let opened = stdout(on(
        &member,
        None,
        &["package", "open", paket.to_str().unwrap()],
    ));
    assert!(opened.contains("budi"), "{opened}");
    let budi = |args: &[&str]| on(&member, Some("budi"), args);
    budi(&[
        "answer",
        "set",
        "--indicator",
        "7",
        "--level",
        "3",
        "--explanation",
        "FAKTA: Perbup 7/2024 sudah diundangkan (7.a).",
    ])
    .success();
    let ba = env.path("8.a.Berita-Acara-Rapat.pdf");
    std::fs::write(&ba, b"%PDF-1.4 rapat").unwrap();
    budi(&["evidence", "add", "--indicator", "8", ba.to_str().unwrap()]).success();
    budi(&[
        "review",
        "submit",
        "--indicator",
        "7",
        "--comment",
        "Mohon ditinjau",
    ])
    .success();
    // Everything outside the package is read-only and says why.
    budi(&["answer", "set", "--indicator", "1", "--level", "5"])
        .failure()
        .stderr(contains("NOT_ASSIGNED"));

    let kembali = env.path("kembali-budi.swanilai");
    let sent = stdout(budi(&[
        "package",
        "return",
        "--out",
        kembali.to_str().unwrap(),
    ]));
    assert!(
        sent.contains("indicators 7, 8") && sent.contains("1 new evidence file"),
        "{sent}"
    );

    // The preview writes nothing and says per indicator what happens.
    let before = env.snapshot();
    let preview: serde_json::Value = serde_json::from_str(&sari(&[
        "package",
        "merge",
        kembali.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]))
    .unwrap();
    assert_eq!(env.snapshot(), before, "a preview writes nothing");
    let ind = |n: u64| {
        preview["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["indicator"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(ind(7)["outcome"], "clean");
    assert_eq!(
        ind(7)["fields"],
        serde_json::json!(["level", "explanation", "status"])
    );
    assert_eq!(ind(8)["outcome"], "clean");
    assert_eq!(
        ind(8)["evidence_added"],
        serde_json::json!(["8.a.Berita-Acara-Rapat.pdf"])
    );

    let merged = sari(&["package", "merge", kembali.to_str().unwrap()]);
    assert!(merged.contains("merged; backup written first"), "{merged}");
    let seven = answer_of(&team, "sari", "7");
    assert_eq!(
        (seven["level"].as_u64(), seven["status"].as_str()),
        (Some(3), Some("submitted"))
    );
    assert_eq!(seven["author"], "budi", "merged under its original author");
    assert!(sari(&["audit", "verify"]).contains("chain intact"));
    let backups = std::fs::read_dir(env.path("kab.backups")).unwrap().count();
    assert!(backups >= 1, "a backup before the merge");
    // The same package again changes nothing and says so.
    let again = sari(&["package", "merge", kembali.to_str().unwrap()]);
    assert!(again.contains("already merged; nothing changed"), "{again}");

    // Round two: both sides change indicator 7's level: a conflict, named, nothing written.
    sari(&[
        "review",
        "return",
        "--indicator",
        "7",
        "--comment",
        "Lengkapi analisis",
    ]);
    let paket2 = env.path("paket-budi-2.swanilai");
    sari(&[
        "package",
        "out",
        "--for",
        "budi",
        "--out",
        paket2.to_str().unwrap(),
    ]);
    stdout(on(
        &member,
        None,
        &["package", "open", paket2.to_str().unwrap()],
    ));
    assert_eq!(
        answer_of(&member, "budi", "7")["status"],
        "returned",
        "the newer package updated the copy"
    );
    budi(&["answer", "set", "--indicator", "7", "--level", "5"]).success();
    let kembali2 = env.path("kembali-budi-2.swanilai");
    stdout(budi(&[
        "package",
        "return",
        "--out",
        kembali2.to_str().unwrap(),
    ]));
    sari(&["answer", "set", "--indicator", "7", "--level", "4"]);
    let before = env.snapshot();
    on(
        &team,
        Some("sari"),
        &["package", "merge", kembali2.to_str().unwrap()],
    )
    .failure()
    .stderr(contains("MERGE_CONFLICT").and(contains("7 (level)")));
    assert_eq!(env.snapshot(), before, "a refused merge writes nothing");
    let shown = sari(&["package", "merge", kembali2.to_str().unwrap(), "--dry-run"]);
    assert!(
        shown.contains("level: base '2', theirs '5', ours '4'")
            || shown.contains("theirs '5', ours '4'"),
        "{shown}"
    );
    sari(&[
        "package",
        "merge",
        kembali2.to_str().unwrap(),
        "--take",
        "theirs",
    ]);
    assert_eq!(answer_of(&team, "sari", "7")["level"], 5);
    assert!(sari(&["audit", "verify"]).contains("chain intact"));

    // Bad packages: a clear error, nothing changed.
    let before = env.snapshot();
    let bytes = std::fs::read(&kembali2).unwrap();
    let cut = env.path("terpotong.swanilai");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    on(
        &team,
        Some("sari"),
        &["package", "merge", cut.to_str().unwrap()],
    )
    .failure()
    .stderr(contains("PACKAGE_INVALID").and(contains("terpotong.swanilai")));
    on(
        &team,
        Some("sari"),
        &["package", "merge", paket.to_str().unwrap()],
    )
    .failure()
    .stderr(contains("PACKAGE_REFUSED").and(contains("not a return package")));
    // A return package belongs to the team database it came from.
    let other = env.path("lain.db");
    on(
        &other,
        None,
        &[
            "init",
            "--instansi",
            "Pemerintah Kota Lain",
            "--kind",
            "kota",
        ],
    )
    .success();
    on(&other, None, &["assessment", "new", "--year", "2026"]).success();
    on(
        &other,
        None,
        &["package", "merge", kembali.to_str().unwrap()],
    )
    .failure()
    .stderr(contains("PACKAGE_REFUSED").and(contains("another team database")));
    // An older package than the one opened is refused on the laptop.
    on(&member, None, &["package", "open", paket.to_str().unwrap()])
        .failure()
        .stderr(contains("older than the package already opened"));
    assert_eq!(env.snapshot(), before);

    // A return from someone no longer assigned is a conflict for the supervisor, not applied.
    budi(&["answer", "set", "--indicator", "8", "--level", "3"]).success();
    let kembali3 = env.path("kembali-budi-3.swanilai");
    stdout(budi(&[
        "package",
        "return",
        "--out",
        kembali3.to_str().unwrap(),
    ]));
    sari(&[
        "assign",
        "--indicator",
        "8",
        "--unit",
        "Bappeda",
        "--remove",
    ]);
    let preview: serde_json::Value = serde_json::from_str(&sari(&[
        "package",
        "merge",
        kembali3.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]))
    .unwrap();
    let eight = &preview["indicators"][0];
    assert_eq!(
        (eight["indicator"].as_u64(), eight["outcome"].as_str()),
        (Some(8), Some("conflict"))
    );
    assert_eq!(eight["not_assigned"], true);
    on(
        &team,
        Some("sari"),
        &["package", "merge", kembali3.to_str().unwrap()],
    )
    .failure()
    .stderr(contains("8 (assignment)"));
    sari(&[
        "package",
        "merge",
        kembali3.to_str().unwrap(),
        "--take",
        "ours",
    ]);
    assert_ne!(answer_of(&team, "sari", "8")["level"], 3, "kept the team's");
    assert!(sari(&["audit", "verify"]).contains("chain intact"));

    // Two sends from the same work package: the later one merged, the earlier is refused.
    let explain = |text: &str| {
        budi(&["answer", "set", "--indicator", "7", "--explanation", text]).success();
    };
    explain("FAKTA: versi pertama.");
    let first = env.path("kembali-a.swanilai");
    stdout(budi(&[
        "package",
        "return",
        "--out",
        first.to_str().unwrap(),
    ]));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    explain("FAKTA: versi kedua, lengkap.");
    let second = env.path("kembali-b.swanilai");
    stdout(budi(&[
        "package",
        "return",
        "--out",
        second.to_str().unwrap(),
    ]));
    sari(&[
        "package",
        "merge",
        second.to_str().unwrap(),
        "--take",
        "theirs",
    ]);
    on(
        &team,
        Some("sari"),
        &["package", "merge", first.to_str().unwrap()],
    )
    .failure()
    .stderr(
        contains("PACKAGE_REFUSED").and(contains("older than the return package already merged")),
    );
    assert_eq!(
        answer_of(&team, "sari", "7")["explanation"],
        "FAKTA: versi kedua, lengkap."
    );

    // A newer work package keeps what the member has not sent yet.
    budi(&["answer", "set", "--indicator", "7", "--level", "1"]).success();
    let paket3 = env.path("paket-budi-3.swanilai");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    sari(&[
        "package",
        "out",
        "--for",
        "budi",
        "--out",
        paket3.to_str().unwrap(),
    ]);
    let updated = stdout(on(
        &member,
        None,
        &["package", "open", paket3.to_str().unwrap()],
    ));
    assert!(
        updated.contains("kept your unsent work on indicators 7"),
        "{updated}"
    );
    assert_eq!(
        answer_of(&member, "budi", "7")["level"],
        1,
        "the unsent level is still there"
    );
}

#[test]
fn two_full_copies_merge_from_where_they_parted() {
    let env = Env::new();
    env.ready();
    let team = env.db();
    env.cmd()
        .args(["user", "add", "sari", "--unit", "Setda"])
        .env("SWANILAI_NEW_PASSWORD", PW)
        .assert()
        .success();
    let sari = |db: &Path, args: &[&str]| stdout(on(db, Some("sari"), args));
    sari(
        &team,
        &["answer", "set", "--indicator", "1", "--level", "2"],
    );
    // The operator's laptop starts as a copy of the supervisor's database file.
    let op = env.path("operator.db");
    std::fs::copy(&team, &op).unwrap();
    sari(&op, &["answer", "set", "--indicator", "1", "--level", "3"]);
    sari(&op, &["answer", "set", "--indicator", "2", "--level", "4"]);
    sari(
        &team,
        &["answer", "set", "--indicator", "2", "--level", "1"],
    );
    sari(
        &team,
        &["answer", "set", "--indicator", "5", "--level", "5"],
    );
    let salinan = env.path("salinan-operator.swanilai");
    sari(
        &op,
        &["package", "copy", "--out", salinan.to_str().unwrap()],
    );

    let preview: serde_json::Value = serde_json::from_str(&sari(
        &team,
        &[
            "package",
            "merge",
            salinan.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    ))
    .unwrap();
    let outcome = |n: u64| {
        preview["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["indicator"] == n)
            .map(|i| i["outcome"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(
        outcome(1).as_deref(),
        Some("clean"),
        "only the copy changed 1 since they parted"
    );
    assert_eq!(outcome(2).as_deref(), Some("conflict"), "both changed 2");
    assert_ne!(
        outcome(5).as_deref(),
        Some("clean"),
        "5 changed only here: ours is kept"
    );
    sari(
        &team,
        &[
            "package",
            "merge",
            salinan.to_str().unwrap(),
            "--take",
            "theirs",
        ],
    );
    let level = |n: &str| answer_of(&team, "sari", n)["level"].clone();
    assert_eq!(
        (level("1"), level("2"), level("5")),
        (3.into(), 4.into(), 5.into())
    );
    assert!(sari(&team, &["audit", "verify"]).contains("chain intact"));
    let again = sari(&team, &["package", "merge", salinan.to_str().unwrap()]);
    assert!(again.contains("already merged"), "{again}");
}

#[test]
fn a_full_disk_while_opening_a_package_changes_nothing() {
    let env = Env::new();
    env.ready();
    let team = env.db();
    env.cmd()
        .args(["user", "add", "sari", "--unit", "Setda"])
        .env("SWANILAI_NEW_PASSWORD", PW)
        .assert()
        .success();
    let sari = |args: &[&str]| stdout(on(&team, Some("sari"), args));
    // A 2 MiB scan: more than the space left on the member's laptop below.
    let scan = env.path("7.a.Pindaian-SK.pdf");
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..2 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&scan, &bytes).unwrap();
    sari(&[
        "evidence",
        "add",
        "--indicator",
        "7",
        scan.to_str().unwrap(),
    ]);
    let paket = env.path("paket.swanilai");
    sari(&[
        "package",
        "out",
        "--indicators",
        "7",
        "--out",
        paket.to_str().unwrap(),
    ]);

    // A file size limit stands in for a full disk (RLIMIT_FSIZE, with SIGXFSZ ignored so a
    // write fails with an error instead of killing the process).
    let member = env.path("penuh.db");
    let bin = env!("CARGO_BIN_EXE_swanilai");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1024; exec '{bin}' --db '{}' package open '{}'",
        member.display(),
        paket.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the open must fail");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[FILE_UNWRITABLE]"), "{err}");
    // Nothing half-written: no working copy recorded, no partial evidence file.
    let leftovers: Vec<String> = std::fs::read_dir(env.path("penuh.evidence"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        leftovers.iter().all(|n| !n.starts_with(".incoming")),
        "{leftovers:?}"
    );
    // With space again, the same package opens whole.
    let opened = stdout(on(
        &member,
        None,
        &["package", "open", paket.to_str().unwrap()],
    ));
    assert!(opened.contains("indicators 7"), "{opened}");
    let ev = stdout(on(&member, Some("sari"), &["evidence", "verify"]));
    assert!(!ev.contains("damaged"), "{ev}");
}
