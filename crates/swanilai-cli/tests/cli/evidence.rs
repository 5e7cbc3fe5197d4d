//! Evidence under hostile names, crashes, read-only databases and large files (issue 10,
//! items 4, 5, 6, 7 and 9): real files on disk, real processes, real kills.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::*;

fn evidence_dir(env: &Env) -> PathBuf {
    env.dir.path().join("kab.evidence")
}

/// Every file under the evidence folder, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                let rel = e.path().strip_prefix(dir).unwrap().to_owned();
                out.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

fn incoming(dir: &Path) -> Vec<String> {
    files_under(dir)
        .into_iter()
        .filter(|f| f.starts_with(".incoming-"))
        .collect()
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Every cell of a sheet as text.
fn sheet_texts(book: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// A file of `mib` MiB whose content depends on `seed` (so two are never the same blob).
fn big_file(path: &Path, mib: usize, seed: u8) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut chunk = vec![seed; 1024 * 1024];
    for i in 0..mib {
        chunk[0] = (i % 251) as u8;
        chunk[1] = (i / 251) as u8;
        f.write_all(&chunk).unwrap();
    }
    f.flush().unwrap();
}

#[test]
fn names_with_line_breaks_escapes_and_bad_bytes_are_normalised_and_never_reach_the_terminal_raw() {
    let env = Env::new();
    env.ready();
    let raw: [&[u8]; 4] = [
        b"Perbup\nno 7.pdf",
        b"SK \x1b[31mmerah\x1b[0m.pdf",
        b"Laporan\r\nakhir.pdf",
        b"Kaj\xffian \xc3(.pdf",
    ];
    let mut paths = Vec::new();
    for (i, name) in raw.iter().enumerate() {
        let p = env.dir.path().join(OsStr::from_bytes(name));
        std::fs::write(&p, format!("%PDF-1.4 berkas {i}")).unwrap();
        paths.push(p);
    }
    let mut args: Vec<&OsStr> = ["evidence", "add", "--indicator", "3", "--json"]
        .iter()
        .map(OsStr::new)
        .collect();
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let out = env.cmd().args(&args).assert().success();
    let added: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let names: Vec<&str> = added
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Perbup no 7.pdf",
            "SK _[31mmerah_[0m.pdf",
            "Laporan akhir.pdf",
            "Kaj\u{FFFD}ian \u{FFFD}(.pdf"
        ],
        "line breaks become spaces, controls '_', bad bytes U+FFFD"
    );

    let listed = env.ok(&["evidence", "list"]);
    assert_eq!(listed.lines().count(), 4, "one line per file: {listed}");
    assert!(
        !listed.contains('\u{1b}') && !listed.contains('\r'),
        "{listed:?}"
    );
    assert!(listed.contains("3.a.Perbup no 7.pdf"), "{listed}");

    let book = env.path("rekap.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    let cells = sheet_texts(&book, "Data Dukung");
    for name in ["3.a.Perbup no 7.pdf", "3.c.Laporan akhir.pdf"] {
        assert!(cells.iter().any(|c| c == name), "{name} in {cells:?}");
    }
    assert!(
        !cells
            .iter()
            .any(|c| c.contains('\u{1b}') || c.contains('\r')),
        "{cells:?}"
    );

    // An explanation keeps its line breaks; the ESC sequences in it are shown escaped.
    env.ok(&[
        "answer",
        "set",
        "--indicator",
        "3",
        "--level",
        "2",
        "--explanation",
        "FAKTA:\n\u{1b}[2J\u{1b}]0;judul\u{7}ada SK\u{8}\u{9b}timpa",
    ]);
    let shown = env.ok(&["answer", "show", "--indicator", "3"]);
    assert!(
        shown.contains("FAKTA:\n\\u{1b}[2J\\u{1b}]0;judul\\u{7}ada SK\\u{8}\\u{9b}timpa"),
        "{shown:?}"
    );
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "no raw control reaches the terminal: {shown:?}"
    );
}

