//! Commands of the external verification: the results template, importing results,
//! setting one stage, self against verified (`compare`), the comparison of years, and a
//! new assessment started from last year.

use swanilai_app::{
    App, AppError, AppResult, CarryInput, CompareDto, ErrorCode, StageImportDto, StageInput,
    YearsDto,
};

use crate::args::VerificationCmd;
use crate::output::{escape_controls, print_json};

/// `assessment new [--from-previous [--indicators LIST]]`.
pub fn new_assessment(
    app: &mut App,
    year: i32,
    framework: Option<&str>,
    from_previous: bool,
    indicators: Option<&str>,
) -> AppResult<()> {
    let carry = if from_previous {
        Some(CarryInput {
            indicators: indicators.map(parse_indicator_list).transpose()?,
        })
    } else {
        None
    };
    let a = app.new_assessment_from(year, framework, carry)?;
    outln!(
        "assessment {} created with {} (criteria {})",
        a.year,
        a.framework_id,
        a.criteria_version
    );
    if from_previous {
        let answers = app.answers(Some(year))?;
        let carried: Vec<_> = answers
            .iter()
            .filter(|a| a.carried_from.is_some())
            .collect();
        let evidence = app.evidence(Some(year), None)?;
        let from = carried.first().and_then(|a| a.carried_from);
        outln!(
            "started from {}: {} answer(s) copied as drafts (explanations marked to be revised), {} evidence record(s) carried by reference",
            from.map_or_else(|| "the previous year".to_owned(), |y| y.to_string()),
            carried.len(),
            evidence.len()
        );
    }
    Ok(())
}

/// "1,2,7-10" -> [1, 2, 7, 8, 9, 10].
pub fn parse_indicator_list(text: &str) -> AppResult<Vec<u32>> {
    let bad = |part: &str| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("'{part}' in --indicators is not a number or a range such as 7-10"),
        )
    };
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let a: u32 = a.trim().parse().map_err(|_| bad(part))?;
                let b: u32 = b.trim().parse().map_err(|_| bad(part))?;
                if a > b || b - a > 1_000 {
                    return Err(bad(part));
                }
                out.extend(a..=b);
            }
            None => out.push(part.parse().map_err(|_| bad(part))?),
        }
    }
    if out.is_empty() {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "--indicators names no indicator; leave it out to carry every indicator",
        ));
    }
    Ok(out)
}

pub fn verification(cmd: VerificationCmd, mut app: App) -> AppResult<()> {
    match cmd {
        VerificationCmd::Template { year, out } => {
            app.verification_template(year.year, &out)?;
            outln!("wrote {}", out.display());
        }
        VerificationCmd::Import {
            year,
            file,
            dry_run,
            json,
        } => {
            let dto = app.verification_import(year.year, &file, !dry_run)?;
            if json {
                print_json(&dto);
            } else {
                print_import(&dto, dry_run);
            }
        }
        VerificationCmd::Set {
            year,
            indicator,
            stage,
            level,
            note,
            clear,
            json,
        } => {
            let dto = app.set_stage(
                year.year,
                StageInput {
                    indicator,
                    stage: stage.clone(),
                    value: if clear { None } else { level },
                    note,
                },
            )?;
            if json {
                print_json(&dto);
            } else if let Some(row) = dto.indicators.iter().find(|r| r.indicator == indicator) {
                outln!(
                    "indicator {indicator} {}: {}",
                    stage.trim().to_lowercase(),
                    row_text(row, &dto.value_kind)
                );
            }
        }
    }
    Ok(())
}

fn print_import(d: &StageImportDto, dry_run: bool) {
    for c in &d.changes {
        let before = c.before.map_or_else(|| "-".to_owned(), num);
        let replaces = if c.replaces { " (replaces)" } else { "" };
        let note = if c.after_note != c.before_note && !c.after_note.is_empty() {
            format!("  note: {}", escape_controls(&c.after_note))
        } else {
            String::new()
        };
        outln!(
            "indicator {} {}: {} -> {}{replaces}{note}",
            c.indicator,
            c.stage,
            before,
            num(c.after)
        );
    }
    let verb = if d.written {
        "written"
    } else if dry_run {
        "would be written (dry run, nothing written)"
    } else {
        "nothing to write"
    };
    outln!(
        "{} ({}): {} change(s) {verb}, {} unchanged",
        d.file,
        d.kind,
        d.changes.len(),
        d.unchanged
    );
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}").replace('.', ",")
    }
}

