//! Indonesian words for numbers and dates, as a Berita Acara writes them:
//! "Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam".
//!
//! Pure functions: the date is always passed in, never read from a clock.

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Weekday names, index 0 = Minggu (Sunday).
const WEEKDAYS: [&str; 7] = [
    "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
];

/// A number in Indonesian words, lower case: 11 -> "sebelas", 100 -> "seratus",
/// 1000 -> "seribu", 2026 -> "dua ribu dua puluh enam".
pub fn number_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    let scales = [
        (1_000_000_000_000_u64, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
    ];
    let mut rest = n;
    for (scale, name) in scales {
        let group = rest / scale;
        if group > 0 {
            parts.push(format!("{} {name}", number_words(group)));
            rest %= scale;
        }
    }
    let thousands = rest / 1000;
    match thousands {
        0 => {}
        1 => parts.push("seribu".to_string()),
        t => parts.push(format!("{} ribu", below_thousand(t))),
    }
    let units = rest % 1000;
    if units > 0 {
        parts.push(below_thousand(units));
    }
    parts.join(" ")
}

/// 1..=999 in words.
fn below_thousand(n: u64) -> String {
    let hundreds = n / 100;
    let rest = n % 100;
    let mut parts: Vec<String> = Vec::new();
    match hundreds {
        0 => {}
        1 => parts.push("seratus".to_string()),
        h => parts.push(format!("{} ratus", digit(h))),
    }
    match rest {
        0 => {}
        1..=9 => parts.push(digit(rest).to_string()),
        10 => parts.push("sepuluh".to_string()),
        11 => parts.push("sebelas".to_string()),
        12..=19 => parts.push(format!("{} belas", digit(rest - 10))),
        _ => {
            let tens = rest / 10;
            let ones = rest % 10;
            if ones == 0 {
                parts.push(format!("{} puluh", digit(tens)));
            } else {
                parts.push(format!("{} puluh {}", digit(tens), digit(ones)));
            }
        }
    }
    parts.join(" ")
}

fn digit(d: u64) -> &'static str {
    DIGITS.get(d as usize).copied().unwrap_or("")
}

/// The month name ("November"), or the number itself for an invalid month.
pub fn month_name(month: u32) -> String {
    match month {
        1..=12 => MONTHS[(month - 1) as usize].to_string(),
        _ => month.to_string(),
    }
}

/// Day of the week in Indonesian for a proleptic Gregorian date ("Senin").
pub fn weekday_name(year: i32, month: u32, day: u32) -> &'static str {
    let days = days_from_civil(year, month, day);
    // 1970-01-01 was a Thursday (index 4).
    WEEKDAYS[(days + 4).rem_euclid(7) as usize]
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let m = i64::from(month);
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "23 November 2026", as under a place name in a signature block.
pub fn date_numeric(date: (i32, u32, u32)) -> String {
    let (y, m, d) = date;
    format!("{d} {} {y}", month_name(m))
}

/// "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam".
pub fn date_in_words(date: (i32, u32, u32)) -> String {
    let (y, m, d) = date;
    format!(
        "{} tanggal {} bulan {} tahun {}",
        weekday_name(y, m, d),
        number_words(u64::from(d)),
        month_name(m),
        number_words(u64::from(y.unsigned_abs())),
    )
}

/// A share with one decimal and the Indonesian decimal comma: 46 of 47 -> "97,9".
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "0".to_string();
    }
    let tenths = (u64::from(part) * 1000 + u64::from(whole) / 2) / u64::from(whole);
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_follow_indonesian_rules() {
        let cases: &[(u64, &str)] = &[
            (0, "nol"),
            (1, "satu"),
            (9, "sembilan"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (23, "dua puluh tiga"),
            (31, "tiga puluh satu"),
            (100, "seratus"),
            (101, "seratus satu"),
            (111, "seratus sebelas"),
            (250, "dua ratus lima puluh"),
            (999, "sembilan ratus sembilan puluh sembilan"),
            (1000, "seribu"),
            (1001, "seribu satu"),
            (1945, "seribu sembilan ratus empat puluh lima"),
            (2000, "dua ribu"),
            (2026, "dua ribu dua puluh enam"),
            (2100, "dua ribu seratus"),
            (11_000, "sebelas ribu"),
            (101_000, "seratus satu ribu"),
            (1_000_000, "satu juta"),
            (2_500_000, "dua juta lima ratus ribu"),
            (3_000_000_000, "tiga miliar"),
        ];
        for (n, want) in cases {
            assert_eq!(number_words(*n), *want, "words for {n}");
        }
    }

    #[test]
    fn weekdays_match_known_dates() {
        assert_eq!(weekday_name(2026, 11, 23), "Senin");
        assert_eq!(
            weekday_name(1945, 8, 17),
            "Jumat",
            "Proklamasi was a Friday"
        );
        assert_eq!(weekday_name(2024, 2, 29), "Kamis", "leap day");
        assert_eq!(weekday_name(2000, 1, 1), "Sabtu");
        assert_eq!(weekday_name(1970, 1, 4), "Minggu");
    }

    #[test]
    fn dates_in_words_and_numbers() {
        assert_eq!(
            date_in_words((2026, 11, 23)),
            "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam"
        );
        assert_eq!(date_numeric((2026, 11, 23)), "23 November 2026");
        assert_eq!(
            month_name(13),
            "13",
            "an invalid month stays visible, no panic"
        );
    }

    #[test]
    fn percent_uses_decimal_comma() {
        assert_eq!(percent(47, 47), "100");
        assert_eq!(percent(46, 47), "97,9");
        assert_eq!(percent(0, 47), "0");
        assert_eq!(percent(0, 0), "0");
    }
}
