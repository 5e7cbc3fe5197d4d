//! Evidence names: what a stored name may contain, the `<indicator>.<letter>.<description>`
//! convention the verifier sees (workbook, evidence package, listings), and a name that
//! claims another indicator.

/// A name as stored: invalid UTF-8 already replaced (U+FFFD) by the caller's lossy
/// conversion; line breaks, tabs and other white-space controls become one space; every
/// other control character (C0, DEL, C1, ESC) becomes "_"; trimmed; never empty.
pub(crate) fn normalise_name(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if matches!(
            c,
            '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        ) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(if c.is_control() { '_' } else { c });
    }
    let trimmed = out.trim();
    if trimmed.is_empty() {
        "berkas".into()
    } else {
        trimmed.to_owned()
    }
}

/// The indicator a name claims by the convention ("7.a.Perbup.pdf", "7.b Perbup.pdf"
/// claim 7): digits, a dot, one or two lowercase letters, then a dot, space, "_" or "-".
/// "2024.pdf" or "3.5 Laporan.pdf" claim nothing.
pub(crate) fn claimed_indicator(name: &str) -> Option<u32> {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = &name.as_bytes()[digits..];
    let letters = rest
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let claims = rest.first() == Some(&b'.')
        && (1..=2).contains(&letters)
        && matches!(rest.get(1 + letters), Some(b'.' | b' ' | b'_' | b'-'));
    claims.then(|| name[..digits].parse().ok()).flatten()
}

/// "7.a.Perbup.pdf" stays; "Perbup.pdf" becomes "7.a.Perbup.pdf". Characters no file
/// system takes become "_".
pub(crate) fn conventional_name(label: &str, name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    if clean.starts_with(&format!("{label}.")) {
        clean
    } else {
        format!("{label}.{clean}")
    }
}

#[cfg(test)]
mod naming_tests {
    use super::{claimed_indicator, conventional_name, normalise_name};

    #[test]
    fn names_follow_the_convention_once() {
        let cases = [
            (
                "1.a",
                "1.a.Perbup-7-2024-SPBE.pdf",
                "1.a.Perbup-7-2024-SPBE.pdf",
            ),
            (
                "7.b",
                "SK Tim SPBE (final).PDF",
                "7.b.SK Tim SPBE (final).PDF",
            ),
            ("1.a", "7.b.lain.pdf", "1.a.7.b.lain.pdf"),
            ("20.c", "a/b:c?\"d\".png", "20.c.a_b_c__d_.png"),
            ("3.b", "tab\there", "3.b.tab_here"),
        ];
        for (label, name, expected) in cases {
            assert_eq!(conventional_name(label, name), expected, "{name}");
        }
    }

    #[test]
    fn names_are_normalised_on_the_way_in() {
        let cases = [
            ("Perbup\nno 7.pdf", "Perbup no 7.pdf"),
            ("SK\r\nTim.pdf", "SK Tim.pdf"),
            ("\u{1b}[31mmerah\u{1b}[0m.pdf", "_[31mmerah_[0m.pdf"),
            ("  nama\t\tdengan tab  ", "nama dengan tab"),
            ("bel\u{7}\u{9b}c1.pdf", "bel__c1.pdf"),
            ("\n\r ", "berkas"),
            ("Laporan \u{FFFD}.pdf", "Laporan \u{FFFD}.pdf"),
        ];
        for (raw, expected) in cases {
            assert_eq!(normalise_name(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn a_name_claims_an_indicator_only_by_the_convention() {
        let cases = [
            ("7.a.Perbup.pdf", Some(7)),
            ("7.b Perbup.pdf", Some(7)),
            ("10.c.small1.pdf", Some(10)),
            ("12.aa-Laporan.pdf", Some(12)),
            ("2024.pdf", None),
            ("3.5 Laporan.pdf", None),
            ("7.Perbup.pdf", None),
            ("Perbup 7.a.pdf", None),
            ("7.a", None),
        ];
        for (name, expected) in cases {
            assert_eq!(claimed_indicator(name), expected, "{name}");
        }
    }
}
