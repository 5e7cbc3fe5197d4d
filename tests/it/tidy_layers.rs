//! The layering rules of ARCHITECTURE.md, checked under `cargo test`: which crate may
//! depend on which, where SQL and file IO may live, what a desktop command may be, and how
//! large front-end and test-script files may grow.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "node_modules" | "gen" | "dist" | "bindings" | "artifacts"
            ) {
                files(&p, ext, out);
            }
        } else if ext.iter().any(|x| name.ends_with(x)) {
            out.push(p);
        }
    }
}

fn rust_under(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    files(&root().join(dir), &[".rs"], &mut out);
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

/// The source without its `#[cfg(test)]` modules (a module ends at the file's end or at
/// its closing brace in column 0).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(l) = lines.next() {
        if l.trim() == "#[cfg(test)]" {
            match lines.next() {
                Some(next) if next.trim_end().ends_with(';') => continue,
                _ => {
                    for l in lines.by_ref() {
                        if l == "}" {
                            break;
                        }
                    }
                    continue;
                }
            }
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// The `swanilai-*` crates a manifest's `[dependencies]` section names.
fn internal_deps(manifest: &Path) -> BTreeSet<String> {
    let text = read(manifest);
    let mut section = String::new();
    let mut deps = BTreeSet::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.to_owned();
            continue;
        }
        if section == "[dependencies]" && t.starts_with("swanilai-") {
            let name = t.split(['.', ' ', '=']).next().unwrap_or_default();
            deps.insert(name.to_owned());
        }
    }
    deps
}

#[test]
fn crates_depend_one_way() {
    let allowed: &[(&str, &[&str])] = &[
        ("crates/swanilai-core", &[]),
        ("crates/swanilai-store", &["swanilai-core"]),
        ("crates/swanilai-xlsx", &["swanilai-core"]),
        ("crates/swanilai-report", &[]),
        ("crates/swanilai-package", &["swanilai-core"]),
        (
            "crates/swanilai-app",
            &[
                "swanilai-core",
                "swanilai-store",
                "swanilai-xlsx",
                "swanilai-report",
                "swanilai-package",
            ],
        ),
        ("crates/swanilai-cli", &["swanilai-app", "swanilai-core"]),
        ("src-tauri", &["swanilai-app"]),
    ];
    let mut wrong = Vec::new();
    for (dir, may) in allowed {
        let deps = internal_deps(&root().join(dir).join("Cargo.toml"));
        for d in &deps {
            if !may.contains(&d.as_str()) {
                wrong.push(format!("{dir} depends on {d}"));
            }
        }
    }
    let listed: BTreeSet<&str> = allowed.iter().map(|(d, _)| *d).collect();
    for entry in std::fs::read_dir(root().join("crates")).unwrap().flatten() {
        let dir = format!("crates/{}", entry.file_name().to_string_lossy());
        assert!(
            listed.contains(dir.as_str()),
            "{dir} is a new crate: add it to this test and to ARCHITECTURE.md's diagram"
        );
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the layering: {wrong:?}"
    );
}

#[test]
fn sql_lives_in_the_store_only() {
    let mut offenders = Vec::new();
    for dir in [
        "crates/swanilai-core/src",
        "crates/swanilai-xlsx/src",
        "crates/swanilai-report/src",
        "crates/swanilai-package/src",
        "crates/swanilai-app/src",
        "crates/swanilai-cli/src",
        "src-tauri/src",
    ] {
        for p in rust_under(dir) {
            let code = without_tests(&read(&p));
            for needle in [
                "rusqlite",
                ".execute(",
                ".query_row(",
                ".prepare(",
                "VACUUM",
            ] {
                if code.contains(needle) {
                    offenders.push(format!("{} uses {needle}", rel(&p)));
                }
            }
        }
    }
    for dir in [
        "crates/swanilai-app",
        "crates/swanilai-cli",
        "crates/swanilai-xlsx",
        "src-tauri",
    ] {
        let text = read(&root().join(dir).join("Cargo.toml"));
        let deps = text
            .split("[dev-dependencies]")
            .next()
            .unwrap_or_default()
            .to_owned();
        if deps.contains("rusqlite") {
            offenders.push(format!("{dir}/Cargo.toml depends on rusqlite"));
        }
    }
    let store = read(&root().join("crates/swanilai-store/src/lib.rs"));
    if store.contains("pub use rusqlite::{self") || store.contains("pub use rusqlite;") {
        offenders.push("swanilai-store re-exports the rusqlite crate".into());
    }
    assert!(
        offenders.is_empty(),
        "SQL outside swanilai-store: {offenders:?}"
    );
}

