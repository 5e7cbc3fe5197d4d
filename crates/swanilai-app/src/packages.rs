//! Work packages (paket kerja): out from the team database to one member's laptop, opened
//! there as a working copy, sent back with what changed, and merged into the team
//! database (see `packages/merge.rs`). The format itself is swanilai-package's; here the
//! store's rows become its payload and back.

mod convert;
mod merge;
mod open;
mod send;

pub use send::WorkingCopyDto;

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use swanilai_core::workflow::Role;
use swanilai_package::{self as pkg, Manifest, Origin, PackageKind, PackageReader, PackageWriter};
use swanilai_store::accounts::{self, AccountRow};
use swanilai_store::answers;
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::{comments, evidence, packages};

use crate::{indicator_of, App, AppError, AppResult, ErrorCode, Year};

pub use merge::{FieldMergeDto, IndicatorMergeDto, MergeDecision, MergeReport};

use convert::*;

/// Who a work package is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum PackageTarget {
    /// One account: the indicators assigned to it, directly or through its unit kerja.
    Account(String),
    /// A unit kerja: the indicators assigned to it or to its people; its accounts come along.
    Unit(String),
    /// Chosen indicators, for the account that makes the package.
    Indicators(Vec<u32>),
}

/// A package just written or opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PackageDto {
    /// The package file.
    pub path: String,
    /// The package's id.
    pub package_id: String,
    /// "work", "return" or "copy".
    pub kind: String,
    /// The assessment year.
    pub year: i32,
    /// The account it is for, if one.
    pub for_account: Option<String>,
    /// The indicators it carries.
    pub indicators: Vec<u32>,
    /// Evidence files inside.
    pub files: u32,
    /// Indicators a newer work package did not replace because they hold unsent work.
    pub kept_unsent: Vec<u32>,
}

/// A new random id (128 bits, hex).
fn new_id() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut b = [0u8; 16];
    OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

fn package_error(e: pkg::PackageError) -> AppError {
    let code = match &e {
        pkg::PackageError::Io { .. } => ErrorCode::FileUnreadable,
        _ => ErrorCode::PackageInvalid,
    };
    AppError::new(code, e.to_string())
}

fn refused(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::PackageRefused, message)
}

fn read_package(file: &Path) -> AppResult<PackageReader<std::io::BufReader<std::fs::File>>> {
    let f = std::fs::File::open(file).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read {}: {e}", file.display()),
        )
    })?;
    PackageReader::open(std::io::BufReader::new(f), file).map_err(package_error)
}

impl App {
    /// Only the supervisor or the operator hand out work packages.
    fn may_make_packages(&self, a: &AssessmentRow) -> AppResult<String> {
        let name = self.actor_name()?;
        match self.role_in(a)? {
            Some(Role::Supervisor | Role::Operator) => Ok(name),
            _ => Err(AppError::new(
                ErrorCode::SupervisorOnly,
                "only the supervisor (penanggung jawab) or the operator makes work packages",
            )),
        }
    }

