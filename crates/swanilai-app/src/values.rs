//! Decimal indicator values (the team's and the assessor's) and external-index values, for
//! frameworks whose catalog says `"scoring": {"value": "decimal"}` (Indeks Pemerintah
//! Digital). A framework scored with whole levels refuses them (WRONG_VALUE_KIND), as a
//! decimal framework refuses a whole level in [`App::set_answer`].

use std::collections::BTreeMap;

use serde_json::json;
use swanilai_core::workflow::Action;
use swanilai_core::{Catalog, Indicator, Value, ValueKind};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::values::{self, ExternalRow, ValueSource};
use swanilai_store::Connection;

use crate::answers::ensure_open;
use crate::{
    indicator_of, App, AppError, AppResult, BandDto, ErrorCode, ExternalInput, ExternalValueDto,
    IndicatorValueDto, ScoringDto, ValueInput, ValueSourceDto, Year,
};

/// How long a source text may be.
const SOURCE_MAX_CHARS: usize = 500;

impl App {
    /// Set or clear one indicator's decimal value (the team's or the assessor's), in one
    /// audited transaction.
    pub fn set_value(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        input: ValueInput,
    ) -> AppResult<IndicatorValueDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        require_decimal(&catalog, "a decimal value")?;
        if let Some(x) = &ind.external_index {
            return Err(AppError::new(
                ErrorCode::ExternalIndicator,
                format!(
                    "indicator {indicator} takes its value from {}, not from the team or the assessor; enter it with `external set`",
                    x.name
                ),
            ));
        }
        let value = input.value.as_deref().map(parse_value).transpose()?;
        // The team's own value is an edit of the indicator; the assessor's is a verdict.
        let action = match input.source {
            ValueSourceDto::SelfAssessed => Action::Edit,
            ValueSourceDto::Assessor => Action::RecordVerdict,
        };
        let actor = self.authorize(&a, action, Some(indicator))?;
        ensure_open(&a)?;
        let source = store_source(input.source);
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            let before = values::get(tx, a.id, source, indicator)?.map(|r| r.value);
            values::put(tx, a.id, source, indicator, value, &actor, &now)?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "value.set",
                    year: Some(a.year),
                    indicator: Some(indicator),
                    entity: "value",
                    before:
                        json!({"source": source.as_str(), "value": before.map(|v| v.to_string())})
                            .to_string(),
                    after:
                        json!({"source": source.as_str(), "value": value.map(|v| v.to_string())})
                            .to_string(),
                },
            )
        })?;
        self.value_of(&a, &catalog, indicator)
    }

    /// Set or remove the value an indicator takes from another agency's index.
    pub fn set_external(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
        input: ExternalInput,
    ) -> AppResult<IndicatorValueDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let ind = indicator_of(&catalog, indicator)?;
        require_decimal(&catalog, "an external-index value")?;
        let Some(index) = &ind.external_index else {
            return Err(AppError::new(
                ErrorCode::ExternalIndicator,
                format!(
                    "indicator {indicator} is scored by the team, not taken from another index; set it with `answer set --value`"
                ),
            ));
        };
        let value = input.value.as_deref().map(parse_value).transpose()?;
        let source = input.source.trim().to_owned();
        if value.is_some() && source.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("say where the value of {} was read (--source)", index.name),
            ));
        }
        if source.chars().count() > SOURCE_MAX_CHARS {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("the source has more than {SOURCE_MAX_CHARS} characters"),
            ));
        }
        if let Some(y) = input.source_year.filter(|y| !(2000..=2100).contains(y)) {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("source year {y} is outside 2000-2100"),
            ));
        }
        let actor = self.authorize(&a, Action::Edit, Some(indicator))?;
        ensure_open(&a)?;
        let now = self.clock.now();
        let index_name = index.name.clone();
        self.store.transaction(|tx, _| {
            let before = values::external(tx, a.id, indicator)?;
            let after = value.map(|v| ExternalRow {
                indicator,
                value: v,
                index_name: index_name.clone(),
                source: source.clone(),
                source_year: input.source_year,
                author: actor.clone(),
                updated_at: now.clone(),
            });
            match &after {
                Some(row) => values::put_external(tx, a.id, row)?,
                None => values::clear_external(tx, a.id, indicator)?,
            }
            let state = |r: &Option<ExternalRow>| {
                json!(r.as_ref().map(|r| json!({
                    "value": r.value.to_string(), "index": r.index_name,
                    "source": r.source, "source_year": r.source_year,
                })))
                .to_string()
            };
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "external.set",
                    year: Some(a.year),
                    indicator: Some(indicator),
                    entity: "external",
                    before: state(&before),
                    after: state(&after),
                },
            )
        })?;
        self.value_of(&a, &catalog, indicator)
    }

    /// Every indicator's values (or one indicator's), in catalog order.
    pub fn values(
        &mut self,
        year: impl Into<Year>,
        indicator: Option<u32>,
    ) -> AppResult<Vec<IndicatorValueDto>> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if let Some(n) = indicator {
            indicator_of(&catalog, n)?;
        }
        let stored = Stored::read(self.store.conn(), a.id)?;
        Ok(catalog
            .indicators()
            .iter()
            .filter(|i| indicator.is_none_or(|n| n == i.number))
            .map(|i| value_dto(&catalog, i, &stored))
            .collect())
    }

    /// How the framework of an assessment scores: what the window needs to lay it out.
    pub fn scoring(&mut self, year: impl Into<Year>) -> AppResult<ScoringDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        Ok(scoring_dto(&catalog))
    }

    fn value_of(
        &mut self,
        a: &AssessmentRow,
        catalog: &Catalog,
        indicator: u32,
    ) -> AppResult<IndicatorValueDto> {
        let stored = Stored::read(self.store.conn(), a.id)?;
        let ind = indicator_of(catalog, indicator)?;
        Ok(value_dto(catalog, ind, &stored))
    }
}

