//! The language a person reads: the window's choice, the command line's `--lang`.
//!
//! Bahasa Indonesia is the product's language and the default; English is the second one.
//! Crates that render text a person reads (import problems, layout errors) take a
//! [`Language`] and say it in that language.

use serde::{Deserialize, Serialize};

/// The language of the window: Bahasa Indonesia unless English is chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Language {
    /// Bahasa Indonesia, the default.
    #[default]
    #[serde(rename = "id")]
    Indonesian,
    /// English.
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// The language a POSIX locale name asks for: English for a name starting with `en`
    /// (`en`, `en_US.UTF-8`, `en-GB`), Bahasa Indonesia for anything else, including
    /// `C`, `POSIX` and `id_ID.UTF-8`.
    pub fn from_locale(name: &str) -> Language {
        let name = name.trim().to_ascii_lowercase();
        let english = name == "en" || ["en_", "en-", "en."].iter().any(|p| name.starts_with(p));
        if english {
            Language::English
        } else {
            Language::Indonesian
        }
    }

    /// Pick between an Indonesian and an English text.
    pub fn pick<T>(self, indonesian: T, english: T) -> T {
        match self {
            Language::Indonesian => indonesian,
            Language::English => english,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_starting_with_en_are_english_everything_else_indonesian() {
        for (name, want) in [
            ("en_US.UTF-8", Language::English),
            ("en", Language::English),
            ("EN_gb", Language::English),
            ("en-AU", Language::English),
            ("id_ID.UTF-8", Language::Indonesian),
            ("C", Language::Indonesian),
            ("C.UTF-8", Language::Indonesian),
            ("POSIX", Language::Indonesian),
            ("", Language::Indonesian),
            ("english", Language::Indonesian),
        ] {
            assert_eq!(Language::from_locale(name), want, "{name:?}");
        }
    }
}
