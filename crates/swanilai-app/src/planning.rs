//! From score to improvement (issue 13): what-if projections that never touch the answers,
//! the path to a target index or predikat (fewest one-level steps; see
//! `swanilai_core::plan`), what one indicator needs for its next level, the team's plan per
//! indicator, and recommendations (saran perbaikan) with their follow-up, carried into the
//! next year's view.

use std::collections::BTreeMap;

use serde_json::json;
use swanilai_core::plan::{path_to_target, what_if, Effort};
use swanilai_core::stage_file::read_level;
use swanilai_core::workflow::Action;
use swanilai_core::{Catalog, Value, ValueKind};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::plans::{self, PlanRow, RecommendationRow, ScenarioRow};

use crate::{
    indicator_of, App, AppError, AppResult, ChecklistItemDto, EffortChoice, ErrorCode, GapDto,
    IndexDto, IndicatorPlanDto, IndicatorPlanInput, PlanDto, PlanInput, PlanStepDto,
    RecommendationDto, RecommendationInput, ScenarioDto, ValueChange, Year,
};

/// The follow-up statuses of a recommendation.
pub const FOLLOW_UP: [&str; 3] = ["belum", "proses", "selesai"];
const TEXT_MAX_CHARS: usize = 4_000;

mod input;
mod words;

use input::{bad_level, checked_recommendation, parse_changes, parse_target};
use words::{checklist_items, mentions, word_diff};

