//! Human-readable and JSON output.

use serde::Serialize;
use swanilai_app::{AnswerDto, ErrorCode, ImportPreview, IndexDto};

pub fn print_json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
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
    println!(
        "{}{}: {} {}  ({} of {} indicators answered)",
        d.index_name,
        year,
        d.index_text.as_deref().unwrap_or("-"),
        d.rating.as_deref().unwrap_or(""),
        d.answered,
        d.total
    );
    if !d.domains.is_empty() {
        println!("\nDomain");
        for g in &d.domains {
            println!(
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
    println!("\nAspek");
    for g in &d.aspects {
        println!(
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
        println!(
            "{:>2} {:<70} {:>2} {:<10} {:>3} berkas",
            a.indicator,
            name,
            a.level.map_or("-".into(), |l| l.to_string()),
            a.status,
            a.evidence_count
        );
    }
}

pub fn print_preview(p: &ImportPreview, applied: bool) {
    println!(
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
        println!(
            "  indicator {} {}: '{}' -> '{}'",
            c.indicator,
            c.field,
            short(&c.before),
            short(&c.after)
        );
    }
    for pr in &p.problems {
        println!(
            "  problem: sheet '{}' row {} {}: {}",
            pr.sheet, pr.row, pr.column, pr.message
        );
    }
}