    /// Write a work package of the `year` assessment for a person, a unit kerja or chosen
    /// indicators to `out` (atomically).
    /// `progress(done, total)` is called with the evidence bytes written so far.
    pub fn package_out(
        &mut self,
        year: impl Into<Year>,
        target: PackageTarget,
        out: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> AppResult<PackageDto> {
        let a = self.assessment(year)?;
        crate::answers::ensure_open(&a)?;
        let actor = self.may_make_packages(&a)?;
        let catalog = self.catalog_of(&a)?;
        let conn = self.store.conn();
        let assigned = accounts::assignments(conn, a.id)?;
        let all = accounts::list(conn)?;
        let same = |x: &str, y: &str| x.trim().eq_ignore_ascii_case(y.trim());
        let (indicators, people, for_account, for_unit): (BTreeSet<u32>, Vec<AccountRow>, _, _) =
            match &target {
                PackageTarget::Account(name) => {
                    // Assigned to them directly or through their unit: the store's rule.
                    let acc = self.account_named(name)?;
                    let mut inds = BTreeSet::new();
                    for ind in catalog.indicators() {
                        if accounts::is_assigned(conn, a.id, ind.number, &acc)? {
                            inds.insert(ind.number);
                        }
                    }
                    let n = acc.name.clone();
                    (inds, vec![acc], Some(n), None)
                }
                PackageTarget::Unit(unit) => {
                    let people: Vec<AccountRow> = all
                        .iter()
                        .filter(|p| same(&p.unit, unit))
                        .cloned()
                        .collect();
                    let inds = assigned
                        .iter()
                        .filter(|s| {
                            s.unit.as_deref().is_some_and(|u| same(u, unit))
                                || s.account
                                    .as_deref()
                                    .is_some_and(|n| people.iter().any(|p| same(&p.name, n)))
                        })
                        .map(|s| s.indicator)
                        .collect();
                    (inds, people, None, Some(unit.trim().to_owned()))
                }
                PackageTarget::Indicators(list) => {
                    for n in list {
                        indicator_of(&catalog, *n)?;
                    }
                    let me: Vec<AccountRow> = self
                        .actor
                        .as_ref()
                        .map(|x| vec![x.account.clone()])
                        .unwrap_or_default();
                    let who = me.first().map(|p| p.name.clone());
                    (list.iter().copied().collect(), me, who, None)
                }
            };
        if indicators.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "no indicator is assigned there: assign indicators on the team screen (or `assign`) first, or choose them with --indicators",
            ));
        }
        let inds: Vec<u32> = indicators.iter().copied().collect();
        let payload = self.payload_of(&a, &inds, &people)?;
        let manifest = Manifest {
            format: pkg::FORMAT,
            kind: PackageKind::Work,
            package_id: new_id(),
            answers_package: None,
            made_at: self.clock.now(),
            made_by: actor.clone(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            origin: self.origin(&a)?,
            for_account,
            for_unit,
            indicators: inds.clone(),
            parts: Vec::new(),
        };
        let manifest = self.write_package(out, manifest, &payload, &payload.evidence, progress)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            packages::record_out(
                tx,
                &packages::OutRow {
                    package_id: manifest.package_id.clone(),
                    assessment_id: a.id,
                    for_account: manifest.for_account.clone(),
                    for_unit: manifest.for_unit.clone(),
                    indicators: serde_json::to_string(&inds).unwrap_or_default(),
                    made_at: manifest.made_at.clone(),
                    made_by: actor.clone(),
                },
            )?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "package.out",
                    year: Some(a.year),
                    indicator: None,
                    entity: "package",
                    before: "null".into(),
                    after: serde_json::json!({"package": manifest.package_id, "for": manifest.for_account, "unit": manifest.for_unit, "indicators": inds}).to_string(),
                },
            )
        })?;
        Ok(summary(out, &manifest, &payload.evidence, Vec::new()))
    }

    /// A whole copy of an assessment (every indicator, its evidence and comments, and the
    /// audit trail), to merge into another full copy of the team database (the
    /// supervisor's and the operator's laptops).
    pub fn package_copy(&mut self, year: impl Into<Year>, out: &Path) -> AppResult<PackageDto> {
        let a = self.assessment(year)?;
        let actor = self.may_make_packages(&a)?;
        let catalog = self.catalog_of(&a)?;
        let inds: Vec<u32> = catalog.indicators().iter().map(|i| i.number).collect();
        let mut payload = self.payload_of(&a, &inds, &[])?;
        payload.history = swanilai_store::audit::list(self.store.conn(), None, None)?
            .into_iter()
            .map(|r| pkg::History {
                hash: r.hash,
                entity: r.entity,
                year: r.year,
                indicator: r.indicator,
                after: r.after,
            })
            .collect();
        let manifest = Manifest {
            format: pkg::FORMAT,
            kind: PackageKind::Copy,
            package_id: new_id(),
            answers_package: None,
            made_at: self.clock.now(),
            made_by: actor,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            origin: self.origin(&a)?,
            for_account: None,
            for_unit: None,
            indicators: inds,
            parts: Vec::new(),
        };
        let manifest =
            self.write_package(out, manifest, &payload, &payload.evidence, &mut |_, _| {})?;
        Ok(summary(out, &manifest, &payload.evidence, Vec::new()))
    }

    /// The payload of a package of `inds`: the answers, last year's, comments, evidence,
    /// and the accounts of `people` with their roles.
    /// Where a package comes from: this database, its instansi, the assessment's year and
    /// framework.
    fn origin(&self, a: &AssessmentRow) -> AppResult<Origin> {
        Ok(Origin {
            database_id: packages::database_id(self.store.conn())?,
            instansi: self.require_instansi()?.name,
            year: a.year,
            framework_id: a.framework_id.clone(),
            framework_version: a.framework_version.clone(),
        })
    }

    fn payload_of(
        &mut self,
        a: &AssessmentRow,
        inds: &[u32],
        people: &[AccountRow],
    ) -> AppResult<pkg::Payload> {
        let conn = self.store.conn();
        let fw = swanilai_store::frameworks::get(conn, &a.framework_id, &a.framework_version)?
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::FrameworkUnknown,
                    "the assessment's catalog is missing",
                )
            })?;
        let wanted: BTreeSet<u32> = inds.iter().copied().collect();
        let answers = answers::list(conn, a.id)?
            .iter()
            .filter(|r| wanted.contains(&r.indicator))
            .map(to_answer)
            .collect();
        let previous = match swanilai_store::assessments::by_year(conn, a.year - 1)? {
            Some(p) => answers::list(conn, p.id)?
                .iter()
                .filter(|r| wanted.contains(&r.indicator))
                .map(to_answer)
                .collect(),
            None => Vec::new(),
        };
        let mut thread = Vec::new();
        for n in inds {
            thread.extend(comments::list(conn, a.id, *n)?.iter().map(to_comment));
        }
        let ev = evidence::list(conn, a.id, None)?
            .iter()
            .filter(|e| wanted.contains(&e.indicator))
            .map(to_evidence)
            .collect();
        let mut accs = Vec::new();
        for p in people {
            accs.push(pkg::Account {
                name: p.name.clone(),
                unit: p.unit.clone(),
                nip: p.nip.clone(),
                password_hash: p.password_hash.clone(),
                role: accounts::role(conn, a.id, p.id)?,
            });
        }
        Ok(pkg::Payload {
            instansi: swanilai_store::instansi::get(conn)?.map(|i| pkg::Instansi {
                name: i.name,
                kind: i.kind,
                coordinator_name: i.coordinator_name,
                coordinator_nip: i.coordinator_nip,
                address: i.address,
            }),
            catalog_json: fw.catalog_json,
            criteria_version: a.criteria_version.clone(),
            answers,
            previous,
            comments: thread,
            evidence: ev,
            accounts: accs,
            base_answers: Vec::new(),
            base_evidence: Vec::new(),
            history: Vec::new(),
        })
    }

    /// Write a package with the evidence files of `payload` streamed from the store.
    /// Write a package: `payload`, with the files of the `inside` evidence records (every
    /// record's for a work package or a copy; only the new ones for a return) streamed
    /// from the store.
    pub(super) fn write_package(
        &self,
        out: &Path,
        manifest: Manifest,
        payload: &pkg::Payload,
        inside: &[pkg::Evidence],
        progress: &mut dyn FnMut(u64, u64),
    ) -> AppResult<Manifest> {
        let blobs = self.store.blobs().clone();
        let sizes: std::collections::BTreeMap<String, u64> = inside
            .iter()
            .filter_map(|e| e.sha256.clone().map(|s| (s, e.size.unwrap_or(0))))
            .collect();
        let total: u64 = sizes.values().sum();
        let files: BTreeSet<String> = sizes.keys().cloned().collect();
        let mut done = 0u64;
        crate::files::write_atomically(out, |file, _| {
            let mut w = PackageWriter::new(file, out);
            for sha in &files {
                let path = blobs.path_of(sha);
                let mut f = std::fs::File::open(&path).map_err(|e| {
                    AppError::new(
                        ErrorCode::EvidenceCorrupt,
                        format!(
                            "evidence file {sha} is missing from {}: {e}",
                            blobs.root().display()
                        ),
                    )
                })?;
                w.add_evidence(sha, &mut f, &mut |n| {
                    done += n;
                    progress(done, total);
                })
                .map_err(package_error)?;
            }
            let (_, m) = w.finish(manifest, payload).map_err(package_error)?;
            progress(total, total);
            Ok(m)
        })
    }

    /// Store the evidence files of a package that this database does not hold yet,
    /// checking each against its sha256. The returned hold keeps the open-time sweep off
    /// them: keep it until the transaction that records them has committed.
    fn ingest_package_files<R: std::io::Read + std::io::Seek>(
        &self,
        r: &mut PackageReader<R>,
        shas: &BTreeSet<String>,
        file: &Path,
    ) -> AppResult<swanilai_store::Hold> {
        let hold = self.store.blobs().hold()?;
        for sha in shas {
            if self.store.blobs().path_of(sha).exists() {
                continue;
            }
            let mut reader = r.evidence_reader(sha).map_err(package_error)?;
            let info = self.store.blobs().ingest_from(&mut reader, file)?;
            if &info.sha256 != sha {
                return Err(AppError::new(
                    ErrorCode::PackageInvalid,
                    format!("{}: evidence/{sha} does not match its sha256 (the package is damaged); nothing was changed", file.display()),
                ));
            }
        }
        Ok(hold)
    }
}

