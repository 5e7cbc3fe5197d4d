//! Opening a work package on a member's laptop: a new working copy, or an update of one
//! by a newer package (indicators with unsent work are kept).

use std::collections::BTreeSet;
use std::path::Path;

use swanilai_core::workflow::Role;
use swanilai_package::{self as pkg, Manifest, PackageKind};
use swanilai_store::accounts;
use swanilai_store::answers::{self, AnswerRow};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::{comments, evidence, packages};

use super::convert::*;
use super::*;
use crate::answers::{record_answer, Stamp, Step};
use crate::{App, AppError, AppResult};

impl App {
    /// Open a work package here: a new working copy, or an update of this one by a newer
    /// package from the same team database (indicators with unsent work are kept).
    pub fn package_open(&mut self, file: &Path) -> AppResult<PackageDto> {
        let mut r = read_package(file)?;
        let m = r.manifest.clone();
        if m.kind != PackageKind::Work {
            return Err(refused(format!(
                "{} is a {} package; merge it into the team database with `package merge`",
                file.display(),
                m.kind.as_str()
            )));
        }
        let conn = self.store.conn();
        let previous_in = packages::latest_in(conn)?;
        if previous_in.is_none() && swanilai_store::instansi::get(conn)?.is_some() {
            return Err(refused(format!(
                "{} already holds an instansi that was not opened from a work package; open the package into a new database file",
                self.db_path().display()
            )));
        }
        if let Some(p) = &previous_in {
            if p.origin_database_id != m.origin.database_id {
                return Err(refused(format!(
                    "{} comes from another team database than this working copy ({} {}); open it into a new database file",
                    file.display(),
                    m.origin.instansi,
                    m.origin.year
                )));
            }
            if p.package_id == m.package_id {
                return Err(refused(format!(
                    "{} is already open here; nothing changed",
                    file.display()
                )));
            }
            if m.made_at <= p.made_at {
                return Err(refused(format!(
                    "{} was made {} and is older than the package already opened here ({}); nothing changed",
                    file.display(),
                    m.made_at,
                    p.made_at
                )));
            }
        }
        let shas: BTreeSet<String> = r
            .payload
            .evidence
            .iter()
            .filter_map(|e| e.sha256.clone())
            .collect();
        let _hold = self.ingest_package_files(&mut r, &shas, file)?;
        let payload = r.payload.clone();
        let kept = self.apply_work_package(&m, &payload, previous_in.is_none())?;
        Ok(summary(file, &m, &payload.evidence, kept))
    }

