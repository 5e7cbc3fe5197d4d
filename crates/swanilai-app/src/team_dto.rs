//! DTOs of the evaluator team: accounts, roles, assignments, comments, review, audit.

use serde::{Deserialize, Serialize};
use swanilai_core::workflow::{CommentKind, Role};

/// A new account as entered: name, unit kerja, NIP and first password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewAccount {
    /// The name the person signs in with, 1-80 characters; unique regardless of case.
    pub name: String,
    /// The unit kerja the person works in; indicators assigned to that unit are theirs too. May
    /// be left empty.
    #[serde(default)]
    pub unit: String,
    /// The person's NIP (civil servant number), printed on the documents; may be left empty.
    #[serde(default)]
    pub nip: String,
    /// The first password: at least 10 characters, not a common one, not containing the name;
    /// stored only as an argon2id hash.
    pub password: String,
}

/// An account as listed; never its password or hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AccountDto {
    /// The name the person signs in with.
    pub name: String,
    /// The unit kerja the person works in; empty when none.
    pub unit: String,
    /// The person's NIP (civil servant number); empty when none.
    pub nip: String,
    /// The instansi's supervisor account (the first one created).
    pub is_admin: bool,
}

/// Who is signed in, and their role in the latest (or given) assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SignedInDto {
    /// The signed-in account.
    pub account: AccountDto,
    /// Their role in that assessment (the instansi's supervisor account is supervisor wherever
    /// it has no other role); None when they are not in its team.
    pub role: Option<Role>,
    /// The role's Indonesian title: "Penanggung Jawab"; None without a role.
    pub role_title: Option<String>,
    /// The year of the latest assessment, which `role` is about; None when there is none yet.
    pub year: Option<i32>,
}

/// A member of an assessment's team (Tim Asesor Internal) with their role there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TeamMemberDto {
    /// The member's account name.
    pub name: String,
    /// The member's NIP; empty when none.
    pub nip: String,
    /// The member's unit kerja; empty when none.
    pub unit: String,
    /// Their role in this assessment.
    pub role: Role,
    /// "Koordinator SPBE", "Penanggung Jawab", "Pelaksana Entri Data", "Anggota"
    pub role_title: String,
}

/// An indicator is assigned to a person or to a whole unit kerja.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Assignee {
    /// One account, by its name.
    Account(String),
    /// A whole unit kerja, by its name: every account of that unit.
    Unit(String),
}

/// One assignment: who works on an indicator of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssignmentDto {
    /// The indicator's number.
    pub indicator: u32,
    /// The account or unit kerja it is assigned to.
    pub assignee: Assignee,
}

/// One entry of an indicator's comment thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommentDto {
    /// The comment's id in the database.
    pub id: i64,
    /// The number of the indicator it is about.
    pub indicator: u32,
    /// Who wrote it (an account name, or "lokal" in single-user mode).
    pub author: String,
    /// A plain remark, or the note given when submitting, approving or returning.
    pub kind: CommentKind,
    /// The text, trimmed.
    pub body: String,
    /// When it was written, RFC 3339 UTC.
    pub created_at: String,
}

/// One entry of the audit log: who changed what and when, with the state before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditEntryDto {
    /// Its position in the log, from 1; the sha256 chain runs in this order.
    pub seq: i64,
    /// When the change was made, RFC 3339 UTC.
    pub at: String,
    /// Who made it (an account name, or "lokal" in single-user mode).
    pub actor: String,
    /// What was done: "answer.set", "answer.import", "status.submit", "evidence.add",
    /// "team.set", "baseline", ...
    pub action: String,
    /// The assessment year it concerns; None for changes to the whole database (instansi,
    /// accounts).
    pub year: Option<i32>,
    /// The indicator it concerns; None for changes to a whole assessment or to the database.
    pub indicator: Option<u32>,
    /// What kind of record changed: "answer", "evidence", "comment", "assignment",
    /// "team_member", "assessment", "account" or "instansi".
    pub entity: String,
    /// JSON text of the state before and after.
    pub before: String,
    /// JSON text of the state after (`null` for a removal).
    pub after: String,
}

/// The result of checking the audit log (`swanilai audit verify`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditReport {
    /// How many entries the log holds.
    pub entries: u64,
    /// True when the chain is intact and every answer equals what the log last recorded.
    pub ok: bool,
    /// The first entry whose hash chain breaks.
    pub broken_at: Option<i64>,
    /// Data that differs from what the audit log last recorded (edited outside Swanilai).
    pub mismatches: Vec<String>,
    /// Transactions whose checkpoint is signed with the key of a signed-in account (see
    /// `swanilai_store::keys`).
    pub signed: u64,
    /// Transactions that needed no signature (system entries, failed sign-ins, databases
    /// without accounts, entries from before keys).
    pub unsigned: u64,
    /// One line for people: "audit log verified: 120 entries, chain intact, data matches", or
    /// the first problem found.
    pub message: String,
}
