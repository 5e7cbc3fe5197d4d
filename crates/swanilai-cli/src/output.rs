//! Human-readable and JSON output.

use serde::Serialize;
use swanilai_app::settings::Language;
use swanilai_app::{AnswerDto, ErrorCode, ImportPreview, IndexDto};

pub fn print_json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => emit(&s),
        Err(e) => eprintln!("cannot serialise output: {e}"),
    }
}

pub fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{code:?}"))
}

pub fn print_index(d: &IndexDto) {
    let year = d.year.map(|y| format!(" {y}")).unwrap_or_default();
    outln!(
        "{}{}: {} {}  ({} of {} indicators answered)",
        d.index_name,
        year,
        d.index_text.as_deref().unwrap_or("-"),
        d.rating.as_deref().unwrap_or(""),
        d.answered,
        d.total
    );
    if !d.domains.is_empty() {
        outln!("\nDomain");
        for g in &d.domains {
            outln!(
                "  {:>2} {:<55} {:>5}  {:<12} {}/{}",
                g.number,
                g.name,
                g.index_text.as_deref().unwrap_or("-"),
                g.rating.as_deref().unwrap_or(""),
                g.answered,
                g.total
            );
        }
    }
    outln!("\nAspek");
    for g in &d.aspects {
        outln!(
            "  {:>2} {:<55} {:>5}  {:<12} {}/{}",
            g.number,
            g.name,
            g.index_text.as_deref().unwrap_or("-"),
            g.rating.as_deref().unwrap_or(""),
            g.answered,
            g.total
        );
    }
}

pub fn print_answers(list: &[AnswerDto]) {
    for a in list {
        let name: String = a.name.chars().take(70).collect();
        outln!(
            "{:>2} {:<70} {:>2} {:<10} {:>3} berkas",
            a.indicator,
            name,
            a.level.map_or("-".into(), |l| l.to_string()),
            a.status,
            a.evidence_count
        );
    }
}

pub fn print_preview(p: &ImportPreview, applied: bool, lang: Language) {
    outln!(
        "{}: {} rows read, {} change(s), {} unchanged, {} problem(s){}",
        p.file,
        p.rows_read,
        p.changes.len(),
        p.unchanged,
        p.problems.len(),
        if applied {
            ""
        } else {
            " (dry run: nothing written)"
        }
    );
    for c in &p.changes {
        let short = |s: &str| -> String {
            let one: String = s.replace('\n', " ").chars().take(60).collect();
            if s.chars().count() > 60 {
                format!("{one}...")
            } else {
                one
            }
        };
        outln!(
            "  indicator {} {}: '{}' -> '{}'",
            c.indicator,
            c.field,
            short(&c.before),
            short(&c.after)
        );
    }
    for pr in &p.problems {
        let (problem, sheet, row) =
            lang.pick(("masalah", "lembar", "baris"), ("problem", "sheet", "row"));
        outln!(
            "  {problem}: {sheet} '{}' {row} {} {}: {}",
            pr.sheet,
            pr.row,
            pr.column,
            pr.message
        );
    }
}

/// Text for a terminal: line breaks and tabs kept, every other control character
/// (ESC, CR, BEL, DEL, the C1 range) shown escaped as `\u{1b}`, so text from a database
/// or a file (an explanation, an evidence name) cannot move the cursor, recolour or
/// rewrite the terminal.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Write one line to stdout, control characters escaped ([`escape_controls`]; JSON output
/// has none raw: serde_json escapes them). A closed pipe (`swanilai ... | head`) ends the
/// program quietly instead of panicking.
pub fn emit(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{}", escape_controls(line)) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("cannot write output: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn controls_are_escaped_and_line_breaks_kept() {
        let cases = [
            ("FAKTA:\nada Perbup", "FAKTA:\nada Perbup"),
            (
                "\u{1b}[2J\u{1b}]0;judul\u{7}",
                "\\u{1b}[2J\\u{1b}]0;judul\\u{7}",
            ),
            ("a\rb\u{9b}c\u{7f}", "a\\u{d}b\\u{9b}c\\u{7f}"),
            ("tab\tok", "tab\tok"),
        ];
        for (raw, shown) in cases {
            assert_eq!(escape_controls(raw), shown, "{raw:?}");
        }
    }
}
