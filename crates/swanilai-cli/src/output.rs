//! Human-readable and JSON output.

use serde::Serialize;
use swanilai_app::settings::Language;
use swanilai_app::{AnswerDto, ErrorCode, ImportPreview, ImportProblem, IndexDto};

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
    if d.provisional {
        outln!(
            "SEMENTARA (provisional): {} is not verified against the official text",
            d.framework_id
        );
    }
    print_index_only(d);
    if let Some(a) = &d.assessor {
        outln!("\nNilai asesor (assessor's values)");
        print_index_only(a);
    }
}

fn print_index_only(d: &IndexDto) {
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
            a.value_text
                .clone()
                .or_else(|| a.level.map(|l| l.to_string()))
                .unwrap_or_else(|| "-".into()),
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
    print_problems(&p.problems, lang);
}

/// How many problems are printed in full; the rest are counted by kind.
pub const PROBLEMS_SHOWN: usize = 20;

/// The first [`PROBLEMS_SHOWN`] problems with their place, then the rest counted by kind
/// (a workbook can have thousands: the summary stays a screen long).
fn print_problems(problems: &[ImportProblem], lang: Language) {
    let (problem, sheet, row) =
        lang.pick(("masalah", "lembar", "baris"), ("problem", "sheet", "row"));
    for pr in problems.iter().take(PROBLEMS_SHOWN) {
        if pr.row == 0 {
            // About the whole sheet: no row or column to show.
            outln!("  {problem}: {sheet} '{}': {}", pr.sheet, pr.message);
            continue;
        }
        outln!(
            "  {problem}: {sheet} '{}' {row} {} {}: {}",
            pr.sheet,
            pr.row,
            pr.column,
            pr.message
        );
    }
    let rest = problems.get(PROBLEMS_SHOWN..).unwrap_or_default();
    if rest.is_empty() {
        return;
    }
    let mut by_kind: std::collections::BTreeMap<String, usize> = Default::default();
    for pr in rest {
        let kind = serde_json::to_value(&pr.kind)
            .ok()
            .and_then(|v| v["kind"].as_str().map(str::to_owned))
            .unwrap_or_default();
        *by_kind.entry(kind).or_default() += 1;
    }
    let counts: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    outln!(
        "  {}",
        lang.pick(
            format!(
                "... dan {} masalah lain, menurut jenis: {}",
                rest.len(),
                counts.join(", ")
            ),
            format!(
                "... and {} more problem(s), by kind: {}",
                rest.len(),
                counts.join(", ")
            ),
        )
    );
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
