//! Instansi profile and assessments.

use swanilai_store::{accounts, assessments, frameworks, instansi};

use crate::{App, AppError, AppResult, AssessmentDto, ErrorCode, InstansiDto, InstansiInput, Year};
use crate::{InstansiKind, Open};

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
            if let Some(prev) = previous {
                for (acc, role) in accounts::team(tx, prev.id)? {
                    accounts::set_role(tx, row.id, acc.id, role)?;
                }
            }
            if let Some(id) = actor_id {
                accounts::set_role(tx, row.id, id, swanilai_core::workflow::Role::Supervisor)?;
            }
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