/// Every stored value of an assessment, by indicator.
pub(crate) struct Stored {
    pub scored: BTreeMap<u32, Value>,
    pub assessor: BTreeMap<u32, Value>,
    pub external: BTreeMap<u32, ExternalRow>,
}

impl Stored {
    pub(crate) fn read(conn: &Connection, assessment_id: i64) -> AppResult<Stored> {
        let by = |source| -> AppResult<BTreeMap<u32, Value>> {
            Ok(values::list(conn, assessment_id, source)?
                .into_iter()
                .map(|r| (r.indicator, r.value))
                .collect())
        };
        Ok(Stored {
            scored: by(ValueSource::SelfAssessed)?,
            assessor: by(ValueSource::Assessor)?,
            external: values::externals(conn, assessment_id)?
                .into_iter()
                .map(|r| (r.indicator, r))
                .collect(),
        })
    }

    /// The external values entered, by indicator.
    pub(crate) fn external_values(&self) -> BTreeMap<u32, Value> {
        self.external.iter().map(|(n, r)| (*n, r.value)).collect()
    }
}

fn value_dto(catalog: &Catalog, ind: &Indicator, s: &Stored) -> IndicatorValueDto {
    let own = s.scored.get(&ind.number).copied();
    let external = ind.external_index.as_ref().map(|x| {
        let entered = s.external.get(&ind.number);
        let value = entered
            .map(|r| r.value)
            .or_else(|| catalog.external_default(ind))
            .unwrap_or_else(|| {
                Value::from_level(swanilai_core::Level::new(1).expect("1 is a level"))
            });
        ExternalValueDto {
            index_name: x.name.clone(),
            value: value.as_f64(),
            value_text: value.to_id_string(),
            defaulted: entered.is_none(),
            source: entered.map(|r| r.source.clone()).unwrap_or_default(),
            source_year: entered.and_then(|r| r.source_year),
        }
    });
    IndicatorValueDto {
        indicator: ind.number,
        name: ind.name.clone(),
        name_variants: ind.name_variants.clone(),
        aspect: ind.aspect,
        weight: f64::from(ind.weight_bp) / 100.0,
        self_value: own.map(Value::as_f64),
        assessor_value: s.assessor.get(&ind.number).map(|v| v.as_f64()),
        self_band: own.map(|v| {
            catalog
                .rating(swanilai_core::Score::new(u64::from(v.hundredths()), 100))
                .to_owned()
        }),
        external,
    }
}

pub(crate) fn scoring_dto(catalog: &Catalog) -> ScoringDto {
    let f = catalog.file();
    let scoring = catalog.scoring();
    ScoringDto {
        framework_id: f.framework.id.clone(),
        value_kind: scoring.value.as_str().to_owned(),
        has_domains: catalog.has_domains(),
        provisional: catalog.is_provisional(),
        status_note: f.framework.status_note.clone(),
        index_name: f.framework.index_name.clone(),
        level_names: f
            .level_kinds
            .first()
            .map(|k| k.names.clone())
            .unwrap_or_default(),
        bands: catalog
            .rating_bands()
            .iter()
            .map(|b| BandDto {
                name: b.name.clone(),
                min: b.min.clone(),
                label: b.label.clone(),
            })
            .collect(),
        band_boundary: match scoring.band_boundary {
            swanilai_core::BandBoundary::MinInclusive => "min_inclusive",
            swanilai_core::BandBoundary::MinExclusive => "min_exclusive",
        }
        .to_owned(),
        has_butir: !catalog.butir().is_empty(),
    }
}

/// A value as typed, or INVALID_VALUE saying why.
pub(crate) fn parse_value(text: &str) -> AppResult<Value> {
    Value::parse(text).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidValue,
            format!("{e}; a value is 1.00-5.00 with at most two decimals"),
        )
    })
}

/// Refuse a decimal-value command on a framework scored with whole levels.
fn require_decimal(catalog: &Catalog, what: &str) -> AppResult<()> {
    if catalog.scoring().value == ValueKind::Decimal {
        return Ok(());
    }
    Err(AppError::new(
        ErrorCode::WrongValueKind,
        format!(
            "{} scores whole levels 1-5, not {what}; use `answer set --level`",
            catalog.framework().short_title
        ),
    ))
}

fn store_source(s: ValueSourceDto) -> ValueSource {
    match s {
        ValueSourceDto::SelfAssessed => ValueSource::SelfAssessed,
        ValueSourceDto::Assessor => ValueSource::Assessor,
    }
}
