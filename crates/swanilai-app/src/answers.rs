//! Answering indicators: level, explanation, service name, owner.

use std::collections::HashMap;

use swanilai_core::Level;
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::evidence;

use swanilai_core::workflow::{next_status, Action, Status};

use crate::review::answer_state;
use crate::{indicator_of, AnswerDto, AnswerInput, App, AppError, AppResult, ErrorCode};

/// Excel's limit for one cell: an explanation longer than this could not be exported.
pub const EXPLANATION_MAX_CHARS: usize = 32_767;

impl App {
    /// Change one indicator's answer in one transaction; returns the answer as stored.
    pub fn set_answer(
        &mut self,
        year: Option<i32>,
        indicator: u32,
        input: AnswerInput,
    ) -> AppResult<AnswerDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, Action::Edit, Some(indicator))?;
        let level = match input.level {
            Some(Some(v)) => Some(Some(Level::new(v).map_err(|_| {
                AppError::new(
                    ErrorCode::InvalidLevel,
                    format!("level {v} for indicator {indicator} is outside 1-5"),
                )
            })?)),
            Some(None) => Some(None),
            None => None,
        };
        if let Some(text) = &input.explanation {
            let chars = text.chars().count();
            if chars > EXPLANATION_MAX_CHARS {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "the explanation of indicator {indicator} has {chars} characters; the national workbook holds at most {EXPLANATION_MAX_CHARS} per cell"
                    ),
                ));
            }
        }
        if matches!(&input.service_name, Some(Some(_))) && !ind.nameable {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "indicator {indicator} has a fixed name; only the instansi's own services (e.g. Layanan Publik Sektor 1-3) take a service name"
                ),
            ));
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let before = answers::get(tx, a.id, indicator)?.unwrap_or_else(|| blank(indicator));
            let mut row = before.clone();
            if let Some(l) = level {
                row.level = l.map(Level::get);
            }
            if let Some(text) = input.explanation {
                row.explanation = normalize_newlines(&text);
            }
            if let Some(name) = input.service_name {
                row.service_name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
            }
            if let Some(owner) = input.owner {
                row.owner = owner.trim().to_owned();
            }
            if let Some(next) =
                Status::parse(&row.status).and_then(|s| next_status(Action::Edit, s))
            {
                row.status = next.as_str().to_owned();
            }
            row.author = actor.clone();
            row.updated_at = now.clone();
            answers::upsert(tx, a.id, &row)?;
            App::audit(
                tx,
                &now,
                &actor,
                "answer.set",
                Some(a.year),
                Some(indicator),
                "answer",
                answer_state(&before),
                answer_state(&row),
            )
        })?;
        self.answer(Some(a.year), indicator)
    }

    /// One indicator's answer (a blank one when never touched).
    pub fn answer(&mut self, year: Option<i32>, indicator: u32) -> AppResult<AnswerDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        let conn = self.store.conn();
        let row = answers::get(conn, a.id, indicator)?;
        let count = evidence::list(conn, a.id, Some(indicator))?.len() as u32;
        let touched = row.is_some();
        let row = row.unwrap_or_else(|| blank(indicator));
        Ok(to_dto(&catalog, &a, ind, row, count, touched))
    }

    /// Every indicator's answer in catalog order: the board.
    pub fn answers(&mut self, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let conn = self.store.conn();
        let mut rows: HashMap<u32, AnswerRow> = answers::list(conn, a.id)?
            .into_iter()
            .map(|r| (r.indicator, r))
            .collect();
        let counts: HashMap<u32, u32> = evidence::counts(conn, a.id)?.into_iter().collect();
        Ok(catalog
            .indicators()
            .iter()
            .map(|ind| {
                let row = rows.remove(&ind.number);
                let touched = row.is_some();
                let row = row.unwrap_or_else(|| blank(ind.number));
                let count = counts.get(&ind.number).copied().unwrap_or(0);
                to_dto(&catalog, &a, ind, row, count, touched)
            })
            .collect())
    }
}

