//! DTOs of the evaluator team: accounts, roles, assignments, comments, review, audit.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewAccount {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub nip: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AccountDto {
    pub name: String,
    pub unit: String,
    pub nip: String,
    /// The instansi's supervisor account (the first one created).
    pub is_admin: bool,
}

/// Who is signed in, and their role in the latest (or given) assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SignedInDto {
    pub account: AccountDto,
    pub role: Option<String>,
    pub role_title: Option<String>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TeamMemberDto {
    pub name: String,
    pub nip: String,
    pub unit: String,
    /// koordinator | supervisor | operator | member
    pub role: String,
    /// "Koordinator SPBE", "Penanggung Jawab", "Pelaksana Entri Data", "Anggota"
    pub role_title: String,
}

/// An indicator is assigned to a person or to a whole unit kerja.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Assignee {
    Account(String),
    Unit(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssignmentDto {
    pub indicator: u32,
    pub assignee: Assignee,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CommentDto {
    pub id: i64,
    pub indicator: u32,
    pub author: String,
    /// comment | submit | approve | return
    pub kind: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditEntryDto {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub year: Option<i32>,
    pub indicator: Option<u32>,
    pub entity: String,
    /// JSON text of the state before and after.
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditReport {
    pub entries: u64,
    pub ok: bool,
    /// The first entry whose hash chain breaks.
    pub broken_at: Option<i64>,
    /// Data that differs from what the audit log last recorded (edited outside Swanilai).
    pub mismatches: Vec<String>,
    pub message: String,
}