fn cell(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), num)
}

fn row_text(r: &swanilai_app::CompareRowDto, _kind: &str) -> String {
    format!(
        "mandiri {} dokumen {} interviu {} visitasi {} final {}",
        cell(r.mandiri),
        cell(r.dokumen),
        cell(r.interviu),
        cell(r.visitasi),
        cell(r.final_value)
    )
}

pub fn compare(mut app: App, year: Option<i32>, years: bool, json: bool) -> AppResult<()> {
    if years {
        let dto = app.compare_years()?;
        if json {
            print_json(&dto);
        } else {
            print_years(&dto);
        }
        return Ok(());
    }
    let dto = app.verification(year)?;
    if json {
        print_json(&dto);
    } else {
        print_compare(&dto);
    }
    Ok(())
}

fn print_compare(d: &CompareDto) {
    outln!("{} {}: self against verified", d.index_name, d.year);
    for s in &d.stages {
        let index = s.index_text.as_deref().unwrap_or("-");
        let rating = s.rating.as_deref().unwrap_or("-");
        let partial = if s.answered == 0 {
            "nothing recorded"
        } else if s.complete {
            "complete"
        } else {
            "partial"
        };
        outln!(
            "  {:<20} {:>5} {:<12} {}/{} {partial}",
            s.title,
            index,
            rating,
            s.answered,
            s.total
        );
    }
    outln!("  No  Mandiri Dokumen Interviu Visitasi Final  Selisih");
    for r in &d.indicators {
        let flag = match r.claim.as_deref() {
            Some("over") => "  OVER-CLAIM",
            Some("under") => "  under-claim",
            _ => "",
        };
        outln!(
            "  {:>2}  {:>7} {:>7} {:>8} {:>8} {:>5}  {:>7}{flag}",
            r.indicator,
            cell(r.mandiri),
            cell(r.dokumen),
            cell(r.interviu),
            cell(r.visitasi),
            cell(r.final_value),
            r.difference
                .map_or_else(|| "-".to_owned(), |d| format!("{d:+.2}").replace('.', ","))
        );
        for n in r.notes.iter().filter(|n| !n.note.is_empty()) {
            outln!("        {}: {}", n.stage, escape_controls(&n.note));
        }
    }
    outln!(
        "{} over-claim(s), {} under-claim(s)",
        d.over_claims,
        d.under_claims
    );
}

fn print_years(d: &YearsDto) {
    for y in &d.years {
        let verified = y.verified.as_ref().map_or_else(String::new, |v| {
            format!(
                "  verified ({}) {} {}",
                v.stage,
                v.index_text.as_deref().unwrap_or("-"),
                v.rating.as_deref().unwrap_or("-")
            )
        });
        outln!(
            "{} {}: {} {} ({}/{}){verified}",
            y.year,
            y.index_name,
            y.mandiri.index_text.as_deref().unwrap_or("-"),
            y.mandiri.rating.as_deref().unwrap_or("-"),
            y.mandiri.answered,
            y.mandiri.total
        );
    }
    for a in &d.aspects {
        let series: Vec<String> = a.mandiri.iter().map(|v| cell(*v)).collect();
        let change = a
            .change
            .map_or_else(String::new, |c| format!("  ({c:+.2})").replace('.', ","));
        outln!("  {} {}: {}{change}", a.code, a.name, series.join(" -> "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_lists_read_ranges_and_refuse_garbage() {
        assert_eq!(parse_indicator_list("1, 2,7-9").unwrap(), [1, 2, 7, 8, 9]);
        assert!(parse_indicator_list("x").is_err());
        assert!(parse_indicator_list("9-7").is_err());
        assert!(parse_indicator_list(" , ").is_err());
    }
}
