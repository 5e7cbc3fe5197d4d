//! The crash-safety harness (issue 10): the CLI's writing commands (`evidence add`,
//! `import`, `export`, `evidence package`, `package merge`) killed with SIGKILL at random
//! moments, 200 kills
//! in all (`SWANILAI_CRASH_KILLS` to change it; the seed is printed, `SWANILAI_CRASH_SEED`
//! repeats a run). After every kill: `PRAGMA integrity_check`, `audit verify` and
//! `evidence verify` pass; the export's final name holds either nothing or a whole file
//! (never a half-written one); and a retry of the same command succeeds and leaves no
//! temporary file behind.

use std::process::Stdio;
use std::time::{Duration, Instant};

use super::*;

/// xorshift64*: enough randomness for kill moments, repeatable from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The file under an export's final name is whole: a workbook calamine opens with its
/// sheets, or a zip whose every entry reads back.
fn whole(path: &Path) -> Result<(), String> {
    if path.extension().is_some_and(|e| e == "xlsx") {
        let mut wb: Xlsx<_> =
            open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
        wb.worksheet_range("Penilaian Mandiri")
            .map(|_| ())
            .map_err(|e| e.to_string())
    } else {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| e.to_string())?;
            std::io::copy(&mut entry, &mut std::io::sink()).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// A copy of an evidence folder (its files by sha256, in subfolders), without its lock.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else if e.file_name() != ".lock" {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A file of `kib` KiB whose content depends on `seed`.
fn file_of(path: &Path, kib: usize, seed: u64) {
    let mut bytes = Vec::with_capacity(kib * 1024);
    let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    while bytes.len() < kib * 1024 {
        bytes.extend_from_slice(&r.below(u64::MAX).to_le_bytes());
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn killed_at_random_moments_the_writing_commands_lose_nothing() {
    let kills: u64 = std::env::var("SWANILAI_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("SWANILAI_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            // A fresh random seed each run (std's hasher keys are random per process).
            use std::hash::{BuildHasher, Hasher};
            std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish()
        });
    println!("crash harness: {kills} kills, SWANILAI_CRASH_SEED={seed}");
    let mut rng = Rng(seed | 1);

    let env = Env::new();
    env.ok(&["demo"]);
    let out = env.path("keluar");
    std::fs::create_dir(&out).unwrap();
    // Two workbooks that differ in some levels: importing them in turn always changes
    // something.
    let (book_a, book_b) = (env.path("a.xlsx"), env.path("b.xlsx"));
    env.ok(&["export", "--out", book_a.to_str().unwrap()]);
    for n in [3, 9, 21, 33] {
        env.ok(&[
            "answer",
            "set",
            "--indicator",
            &n.to_string(),
            "--level",
            "5",
        ]);
    }
    env.ok(&["export", "--out", book_b.to_str().unwrap()]);
    let inputs = env.path("masuk");
    std::fs::create_dir(&inputs).unwrap();
    // An operator's laptop that started as a copy of this database: each merge round
    // merges a fresh copy package of it, made after one more change there.
    let op = env.path("operator.db");
    std::fs::copy(env.db(), &op).unwrap();
    copy_dir(
        &env.db().with_extension("evidence"),
        &env.path("operator.evidence"),
    );
    let packages = env.path("paket");
    std::fs::create_dir(&packages).unwrap();
    let package_of = |round: u64| packages.join(format!("salinan-{round}.swanilai"));
    let prepare = |round: u64| {
        let on_op = |args: &[&str]| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_swanilai"))
                .arg("--db")
                .arg(&op)
                .args(args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        let indicator = (round % 47 + 1).to_string();
        let level = (round % 5 + 1).to_string();
        on_op(&[
            "answer",
            "set",
            "--indicator",
            &indicator,
            "--level",
            &level,
        ]);
        on_op(&[
            "package",
            "copy",
            "--out",
            package_of(round).to_str().unwrap(),
        ]);
    };

    let commands = [
        "evidence add",
        "import",
        "export",
        "evidence package",
        "package merge",
    ];
    // How long each takes unkilled, so the kills land across its whole run.
    let mut span = [Duration::ZERO; 5];
    let args = |which: usize, round: u64| -> Vec<String> {
        let s = |x: &str| x.to_owned();
        match which {
            0 => {
                let f = inputs.join(format!("{round}.Laporan Pelaksanaan SPBE.pdf"));
                file_of(&f, 256, round);
                let indicator = (round % 47 + 1).to_string();
                vec![
                    s("evidence"),
                    s("add"),
                    s("--indicator"),
                    indicator,
                    f.display().to_string(),
                ]
            }
            1 => {
                let book = if round.is_multiple_of(2) {
                    &book_a
                } else {
                    &book_b
                };
                vec![s("import"), book.display().to_string()]
            }
            2 => vec![
                s("export"),
                s("--out"),
                out.join("rekap.xlsx").display().to_string(),
            ],
            3 => vec![
                s("evidence"),
                s("package"),
                s("--out"),
                out.join("data dukung.zip").display().to_string(),
            ],
            _ => vec![
                s("package"),
                s("merge"),
                package_of(round).display().to_string(),
                s("--take"),
                s("theirs"),
            ],
        }
    };
    for (which, d) in span.iter_mut().enumerate() {
        if which == 4 {
            prepare(1_000_000 + which as u64);
        }
        let started = Instant::now();
        env.ok(&args(which, 1_000_000 + which as u64)
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>());
        *d = started.elapsed();
    }

    let mut landed = [0u32; 5];
    for round in 0..kills {
        let which = (round % 5) as usize;
        if which == 4 {
            prepare(round);
        }
        let argv = args(which, round);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_swanilai"))
            .arg("--db")
            .arg(env.db())
            .args(&argv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Anywhere from the start to a little past the unkilled run's end.
        let wait = rng.below(span[which].as_micros() as u64 * 5 / 4 + 1);
        std::thread::sleep(Duration::from_micros(wait));
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            child.kill().unwrap();
            landed[which] += 1;
        }
        child.wait().unwrap();
        let what = format!("round {round}, {} killed after {wait} µs", commands[which]);

        assert_eq!(integrity(&env.db()), "ok", "{what}");
        env.ok(&["audit", "verify"]);
        env.ok(&["evidence", "verify"]);
        if which == 2 || which == 3 {
            let final_name = out.join(if which == 2 {
                "rekap.xlsx"
            } else {
                "data dukung.zip"
            });
            if final_name.exists() {
                whole(&final_name).unwrap_or_else(|e| {
                    panic!("{what}: a half-written file under the final name: {e}")
                });
            }
        }
        // The retry succeeds and sweeps what the killed run left.
        let retry: Vec<String> = args(which, round);
        env.ok(&retry.iter().map(String::as_str).collect::<Vec<_>>());
        let left: Vec<String> = names_in(&out)
            .into_iter()
            .filter(|n| n.contains(".partial"))
            .collect();
        assert!(
            left.is_empty(),
            "{what}: temporary files left after the retry: {left:?}"
        );
    }
    println!("crash harness: kills that landed mid-run per command: {landed:?}");
    assert!(
        landed.iter().all(|&n| n as u64 >= kills / 20),
        "too few kills landed mid-run ({landed:?}): the timing needs another look"
    );
    env.ok(&["audit", "verify"]);
    assert_eq!(integrity(&env.db()), "ok");
}