    /// Write a work package's content in one transaction; returns the indicators whose
    /// unsent work was kept.
    fn apply_work_package(
        &mut self,
        m: &Manifest,
        p: &pkg::Payload,
        fresh: bool,
    ) -> AppResult<Vec<u32>> {
        let now = self.clock.now();
        let catalog = swanilai_core::Catalog::from_json(&p.catalog_json)?;
        let year = m.origin.year;
        let conn = self.store.conn();
        // Which indicators hold work not sent back yet (kept when updating).
        let mut unsent = BTreeSet::new();
        if let (false, Some(a)) = (fresh, swanilai_store::assessments::by_year(conn, year)?) {
            for b in packages::bases(conn, a.id)? {
                if self.has_unsent(&a, &b)? {
                    unsent.insert(b.indicator);
                }
            }
        }
        let actor = m.made_by.clone();
        let manifest_json = serde_json::to_string(m).unwrap_or_default();
        self.store.transaction(|tx, _| {
            if fresh {
                if let Some(i) = &p.instansi {
                    swanilai_store::instansi::upsert(
                        tx,
                        &swanilai_store::instansi::InstansiRow {
                            name: i.name.clone(),
                            kind: i.kind.clone(),
                            coordinator_name: i.coordinator_name.clone(),
                            coordinator_nip: i.coordinator_nip.clone(),
                            address: i.address.clone(),
                            created_at: now.clone(),
                        },
                    )?;
                }
                swanilai_store::frameworks::ensure(
                    tx,
                    &swanilai_store::frameworks::FrameworkRow {
                        id: catalog.framework().id.clone(),
                        version: catalog.framework().version.clone(),
                        catalog_json: p.catalog_json.clone(),
                    },
                    &now,
                )?;
            }
            let a = match swanilai_store::assessments::by_year(tx, year)? {
                Some(a) => a,
                None => swanilai_store::assessments::insert(
                    tx,
                    year,
                    &m.origin.framework_id,
                    &m.origin.framework_version,
                    &p.criteria_version,
                    &now,
                )?,
            };
            if fresh && !p.previous.is_empty() {
                let prev = swanilai_store::assessments::insert(
                    tx,
                    year - 1,
                    &m.origin.framework_id,
                    &m.origin.framework_version,
                    &p.criteria_version,
                    &now,
                )?;
                for ans in &p.previous {
                    let stamp = Stamp { actor: &actor, now: &now, action: "package.open" };
                    let before = AnswerRow::blank(ans.indicator);
                    record_answer(tx, &prev, &before, from_answer(ans), Step::Carry, &stamp)?;
                }
            }
            for acc in &p.accounts {
                let id = match accounts::by_name(tx, &acc.name)? {
                    Some(row) => row.id,
                    None => accounts::insert(tx, &acc.name, &acc.nip, &acc.unit, &acc.password_hash, false, &now)?,
                };
                // In a working copy everyone is a member: the package's indicators are
                // theirs, everything else reads as "not assigned to you".
                accounts::set_role(tx, a.id, id, Role::Member)?;
                for n in &m.indicators {
                    accounts::assign(tx, a.id, *n, Some(id), None)?;
                }
            }
            for n in &m.indicators {
                if unsent.contains(n) {
                    continue;
                }
                replace_indicator(tx, &a, *n, p, &m.package_id, &actor, &now)?;
            }
            packages::record_in(
                tx,
                &packages::InRow {
                    package_id: m.package_id.clone(),
                    origin_database_id: m.origin.database_id.clone(),
                    assessment_id: a.id,
                    for_account: m.for_account.clone(),
                    indicators: serde_json::to_string(&m.indicators).unwrap_or_default(),
                    made_at: m.made_at.clone(),
                    opened_at: now.clone(),
                    manifest: manifest_json.clone(),
                },
            )?;
            crate::audit::record(
                tx,
                NewEntry {
                    at: &now,
                    actor: &actor,
                    action: "package.open",
                    year: Some(year),
                    indicator: None,
                    entity: "package",
                    before: "null".into(),
                    after: serde_json::json!({"package": m.package_id, "indicators": m.indicators, "kept_unsent": unsent}).to_string(),
                },
            )?;
            Ok::<_, AppError>(())
        })?;
        Ok(unsent.into_iter().collect())
    }
}

/// Put one indicator of a work package in place: its answer, evidence and comments,
/// and record them as the indicator's base.
#[allow(
    clippy::too_many_arguments,
    reason = "one step of one transaction, its context spelled out"
)]
fn replace_indicator(
    tx: &swanilai_store::Transaction<'_>,
    a: &AssessmentRow,
    n: u32,
    p: &pkg::Payload,
    package_id: &str,
    actor: &str,
    now: &str,
) -> AppResult<()> {
    let before = answers::get(tx, a.id, n)?.unwrap_or_else(|| AnswerRow::blank(n));
    let theirs = p.answers.iter().find(|x| x.indicator == n);
    let after = theirs
        .map(from_answer)
        .unwrap_or_else(|| AnswerRow::blank(n));
    if after != before {
        let stamp = Stamp {
            actor,
            now,
            action: "package.open",
        };
        record_answer(tx, a, &before, after.clone(), Step::Carry, &stamp)?;
    }
    for old in evidence::list(tx, a.id, Some(n))? {
        evidence::delete(tx, a.id, old.id)?;
    }
    let ev: Vec<pkg::Evidence> = p
        .evidence
        .iter()
        .filter(|e| e.indicator == n)
        .cloned()
        .collect();
    for e in &ev {
        insert_evidence(tx, a.id, e, now)?;
    }
    let have = comments::list(tx, a.id, n)?;
    for c in p.comments.iter().filter(|c| c.indicator == n) {
        let known = have
            .iter()
            .any(|h| h.author == c.author && h.created_at == c.created_at && h.body == c.body);
        if !known {
            comments::insert(tx, a.id, n, &c.author, c.kind, &c.body, &c.created_at)?;
        }
    }
    let count = comments::list(tx, a.id, n)?.len() as u32;
    packages::set_base(
        tx,
        a.id,
        &packages::BaseRow {
            indicator: n,
            package_id: package_id.to_owned(),
            answer: serde_json::to_string(&to_answer(&after)).unwrap_or_default(),
            evidence: serde_json::to_string(&ev).unwrap_or_default(),
            comments: count,
        },
    )?;
    Ok(())
}