#[test]
fn the_verifier_sees_conventional_names_and_a_name_claiming_another_indicator_warns() {
    let env = Env::new();
    env.ready();
    for name in ["pertama.pdf", "kedua.pdf", "small1.pdf"] {
        let p = env.path(name);
        std::fs::write(&p, format!("%PDF-1.4 {name}")).unwrap();
        let out = env.ok(&["evidence", "add", "--indicator", "10", p.to_str().unwrap()]);
        assert!(!out.contains("warning"), "{out}");
    }
    let listed = env.ok(&["evidence", "list", "--indicator", "10"]);
    assert!(listed.contains("] 10.c.small1.pdf ("), "{listed}");

    // A name that claims indicator 7, attached to 5: attached, with a warning.
    let claims = env.path("7.a.Perbup-SPBE.pdf");
    std::fs::write(&claims, b"%PDF-1.4 perbup").unwrap();
    let out = env.ok(&[
        "evidence",
        "add",
        "--indicator",
        "5",
        claims.to_str().unwrap(),
    ]);
    assert!(
        out.contains("5.a.7.a.Perbup-SPBE.pdf")
            && out.contains("warning")
            && out.contains("indicator 7"),
        "{out}"
    );
    let own = env.path("5.b.SK-Tim.pdf");
    std::fs::write(&own, b"%PDF-1.4 sk").unwrap();
    let added = env.json(&[
        "evidence",
        "add",
        "--indicator",
        "5",
        own.to_str().unwrap(),
        "--json",
    ]);
    assert!(added[0]["claims_indicator"].is_null(), "{added}");
    let again = env.json(&[
        "evidence",
        "add",
        "--indicator",
        "5",
        claims.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(again[0]["claims_indicator"], 7);

    let book = env.path("rekap.xlsx");
    env.ok(&["export", "--out", book.to_str().unwrap()]);
    let main = sheet_texts(&book, "Penilaian Mandiri");
    assert!(
        main.iter()
            .any(|c| c.lines().any(|l| l == "10.c.small1.pdf")),
        "the Data Dukung column names the file as the package does"
    );
    assert!(!main.iter().any(|c| c.lines().any(|l| l == "small1.pdf")));
    let listing = sheet_texts(&book, "Data Dukung");
    assert!(
        listing.iter().any(|c| c == "10.c.small1.pdf"),
        "{listing:?}"
    );
    assert!(!listing.iter().any(|c| c == "small1.pdf"), "{listing:?}");

    let zip = env.path("paket.zip");
    env.ok(&["evidence", "package", "--out", zip.to_str().unwrap()]);
    let bytes = std::fs::read(&zip).unwrap();
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("data-dukung/10/10.c.small1.pdf"));
}

#[test]
fn leftovers_of_an_interrupted_add_are_removed_on_open_and_verify_names_the_rest() {
    let env = Env::new();
    env.ready();
    let pdf = env.path("perbup.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 perbup").unwrap();
    let added = env.json(&[
        "evidence",
        "add",
        "--indicator",
        "1",
        pdf.to_str().unwrap(),
        "--json",
    ]);
    let sha = added[0]["sha256"].as_str().unwrap().to_owned();
    let dir = evidence_dir(&env);
    let temp = dir.join(".incoming-Xy12ab");
    let unrecorded_sha = "ab".repeat(32);
    let unrecorded = dir.join("ab").join(&unrecorded_sha);
    let foreign = dir.join("catatan.txt");
    std::fs::write(&temp, b"half a copy").unwrap();
    std::fs::create_dir_all(unrecorded.parent().unwrap()).unwrap();
    std::fs::write(&unrecorded, b"copied, never recorded").unwrap();
    std::fs::write(&foreign, b"not ours").unwrap();

    // While another process holds the store (a writer at work), nothing is swept and verify
    // names every file the database does not record.
    {
        let lock = std::fs::File::open(dir.join(".lock")).unwrap();
        lock.lock_shared().unwrap();
        let out = env.cmd().args(["evidence", "verify"]).assert().failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        for name in [".incoming-Xy12ab", unrecorded_sha.as_str(), "catatan.txt"] {
            assert!(err.contains(name), "{name} reported: {err}");
        }
        assert!(temp.exists() && unrecorded.exists());
    }

    // The next open removes the store's own leftovers; the foreign file stays, reported.
    let out = env
        .cmd()
        .args(["evidence", "verify", "--json"])
        .assert()
        .failure();
    let check: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(!temp.exists() && !unrecorded.exists());
    assert_eq!(check["strays"][0]["kind"], "foreign", "{check}");
    assert_eq!(check["strays"].as_array().unwrap().len(), 1, "{check}");
    std::fs::remove_file(&foreign).unwrap();

    // A row whose file is gone, and one whose file was changed.
    let stored = dir.join(&sha[..2]).join(&sha);
    std::fs::rename(&stored, env.path("away")).unwrap();
    let out = env.cmd().args(["evidence", "verify"]).assert().failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("missing: [") && err.contains("1.a.perbup.pdf"),
        "{err}"
    );
    std::fs::write(&stored, b"%PDF-1.4 diubah").unwrap();
    let out = env.cmd().args(["evidence", "verify"]).assert().failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("damaged: [") && err.contains("EVIDENCE_CORRUPT"),
        "{err}"
    );
    std::fs::rename(env.path("away"), &stored).unwrap();
    let ok = env.ok(&["evidence", "verify"]);
    assert!(ok.contains("1 evidence file(s) checked"), "{ok}");
}

