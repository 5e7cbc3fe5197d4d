//! Answering indicators: level, explanation, service name, owner; and the one path that
//! writes an answer ([`record_answer`]), used by editing, the workbook import and the
//! review loop alike.

use std::collections::HashMap;

use serde_json::json;
use swanilai_core::workflow::{next_status, Action};
use swanilai_core::Level;
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::{evidence, Transaction};

use crate::access::Viewer;
use crate::{indicator_of, AnswerDto, AnswerInput, App, AppError, AppResult, ErrorCode, Year};

/// Excel's limit for one cell: an explanation longer than this could not be exported.
pub const EXPLANATION_MAX_CHARS: usize = 32_767;

/// One answer change about to be written: who, when, and under which audit action.
pub(crate) struct Stamp<'a> {
    pub actor: &'a str,
    pub now: &'a str,
    /// "answer.set", "answer.import", "status.submit", ...
    pub action: &'a str,
}

/// How an answer write treats status, author and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// A person changes the content: a returned answer becomes a draft again, the author
    /// and time are the stamp's.
    Edit,
    /// A review step: the status moves by the workflow (a valid transition, else refused).
    Review(Action),
    /// Carried over as it is (a package opened, a merge): status, author and time are the
    /// ones `after` already holds, recorded under the stamp's actor and time.
    Carry,
}

/// The one way an answer is written, inside the caller's transaction: the status moves
/// as `step` says, the row is upserted and the audit log records before and after.
pub(crate) fn record_answer(
    tx: &Transaction<'_>,
    a: &AssessmentRow,
    before: &AnswerRow,
    mut after: AnswerRow,
    step: Step,
    stamp: &Stamp<'_>,
) -> AppResult<AnswerRow> {
    let action = match step {
        Step::Edit => Some(Action::Edit),
        Step::Review(action) => Some(action),
        Step::Carry => None,
    };
    match (
        action,
        action.and_then(|act| next_status(act, before.status)),
    ) {
        (_, Some(next)) => after.status = next,
        (Some(Action::Edit) | None, None) => {}
        (Some(_), None) => {
            return Err(AppError::new(
                ErrorCode::InvalidTransition,
                format!(
                    "indicator {} cannot go from {}",
                    before.indicator,
                    before.status.as_str()
                ),
            ))
        }
    }
    if step != Step::Carry {
        if step == Step::Edit {
            after.author = stamp.actor.to_owned();
        }
        after.updated_at = stamp.now.to_owned();
    }
    answers::upsert(tx, a.id, &after)?;
    crate::audit::record(
        tx,
        NewEntry {
            at: stamp.now,
            actor: stamp.actor,
            action: stamp.action,
            year: Some(a.year),
            indicator: Some(after.indicator),
            entity: "answer",
            before: answer_state(before),
            after: answer_state(&after),
        },
    )?;
    Ok(after)
}

impl App {
    /// Change one indicator's answer in one transaction; returns the answer as stored.
    pub fn set_answer(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        input: AnswerInput,
    ) -> AppResult<AnswerDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        let actor = self.authorize(&a, Action::Edit, Some(indicator))?;
        if input.level.is_some() && catalog.scoring().value != swanilai_core::ValueKind::Level {
            return Err(AppError::new(
                ErrorCode::WrongValueKind,
                format!(
                    "{} scores indicator {indicator} with a decimal value 1.00-5.00, not a whole level; use `answer set --value`",
                    catalog.framework().short_title
                ),
            ));
        }
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
            let before =
                answers::get(tx, a.id, indicator)?.unwrap_or_else(|| AnswerRow::blank(indicator));
            let mut row = before.clone();
            if let Some(l) = level {
                row.level = l;
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
            let stamp = Stamp {
                actor: &actor,
                now: &now,
                action: "answer.set",
            };
            record_answer(tx, &a, &before, row, Step::Edit, &stamp)
        })?;
        self.answer(Some(a.year), indicator)
    }

    /// One indicator's answer (a blank one when never touched).
    pub fn answer(&mut self, year: impl Into<Year>, indicator: u32) -> AppResult<AnswerDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        let viewer = self.viewer(&a)?;
        let conn = self.store.conn();
        let row = answers::get(conn, a.id, indicator)?;
        let count = evidence::list(conn, a.id, Some(indicator))?.len() as u32;
        let touched = row.is_some();
        let row = row.unwrap_or_else(|| AnswerRow::blank(indicator));
        let notes = return_notes(conn, a.id)?;
        let mut dto = to_dto(&catalog, &a, ind, row, count, touched, &viewer);
        dto.returned = returned(&dto, &notes);
        dto.value_text = values_used(conn, &catalog, &a)?.remove(&indicator);
        dto.carried_from = answers::carried(conn, a.id)?
            .into_iter()
            .find_map(|(n, y)| (n == indicator).then_some(y));
        Ok(dto)
    }

    /// One indicator's answer (`Some(n)`) or the whole board (`None`), as a list: the
    /// window's one query for answers.
    pub fn answers_of(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<AnswerDto>> {
        match indicator {
            Some(n) => Ok(vec![self.answer(year, n)?]),
            None => self.answers(year),
        }
    }

    /// Every indicator's answer in catalog order: the board.
    pub fn answers(&mut self, year: impl Into<Year>) -> AppResult<Vec<AnswerDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let viewer = self.viewer(&a)?;
        let conn = self.store.conn();
        let mut rows: HashMap<u32, AnswerRow> = answers::list(conn, a.id)?
            .into_iter()
            .map(|r| (r.indicator, r))
            .collect();
        let counts: HashMap<u32, u32> = evidence::counts(conn, a.id)?.into_iter().collect();
        let notes = return_notes(conn, a.id)?;
        let mut used = values_used(conn, &catalog, &a)?;
        let carried: HashMap<u32, i32> = answers::carried(conn, a.id)?.into_iter().collect();
        Ok(catalog
            .indicators()
            .iter()
            .map(|ind| {
                let row = rows.remove(&ind.number);
                let touched = row.is_some();
                let row = row.unwrap_or_else(|| AnswerRow::blank(ind.number));
                let count = counts.get(&ind.number).copied().unwrap_or(0);
                let mut dto = to_dto(&catalog, &a, ind, row, count, touched, &viewer);
                dto.returned = returned(&dto, &notes);
                dto.value_text = used.remove(&ind.number);
                dto.carried_from = carried.get(&ind.number).copied();
                dto
            })
            .collect())
    }
}

