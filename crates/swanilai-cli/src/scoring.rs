//! Commands of frameworks scored with decimal values (Indeks Pemerintah Digital): decimal
//! and external-index values, butir, and the pure calculation from a values file.

use std::path::Path;

use swanilai_app::{
    index_from_values, shipped_framework, values_from_csv, App, AppError, AppResult, ButirDto,
    ButirInput, ErrorCode, ExternalInput, IndicatorValueDto, ValueInput, ValueSourceDto,
};
use swanilai_core::butir::{ButirStatus, RevisiKind};
use swanilai_core::Language;

use crate::args::{ButirCmd, ExternalCmd};
use crate::output::{print_index, print_json};

/// `index --framework F --values FILE`: the index of a values file, no database.
pub fn index_of_values(framework: &str, file: &Path, json: bool, lang: Language) -> AppResult<()> {
    let catalog = shipped_framework(framework)?;
    let text = std::fs::read_to_string(file).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    let values = values_from_csv(&text, &file.display().to_string(), catalog, lang)?;
    let dto = index_from_values(catalog, &values)?;
    if json {
        print_json(&dto)
    } else {
        print_index(&dto)
    }
    Ok(())
}

/// The decimal-value part of `answer set`: the team's value (or clearing it) and the
/// assessor's, each its own audited change.
pub fn set_values(
    app: &mut App,
    year: Option<i32>,
    indicator: u32,
    value: Option<String>,
    clear_value: bool,
    assessor_value: Option<String>,
) -> AppResult<Option<IndicatorValueDto>> {
    let mut last = None;
    if value.is_some() || clear_value {
        let input = ValueInput {
            source: ValueSourceDto::SelfAssessed,
            value,
        };
        last = Some(app.set_value(year, indicator, input)?);
    }
    if let Some(v) = assessor_value {
        let input = ValueInput {
            source: ValueSourceDto::Assessor,
            value: Some(v),
        };
        last = Some(app.set_value(year, indicator, input)?);
    }
    Ok(last)
}

pub fn print_value(v: &IndicatorValueDto) {
    let show = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.2}"));
    let mut line = format!(
        "indicator {}: value {} (assessor {})",
        v.indicator,
        show(v.self_value),
        show(v.assessor_value)
    );
    if let Some(b) = &v.self_band {
        line.push_str(&format!(" {b}"));
    }
    if let Some(x) = &v.external {
        line = format!(
            "indicator {}: {} {} from {}{}",
            v.indicator,
            x.index_name,
            x.value_text,
            if x.defaulted {
                "the default"
            } else {
                &x.source
            },
            x.source_year.map(|y| format!(" ({y})")).unwrap_or_default()
        );
    }
    outln!("{line}");
}

pub fn external(cmd: ExternalCmd, mut app: App) -> AppResult<()> {
    match cmd {
        ExternalCmd::Set {
            year,
            indicator,
            value,
            source,
            source_year,
            clear,
            json,
        } => {
            let input = ExternalInput {
                value: if clear { None } else { value },
                source,
                source_year,
            };
            let v = app.set_external(year.year, indicator, input)?;
            if json {
                print_json(&v)
            } else {
                print_value(&v)
            }
        }
        ExternalCmd::List { year, json } => {
            let list = app.values(year.year, None)?;
            if json {
                print_json(&list)
            } else {
                list.iter().for_each(print_value)
            }
        }
    }
    Ok(())
}

pub fn butir(cmd: ButirCmd, mut app: App) -> AppResult<()> {
    match cmd {
        ButirCmd::List {
            year,
            indicator,
            json,
        } => {
            let scoring = app.scoring(year.year)?;
            let list = app.butir(year.year, indicator)?;
            if json {
                print_json(&list)
            } else {
                if scoring.provisional {
                    outln!("SEMENTARA (provisional): butir from an unofficial transcription; the official Modul Indikator governs.");
                }
                list.iter().for_each(print_butir)
            }
        }
        ButirCmd::Set {
            year,
            id,
            status,
            kind,
            note,
            json,
        } => {
            let status = ButirStatus::parse(status.trim()).ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!("status '{status}' is not one of draft, diunggah, diterima, revisi"),
                )
            })?;
            let kind = kind
                .map(|k| {
                    RevisiKind::parse(&k).ok_or_else(|| {
                        AppError::new(
                            ErrorCode::InvalidInput,
                            format!("kind '{k}' is not one of tidak-tepat, belum-diunggah, otomatis-ditolak"),
                        )
                    })
                })
                .transpose()?;
            let list = app.set_butir(
                year.year,
                ButirInput {
                    id: id.clone(),
                    status,
                    kind,
                    note,
                },
            )?;
            let this = list.iter().find(|b| b.id == id.trim());
            if json {
                print_json(&this)
            } else {
                this.into_iter().for_each(print_butir)
            }
        }
        ButirCmd::Attach { year, evidence, id } => {
            let e = app.attach_evidence_to_butir(year.year, evidence, id.as_deref())?;
            match &e.butir {
                Some(b) => outln!("evidence {} ({}) attached to butir {b}", e.id, e.label),
                None => outln!(
                    "evidence {} ({}) attached to indicator {}",
                    e.id,
                    e.label,
                    e.indicator
                ),
            }
        }
    }
    Ok(())
}

fn print_butir(b: &ButirDto) {
    let kind = b
        .effective_kind
        .map(|k| format!(" ({})", k.label()))
        .unwrap_or_default();
    let gate = if b.gated { " [gate]" } else { "" };
    outln!(
        "{} {} L{} {:<10} {}{}{} | {} file(s) | {}",
        b.id,
        b.file_prefix,
        b.level,
        b.level_name,
        b.effective_status.as_str(),
        kind,
        gate,
        b.evidence_count,
        b.text
    );
    if !b.effective_note.is_empty() {
        outln!("    catatan: {}", b.effective_note);
    }
}