/// Attach an evidence record carried by a package, under its original author and time.
fn insert_evidence(
    tx: &swanilai_store::Transaction<'_>,
    assessment_id: i64,
    e: &pkg::Evidence,
    now: &str,
) -> AppResult<i64> {
    if let (Some(sha), Some(size)) = (&e.sha256, e.size) {
        evidence::ensure_blob(
            tx,
            sha,
            size,
            e.media_type
                .as_deref()
                .unwrap_or("application/octet-stream"),
            now,
        )?;
    }
    let (id, _) = evidence::insert(
        tx,
        assessment_id,
        &evidence::NewEvidence {
            indicator: e.indicator,
            kind: if e.sha256.is_some() { "file" } else { "link" },
            sha256: e.sha256.as_deref(),
            name: &crate::evidence_names::normalise_name(&e.name),
            url: e.url.as_deref(),
            note: &e.note,
            document_date: e.document_date.as_deref(),
            added_at: &e.added_at,
            added_by: &e.added_by,
        },
    )?;
    Ok(id)
}

pub(super) fn summary(
    path: &Path,
    m: &Manifest,
    inside: &[pkg::Evidence],
    kept: Vec<u32>,
) -> PackageDto {
    PackageDto {
        path: path.display().to_string(),
        package_id: m.package_id.clone(),
        kind: m.kind.as_str().to_owned(),
        year: m.origin.year,
        for_account: m.for_account.clone(),
        indicators: m.indicators.clone(),
        files: inside
            .iter()
            .filter_map(|e| e.sha256.as_ref())
            .collect::<BTreeSet<_>>()
            .len() as u32,
        kept_unsent: kept,
    }
}