pub(crate) fn ensure_open(a: &AssessmentRow) -> AppResult<()> {
    if a.status == swanilai_core::workflow::AssessmentStatus::Finalized {
        return Err(AppError::new(
            ErrorCode::AssessmentFinalized,
            format!("the {} assessment is finalized and read-only", a.year),
        ));
    }
    Ok(())
}

/// The latest return comment of each indicator.
fn return_notes(
    conn: &swanilai_store::Connection,
    assessment_id: i64,
) -> AppResult<HashMap<u32, crate::ReturnNote>> {
    Ok(swanilai_store::comments::latest_of_kind(
        conn,
        assessment_id,
        swanilai_core::workflow::CommentKind::Return,
    )?
    .into_iter()
    .map(|(n, by, reason, at)| (n, crate::ReturnNote { by, reason, at }))
    .collect())
}

/// The return note of an answer that is returned now.
fn returned(a: &AnswerDto, notes: &HashMap<u32, crate::ReturnNote>) -> Option<crate::ReturnNote> {
    (a.status == swanilai_core::workflow::Status::Returned)
        .then(|| notes.get(&a.indicator).cloned())
        .flatten()
}

/// Windows and old Mac line ends become "\n" so the same text compares equal everywhere.
pub(crate) fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn to_dto(
    catalog: &swanilai_core::Catalog,
    a: &AssessmentRow,
    ind: &swanilai_core::Indicator,
    row: AnswerRow,
    evidence_count: u32,
    touched: bool,
    viewer: &Viewer,
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
        level_name: row.level.map(|l| catalog.level_name(ind, l).to_owned()),
        can: viewer.on_answer(ind.number, row.status),
        returned: None,
        carried_from: None,
        submitted_by: None,
        explanation: row.explanation,
        service_name: row.service_name,
        owner: row.owner,
        status: row.status,
        author: row.author,
        updated_at: touched.then_some(row.updated_at),
        evidence_count,
        value_text: None,
    }
}

/// The value each indicator of a decimal framework counts with in the index (none for a
/// framework scored with levels).
fn values_used(
    conn: &swanilai_store::Connection,
    catalog: &swanilai_core::Catalog,
    a: &AssessmentRow,
) -> AppResult<HashMap<u32, String>> {
    if catalog.scoring().value != swanilai_core::ValueKind::Decimal {
        return Ok(HashMap::new());
    }
    let s = crate::values::Stored::read(conn, a.id)?;
    Ok(
        swanilai_core::effective_values(catalog, &s.scored, &s.external_values())
            .into_iter()
            .map(|(n, v)| (n, v.to_id_string()))
            .collect(),
    )
}

impl App {
    /// The catalog side of every indicator of an assessment, in catalog order.
    pub fn indicators(&mut self, year: impl Into<Year>) -> AppResult<Vec<crate::IndicatorInfo>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        Ok(catalog
            .indicators()
            .iter()
            .map(|ind| indicator_info(&catalog, &a.criteria_version, ind))
            .collect())
    }

    /// The catalog side of one indicator (`Some(n)`) or of all, as a list.
    pub fn indicators_of(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<crate::IndicatorInfo>> {
        match indicator {
            Some(n) => Ok(vec![self.indicator_info(year, n)?]),
            None => self.indicators(year),
        }
    }

    /// The catalog side of one indicator.
    pub fn indicator_info(
        &mut self,
        year: impl Into<Year>,
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
                    level: l,
                    name: catalog.level_name(ind, l).to_owned(),
                    criteria: lc.map(|x| x.criteria.clone()).unwrap_or_default(),
                    fulfilment: lc.and_then(|x| x.fulfilment.clone()),
                    evidence: lc.and_then(|x| x.evidence.clone()),
                }
            })
            .collect(),
    }
}

/// The part of an answer the audit log records, so hand edits can be found.
pub(crate) fn answer_state(r: &AnswerRow) -> String {
    json!({
        "level": r.level,
        "explanation": r.explanation,
        "service_name": r.service_name,
        "owner": r.owner,
        "status": r.status.as_str(),
    })
    .to_string()
}
