//! Commands of planning the improvement: what-if, the path to a target (`gap`), one
//! indicator's gap, indicator plans and recommendations.

use swanilai_app::{
    App, AppError, AppResult, EffortChoice, ErrorCode, GapDto, IndicatorPlanInput, PlanDto,
    PlanInput, RecommendationDto, RecommendationInput, ValueChange,
};

use crate::args::{PlanCmd, RecommendationCmd};
use crate::output::{escape_controls, print_index, print_json};

/// "7=3" -> (7, "3").
fn pair(text: &str, flag: &str) -> AppResult<(u32, String)> {
    let bad = || {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("--{flag} {text}: expected N=VALUE, such as 7=3"),
        )
    };
    let (n, v) = text.split_once('=').ok_or_else(bad)?;
    let n = n.trim().parse::<u32>().map_err(|_| bad())?;
    Ok((n, v.trim().to_owned()))
}

fn changes(list: &[String], flag: &str) -> AppResult<Vec<ValueChange>> {
    list.iter()
        .map(|t| pair(t, flag).map(|(indicator, value)| ValueChange { indicator, value }))
        .collect()
}

pub fn what_if(mut app: App, year: Option<i32>, set: &[String], json: bool) -> AppResult<()> {
    let dto = app.what_if(year, &changes(set, "set")?)?;
    if json {
        print_json(&dto);
    } else {
        print_index(&dto);
    }
    Ok(())
}

pub fn gap(
    mut app: App,
    year: Option<i32>,
    target: Option<String>,
    ceiling: &[String],
    effort: &[String],
    indicator: Option<u32>,
    json: bool,
) -> AppResult<()> {
    if let Some(n) = indicator {
        let dto = app.gap(year, n)?;
        if json {
            print_json(&dto);
        } else {
            print_gap(&dto);
        }
        return Ok(());
    }
    let efforts = effort
        .iter()
        .map(|t| pair(t, "effort").map(|(indicator, effort)| EffortChoice { indicator, effort }))
        .collect::<AppResult<Vec<_>>>()?;
    let input = PlanInput {
        target: target.unwrap_or_default(),
        ceilings: changes(ceiling, "ceiling")?,
        efforts,
    };
    let dto = app.plan_to_target(year, &input)?;
    if json {
        print_json(&dto);
    } else {
        print_plan(&dto);
    }
    Ok(())
}

fn print_plan(p: &PlanDto) {
    let target = match &p.target_rating {
        Some(r) => format!("{r} ({:.2})", p.target),
        None => format!("{:.2}", p.target),
    };
    let now = p
        .current_index
        .map_or_else(|| "-".to_owned(), |i| format!("{i:.2}"));
    if p.reachable {
        outln!(
            "target {target}: {} step(s) from {now} to {} {}",
            p.steps.len(),
            p.projected_text,
            p.projected_rating
        );
    } else {
        outln!(
            "target {target} is out of reach: the best reachable index is {} {} ({} step(s))",
            p.projected_text,
            p.projected_rating,
            p.steps.len()
        );
    }
    for s in &p.steps {
        outln!(
            "  indicator {:>2}: {} -> {}  {}  ({})  {}",
            s.indicator,
            num(s.from),
            num(s.to),
            s.gain_text,
            s.effort,
            s.name
        );
    }
    if p.unanswered > 0 {
        outln!(
            "{} unanswered indicator(s) not counted (the index is over the answered ones)",
            p.unanswered
        );
    }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}").replace('.', ",")
    }
}

fn print_gap(g: &GapDto) {
    let cur = g.current.map_or_else(|| "unanswered".to_owned(), num);
    outln!("indicator {} {}: {cur}", g.indicator, g.name);
    match g.next_level {
        None => outln!("  at the highest level"),
        Some(l) => {
            let marked: String = g
                .next_criteria
                .iter()
                .map(|p| match p.change.as_str() {
                    "added" => format!("[+{}]", p.text.trim()),
                    "removed" => format!("[-{}]", p.text.trim()),
                    _ => p.text.clone(),
                })
                .collect();
            outln!("  level {l}: {}", escape_controls(&marked));
            if let Some(f) = &g.next_fulfilment {
                outln!("  fulfilment: {}", escape_controls(f));
            }
            for c in &g.checklist {
                let mark = if c.attached.is_empty() { "[ ]" } else { "[x]" };
                let status = c
                    .status
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                outln!("  {mark} {}{status}", escape_controls(&c.item));
            }
        }
    }
    if let Some(t) = &g.gain_text {
        outln!(
            "  one level more: {t} on the index ({})",
            g.gain_exact.as_deref().unwrap_or("")
        );
    }
    for r in g.previous_recommendations.iter().chain(&g.recommendations) {
        print_recommendation(r);
    }
}