pub(crate) fn ensure_open(a: &swanilai_store::assessments::AssessmentRow) -> AppResult<()> {
    if a.status == "finalized" {
        return Err(AppError::new(
            ErrorCode::AssessmentFinalized,
            format!("the {} assessment is finalized and read-only", a.year),
        ));
    }
    Ok(())
}

pub(crate) fn blank(indicator: u32) -> AnswerRow {
    AnswerRow {
        indicator,
        level: None,
        explanation: String::new(),
        service_name: None,
        owner: String::new(),
        status: "draft".into(),
        author: String::new(),
        updated_at: String::new(),
    }
}

/// Windows and old Mac line ends become "\n" so the same text compares equal everywhere.
pub(crate) fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn to_dto(
    catalog: &swanilai_core::Catalog,
    a: &swanilai_store::assessments::AssessmentRow,
    ind: &swanilai_core::Indicator,
    row: AnswerRow,
    evidence_count: u32,
    touched: bool,
) -> AnswerDto {
    let name = catalog
        .criteria_version(&a.criteria_version)
        .and_then(|v| v.indicators.iter().find(|c| c.number == ind.number))
        .and_then(|c| c.name.clone())
        .unwrap_or_else(|| ind.name.clone());
    AnswerDto {
        year: a.year,
        indicator: ind.number,
        name,
        level: row.level,
        level_name: row
            .level
            .and_then(|l| Level::new(i64::from(l)).ok())
            .map(|l| catalog.level_name(ind, l).to_owned()),
        explanation: row.explanation,
        service_name: row.service_name,
        owner: row.owner,
        status: row.status,
        author: row.author,
        updated_at: touched.then_some(row.updated_at),
        evidence_count,
    }
}

impl App {
    /// The catalog side of every indicator of an assessment, in catalog order.
    pub fn indicators(&mut self, year: Option<i32>) -> AppResult<Vec<crate::IndicatorInfo>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        Ok(catalog
            .indicators()
            .iter()
            .map(|ind| indicator_info(&catalog, &a.criteria_version, ind))
            .collect())
    }

    /// The catalog side of one indicator.
    pub fn indicator_info(
        &mut self,
        year: Option<i32>,
        indicator: u32,
    ) -> AppResult<crate::IndicatorInfo> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        Ok(indicator_info(&catalog, &a.criteria_version, ind))
    }
}

fn indicator_info(
    catalog: &swanilai_core::Catalog,
    version: &str,
    ind: &swanilai_core::Indicator,
) -> crate::IndicatorInfo {
    use crate::{GroupRef, LevelInfo};
    let crit = catalog
        .criteria_version(version)
        .and_then(|v| v.indicators.iter().find(|c| c.number == ind.number));
    let aspect = catalog.aspect(ind.aspect);
    crate::IndicatorInfo {
        number: ind.number,
        name: crit
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| ind.name.clone()),
        question: ind.question.clone(),
        weight: format!("{},{:02}", ind.weight_bp / 100, ind.weight_bp % 100),
        domain: catalog.domain_of(ind).map(|d| GroupRef {
            number: d.number,
            code: d.code.clone(),
            name: d.name.clone(),
        }),
        aspect: GroupRef {
            number: ind.aspect,
            code: aspect.map(|a| a.code.clone()).unwrap_or_default(),
            name: aspect.map(|a| a.name.clone()).unwrap_or_default(),
        },
        nameable: ind.nameable,
        criteria_version: version.to_owned(),
        description: crit.and_then(|c| c.description.clone()),
        assessment_rules: crit.and_then(|c| c.assessment_rules.clone()),
        evidence_examples: crit.and_then(|c| c.evidence_examples.clone()),
        levels: Level::all()
            .map(|l| {
                let lc = crit.and_then(|c| c.levels.get(l.index()));
                LevelInfo {
                    level: l.get(),
                    name: catalog.level_name(ind, l).to_owned(),
                    criteria: lc.map(|x| x.criteria.clone()).unwrap_or_default(),
                    fulfilment: lc.and_then(|x| x.fulfilment.clone()),
                    evidence: lc.and_then(|x| x.evidence.clone()),
                }
            })
            .collect(),
    }
}
