//! The decimal value of one indicator (nilai), for frameworks that score with decimals
//! (Indeks Pemerintah Digital: 1,00 to 5,00 with two decimals, such as 1,17 or 2,5).
//!
//! Held exactly in hundredths, so 2,35 is `235`; the only ways to build one are
//! [`Value::parse`], [`Value::from_hundredths`] and [`Value::from_level`], so a `Value` held
//! anywhere is always within 1,00-5,00.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::level::Level;

/// An indicator value 1,00..=5,00 in hundredths (235 = 2,35).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Value(u32);

/// Why a text or number is not an indicator value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not a decimal number at all ("abc", "2.3.4", "").
    #[error("'{0}' is not a decimal number such as 2.35")]
    NotANumber(String),
    /// More than two decimals ("2.355").
    #[error("'{0}' has more than two decimals")]
    TooPrecise(String),
    /// Below 1,00 or above 5,00; holds the text (or hundredths) given.
    #[error("'{0}' is outside 1.00-5.00")]
    OutOfRange(String),
}

impl Value {
    /// The lowest value, 1,00, in hundredths.
    pub const MIN_HUNDREDTHS: u32 = 100;
    /// The highest value, 5,00, in hundredths.
    pub const MAX_HUNDREDTHS: u32 = 500;

    /// A value from hundredths (100..=500).
    pub fn from_hundredths(h: u32) -> Result<Value, ValueError> {
        if (Self::MIN_HUNDREDTHS..=Self::MAX_HUNDREDTHS).contains(&h) {
            Ok(Value(h))
        } else {
            Err(ValueError::OutOfRange(format!(
                "{}.{:02}",
                h / 100,
                h % 100
            )))
        }
    }

    /// A whole level as a value: level 3 is 3,00.
    pub fn from_level(level: Level) -> Value {
        Value(u32::from(level.get()) * 100)
    }

    /// Read "2.35", "2,35", "2.5", "3" or " 4.00 ": a decimal point or comma, at most two
    /// decimals, within 1,00-5,00.
    pub fn parse(text: &str) -> Result<Value, ValueError> {
        let t = text.trim();
        let normal = t.replace(',', ".");
        let (whole, frac) = normal.split_once('.').unwrap_or((&normal, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty()
            || !digits(whole)
            || !digits(frac)
            || (normal.contains('.') && frac.is_empty())
        {
            return Err(ValueError::NotANumber(t.to_owned()));
        }
        if frac.len() > 2 {
            return Err(ValueError::TooPrecise(t.to_owned()));
        }
        let whole: u32 = whole
            .parse()
            .map_err(|_| ValueError::OutOfRange(t.to_owned()))?;
        let frac: u32 = format!("{frac:0<2}").parse().unwrap_or(0);
        let h = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(|| ValueError::OutOfRange(t.to_owned()))?;
        Value::from_hundredths(h).map_err(|_| ValueError::OutOfRange(t.to_owned()))
    }

    /// The value in hundredths: 2,35 is 235.
    pub fn hundredths(self) -> u32 {
        self.0
    }

    /// The value as a float for JSON: 2.35.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// Indonesian display with a decimal comma: "2,35".
    pub fn to_id_string(self) -> String {
        format!("{},{:02}", self.0 / 100, self.0 % 100)
    }
}

impl TryFrom<u32> for Value {
    type Error = ValueError;
    fn try_from(h: u32) -> Result<Self, Self::Error> {
        Value::from_hundredths(h)
    }
}

impl From<Value> for u32 {
    fn from(v: Value) -> u32 {
        v.0
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_two_decimals_with_point_or_comma() {
        for (text, h) in [
            ("2.35", 235),
            ("2,35", 235),
            ("2.5", 250),
            ("3", 300),
            (" 1.00 ", 100),
            ("5", 500),
            ("1,17", 117),
        ] {
            assert_eq!(Value::parse(text).map(Value::hundredths), Ok(h), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_value_1_to_5_with_two_decimals() {
        assert_eq!(
            Value::parse("2.355"),
            Err(ValueError::TooPrecise("2.355".into()))
        );
        for t in ["0.99", "5.01", "0", "6", "99999999999"] {
            assert!(
                matches!(Value::parse(t), Err(ValueError::OutOfRange(_))),
                "{t}"
            );
        }
        for t in ["", "abc", "2.", ".5", "-1", "2.3.4", "1e2", "+2"] {
            assert!(
                matches!(Value::parse(t), Err(ValueError::NotANumber(_))),
                "{t}"
            );
        }
        assert!(serde_json::from_str::<Value>("99").is_err());
    }

    proptest! {
        #[test]
        fn display_then_parse_is_the_identity(h in 100u32..=500) {
            let v = Value::from_hundredths(h).unwrap();
            prop_assert_eq!(Value::parse(&v.to_string()), Ok(v));
            prop_assert_eq!(Value::parse(&v.to_id_string()), Ok(v));
        }
    }
}
