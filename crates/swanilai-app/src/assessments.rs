//! Instansi profile and assessments.

use swanilai_store::{accounts, assessments, frameworks, instansi};

use crate::{App, AppError, AppResult, AssessmentDto, ErrorCode, InstansiDto, InstansiInput, Year};
use crate::{CarryInput, InstansiKind, Open};

pub const MIN_YEAR: i32 = 2018;
pub const MAX_YEAR: i32 = 2100;

impl App {
    /// Create the instansi profile of a new database.
    pub fn init(&mut self, input: InstansiInput) -> AppResult<InstansiDto> {
        let name = input.name.trim();
        if name.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "the instansi name must not be empty",
            ));
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            if let Some(existing) = instansi::get(tx)? {
                return Err(AppError::new(
                    ErrorCode::AlreadyInitialized,
                    format!(
                        "this database already belongs to {}; use another --db file for another instansi",
                        existing.name
                    ),
                ));
            }
            crate::audit::record(tx, swanilai_store::audit::NewEntry { at: &now, actor: crate::LOCAL_ACTOR, action: "instansi.init", year: None, indicator: None, entity: "instansi", before: "null".into(), after: serde_json::json!({"name": name, "kind": input.kind.as_str()}).to_string() })?;
            instansi::upsert(
                tx,
                &instansi::InstansiRow {
                    name: name.to_owned(),
                    kind: input.kind.as_str().to_owned(),
                    coordinator_name: input.coordinator_name.trim().to_owned(),
                    coordinator_nip: input.coordinator_nip.trim().to_owned(),
                    address: input.address.trim().to_owned(),
                    created_at: now.clone(),
                },
            )?;
            Ok(())
        })?;
        self.instansi()?.ok_or_else(|| {
            AppError::new(
                ErrorCode::Internal,
                "the profile just written cannot be read",
            )
        })
    }

    /// Change the instansi profile (name, kind, Koordinator SPBE and NIP, the kop's address):
    /// the supervisor only, audited with what was and what is, in one transaction. The
    /// documents made afterwards carry the new profile; nothing already exported changes.
    pub fn update_profile(&mut self, input: InstansiInput) -> AppResult<InstansiDto> {
        let before = self.require_instansi()?;
        let actor = self.require_admin()?;
        let after = InstansiDto {
            name: input.name.trim().to_owned(),
            kind: input.kind,
            coordinator_name: input.coordinator_name.trim().to_owned(),
            coordinator_nip: input.coordinator_nip.split_whitespace().collect(),
            address: input.address.trim().to_owned(),
        };
        if after.name.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "name: the instansi name must not be empty",
            ));
        }
        check_nip(&after.coordinator_nip)?;
        if after == before {
            return Ok(before);
        }
        let now = self.clock.now();
        let json = |d: &InstansiDto| {
            serde_json::json!({
                "name": d.name, "kind": d.kind.as_str(), "coordinator_name": d.coordinator_name,
                "coordinator_nip": d.coordinator_nip, "address": d.address,
            })
            .to_string()
        };
        self.store.transaction(|tx, _| {
            let created_at = instansi::get(tx)?.map(|r| r.created_at).unwrap_or_default();
            instansi::upsert(
                tx,
                &instansi::InstansiRow {
                    name: after.name.clone(),
                    kind: after.kind.as_str().to_owned(),
                    coordinator_name: after.coordinator_name.clone(),
                    coordinator_nip: after.coordinator_nip.clone(),
                    address: after.address.clone(),
                    created_at,
                },
            )?;
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "instansi.update",
                    year: None,
                    indicator: None,
                    entity: "instansi",
                    before: json(&before),
                    after: json(&after),
                },
            )
        })?;
        Ok(after)
    }

    /// The instansi profile; None before the first run (`init`).
    pub fn instansi(&self) -> AppResult<Option<InstansiDto>> {
        Ok(instansi::get(self.store.conn())?.map(|r| InstansiDto {
            kind: InstansiKind::parse(&r.kind).unwrap_or(InstansiKind::Kabupaten),
            name: r.name,
            coordinator_name: r.coordinator_name,
            coordinator_nip: r.coordinator_nip,
            address: r.address,
        }))
    }

    pub(crate) fn require_instansi(&self) -> AppResult<InstansiDto> {
        self.instansi()?.ok_or_else(|| {
            AppError::new(
                ErrorCode::NotInitialized,
                format!(
                    "database {} has no instansi yet; run `swanilai --db {} init --instansi NAME --kind kabupaten`",
                    self.db_path().display(),
                    self.db_path().display()
                ),
            )
        })
    }

    /// Start the assessment of a year with a framework (default: the shipped 59/2020).
    /// The criteria version is the one in force for that year.
    pub fn new_assessment(
        &mut self,
        year: i32,
        framework_id: Option<&str>,
    ) -> AppResult<AssessmentDto> {
        self.new_assessment_from(year, framework_id, None)
    }

    /// [`App::new_assessment`], starting from last year when `carry` says so: the chosen
    /// indicators' answers of the latest earlier assessment (same framework) are copied
    /// as drafts, their explanation marked to be revised, and their evidence carried by
    /// reference with its document date. All in the one transaction that creates it.
    pub fn new_assessment_from(
        &mut self,
        year: i32,
        framework_id: Option<&str>,
        carry: Option<CarryInput>,
    ) -> AppResult<AssessmentDto> {
        self.require_instansi()?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("year {year} is outside {MIN_YEAR}-{MAX_YEAR}"),
            ));
        }
        let actor = self.require_admin()?;
        let actor_id = self.actor.as_ref().map(|a| a.account.id);
        let catalog = self.find_framework(framework_id)?;
        let criteria = catalog.criteria_version_for_year(year).id.clone();
        let now = self.clock.now();
        let row = self.store.transaction(|tx, _| {
            if assessments::by_year(tx, year)?.is_some() {
                return Err(AppError::new(
                    ErrorCode::AssessmentExists,
                    format!("an assessment for year {year} already exists"),
                ));
            }
            frameworks::ensure(
                tx,
                &frameworks::FrameworkRow {
                    id: catalog.framework().id.clone(),
                    version: catalog.framework().version.clone(),
                    catalog_json: catalog.to_json(),
                },
                &now,
            )?;
            let row = assessments::insert(
                tx,
                year,
                &catalog.framework().id,
                &catalog.framework().version,
                &criteria,
                &now,
            )?;
            // The team carries over from the latest earlier year; the creator supervises.
            let previous = assessments::list(tx)?
                .into_iter()
                .filter(|p| p.year < year)
                .max_by_key(|p| p.year);
            if let Some(prev) = &previous {
                for (acc, role) in accounts::team(tx, prev.id)? {
                    accounts::set_role(tx, row.id, acc.id, role)?;
                }
            }
            if let Some(id) = actor_id {
                accounts::set_role(tx, row.id, id, swanilai_core::workflow::Role::Supervisor)?;
            }
            let carried = match (&carry, &previous) {
                (None, _) => None,
                (Some(_), None) => {
                    return Err(AppError::new(
                        ErrorCode::AssessmentNotFound,
                        format!("there is no assessment before {year} to start from"),
                    ))
                }
                (Some(c), Some(prev)) => {
                    Some(carry_answers(tx, prev, &row, &catalog, c, &actor, &now)?)
                }
            };
            crate::audit::record(
                tx,
                swanilai_store::audit::NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "assessment.new",
                    year: Some(year),
                    indicator: None,
                    entity: "assessment",
                    before: "null".into(),
                    after: serde_json::json!({
                        "year": year,
                        "framework": catalog.framework().id,
                        "version": catalog.framework().version,
                        "criteria": criteria,
                        "carried": carried,
                    })
                    .to_string(),
                },
            )?;
            Ok(row)
        })?;
        self.assessment_dto(&row)
    }

    /// Every assessment, oldest year first, each with the signed-in person's role and
    /// permissions in it.
    pub fn assessments(&mut self) -> AppResult<Vec<AssessmentDto>> {
        let rows = assessments::list(self.store.conn())?;
        rows.iter().map(|r| self.assessment_dto(r)).collect()
    }

    /// The assessment of a year, or the latest when `year` is None.
    pub fn assessment_info(&mut self, year: impl Into<Year>) -> AppResult<AssessmentDto> {
        let row = self.assessment(year)?;
        self.assessment_dto(&row)
    }

    fn assessment_dto(&mut self, r: &assessments::AssessmentRow) -> AppResult<AssessmentDto> {
        let catalog = self.catalog_of(r)?;
        let viewer = self.viewer(r)?;
        Ok(AssessmentDto {
            year: r.year,
            framework_id: r.framework_id.clone(),
            framework_version: r.framework_version.clone(),
            framework_title: catalog.framework().title.clone(),
            criteria_version: r.criteria_version.clone(),
            criteria_title: catalog
                .criteria_version(&r.criteria_version)
                .map(|c| c.title.clone())
                .unwrap_or_else(|| r.criteria_version.clone()),
            status: r.status,
            created_at: r.created_at.clone(),
            my_role: viewer.role(),
            can: viewer.on_assessment(),
        })
    }
}

