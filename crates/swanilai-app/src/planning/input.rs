//! Reading what a person types for planning: hypothetical values, targets, recommendations.

use std::collections::BTreeMap;

use swanilai_core::plan::Target;
use swanilai_core::stage_file::read_level;
use swanilai_core::{Catalog, Value, ValueKind};
use swanilai_store::plans::RecommendationRow;

use super::{FOLLOW_UP, TEXT_MAX_CHARS};
use crate::{indicator_of, AppError, AppResult, ErrorCode, RecommendationInput, ValueChange};

pub(super) fn checked_recommendation(
    input: &RecommendationInput,
    before: Option<&RecommendationRow>,
) -> AppResult<RecommendationRow> {
    let text = input.text.trim().to_owned();
    let text = match (text.is_empty(), before) {
        (true, Some(b)) => b.text.clone(),
        (true, None) => {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "a recommendation needs its text",
            ))
        }
        (false, _) => text,
    };
    if text.chars().count() > TEXT_MAX_CHARS || input.notes.chars().count() > TEXT_MAX_CHARS {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!("a recommendation's text and notes have at most {TEXT_MAX_CHARS} characters"),
        ));
    }
    let status = match input.status.as_deref().map(|s| s.trim().to_lowercase()) {
        None => before.map_or("belum".to_owned(), |b| b.status.clone()),
        Some(s) if FOLLOW_UP.contains(&s.as_str()) => s,
        Some(s) => {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("status '{s}' is not one of belum, proses, selesai"),
            ))
        }
    };
    let due_date = match input
        .due_date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => before.and_then(|b| b.due_date.clone()),
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(|d| d.format("%Y-%m-%d").to_string())
                .map_err(|_| {
                    AppError::new(
                        ErrorCode::InvalidInput,
                        format!("due date '{d}' is not a date like 2027-03-31"),
                    )
                })?,
        ),
    };
    let unit = match (input.unit.trim(), before) {
        ("", Some(b)) => b.unit.clone(),
        (u, _) => u.to_owned(),
    };
    let notes = match (input.notes.trim(), before) {
        ("", Some(b)) => b.notes.clone(),
        (n, _) => n.replace("\r\n", "\n"),
    };
    Ok(RecommendationRow {
        id: 0,
        indicator: input.indicator,
        text,
        unit,
        due_date,
        status,
        notes,
        ..Default::default()
    })
}

pub(super) fn bad_level(t: &str, what: &str, indicator: u32, decimal: bool) -> AppError {
    if decimal {
        AppError::new(
            ErrorCode::InvalidValue,
            format!("the {what} '{t}' of indicator {indicator} is not a value 1.00-5.00 with at most two decimals"),
        )
    } else {
        AppError::new(
            ErrorCode::InvalidLevel,
            format!("the {what} '{t}' of indicator {indicator} is not a level 1-5"),
        )
    }
}

/// Hypothetical values or ceilings, checked: a known indicator and a level 1-5 (a value
/// 1,00-5,00 with decimals).
pub(super) fn parse_changes(
    catalog: &Catalog,
    changes: &[ValueChange],
    what: &str,
) -> AppResult<BTreeMap<u32, Value>> {
    let decimal = catalog.scoring().value == ValueKind::Decimal;
    let mut out = BTreeMap::new();
    for c in changes {
        indicator_of(catalog, c.indicator)?;
        let v = read_level(&c.value, decimal)
            .ok_or_else(|| bad_level(c.value.trim(), what, c.indicator, decimal))?;
        out.insert(c.indicator, v);
    }
    Ok(out)
}

/// A target index ("3,50", "3.5") or predikat ("Sangat Baik"): the target, and the
/// predikat when it was one.
pub(super) fn parse_target(catalog: &Catalog, text: &str) -> AppResult<(Target, Option<String>)> {
    let t = text.trim();
    if let Ok(v) = Value::parse(t) {
        return Ok((
            Target {
                hundredths: v.hundredths(),
                strict: false,
            },
            None,
        ));
    }
    if t.replace(',', ".").parse::<f64>().is_ok() {
        return Err(AppError::new(
            ErrorCode::InvalidValue,
            format!("the target '{t}' is outside 1.00-5.00 (or has more than two decimals)"),
        ));
    }
    match Target::of_rating(catalog, t) {
        Some(target) => {
            let name = catalog
                .rating_bands()
                .iter()
                .find(|b| b.name.eq_ignore_ascii_case(t))
                .map(|b| b.name.clone());
            Ok((target, name))
        }
        None => {
            let names: Vec<&str> = catalog
                .rating_bands()
                .iter()
                .map(|b| b.name.as_str())
                .collect();
            Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "'{t}' is neither an index 1.00-5.00 nor a predikat of {} ({})",
                    catalog.framework().id,
                    names.join(", ")
                ),
            ))
        }
    }
}
