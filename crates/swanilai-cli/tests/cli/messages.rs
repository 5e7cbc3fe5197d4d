//! The language of import problems and workbook errors: Bahasa Indonesia by default,
//! English with `--lang en` or an English locale, on a real workbook with a bad level.

use super::*;

const LEVEL_ID: &str = "G (Tingkat): 7 bukan tingkat; Tingkat harus bilangan bulat 1 sampai 5, \
                        atau dikosongkan bila belum dinilai";
const LEVEL_EN: &str = "G (Tingkat): 7 is not a level; Tingkat must be a whole number from 1 \
                        to 5, or empty when not yet assessed";

/// A database with the 2026 assessment and an exported workbook whose indicator 5 has
/// Tingkat 7.
fn with_a_bad_level() -> (Env, String) {
    let env = Env::new();
    env.ready();
    let book = env.path("pm.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    let edited = env.path("pm-tingkat-7.xlsx");
    rewrite_levels(&book, &edited, &[(5, Some(7.0), "salah")]);
    let edited = edited.to_str().unwrap().to_owned();
    (env, edited)
}

/// The stdout of a dry run that found problems (it fails, as the real import does).
fn stdout_of(c: &mut Command) -> String {
    let out = c.assert().failure().stderr(contains("IMPORT_REJECTED"));
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn import_problems_are_in_bahasa_indonesia_unless_english_is_asked_for() {
    let (env, book) = with_a_bad_level();
    let dry = |extra: &[&str], vars: &[(&str, &str)]| {
        let mut c = env.cmd();
        c.args(["import", &book, "--dry-run"]).args(extra);
        for (k, v) in vars {
            c.env(k, v);
        }
        stdout_of(&mut c)
    };
    let indonesian = "  masalah: lembar 'Penilaian Mandiri' baris ";
    for (extra, vars) in [
        (&[][..], &[][..]),
        (&[][..], &[("LANG", "id_ID.UTF-8")][..]),
        (&[][..], &[("LANG", "C.UTF-8")][..]),
        (&["--lang", "id"][..], &[("LC_ALL", "en_US.UTF-8")][..]),
    ] {
        let out = dry(extra, vars);
        assert!(
            out.contains(indonesian) && out.contains(LEVEL_ID),
            "{extra:?} {vars:?}: {out}"
        );
    }
    for (extra, vars) in [
        (&["--lang", "en"][..], &[][..]),
        (&[][..], &[("LANG", "en_US.UTF-8")][..]),
        (
            &[][..],
            &[("LANG", "id_ID.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")][..],
        ),
        (
            &[][..],
            &[("SWANILAI_LANG", "en"), ("LANG", "id_ID.UTF-8")][..],
        ),
    ] {
        let out = dry(extra, vars);
        assert!(
            out.contains("  problem: sheet 'Penilaian Mandiri' row ") && out.contains(LEVEL_EN),
            "{extra:?} {vars:?}: {out}"
        );
    }

    // The JSON carries the kind as a value beside the message in the chosen language.
    let json: serde_json::Value = serde_json::from_str(
        &env.fails(&["import", &book, "--dry-run", "--json"], "IMPORT_REJECTED"),
    )
    .unwrap();
    let p = &json["problems"][0];
    assert_eq!(
        (&p["kind"], &p["value"], &p["column"]),
        (&"not_a_level".into(), &"7".into(), &"G (Tingkat)".into()),
        "{json}"
    );
    assert!(
        p["message"].as_str().unwrap().ends_with("belum dinilai"),
        "{p}"
    );

    // Refused whole: the reason too is in the chosen language.
    env.cmd().args(["import", &book]).assert().failure().stderr(
        contains("IMPORT_REJECTED")
            .and(contains("tidak ada yang ditulis"))
            .and(contains(LEVEL_ID)),
    );
    env.cmd()
        .args(["--lang", "en", "import", &book])
        .assert()
        .failure()
        .stderr(contains("nothing was written").and(contains(LEVEL_EN)));
}

#[test]
fn a_workbook_without_the_sheet_is_a_layout_error_in_the_chosen_language() {
    let env = Env::new();
    env.ready();
    let other = env.path("lain.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Lembar Lain").unwrap();
    book.save(&other).unwrap();
    let other = other.to_str().unwrap();
    env.cmd()
        .args(["import", other, "--dry-run"])
        .assert()
        .failure()
        .stderr(contains("WORKBOOK_LAYOUT").and(contains(
            "tidak sesuai: tidak ada lembar bernama 'Penilaian Mandiri' (lembar yang ada: \
                 'Lembar Lain')",
        )));
    env.cmd()
        .args(["import", other, "--dry-run", "--lang", "en"])
        .assert()
        .failure()
        .stderr(contains(
            "has the wrong layout: no sheet named 'Penilaian Mandiri' (the workbook has \
             'Lembar Lain')",
        ));
}
