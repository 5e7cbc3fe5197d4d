//! Which assessment a use case is about: the one of a given year, or the latest.

use serde::{Deserialize, Serialize};

/// "That year's assessment, or the latest one". Crosses the IPC boundary as a year or
/// `null` (the latest); use cases take `impl Into<Year>`, so `None`, `Some(2026)` and
/// `2026` all read naturally at a call site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(from = "Option<i32>", into = "Option<i32>")]
#[ts(type = "number | null")]
pub enum Year {
    /// The newest assessment in the database.
    #[default]
    Latest,
    /// The assessment of this year.
    Of(i32),
}

impl From<Option<i32>> for Year {
    fn from(year: Option<i32>) -> Year {
        year.map_or(Year::Latest, Year::Of)
    }
}

impl From<i32> for Year {
    fn from(year: i32) -> Year {
        Year::Of(year)
    }
}

impl From<Year> for Option<i32> {
    fn from(year: Year) -> Option<i32> {
        match year {
            Year::Latest => None,
            Year::Of(y) => Some(y),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Year;

    #[test]
    fn null_is_the_latest_and_a_number_is_that_year() {
        assert_eq!(
            serde_json::from_str::<Year>("null").ok(),
            Some(Year::Latest)
        );
        assert_eq!(
            serde_json::from_str::<Year>("2026").ok(),
            Some(Year::Of(2026))
        );
        assert_eq!(
            serde_json::to_string(&Year::Of(2025)).ok().as_deref(),
            Some("2025")
        );
        assert_eq!(Year::from(None), Year::Latest);
        assert_eq!(Year::from(2024), Year::Of(2024));
    }
}
