//! The desktop's settings file: language and which database to open. Read leniently (a
//! missing or damaged file gives the defaults), written atomically.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::files::{unwritable, write_bytes_atomically};
use crate::AppResult;

/// The window's language (the core's, so the command line and the app share it).
pub use swanilai_core::Language;

/// The base text size of the window (the page zoom scales everything on top of it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// 14 px, the default.
    #[default]
    Normal,
    /// 16 px.
    Large,
    /// 18 px.
    Larger,
}

/// The page zoom steps, in percent (what Ctrl+plus and Ctrl+minus move through).
pub const ZOOM_STEPS: [u16; 9] = [67, 80, 90, 100, 110, 125, 150, 175, 200];

/// What the desktop remembers between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Settings {
    /// Any unknown value reads as Bahasa Indonesia.
    #[serde(default, deserialize_with = "lenient_language")]
    pub language: Language,
    /// The database to open; None: the default file in the user's data folder.
    #[serde(default)]
    pub database: Option<String>,
    /// Page zoom in percent, one of [`ZOOM_STEPS`]; anything else reads as 100.
    #[serde(default = "full_size", deserialize_with = "lenient_zoom")]
    pub zoom: u16,
    /// The base text size; anything unknown reads as normal.
    #[serde(default, deserialize_with = "lenient_text_size")]
    pub text_size: TextSize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            language: Language::default(),
            database: None,
            zoom: full_size(),
            text_size: TextSize::default(),
        }
    }
}

fn full_size() -> u16 {
    100
}

fn lenient_zoom<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value
        .as_u64()
        .and_then(|z| u16::try_from(z).ok())
        .filter(|z| ZOOM_STEPS.contains(z))
        .unwrap_or_else(full_size))
}

fn lenient_text_size<'de, D: serde::Deserializer<'de>>(d: D) -> Result<TextSize, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

fn lenient_language<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    Ok(match text.as_deref() {
        Some("en") => Language::English,
        _ => Language::Indonesian,
    })
}

impl Settings {
    /// Bahasa Indonesia, the default database.
    pub fn defaults() -> Settings {
        Settings::default()
    }
}

/// Settings from `path`, or the defaults when the file is missing or unreadable.
pub fn load(path: &Path) -> Settings {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<Settings>(&text).ok())
        .unwrap_or_default()
}

/// Write settings to `path` (through a temporary file, then rename).
pub fn save(path: &Path, settings: &Settings) -> AppResult<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| unwritable(path, e))?;
    }
    let text = serde_json::to_string_pretty(settings).map_err(|e| unwritable(path, e))?;
    write_bytes_atomically(path, text.as_bytes())
}

/// Choose the window's language and keep it.
pub fn set_language(path: &Path, language: Language) -> AppResult<Settings> {
    let mut s = load(path);
    s.language = language;
    save(path, &s)?;
    Ok(s)
}

/// The window's zoom and text size, as the desktop sends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Display {
    /// Page zoom in percent, one of [`ZOOM_STEPS`].
    pub zoom: u16,
    /// The base text size.
    pub text_size: TextSize,
}

/// Open the database at `db` with the language of the settings file at `settings_path`
/// (import problems and workbook errors are worded in it).
pub fn open_app(db: &Path, how: crate::Open, settings_path: &Path) -> AppResult<crate::App> {
    let mut app = crate::App::open(db, how)?;
    app.set_language(load(settings_path).language);
    Ok(app)
}

/// Switch the window to the database at `db`: a backup of it is written first (opening
/// may upgrade it and sweeps evidence files it does not record), then it is opened with
/// the settings' language and remembered for the next run.
pub fn switch_database(db: &Path, how: crate::Open, settings_path: &Path) -> AppResult<crate::App> {
    crate::App::backup_before_open(db)?;
    let app = open_app(db, how, settings_path)?;
    remember_database(settings_path, db)?;
    Ok(app)
}

/// Choose the page zoom (one of [`ZOOM_STEPS`]) and the text size, and keep them.
pub fn set_display(path: &Path, display: Display) -> AppResult<Settings> {
    let Display { zoom, text_size } = display;
    if !ZOOM_STEPS.contains(&zoom) {
        return Err(crate::AppError::new(
            crate::ErrorCode::InvalidInput,
            format!("zoom {zoom}% is not one of {ZOOM_STEPS:?}"),
        ));
    }
    let mut s = load(path);
    s.zoom = zoom;
    s.text_size = text_size;
    save(path, &s)?;
    Ok(s)
}

/// Remember `db` as the database to open next time (the default file is not written
/// down, so the default keeps following the data folder).
pub fn remember_database(path: &Path, db: &Path) -> AppResult<()> {
    let mut s = load(path);
    let default = crate::places::default_database();
    s.database = (db != default.as_path()).then(|| db.display().to_string());
    save(path, &s)
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
        std::fs::write(&p, r#"{"language": "fr"}"#).expect("write");
        assert_eq!(load(&p).language, Language::Indonesian, "unknown language");
        let s = Settings {
            language: Language::English,
            database: Some("/tmp/x.db".into()),
            zoom: 125,
            text_size: TextSize::Large,
        };
        save(&p, &s).expect("save");
        assert_eq!(load(&p), s);
        assert!(std::fs::read_to_string(&p)
            .expect("read")
            .contains(r#""language": "en""#));
        let s = set_language(&p, Language::Indonesian).expect("set");
        assert_eq!(s.database.as_deref(), Some("/tmp/x.db"), "kept");
        remember_database(&p, &crate::places::default_database()).expect("remember");
        assert_eq!(load(&p).database, None, "the default is not written down");
    }

    #[test]
    fn display_settings_are_kept_and_read_leniently() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("settings.json");
        let display = |zoom, text_size| Display { zoom, text_size };
        let s = set_display(&p, display(150, TextSize::Larger)).expect("set");
        assert_eq!((s.zoom, s.text_size), (150, TextSize::Larger));
        assert_eq!(load(&p), s, "kept");
        let err = set_display(&p, display(333, TextSize::Normal)).expect_err("not a step");
        assert!(err.message.contains("333"), "{}", err.message);
        assert_eq!(load(&p).zoom, 150, "a refused zoom changes nothing");
        std::fs::write(&p, r#"{"language":"en","zoom":7,"text_size":"huge"}"#).expect("write");
        let s = load(&p);
        assert_eq!(
            (s.language, s.zoom, s.text_size),
            (Language::English, 100, TextSize::Normal)
        );
        std::fs::write(&p, r#"{"language":"id"}"#).expect("write");
        assert_eq!(load(&p).zoom, 100, "an older file without zoom");
    }
}
