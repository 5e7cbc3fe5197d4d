//! The maturity level (tingkat kematangan) of one indicator: 1 to 5, no level 0.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A maturity level 1..=5. The only way to build one is [`Level::new`], so a `Level`
/// held anywhere is always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "1 | 2 | 3 | 4 | 5"))]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

/// A number that is not a maturity level 1-5; holds the number given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("level {0} is outside 1-5")]
pub struct LevelError(pub i64);

impl Level {
    /// The lowest level, 1 (Rintisan or Informasi).
    pub const MIN: u8 = 1;
    /// The highest level, 5 (Optimum).
    pub const MAX: u8 = 5;

    /// The level `value`, or [`LevelError`] when it is outside 1-5.
    pub fn new(value: i64) -> Result<Level, LevelError> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&value) {
            Ok(Level(value as u8))
        } else {
            Err(LevelError(value))
        }
    }

    /// The level as a number 1-5.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Zero-based position, for indexing the five criteria of an indicator.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// Levels 1 to 5, in order.
    pub fn all() -> impl Iterator<Item = Level> {
        (Self::MIN..=Self::MAX).map(Level)
    }
}

impl TryFrom<u8> for Level {
    type Error = LevelError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Level::new(i64::from(v))
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_one_to_five_only() {
        for v in 1..=5 {
            assert_eq!(Level::new(v).map(Level::get), Ok(v as u8));
        }
        for v in [-1, 0, 6, 100] {
            assert_eq!(
                Level::new(v),
                Err(LevelError(v)),
                "level {v} must be refused"
            );
        }
    }

    #[test]
    fn deserialising_an_out_of_range_level_fails() {
        assert!(serde_json::from_str::<Level>("0").is_err());
        assert_eq!(
            serde_json::from_str::<Level>("4").map(Level::get).ok(),
            Some(4)
        );
    }
}