impl App {
    /// The index with some values changed hypothetically; writes nothing. Unanswered
    /// indicators stay out unless given a value.
    pub fn what_if(
        &mut self,
        year: impl Into<Year>,
        changes: &[ValueChange],
    ) -> AppResult<IndexDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let base = crate::verification::mandiri_values(self.store.conn(), &catalog, &a)?;
        let changed = parse_changes(&catalog, changes, "what-if")?;
        Ok(IndexDto::from_report(
            Some(a.year),
            &catalog,
            &what_if(&catalog, &base, &changed),
        ))
    }

    /// The plan with the fewest one-level steps that reaches a target index or predikat,
    /// with the ceilings and effort weights stored per indicator, overridden by those given.
    /// Unanswered indicators are not counted (the index is over the answered ones), and an
    /// indicator taken from another agency's index is not stepped.
    pub fn plan_to_target(
        &mut self,
        year: impl Into<Year>,
        input: &PlanInput,
    ) -> AppResult<PlanDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let (target, target_rating) = parse_target(&catalog, &input.target)?;
        let values = crate::verification::mandiri_values(self.store.conn(), &catalog, &a)?;
        let stored = plans::list(self.store.conn(), a.id)?;
        let mut ceilings: BTreeMap<u32, Value> = stored
            .iter()
            .filter_map(|p| Some((p.indicator, p.ceiling?)))
            .collect();
        let mut efforts: BTreeMap<u32, Effort> = stored
            .iter()
            .filter_map(|p| Some((p.indicator, Effort::parse(p.effort.as_deref()?)?)))
            .collect();
        ceilings.extend(parse_changes(&catalog, &input.ceilings, "ceiling")?);
        for EffortChoice { indicator, effort } in &input.efforts {
            indicator_of(&catalog, *indicator)?;
            let e = Effort::parse(effort).ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!("effort '{effort}' of indicator {indicator} is not easy, medium or hard (mudah, sedang, sulit)"),
                )
            })?;
            efforts.insert(*indicator, e);
        }
        for (n, c) in &ceilings {
            if let Some(v) = values.get(n).filter(|v| *v > c) {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "the ceiling {} of indicator {n} is below its current value {}",
                        c.to_id_string(),
                        v.to_id_string()
                    ),
                ));
            }
        }
        let plannable = |n: u32| {
            catalog
                .indicator(n)
                .is_some_and(|i| i.external_index.is_none())
        };
        let plan = path_to_target(&catalog, &values, &plannable, &ceilings, &efforts, target);
        let current = IndexDto::from_report(
            Some(a.year),
            &catalog,
            &swanilai_core::compute_index_values(&catalog, &values),
        );
        let den = plan.gain_den as f64;
        let projected = plan
            .projected
            .index
            .unwrap_or(swanilai_core::Score::new(0, 1));
        Ok(PlanDto {
            target: f64::from(target.hundredths) / 100.0,
            target_rating,
            reachable: plan.reachable,
            current_index: current.index,
            projected_index: projected.rounded(),
            projected_text: projected.to_id_string(),
            projected_rating: plan.projected.rating.clone().unwrap_or_default(),
            steps: plan
                .steps
                .iter()
                .map(|s| {
                    let gain = s.gain_num as f64 / den;
                    PlanStepDto {
                        indicator: s.indicator,
                        name: catalog
                            .indicator(s.indicator)
                            .map(|i| i.name.clone())
                            .unwrap_or_default(),
                        from: s.from.as_f64(),
                        to: s.to.as_f64(),
                        gain: (gain * 1e9).round() / 1e9,
                        gain_text: format!("+{gain:.4}").replace('.', ","),
                        effort: efforts
                            .get(&s.indicator)
                            .copied()
                            .unwrap_or_default()
                            .as_str()
                            .to_owned(),
                    }
                })
                .collect(),
            effort_total: plan.effort,
            unanswered: catalog.indicators().len() as u32 - values.len() as u32,
        })
    }

    /// What one indicator needs for its next level: the criteria side by side with the
    /// words that differ, the guideline's fulfilment and evidence criteria, a checklist of
    /// the evidence asked for beside what is attached, the exact index gain, its plan and
    /// recommendations (this year's and last year's).
    pub fn gap(&mut self, year: impl Into<Year>, indicator: u32) -> AppResult<GapDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?.clone();
        let conn = self.store.conn();
        let values = crate::verification::mandiri_values(conn, &catalog, &a)?;
        let current = values.get(&indicator).copied();
        let current_level = current.map(|v| (v.hundredths() / 100) as u8);
        let next_level = match current {
            Some(v) => swanilai_core::plan::next_level(v).map(|n| (n.hundredths() / 100) as u8),
            None => Some(1),
        };
        let criteria = catalog
            .criteria_version(&a.criteria_version)
            .and_then(|c| c.indicators.iter().find(|i| i.number == indicator))
            .cloned();
        let level_text = |l: Option<u8>| {
            l.and_then(|l| {
                criteria
                    .as_ref()?
                    .levels
                    .get(usize::from(l).checked_sub(1)?)
            })
            .cloned()
        };
        let now = level_text(current_level);
        let next = level_text(next_level);
        let current_criteria = now.as_ref().map(|c| c.criteria.clone()).unwrap_or_default();
        let next_criteria = next
            .as_ref()
            .map(|n| word_diff(&current_criteria, &n.criteria))
            .unwrap_or_default();
        // The evidence the next level asks for: its butir (frameworks that list them), else
        // the lines of its evidence criteria.
        let evidence = swanilai_store::evidence::list(conn, a.id, Some(indicator))?;
        let names: Vec<String> = evidence.iter().map(|e| e.name.clone()).collect();
        let mut checklist = Vec::new();
        if let Some(nl) = next_level {
            let butir: Vec<_> = catalog
                .butir()
                .iter()
                .filter(|b| b.indicator == indicator && b.level == nl)
                .cloned()
                .collect();
            if !butir.is_empty() {
                let states = swanilai_store::butir::list(conn, a.id, Some(indicator))?;
                for b in butir {
                    let attached: Vec<String> = evidence
                        .iter()
                        .filter(|e| e.butir.as_deref() == Some(b.id.as_str()))
                        .map(|e| e.name.clone())
                        .collect();
                    let status = states
                        .iter()
                        .find(|s| s.butir == b.id)
                        .map_or("draft", |s| s.state.status.as_str());
                    checklist.push(ChecklistItemDto {
                        item: b.text.clone(),
                        attached,
                        status: Some(status.to_owned()),
                    });
                }
            } else if let Some(text) = next.as_ref().and_then(|n| n.evidence.clone()) {
                for item in checklist_items(&text) {
                    let attached = names
                        .iter()
                        .filter(|n| mentions(n, &item))
                        .cloned()
                        .collect();
                    checklist.push(ChecklistItemDto {
                        item,
                        attached,
                        status: None,
                    });
                }
            }
        }
        // One level more: w_i x (next - current) / (W x 100), W the counted weights.
        let counted: u64 = catalog
            .indicators()
            .iter()
            .filter(|i| values.contains_key(&i.number) || i.number == indicator)
            .map(|i| u64::from(i.weight_bp))
            .sum();
        let gain = match (current, next_level) {
            (Some(v), Some(nl)) if counted > 0 && ind.external_index.is_none() => {
                let num =
                    u64::from(ind.weight_bp) * u64::from(u32::from(nl) * 100 - v.hundredths());
                Some(swanilai_core::Score::new(num, counted * 100))
            }
            _ => None,
        };
        let plan = plans::list(conn, a.id)?
            .into_iter()
            .find(|p| p.indicator == indicator)
            .map(plan_dto)
            .unwrap_or(IndicatorPlanDto {
                indicator,
                ..Default::default()
            });
        let recommendations = self.recommendations(Some(a.year), Some(indicator))?;
        let previous = self.previous_assessment(&a)?;
        let previous_recommendations = match previous {
            Some(p) => self.recommendations(Some(p.year), Some(indicator))?,
            None => Vec::new(),
        };
        Ok(GapDto {
            indicator,
            name: ind.name.clone(),
            current: current.map(Value::as_f64),
            current_level,
            next_level,
            current_criteria,
            next_criteria,
            next_fulfilment: next.as_ref().and_then(|n| n.fulfilment.clone()),
            next_evidence: next.as_ref().and_then(|n| n.evidence.clone()),
            checklist,
            gain: gain.map(|g| (g.as_f64() * 1e9).round() / 1e9),
            gain_text: gain.map(|g| format!("+{:.4}", g.as_f64()).replace('.', ",")),
            gain_exact: gain.map(|g| format!("{}/{}", g.numerator(), g.denominator())),
            plan,
            recommendations,
            previous_recommendations,
        })
    }

    /// Every indicator's plan (target, ceiling, effort) that is set.
    pub fn indicator_plans(&mut self, year: impl Into<Year>) -> AppResult<Vec<IndicatorPlanDto>> {
        let a = self.assessment(year)?;
        Ok(plans::list(self.store.conn(), a.id)?
            .into_iter()
            .map(plan_dto)
            .collect())
    }

    /// Set one indicator's plan (empty fields clear), in one audited transaction.
    pub fn set_indicator_plan(
        &mut self,
        year: impl Into<Year>,
        input: IndicatorPlanInput,
    ) -> AppResult<IndicatorPlanDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, input.indicator)?;
        let decimal = catalog.scoring().value == ValueKind::Decimal;
        let value = |t: &Option<String>, what: &str| -> AppResult<Option<Value>> {
            match t.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                None => Ok(None),
                Some(t) => read_level(t, decimal)
                    .map(Some)
                    .ok_or_else(|| bad_level(t, what, input.indicator, decimal)),
            }
        };
        let target = value(&input.target, "target")?;
        let ceiling = value(&input.ceiling, "ceiling")?;
        let effort = match input
            .effort
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => None,
            Some(e) => Some(
                Effort::parse(e)
                    .ok_or_else(|| {
                        AppError::new(
                            ErrorCode::InvalidInput,
                            format!("effort '{e}' is not easy, medium or hard"),
                        )
                    })?
                    .as_str()
                    .to_owned(),
            ),
        };
        let actor = self.authorize(&a, Action::Plan, Some(input.indicator))?;
        let now = self.clock.now();
        let row = PlanRow {
            indicator: input.indicator,
            target,
            ceiling,
            effort,
            author: actor.clone(),
            updated_at: now.clone(),
        };
        self.store.transaction(|tx, _| {
            let before = plans::list(tx, a.id)?
                .into_iter()
                .find(|p| p.indicator == row.indicator);
            plans::put(tx, a.id, &row)?;
            let said = |p: Option<&PlanRow>| {
                json!(p.map(|p| json!({
                    "target": p.target.map(|v| v.to_string()),
                    "ceiling": p.ceiling.map(|v| v.to_string()),
                    "effort": p.effort,
                })))
                .to_string()
            };
            record(
                tx,
                &a,
                &actor,
                &now,
                "plan.set",
                Some(row.indicator),
                "plan",
                said(before.as_ref()),
                said(Some(&row)),
            )
        })?;
        Ok(plan_dto(row))
    }

    /// Recommendations of an assessment (one indicator's, or all), oldest first per
    /// indicator.
    pub fn recommendations(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<RecommendationDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        Ok(plans::recommendations(self.store.conn(), a.id, indicator)?
            .into_iter()
            .map(|r| recommendation_dto(&catalog, a.year, r))
            .collect())
    }

    /// Add a recommendation (saran perbaikan) to an indicator.
    pub fn add_recommendation(
        &mut self,
        year: impl Into<Year>,
        input: RecommendationInput,
    ) -> AppResult<RecommendationDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        indicator_of(&catalog, input.indicator)?;
        let mut row = checked_recommendation(&input, None)?;
        let actor = self.authorize(&a, Action::Plan, Some(input.indicator))?;
        let now = self.clock.now();
        row.author = actor.clone();
        row.created_at = now.clone();
        row.updated_at = now.clone();
        let id = self.store.transaction(|tx, _| {
            let id = plans::add_recommendation(tx, a.id, &row)?;
            row.id = id;
            record(
                tx,
                &a,
                &actor,
                &now,
                "recommendation.add",
                Some(row.indicator),
                "recommendation",
                "null".into(),
                rec_json(&row),
            )?;
            Ok::<_, AppError>(id)
        })?;
        row.id = id;
        Ok(recommendation_dto(&catalog, a.year, row))
    }

    /// Change a recommendation: its text, unit, due date, follow-up status and notes (a
    /// field left empty in `input` keeps the stored one, except notes and status which are
    /// set when given).
    pub fn update_recommendation(
        &mut self,
        year: impl Into<Year>,
        id: i64,
        input: RecommendationInput,
    ) -> AppResult<RecommendationDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let before =
            plans::recommendation_by_id(self.store.conn(), a.id, id)?.ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "there is no recommendation {id} in the {} assessment",
                        a.year
                    ),
                )
            })?;
        let mut row = checked_recommendation(&input, Some(&before))?;
        let actor = self.authorize(&a, Action::Plan, Some(before.indicator))?;
        let now = self.clock.now();
        row.id = id;
        row.indicator = before.indicator;
        row.author = actor.clone();
        row.created_at = before.created_at.clone();
        row.updated_at = now.clone();
        self.store.transaction(|tx, _| {
            plans::update_recommendation(tx, a.id, &row)?;
            record(
                tx,
                &a,
                &actor,
                &now,
                "recommendation.set",
                Some(row.indicator),
                "recommendation",
                rec_json(&before),
                rec_json(&row),
            )
        })?;
        Ok(recommendation_dto(&catalog, a.year, row))
    }

    /// Save a what-if scenario under a name (replacing one of that name).
    pub fn save_scenario(
        &mut self,
        year: impl Into<Year>,
        name: &str,
        changes: &[ValueChange],
    ) -> AppResult<ScenarioDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "a scenario needs a name of 1-100 characters",
            ));
        }
        let parsed = parse_changes(&catalog, changes, "what-if")?;
        let actor = self.authorize(&a, Action::Plan, None)?;
        let now = self.clock.now();
        let text: BTreeMap<String, String> = parsed
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        let row = ScenarioRow {
            id: 0,
            name: name.to_owned(),
            changes: serde_json::to_string(&text).unwrap_or_default(),
            author: actor.clone(),
            updated_at: now.clone(),
        };
        self.store.transaction(|tx, _| {
            plans::save_scenario(tx, a.id, &row)?;
            record(
                tx,
                &a,
                &actor,
                &now,
                "scenario.save",
                None,
                "scenario",
                "null".into(),
                json!({"name": row.name, "changes": text}).to_string(),
            )
        })?;
        self.scenarios(Some(a.year))?
            .into_iter()
            .find(|s| s.name == name)
            .ok_or_else(|| AppError::new(ErrorCode::Internal, "the scenario just saved is missing"))
    }

    /// The saved scenarios, each with its projection over today's answers.
    pub fn scenarios(&mut self, year: impl Into<Year>) -> AppResult<Vec<ScenarioDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let base = crate::verification::mandiri_values(self.store.conn(), &catalog, &a)?;
        let mut out = Vec::new();
        for s in plans::scenarios(self.store.conn(), a.id)? {
            let map: BTreeMap<String, String> =
                serde_json::from_str(&s.changes).unwrap_or_default();
            let changes: Vec<ValueChange> = map
                .into_iter()
                .filter_map(|(n, v)| {
                    Some(ValueChange {
                        indicator: n.parse().ok()?,
                        value: v,
                    })
                })
                .collect();
            let parsed = parse_changes(&catalog, &changes, "what-if").unwrap_or_default();
            out.push(ScenarioDto {
                name: s.name,
                projected: IndexDto::from_report(
                    Some(a.year),
                    &catalog,
                    &what_if(&catalog, &base, &parsed),
                ),
                changes,
                author: s.author,
                updated_at: s.updated_at,
            });
        }
        Ok(out)
    }

    /// Remove a saved scenario.
    pub fn remove_scenario(&mut self, year: impl Into<Year>, name: &str) -> AppResult<()> {
        let a = self.assessment(year)?;
        let actor = self.authorize(&a, Action::Plan, None)?;
        let now = self.clock.now();
        let name = name.trim().to_owned();
        self.store.transaction(|tx, _| {
            if !plans::remove_scenario(tx, a.id, &name)? {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("there is no scenario '{name}'"),
                ));
            }
            record(
                tx,
                &a,
                &actor,
                &now,
                "scenario.remove",
                None,
                "scenario",
                json!({"name": name}).to_string(),
                "null".into(),
            )
        })
    }

    fn previous_assessment(&self, a: &AssessmentRow) -> AppResult<Option<AssessmentRow>> {
        Ok(swanilai_store::assessments::list(self.store.conn())?
            .into_iter()
            .filter(|p| p.year < a.year)
            .max_by_key(|p| p.year))
    }
}