/// A NIP (Nomor Induk Pegawai) is empty or 18 digits.
fn check_nip(nip: &str) -> AppResult<()> {
    if nip.is_empty() || (nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit())) {
        return Ok(());
    }
    Err(AppError::new(
        ErrorCode::InvalidInput,
        format!("coordinator_nip: '{nip}' is not a NIP; a NIP has 18 digits (or leave it empty)"),
    ))
}

/// Open a database that must exist and have a profile.
pub fn open_initialized(path: &std::path::Path) -> AppResult<App> {
    let app = App::open(path, Open::Existing)?;
    app.require_instansi()?;
    Ok(app)
}

/// Copy the chosen indicators of `prev` into the new assessment `to`; what was carried, for
/// the audit entry.
fn carry_answers(
    tx: &swanilai_store::Transaction<'_>,
    prev: &assessments::AssessmentRow,
    to: &assessments::AssessmentRow,
    catalog: &swanilai_core::Catalog,
    carry: &CarryInput,
    actor: &str,
    now: &str,
) -> AppResult<serde_json::Value> {
    if prev.framework_id != to.framework_id {
        return Err(AppError::new(
            ErrorCode::WrongValueKind,
            format!(
                "the {} assessment uses {}, the new one {}: answers cannot be carried between frameworks; create it without --from-previous",
                prev.year, prev.framework_id, to.framework_id
            ),
        ));
    }
    let indicators: Vec<u32> = match &carry.indicators {
        None => catalog.indicators().iter().map(|i| i.number).collect(),
        Some(list) => {
            for n in list {
                if catalog.indicator(*n).is_none() {
                    return Err(AppError::new(
                        ErrorCode::UnknownIndicator,
                        format!(
                            "indicator {n} is not in {}; it has 1-{}",
                            catalog.framework().id,
                            catalog.indicators().len()
                        ),
                    ));
                }
            }
            let mut l = list.clone();
            l.sort_unstable();
            l.dedup();
            l
        }
    };
    let answers =
        swanilai_store::answers::carry(tx, prev.id, to.id, &indicators, prev.year, actor, now)?;
    let values = swanilai_store::values::carry(tx, prev.id, to.id, &indicators, actor, now)?;
    let evidence = swanilai_store::evidence::carry(tx, prev.id, to.id, &indicators, prev.year)?;
    Ok(serde_json::json!({
        "from": prev.year,
        "indicators": indicators,
        "answers": answers,
        "values": values,
        "evidence": evidence,
    }))
}
