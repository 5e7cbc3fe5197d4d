//! An index value held exactly as a fraction, rounded only at the edge.
//!
//! With weights in basis points (hundredths of a percent) every index of the 59/2020
//! method is `sum(level * weight_bp) / sum(weight_bp)`: a ratio of two integers. We keep
//! that ratio and round to two decimals only when a value is shown or exported, as the
//! national results publish it (half away from zero: 3,285 -> 3,29; 3,282 -> 3,28).

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// An index value as an exact fraction `num / den` (from the index engine: the sum of level x
/// weight over the answered weight); compared exactly, rounded only when shown.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    num: u64,
    den: u64,
}

impl Score {
    /// `num / den`; `den` must be positive (callers only build scores over answered weight).
    pub fn new(num: u64, den: u64) -> Score {
        assert!(den > 0, "a score over zero weight has no value");
        Score { num, den }
    }

    /// The numerator; from the index engine, the sum of level x `weight_bp` over the answered
    /// indicators.
    pub fn numerator(self) -> u64 {
        self.num
    }

    /// The denominator, always positive; from the index engine, the answered indicators' weight
    /// in basis points.
    pub fn denominator(self) -> u64 {
        self.den
    }

    /// The unrounded value as a float, approximately; compare with band edges through
    /// [`Score::cmp_hundredths`] instead.
    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// The value in hundredths, rounded half away from zero: 3,282 -> 328.
    pub fn hundredths(self) -> u64 {
        (self.num * 200 + self.den) / (2 * self.den)
    }

    /// The two-decimal value as published, as an f64 (for JSON): 3.28.
    pub fn rounded(self) -> f64 {
        self.hundredths() as f64 / 100.0
    }

    /// Compare with a bound given in hundredths (e.g. 420 for 4,20), exactly.
    pub fn cmp_hundredths(self, bound: u32) -> Ordering {
        (u128::from(self.num) * 100).cmp(&(u128::from(bound) * u128::from(self.den)))
    }

    /// Indonesian display with a decimal comma: "3,28".
    pub fn to_id_string(self) -> String {
        let h = self.hundredths();
        format!("{},{:02}", h / 100, h % 100)
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Score {}
impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Score {
    fn cmp(&self, other: &Self) -> Ordering {
        (u128::from(self.num) * u128::from(other.den))
            .cmp(&(u128::from(other.num) * u128::from(self.den)))
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.hundredths();
        write!(f, "{}.{:02}", h / 100, h % 100)
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.rounded())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_only_at_the_edge() {
        // 3,282 -> 3,28 (regulation's Tabel 12), 3,285 -> 3,29, 3,2849 -> 3,28
        assert_eq!(Score::new(3282, 1000).to_id_string(), "3,28");
        assert_eq!(Score::new(3285, 1000).to_id_string(), "3,29");
        assert_eq!(Score::new(32849, 10000).to_id_string(), "3,28");
        assert_eq!(Score::new(5, 1).to_string(), "5.00");
        assert_eq!(Score::new(1, 3).to_string(), "0.33");
    }

    #[test]
    fn compares_exactly_not_by_rounded_value() {
        // 4,1999 rounds to 4,20 for display but is below the 4,20 band edge.
        let s = Score::new(41999, 10000);
        assert_eq!(s.to_id_string(), "4,20");
        assert_eq!(s.cmp_hundredths(420), Ordering::Less);
        assert_eq!(Score::new(42, 10).cmp_hundredths(420), Ordering::Equal);
        assert_eq!(Score::new(1, 3), Score::new(2, 6));
        assert!(Score::new(1, 3) < Score::new(34, 100));
    }
}
