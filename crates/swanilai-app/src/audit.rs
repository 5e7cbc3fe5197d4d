//! The audit trail: every change appends an entry in the same transaction (who, when,
//! what, the state before and after, chained by sha256); each indicator's history; and
//! `verify`, which checks the chain and that the data equals what the log last recorded.

use std::collections::HashMap;

use swanilai_store::audit::{self, NewEntry};
use swanilai_store::{answers, Transaction};

use crate::answers::answer_state;
use crate::{App, AppResult, AuditEntryDto, AuditReport, Year, LOCAL_ACTOR};

/// Append `entry` to the log inside the caller's transaction.
pub(crate) fn record(tx: &Transaction<'_>, entry: NewEntry<'_>) -> AppResult<()> {
    audit::append(tx, &entry)?;
    Ok(())
}

impl App {
    /// Every recorded change of one indicator, oldest first.
    pub fn history(
        &mut self,
        year: impl Into<Year>,
        indicator: u32,
    ) -> AppResult<Vec<AuditEntryDto>> {
        let a = self.assessment(year)?;
        Ok(
            audit::list(self.store.conn(), Some(a.year), Some(indicator))?
                .into_iter()
                .map(entry_dto)
                .collect(),
        )
    }

    /// The whole audit log (optionally of one year).
    pub fn audit_log(&mut self, year: Option<i32>) -> AppResult<Vec<AuditEntryDto>> {
        Ok(audit::list(self.store.conn(), year, None)?
            .into_iter()
            .map(entry_dto)
            .collect())
    }

    /// Check the hash chain; that the database as a whole is in the state the log last
    /// recorded (every table the use cases write, see `swanilai_store::audit`), and each
    /// answer in particular; that nothing was ever changed outside Swanilai (such a change
    /// is written into the chain by the next transaction and stays reported); and that a
    /// log that was started was not emptied.
    pub fn verify_audit(&mut self) -> AppResult<AuditReport> {
        let conn = self.store.conn();
        let entries = audit::count(conn)?;
        let broken = audit::verify(conn)?;
        let mut mismatches = Vec::new();
        if entries == 0 && audit::was_started(conn)? {
            mismatches.push(
                "the audit log is empty but this database had one: its entries were deleted outside Swanilai"
                    .to_owned(),
            );
        }
        let rows = audit::list(conn, None, None)?;
        for r in rows.iter().filter(|r| r.action == audit::OUTSIDE) {
            let tables: Vec<String> = serde_json::from_str::<serde_json::Value>(&r.after)
                .ok()
                .and_then(|v| serde_json::from_value(v["tables"].clone()).ok())
                .unwrap_or_default();
            mismatches.push(format!(
                "entry {}: before {} the database was changed outside Swanilai (tables: {})",
                r.seq,
                r.at,
                tables.join(", ")
            ));
        }
        if let Some((seq, recorded)) = audit::last_state(conn)? {
            let current = audit::state_digest(conn)?;
            if current != recorded {
                mismatches.push(format!(
                    "the database differs from what the audit log recorded at entry {seq} (changed outside Swanilai: {})",
                    audit::changed_tables(&recorded, &current).join(", ")
                ));
            }
        }
        let mut last: HashMap<(i32, u32), String> = HashMap::new();
        for r in rows.iter().filter(|r| r.entity == "answer") {
            if let (Some(y), Some(i)) = (r.year, r.indicator) {
                last.insert((y, i), r.after.clone());
            }
        }
        for a in swanilai_store::assessments::list(conn)? {
            for ans in answers::list(conn, a.id)? {
                match last.get(&(a.year, ans.indicator)) {
                    Some(recorded) if *recorded == answer_state(&ans) => {}
                    Some(_) => mismatches.push(format!(
                        "the {} answer of indicator {} differs from what the audit log last recorded (changed outside Swanilai)",
                        a.year, ans.indicator
                    )),
                    None => mismatches.push(format!(
                        "the {} answer of indicator {} has no audit record (written outside Swanilai)",
                        a.year, ans.indicator
                    )),
                }
            }
        }
        let keys = swanilai_store::keys::verify_keys(conn)?;
        for p in &keys.problems {
            mismatches.push(format!("entry {}: {}", p.seq, p.reason));
        }
        let ok = broken.is_none() && mismatches.is_empty();
        let message = match (&broken, mismatches.first()) {
            (Some(b), _) => format!("audit log broken at entry {}: {}", b.seq, b.reason),
            (None, Some(m)) => m.clone(),
            (None, None) => format!(
                "audit log verified: {entries} entries, chain intact, data matches, {} of {} transactions signed; head {}",
                keys.signed,
                keys.signed + keys.unsigned,
                audit::head_fingerprint(conn)?
            ),
        };
        Ok(AuditReport {
            entries,
            ok,
            broken_at: broken.map(|b| b.seq),
            mismatches,
            signed: keys.signed,
            unsigned: keys.unsigned,
            message,
        })
    }

    /// A database from before the audit log (schema 1) gets one baseline entry per answer,
    /// so that later checks compare against a recorded state.
    pub(crate) fn ensure_audit_baseline(&mut self) -> AppResult<()> {
        // Never a silent new baseline for a log that was started and then emptied: verify
        // reports that instead.
        let conn = self.store.conn();
        if audit::count(conn)? > 0 || audit::was_started(conn)? {
            return Ok(());
        }
        let list = swanilai_store::assessments::list(self.store.conn())?;
        let mut rows = Vec::new();
        for a in &list {
            for r in answers::list(self.store.conn(), a.id)? {
                rows.push((a.year, r));
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            for (year, r) in &rows {
                record(
                    tx,
                    NewEntry {
                        at: &now,
                        actor: LOCAL_ACTOR,
                        action: "baseline",
                        year: Some(*year),
                        indicator: Some(r.indicator),
                        entity: "answer",
                        before: "null".into(),
                        after: answer_state(r),
                    },
                )?;
            }
            Ok(())
        })
    }
}

fn entry_dto(r: audit::AuditRow) -> AuditEntryDto {
    AuditEntryDto {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        year: r.year,
        indicator: r.indicator,
        entity: r.entity,
        before: r.before,
        after: r.after,
    }
}
