//! The words of a gap: the word diff of two levels' criteria and the evidence checklist.

use crate::DiffPartDto;

/// The word diff of two criteria texts (similar's word diff).
pub(super) fn word_diff(old: &str, new: &str) -> Vec<DiffPartDto> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<DiffPartDto> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => "same",
            similar::ChangeTag::Insert => "added",
            similar::ChangeTag::Delete => "removed",
        };
        match out.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(change.value()),
            _ => out.push(DiffPartDto {
                text: change.value().to_owned(),
                change: kind.to_owned(),
            }),
        }
    }
    out
}

/// The items of an evidence criteria text: its lines, bullets and numbered points.
pub(super) fn checklist_items(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|l| l.split(';'))
        .map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim())
        .map(|l| {
            let digits = l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
            if digits.len() < l.len() {
                digits.trim()
            } else {
                l
            }
        })
        .filter(|l| l.chars().count() >= 4)
        .map(str::to_owned)
        .collect()
}

/// Whether an evidence name seems to answer a checklist item: it shares a significant
/// word (five letters or more) with it.
pub(super) fn mentions(name: &str, item: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(str::to_owned)
            .collect()
    };
    let item_words = words(item);
    words(name).iter().any(|w| item_words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_diff_marks_what_the_next_level_adds() {
        let d = word_diff(
            "Kebijakan internal telah ditetapkan",
            "Kebijakan internal telah ditetapkan dan diterapkan",
        );
        assert_eq!(d[0].change, "same");
        assert!(d
            .iter()
            .any(|p| p.change == "added" && p.text.contains("diterapkan")));
    }

    #[test]
    fn checklist_items_come_from_lines_and_bullets() {
        let items = checklist_items("1. Dokumen SK Tim\n- Laporan monitoring; Notulen rapat\nx");
        assert_eq!(
            items,
            ["Dokumen SK Tim", "Laporan monitoring", "Notulen rapat"]
        );
        assert!(mentions(
            "1.a.Laporan-Monitoring-2026.pdf",
            "Laporan monitoring dan evaluasi"
        ));
        assert!(!mentions("foto.jpg", "Laporan monitoring"));
    }
}
