//! `backup list|create|restore ID [--dry-run]`: an import backs up first, the dry run
//! writes nothing, the restore brings the state back and the trail still verifies.

use super::*;

#[test]
fn an_import_is_backed_up_and_restored_from_the_command_line() {
    let env = Env::new();
    env.ready();
    let set = |level: &str| {
        env.ok(&[
            "answer",
            "set",
            "--indicator",
            "7",
            "--level",
            level,
            "--explanation",
            "FAKTA: uji. ANALISIS: uji.",
        ])
    };
    set("2");
    let book = env.path("kab.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    set("4");
    env.ok(&["import", book.to_str().unwrap()]);
    let list = env.json(&["backup", "list", "--json"]);
    let backups = list["backups"].as_array().unwrap();
    assert_eq!(backups.len(), 1, "{list}");
    assert_eq!(backups[0]["reason"], "import");
    let id = backups[0]["id"].as_str().unwrap().to_owned();
    let text = env.ok(&["backup", "list"]);
    assert!(text.contains(&id) && text.contains("2026: 1/47"), "{text}");

    set("5");
    let before = env.snapshot();
    let dry = env.ok(&["backup", "restore", &id, "--dry-run"]);
    assert!(
        dry.contains("in the backup:") && dry.contains("dry run"),
        "{dry}"
    );
    assert_eq!(env.snapshot(), before, "a dry run writes nothing");
    assert_eq!(
        env.json(&["backup", "list", "--json"])["backups"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let done = env.ok(&["backup", "restore", &id]);
    assert!(done.contains("restored"), "{done}");
    let shown = env.json(&["answer", "show", "--indicator", "7", "--json"]);
    assert_eq!(shown["level"], 4, "the state before the import: {shown}");
    env.ok(&["audit", "verify"]);
    env.ok(&["backup", "create"]);
    assert_eq!(
        env.json(&["backup", "list", "--json"])["backups"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    env.fails(&["backup", "restore", "nope"], "BACKUP_NOT_FOUND");
}