fn plan_dto(p: PlanRow) -> IndicatorPlanDto {
    IndicatorPlanDto {
        indicator: p.indicator,
        target: p.target.map(Value::as_f64),
        ceiling: p.ceiling.map(Value::as_f64),
        effort: p.effort,
    }
}

fn recommendation_dto(catalog: &Catalog, year: i32, r: RecommendationRow) -> RecommendationDto {
    RecommendationDto {
        id: r.id,
        year,
        indicator: r.indicator,
        indicator_name: catalog
            .indicator(r.indicator)
            .map(|i| i.name.clone())
            .unwrap_or_default(),
        text: r.text,
        unit: r.unit,
        due_date: r.due_date,
        status: r.status,
        notes: r.notes,
        author: r.author,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn rec_json(r: &RecommendationRow) -> String {
    json!({"id": r.id, "text": r.text, "unit": r.unit, "due_date": r.due_date, "status": r.status, "notes": r.notes})
        .to_string()
}

#[allow(clippy::too_many_arguments, reason = "one audit entry's fields")]
fn record(
    tx: &swanilai_store::Transaction<'_>,
    a: &AssessmentRow,
    actor: &str,
    now: &str,
    action: &str,
    indicator: Option<u32>,
    entity: &str,
    before: String,
    after: String,
) -> AppResult<()> {
    crate::audit::record(
        tx,
        NewEntry {
            at: now,
            actor,
            action,
            year: Some(a.year),
            indicator,
            entity,
            before,
            after,
        },
    )
}