/// Every `#[tauri::command]` function of the desktop shell: (file, name, attribute,
/// body lines).
fn commands() -> Vec<(String, String, String, usize)> {
    let mut out = Vec::new();
    for p in rust_under("src-tauri/src/commands") {
        let text = without_tests(&read(&p));
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            if lines[i].trim_start().starts_with("#[tauri::command") {
                let attr = lines[i].trim().to_owned();
                // The signature ends at the line that opens the body.
                let mut j = i + 1;
                while j < lines.len() && !lines[j].trim_end().ends_with('{') {
                    j += 1;
                }
                let name = lines[i + 1..=j.min(lines.len() - 1)]
                    .join(" ")
                    .split("fn ")
                    .nth(1)
                    .and_then(|s| s.split(['(', '<']).next())
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                let mut k = j + 1;
                while k < lines.len() && lines[k] != "}" {
                    k += 1;
                }
                let body = lines[j + 1..k]
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .count();
                out.push((rel(&p), name, attr, body));
                i = k;
            }
            i += 1;
        }
    }
    out
}

#[test]
fn desktop_commands_are_async_thin_and_registered() {
    let all = commands();
    assert!(all.len() > 30, "commands not found: {}", all.len());
    let lib = read(&root().join("src-tauri/src/lib.rs"));
    let mut wrong = Vec::new();
    for (file, name, attr, body) in &all {
        if attr != "#[tauri::command(async)]" {
            wrong.push(format!("{file}: {name} is not #[tauri::command(async)]"));
        }
        if *body > 10 {
            wrong.push(format!(
                "{file}: {name} has a {body}-line body; move the logic into swanilai-app"
            ));
        }
        let module = Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !lib.contains(&format!("{module}::{name}")) {
            wrong.push(format!("{file}: {name} is not registered in lib.rs"));
        }
    }
    for p in rust_under("src-tauri/src/commands") {
        if read(&p).contains("std::fs") {
            wrong.push(format!("{} does file IO (std::fs)", rel(&p)));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_desktop_shell_stays_thin() {
    // The shell grows by one command per use case, so its budget does too: a fixed part
    // (setup, state, window events) plus about eight formatted lines per command (a command
    // body itself is held to a few lines by `desktop_commands_are_async_thin_and_registered`). Logic creeping into the
    // shell shows up as lines beyond that.
    let (mut total, mut commands) = (0, 0);
    for p in rust_under("src-tauri/src") {
        if p.ends_with("ipc_tests.rs") {
            continue;
        }
        let code = without_tests(&read(&p));
        commands += code.matches("#[tauri::command").count();
        total += code
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .count();
    }
    let budget = 260 + 8 * commands;
    assert!(
        total <= budget,
        "src-tauri/src has {total} lines of code (not blank, comment or test) for {commands} commands; at most {budget} (260 + 8 per command): move logic into swanilai-app"
    );
}

#[test]
fn the_window_may_only_what_the_allow_list_says() {
    let text = read(&root().join("src-tauri/capabilities/default.json"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("capabilities JSON");
    let mut got: Vec<String> = json["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| p.to_string())
        })
        .collect();
    got.sort();
    let allowed = [
        "core:event:allow-emit",
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "core:webview:allow-set-webview-zoom",
        "dialog:allow-open",
        "dialog:allow-save",
    ];
    assert_eq!(
        got, allowed,
        "the window's permissions changed: no shell, fs or opener plugin for the webview; update ARCHITECTURE.md and this list together"
    );
    let caps: Vec<PathBuf> = std::fs::read_dir(root().join("src-tauri/capabilities"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(caps.len(), 1, "one capability file: {caps:?}");
}

#[test]
fn front_end_and_script_files_stay_small() {
    let mut found = Vec::new();
    files(&root().join("ui/src"), &[".ts", ".svelte"], &mut found);
    files(&root().join("e2e"), &[".py"], &mut found);
    files(&root().join("tools"), &[".py"], &mut found);
    files(&root().join("scripts"), &[".py"], &mut found);
    assert!(
        found.len() > 30,
        "front-end files not found: {}",
        found.len()
    );
    let long: Vec<String> = found
        .iter()
        .filter_map(|p| {
            let n = read(p).lines().count();
            (n > 650).then(|| format!("{} ({n} lines)", rel(p)))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}

#[test]
fn every_allow_says_why() {
    let mut offenders = Vec::new();
    for dir in ["crates", "src-tauri/src", "tests"] {
        for p in rust_under(dir) {
            let text = read(&p);
            for (at, _) in text.match_indices("allow(") {
                let before = &text[..at];
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let head = text[line_start..at].trim_start();
                if head != "#[" && head != "#![" {
                    continue;
                }
                let attr = &text[at..text[at..].find(")]").map_or(text.len(), |e| at + e)];
                if !attr.contains("reason =") {
                    let line = before.matches('\n').count() + 1;
                    offenders.push(format!("{}:{line}", rel(&p)));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "#[allow] without a reason: {offenders:?}"
    );
}
