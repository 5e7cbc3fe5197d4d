//! House conventions, checked under `cargo test` so they hold at every commit.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() && !matches!(name.as_str(), "target" | "node_modules" | "gen" | "dist") {
            rust_files(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

fn all_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri/src", "tests"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(
        files.len() > 40,
        "the source tree was not found from {}",
        root().display()
    );
    files
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

#[test]
fn every_crate_root_has_a_doc_comment() {
    let mut roots = Vec::new();
    for entry in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        for name in ["src/lib.rs", "src/main.rs"] {
            let p = entry.path().join(name);
            if p.exists() {
                roots.push(p);
            }
        }
    }
    roots.push(root().join("src-tauri/src/lib.rs"));
    roots.push(root().join("tests/it/main.rs"));
    let missing: Vec<String> = roots
        .iter()
        .filter(|p| p.exists())
        .filter(|p| {
            !std::fs::read_to_string(p)
                .unwrap()
                .trim_start()
                .starts_with("//!")
        })
        .map(|p| rel(p))
        .collect();
    assert!(
        missing.is_empty(),
        "crate roots without a //! doc: {missing:?}"
    );
}

#[test]
fn nothing_outside_src_tauri_depends_on_tauri() {
    let offenders: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| !rel(p).starts_with("src-tauri"))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            text.lines()
                .any(|l| l.trim_start().starts_with("use tauri") || l.contains("tauri::"))
                && !rel(p).starts_with("tests/it/tidy")
        })
        .map(|p| rel(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "tauri used outside src-tauri: {offenders:?}"
    );
}

#[test]
fn the_desktop_shell_never_unwraps() {
    let offenders: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| rel(p).starts_with("src-tauri"))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            text.contains(".unwrap()") || text.contains(".expect(")
        })
        .map(|p| rel(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "unwrap/expect in src-tauri: {offenders:?}"
    );
}

#[test]
fn no_source_file_grows_past_800_lines() {
    let long: Vec<String> = all_sources()
        .into_iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(&p).unwrap().lines().count();
            (n > 800).then(|| format!("{} ({n} lines)", rel(&p)))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn the_core_reads_no_clock_and_does_no_io() {
    let offenders: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| rel(p).starts_with("crates/swanilai-core/src"))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            [
                "std::fs",
                "SystemTime",
                "Utc::now",
                "Local::now",
                "rusqlite",
                "std::net",
            ]
            .iter()
            .any(|needle| text.contains(needle))
        })
        .map(|p| rel(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "IO or clock in swanilai-core: {offenders:?}"
    );
}
