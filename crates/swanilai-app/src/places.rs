//! Where things live on this computer by default, the same for the CLI and the desktop:
//! the database in the user's data folder, the desktop's settings in the config folder,
//! and a scratch folder for evidence opened in the system's program.

use std::path::PathBuf;

use crate::settings::Settings;

/// `<data_dir>/swanilai/swanilai.db` (on Linux `~/.local/share/swanilai/swanilai.db`).
pub fn default_database() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("swanilai")
        .join("swanilai.db")
}

/// `<config_dir>/swanilai/desktop-settings.json`.
pub fn settings_file() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("swanilai")
        .join("desktop-settings.json")
}

/// Scratch folder for evidence copied out to open in its own program.
pub fn open_dir() -> PathBuf {
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("swanilai")
        .join("open")
}

/// The variable that turns WebKitGTK's accelerated compositing off.
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether WebKitGTK should composite without the GPU path: only when the machine has no
/// GPU render node (then compositing is done in software: about 160 MiB more memory and a
/// core busy on every animation, docs/benchmarks.md) and the user has not set the variable
/// either way. With a GPU, compositing keeps scrolling smooth and stays on.
pub fn disable_compositing(user_choice: Option<&str>, render_node: bool) -> bool {
    user_choice.is_none() && !render_node
}

/// Apply [`disable_compositing`] to this process's environment; call it before the
/// webview starts (Linux only: elsewhere the variable means nothing).
pub fn choose_compositing() {
    let choice = std::env::var(NO_COMPOSITING).ok();
    if cfg!(target_os = "linux") && disable_compositing(choice.as_deref(), has_render_node()) {
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

/// Whether the machine has a GPU render node (`/dev/dri/renderD*`).
pub fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// `--db FILE` or `--db=FILE` from the desktop's command line.
pub fn db_flag(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--db" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// The database the desktop opens: the flag wins, then the settings, then the default.
pub fn choose_database(flag: Option<PathBuf>, settings: &Settings) -> PathBuf {
    flag.or_else(|| settings.database.as_ref().map(PathBuf::from))
        .unwrap_or_else(default_database)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_turned_off_only_without_a_gpu_and_without_a_users_choice() {
        assert!(
            disable_compositing(None, false),
            "no GPU: software compositing costs"
        );
        assert!(!disable_compositing(None, true), "a GPU: keep it");
        assert!(!disable_compositing(Some("0"), false), "the user chose");
        assert!(!disable_compositing(Some("1"), true), "the user chose");
    }

    #[test]
    fn db_flag_then_settings_then_default() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            db_flag(args(&["app", "--db", "/x.db"])),
            Some("/x.db".into())
        );
        assert_eq!(db_flag(args(&["app", "--db=/y.db"])), Some("/y.db".into()));
        assert_eq!(db_flag(args(&["app"])), None);
        let mut s = Settings::defaults();
        assert_eq!(choose_database(None, &s), default_database());
        s.database = Some("/s.db".into());
        assert_eq!(choose_database(None, &s), PathBuf::from("/s.db"));
        assert_eq!(
            choose_database(Some("/f.db".into()), &s),
            PathBuf::from("/f.db")
        );
    }
}
