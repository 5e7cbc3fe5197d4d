//! The desktop's settings file: language and which database to open. Read leniently (a
//! missing or damaged file gives the defaults), written atomically.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{AppError, AppResult, ErrorCode};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Settings {
    /// "id" (Bahasa Indonesia, the default) or "en".
    #[serde(default = "default_language")]
    pub language: String,
    /// The database to open; None: the default file in the user's data folder.
    #[serde(default)]
    pub database: Option<String>,
}

fn default_language() -> String {
    "id".into()
}

impl Settings {
    pub fn defaults() -> Settings {
        Settings {
            language: default_language(),
            database: None,
        }
    }
}

/// Settings from `path`, or the defaults when the file is missing or unreadable.
pub fn load(path: &Path) -> Settings {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Settings>(&text).ok())
        .map(|mut s| {
            if s.language != "en" {
                s.language = default_language();
            }
            s
        })
        .unwrap_or_else(Settings::defaults)
}

/// Write settings to `path` (through a temporary file, then rename).
pub fn save(path: &Path, settings: &Settings) -> AppResult<()> {
    let fail = |e: &dyn std::fmt::Display| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot write settings {}: {e}", path.display()),
        )
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    }
    let text = serde_json::to_string_pretty(settings).map_err(|e| fail(&e))?;
    let tmp = path.with_extension("json.partial");
    std::fs::write(&tmp, text).map_err(|e| fail(&e))?;
    std::fs::rename(&tmp, path).map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_or_missing_settings_give_defaults_and_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("settings.json");
        assert_eq!(load(&p), Settings::defaults(), "missing file");
        std::fs::write(&p, "{not json").expect("write");
        assert_eq!(load(&p), Settings::defaults(), "damaged file");
        let s = Settings {
            language: "en".into(),
            database: Some("/tmp/x.db".into()),
        };
        save(&p, &s).expect("save");
        assert_eq!(load(&p), s);
    }
}
