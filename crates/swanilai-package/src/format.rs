//! The shapes inside a package: the manifest and the payload. Plain values; the payload's
//! review fields use the core's types so a package cannot carry a status or level the app
//! does not know.

use serde::{Deserialize, Serialize};
use swanilai_core::workflow::{CommentKind, Role, Status};
use swanilai_core::Level;

/// The package format this version writes and the newest it reads.
pub const FORMAT: u32 = 1;
/// The manifest's name inside the zip.
pub const MANIFEST: &str = "manifest.json";
/// The payload's name inside the zip.
pub const DATA: &str = "data.json";
/// The folder of evidence files inside the zip (`evidence/<sha256>`).
pub const EVIDENCE_DIR: &str = "evidence/";

/// Largest manifest read (1 MiB).
pub const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;
/// Largest payload read (64 MiB: 47 explanations of Excel's cell limit are 3 MiB).
pub const MAX_DATA_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries a package may hold.
pub const MAX_ENTRIES: usize = 20_000;
/// Largest evidence file inside a package (the app's own limit, 200 MiB).
pub const MAX_EVIDENCE_BYTES: u64 = 200 * 1024 * 1024;

/// What a package is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackageKind {
    /// Paket kerja: from the team database to one member (or unit, or chosen indicators).
    Work,
    /// Kirim balik: what the member changed since the work package was made.
    Return,
    /// A whole copy of an assessment, to merge between two full team databases.
    Copy,
}

impl PackageKind {
    /// The name used in messages and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            PackageKind::Work => "work",
            PackageKind::Return => "return",
            PackageKind::Copy => "copy",
        }
    }
}

/// Which database and assessment a package comes from. A return package names the team
/// database its work package came from, so it can only be merged back there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The team database's own id (random, made when it was created).
    pub database_id: String,
    /// The instansi's name.
    pub instansi: String,
    /// The assessment year.
    pub year: i32,
    /// The framework the assessment is scored with.
    pub framework_id: String,
    /// Its version.
    pub framework_version: String,
}

/// One part of the package and its checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The entry's name inside the zip.
    pub path: String,
    /// Lowercase hex sha256 of its bytes.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The first part of every package: what it is and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The format version ([`FORMAT`]).
    pub format: u32,
    /// What the package is for.
    pub kind: PackageKind,
    /// This package's own id (random).
    pub package_id: String,
    /// For a return package: the work package it answers; for a work package that
    /// replaces an earlier one for the same person: None.
    pub answers_package: Option<String>,
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// The account that made it.
    pub made_by: String,
    /// The Swanilai version that made it.
    pub app_version: String,
    /// The database and assessment it comes from (for a return package: the team's).
    pub origin: Origin,
    /// The account it is for (work packages for a person).
    pub for_account: Option<String>,
    /// The unit kerja it is for (work packages for a unit).
    pub for_unit: Option<String>,
    /// The indicators the holder may change.
    pub indicators: Vec<u32>,
    /// Every other part with its sha256 and size.
    pub parts: Vec<Part>,
}

/// Everything the package carries besides the evidence bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// The instansi profile.
    pub instansi: Option<Instansi>,
    /// The catalog the assessment uses, as its JSON file.
    pub catalog_json: String,
    /// The criteria version the assessment is scored with.
    pub criteria_version: String,
    /// The answers of the package's indicators as they were when it was made (work) or
    /// as the member left them (return).
    pub answers: Vec<Answer>,
    /// Last year's answers of the same indicators, to read beside them.
    pub previous: Vec<Answer>,
    /// The comment threads of the package's indicators.
    pub comments: Vec<Comment>,
    /// The evidence records of the package's indicators (files by sha256, and links).
    pub evidence: Vec<Evidence>,
    /// The accounts the package is for (one person, or a unit's people), with their
    /// password hashes, so each signs in with their own password.
    pub accounts: Vec<Account>,
    /// Return packages: each sent indicator's answer as it was when the work package was
    /// opened (the base of the three-way merge).
    #[serde(default)]
    pub base_answers: Vec<Answer>,
    /// Return packages: the evidence records the sent indicators had then.
    #[serde(default)]
    pub base_evidence: Vec<Evidence>,
    /// Copy packages: the audit trail of the whole database, to find where two full copies
    /// parted (the longest common run of entries, by hash).
    #[serde(default)]
    pub history: Vec<History>,
}

/// One audit entry of a full copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// The entry's hash in the chain.
    pub hash: String,
    /// What it recorded ("answer", "evidence", ...).
    pub entity: String,
    /// The assessment year.
    pub year: Option<i32>,
    /// The indicator.
    pub indicator: Option<u32>,
    /// The state after, as JSON.
    pub after: String,
}

/// The instansi profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    /// "Pemerintah Kabupaten Sukamaju".
    pub name: String,
    /// provinsi, kabupaten, kota, instansi_pusat.
    pub kind: String,
    /// The Koordinator SPBE.
    pub coordinator_name: String,
    /// The coordinator's NIP.
    pub coordinator_nip: String,
    /// The address for the documents' letterhead.
    pub address: String,
}

/// One indicator's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The indicator number.
    pub indicator: u32,
    /// The chosen level, if any.
    pub level: Option<Level>,
    /// The penjelasan.
    pub explanation: String,
    /// The service's name for nameable indicators.
    pub service_name: Option<String>,
    /// The unit kerja or person in charge.
    pub owner: String,
    /// The review status.
    pub status: Status,
    /// Who last changed its content.
    pub author: String,
    /// When it was last written (RFC 3339).
    pub updated_at: String,
}

/// One comment of an indicator's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The indicator number.
    pub indicator: u32,
    /// Who wrote it.
    pub author: String,
    /// A remark or the note of a review step.
    pub kind: CommentKind,
    /// The text.
    pub body: String,
    /// When (RFC 3339).
    pub created_at: String,
}

/// One evidence record: a file (by its sha256, its bytes in `evidence/`) or a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The indicator number.
    pub indicator: u32,
    /// The name it was attached under (or a link's title).
    pub name: String,
    /// The file's sha256; None for a link.
    pub sha256: Option<String>,
    /// The file's size.
    pub size: Option<u64>,
    /// The file's media type.
    pub media_type: Option<String>,
    /// The link's address; None for a file.
    pub url: Option<String>,
    /// A note (e.g. the demo account for a running service).
    pub note: String,
    /// The document's own date (YYYY-MM-DD).
    pub document_date: Option<String>,
    /// When it was attached (RFC 3339).
    pub added_at: String,
    /// Who attached it.
    pub added_by: String,
}

impl Evidence {
    /// What identifies an evidence record across databases: the indicator and the file's
    /// content, or the link's address.
    pub fn key(&self) -> (u32, String) {
        let what = match (&self.sha256, &self.url) {
            (Some(sha), _) => format!("file:{sha}"),
            (None, Some(url)) => format!("link:{url}"),
            (None, None) => format!("name:{}", self.name),
        };
        (self.indicator, what)
    }
}

/// The account a work package is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The account name.
    pub name: String,
    /// Their unit kerja.
    pub unit: String,
    /// Their NIP.
    pub nip: String,
    /// The argon2id hash of their password (never the password).
    pub password_hash: String,
    /// Their role in the assessment.
    pub role: Option<Role>,
}