pub fn plan(cmd: PlanCmd, mut app: App) -> AppResult<()> {
    match cmd {
        PlanCmd::Set {
            year,
            indicator,
            target,
            ceiling,
            effort,
            json,
        } => {
            let dto = app.set_indicator_plan(
                year.year,
                IndicatorPlanInput {
                    indicator,
                    target,
                    ceiling,
                    effort,
                },
            )?;
            if json {
                print_json(&dto);
            } else {
                outln!(
                    "indicator {indicator}: target {} ceiling {} effort {}",
                    dto.target.map_or_else(|| "-".to_owned(), num),
                    dto.ceiling.map_or_else(|| "-".to_owned(), num),
                    dto.effort.as_deref().unwrap_or("medium")
                );
            }
        }
        PlanCmd::List { year, json } => {
            let list = app.indicator_plans(year.year)?;
            if json {
                print_json(&list);
            } else {
                for p in list {
                    outln!(
                        "indicator {}: target {} ceiling {} effort {}",
                        p.indicator,
                        p.target.map_or_else(|| "-".to_owned(), num),
                        p.ceiling.map_or_else(|| "-".to_owned(), num),
                        p.effort.as_deref().unwrap_or("medium")
                    );
                }
            }
        }
    }
    Ok(())
}

fn print_recommendation(r: &RecommendationDto) {
    outln!(
        "[{}] {} indicator {} [{}] {}{}{}",
        r.id,
        r.year,
        r.indicator,
        r.status,
        escape_controls(&r.text),
        if r.unit.is_empty() {
            String::new()
        } else {
            format!("  unit: {}", r.unit)
        },
        r.due_date
            .as_deref()
            .map(|d| format!("  due {d}"))
            .unwrap_or_default()
    );
}

pub fn recommendation(cmd: RecommendationCmd, mut app: App) -> AppResult<()> {
    match cmd {
        RecommendationCmd::Add {
            year,
            indicator,
            text,
            unit,
            due,
            json,
        } => {
            let r = app.add_recommendation(
                year.year,
                RecommendationInput {
                    indicator,
                    text,
                    unit,
                    due_date: due,
                    status: None,
                    notes: String::new(),
                },
            )?;
            if json {
                print_json(&r);
            } else {
                print_recommendation(&r);
            }
        }
        RecommendationCmd::List {
            year,
            indicator,
            previous,
            json,
        } => {
            let list = if previous {
                let a = app.assessment_info(year.year)?;
                let earlier = app
                    .assessments()?
                    .into_iter()
                    .filter(|x| x.year < a.year)
                    .map(|x| x.year)
                    .max()
                    .ok_or_else(|| {
                        AppError::new(
                            ErrorCode::AssessmentNotFound,
                            format!("there is no assessment before {}", a.year),
                        )
                    })?;
                app.recommendations(Some(earlier), indicator)?
            } else {
                app.recommendations(year.year, indicator)?
            };
            if json {
                print_json(&list);
            } else {
                for r in &list {
                    print_recommendation(r);
                }
            }
        }
        RecommendationCmd::SetStatus {
            year,
            id,
            status,
            note,
            json,
        } => {
            let r = app.update_recommendation(
                year.year,
                id,
                RecommendationInput {
                    indicator: 0,
                    text: String::new(),
                    unit: String::new(),
                    due_date: None,
                    status: Some(status),
                    notes: note,
                },
            )?;
            if json {
                print_json(&r);
            } else {
                print_recommendation(&r);
            }
        }
    }
    Ok(())
}