#[test]
fn kill_9_while_attaching_a_large_file_leaves_a_consistent_store_and_a_retry_succeeds() {
    let env = Env::new();
    env.ready();
    let big = env.path("pindaian-besar.pdf");
    big_file(&big, 100, 7);
    let dir = evidence_dir(&env);
    let (mut mid_copy, mut finished) = (0, 0);
    // Kill at once when the temporary copy appears, then later and later; a kill may land
    // mid-copy, between the copy and the commit, or after the add finished: every outcome
    // must leave a consistent store.
    for delay_ms in [0u64, 0, 30, 100, 250, 600, 1500] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_swanilai"))
            .arg("--db")
            .arg(env.db())
            .args(["evidence", "add", "--indicator", "2"])
            .arg(&big)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let exited = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            if !incoming(&dir).is_empty() {
                break false;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "add never started"
            );
            std::thread::sleep(Duration::from_millis(1));
        };
        if !exited {
            std::thread::sleep(Duration::from_millis(delay_ms));
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            if !incoming(&dir).is_empty() {
                mid_copy += 1;
            } else {
                finished += 1;
            }
        } else {
            finished += 1;
        }
        // Reopen: the leftover is gone, the database is whole, verify is clean.
        let verified = env.ok(&["evidence", "verify"]);
        assert!(verified.contains("matches its sha256"), "{verified}");
        assert!(incoming(&dir).is_empty(), "{:?}", files_under(&dir));
        assert_eq!(integrity(&env.db()), "ok");
        env.ok(&["audit", "verify"]);
        let listed = env.json(&["evidence", "list", "--indicator", "2", "--json"]);
        for e in listed.as_array().unwrap() {
            let id = e["id"].to_string();
            env.ok(&["evidence", "remove", &id]);
        }
    }
    assert!(
        mid_copy >= 1,
        "at least one kill landed mid-copy ({mid_copy} mid-copy, {finished} otherwise)"
    );
    let added = env.json(&[
        "evidence",
        "add",
        "--indicator",
        "2",
        big.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(added[0]["size"], 100 * 1024 * 1024);
    env.ok(&["evidence", "verify"]);
}

/// Run the binary and return its peak resident memory (VmHWM, KiB), read from /proc
/// while it runs (the high-water mark only grows, so the last reading is the peak up to
/// a millisecond before exit).
fn peak_kib(env: &Env, args: &[&str]) -> u64 {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_swanilai"))
        .arg("--db")
        .arg(env.db())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kib);
            }
        }
        if let Some(code) = child.try_wait().unwrap() {
            assert!(code.success(), "{args:?} failed");
            return peak;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn verify_and_the_evidence_package_stream_a_large_file_in_bounded_memory() {
    let env = Env::new();
    env.ready();
    let big = env.path("video-rapat.mp4");
    big_file(&big, 150, 3);
    env.ok(&["evidence", "add", "--indicator", "4", big.to_str().unwrap()]);
    let limit_kib = 64 * 1024;
    let verify = peak_kib(&env, &["evidence", "verify"]);
    assert!(
        verify > 0 && verify < limit_kib,
        "verify of a 150 MiB file peaked at {verify} KiB"
    );
    let zip = env.path("paket.zip");
    let package = peak_kib(
        &env,
        &["evidence", "package", "--out", zip.to_str().unwrap()],
    );
    assert!(
        package > 0 && package < limit_kib,
        "the package of a 150 MiB file peaked at {package} KiB"
    );
    assert!(std::fs::metadata(&zip).unwrap().len() > 150 * 1024 * 1024);
}

/// Make the database and its folder read-only for whoever runs the tests: permissions,
/// and for root (whom permissions do not stop) the immutable attribute. Returns false
/// when it cannot be done here.
fn make_read_only(folder: &Path, db: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(db).is_ok() {
        // Root: only the immutable attribute stops a write.
        for p in [db, folder] {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(p)
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                return false;
            }
        }
    }
    std::fs::OpenOptions::new().write(true).open(db).is_err()
}

struct Writable<'a>(&'a Path, &'a Path);

impl Drop for Writable<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for p in [self.0, self.1] {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(p)
                .status();
        }
        let _ = std::fs::set_permissions(self.1, std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::set_permissions(self.0, std::fs::Permissions::from_mode(0o644));
    }
}

#[test]
fn a_read_only_database_is_read_in_full_and_writes_are_refused_saying_why() {
    let env = Env::new();
    let folder = env.path("hanya-baca");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("ro.db");
    let run = |args: &[&str]| {
        let mut c = swanilai();
        c.arg("--db").arg(&db).args(args);
        c
    };
    run(&[
        "init",
        "--instansi",
        "Pemerintah Kabupaten Uji",
        "--kind",
        "kabupaten",
    ])
    .assert()
    .success();
    run(&["assessment", "new", "--year", "2026"])
        .assert()
        .success();
    run(&["answer", "set", "--indicator", "1", "--level", "3"])
        .assert()
        .success();
    let before = run(&["index", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let _restore = Writable(&db, &folder);
    if !make_read_only(&folder, &db) {
        panic!("cannot make a file read-only here (root without chattr?)");
    }

    run(&["info"])
        .assert()
        .success()
        .stdout(contains("Kabupaten Uji"));
    let after = run(&["index", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(before, after, "the same index, read from a read-only file");
    let book = env.path("rekap.xlsx");
    run(&["export", "--out", book.to_str().unwrap()])
        .assert()
        .success();
    assert!(book.exists());
    run(&["answer", "show", "--indicator", "1"])
        .assert()
        .success();

    run(&["answer", "set", "--indicator", "1", "--level", "4"])
        .assert()
        .failure()
        .stderr(
            contains("DATABASE_READ_ONLY")
                .and(contains("read-only"))
                .and(contains("ro.db")),
        );
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["ro.db"],
        "nothing written beside it (no -wal, no -shm)"
    );
}
