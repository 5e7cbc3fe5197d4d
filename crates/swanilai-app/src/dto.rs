//! The shapes that cross the boundary (CLI JSON, IPC). Core and store types are not the
//! contract: these are, with explicit conversions.

use serde::{Deserialize, Serialize};
use swanilai_core::workflow::{AssessmentStatus, Lock, Role, Status};
use swanilai_core::{Catalog, GroupIndex, IndexReport, Level};

/// What kind of organisation the instansi is; a pemda (provinsi, kabupaten, kota) or an
/// Instansi Pusat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum InstansiKind {
    /// A provincial government (Pemerintah Provinsi).
    Provinsi,
    /// A regency government (Pemerintah Kabupaten).
    Kabupaten,
    /// A city government (Pemerintah Kota).
    Kota,
    /// A central-government institution (Instansi Pusat): a ministry or agency.
    InstansiPusat,
}

impl InstansiKind {
    /// The stored and serialised name: "provinsi", "kabupaten", "kota", "instansi_pusat".
    pub fn as_str(self) -> &'static str {
        match self {
            InstansiKind::Provinsi => "provinsi",
            InstansiKind::Kabupaten => "kabupaten",
            InstansiKind::Kota => "kota",
            InstansiKind::InstansiPusat => "instansi_pusat",
        }
    }
    /// A kind from its name in any case, with "-" or " " for "_" ("Instansi Pusat"); "pusat"
    /// also reads as [`InstansiKind::InstansiPusat`]. None for anything else.
    pub fn parse(s: &str) -> Option<InstansiKind> {
        match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "provinsi" => Some(InstansiKind::Provinsi),
            "kabupaten" => Some(InstansiKind::Kabupaten),
            "kota" => Some(InstansiKind::Kota),
            "instansi_pusat" | "pusat" => Some(InstansiKind::InstansiPusat),
            _ => None,
        }
    }
}

/// The instansi profile as entered on the first run (`init`); text is trimmed when stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct InstansiInput {
    /// The instansi's full name as on its letterhead: "Pemerintah Kabupaten Sukamaju"; must not
    /// be empty.
    pub name: String,
    /// What kind of instansi it is.
    pub kind: InstansiKind,
    /// The Koordinator SPBE's name (the Sekretaris Daerah for a pemda), signing the documents
    /// when no account holds that role; may be left empty.
    #[serde(default)]
    pub coordinator_name: String,
    /// The Koordinator SPBE's NIP (civil servant number, 18 digits); may be left empty.
    #[serde(default)]
    pub coordinator_nip: String,
    /// The instansi's address, printed under the letterhead (kop) of the documents; may be left
    /// empty.
    #[serde(default)]
    pub address: String,
}

/// The instansi profile as stored: who the database's assessments belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct InstansiDto {
    /// The instansi's full name as on its letterhead: "Pemerintah Kabupaten Sukamaju".
    pub name: String,
    /// What kind of instansi it is.
    pub kind: InstansiKind,
    /// The Koordinator SPBE's name as entered in the profile; empty when not given.
    pub coordinator_name: String,
    /// The Koordinator SPBE's NIP as entered in the profile; empty when not given.
    pub coordinator_nip: String,
    /// The address printed under the documents' letterhead; empty when not given.
    pub address: String,
}

/// One year's self-assessment (penilaian mandiri): which catalog it is scored with, whether
/// it is finalized, and what the signed-in person may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssessmentDto {
    /// The assessment year: 2026.
    pub year: i32,
    /// Id of the framework it is scored with: "permenpanrb-59-2020".
    pub framework_id: String,
    /// Version of that framework's catalog ("2020.1"), kept in the database with the assessment.
    pub framework_version: String,
    /// Full title of the framework's regulation: "Peraturan Menteri PANRB Nomor 59 Tahun 2020
    /// tentang ...".
    pub framework_title: String,
    /// Id of the criteria version in force for the year: "permenpanrb-59-2020" for 2021-2023,
    /// "pedoman-3-2024" from 2024.
    pub criteria_version: String,
    /// That criteria version's title: "Pedoman MenPANRB Nomor 3 Tahun 2024".
    pub criteria_title: String,
    /// Open, or finalized (read-only until the supervisor reopens it).
    pub status: AssessmentStatus,
    /// When the assessment was created, RFC 3339 UTC: "2026-01-15T02:30:00Z".
    pub created_at: String,
    /// The signed-in person's role in this assessment (the local user is the supervisor
    /// of a database without accounts; None: not in its team, or not signed in).
    pub my_role: Option<Role>,
    /// What the signed-in person may do with this assessment.
    pub can: AssessmentPermissions,
}

/// What the signed-in person may do with an assessment as a whole: the answers of
/// swanilai-core's `workflow::check` (the use cases ask it again).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AssessmentPermissions {
    /// May finalize (lock) it: the supervisor, while it is open; the use case also needs every
    /// indicator approved.
    pub finalize: bool,
    /// May reopen it: the supervisor, once it is finalized.
    pub reopen: bool,
    /// May give accounts a role in it or take it away: the supervisor, while it is open.
    pub manage_team: bool,
    /// May assign indicators to people or units: the supervisor, while it is open.
    pub assign: bool,
    /// May comment on its indicators: anyone with a role, while it is open.
    pub comment: bool,
    /// May record the external verification's results: the supervisor or the operator,
    /// also once it is finalized.
    pub record_verification: bool,
    /// May plan the improvement (targets, recommendations, scenarios): the supervisor or
    /// the operator, also once it is finalized.
    pub plan: bool,
}

/// What the signed-in person may do with one indicator's answer now, and why it is
/// read-only for them if it is: the answers of swanilai-core's `workflow::check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AnswerPermissions {
    /// Level, explanation, service name, evidence.
    pub edit: bool,
    /// May send it to the supervisor now: its assigned member, the operator or the supervisor,
    /// when it is a draft or returned.
    pub submit: bool,
    /// May approve it now: the supervisor, when it is submitted.
    pub approve: bool,
    /// May return it for revision (Dikembalikan) now: the supervisor, when it is submitted or
    /// approved.
    pub return_for_revision: bool,
    /// May comment on it: anyone with a role, while the assessment is open.
    pub comment: bool,
    /// Why editing is refused (None when `edit`).
    pub lock: Option<Lock>,
}

/// A change to one answer; `None` fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnswerInput {
    /// Some(None) clears the level (JSON: `null`); left out: unchanged.
    #[serde(default, deserialize_with = "double_option")]
    #[ts(optional = nullable)]
    pub level: Option<Option<i64>>,
    /// The new explanation (penjelasan, FAKTA / ANALISIS); left out: unchanged. At most 32 767
    /// characters (one Excel cell); line ends are stored as "\n".
    #[ts(optional)]
    pub explanation: Option<String>,
    /// For nameable indicators (45-47): the service's name. Some(None) clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[ts(optional = nullable)]
    pub service_name: Option<Option<String>>,
    /// Unit kerja or person in charge.
    #[ts(optional)]
    pub owner: Option<String>,
}

/// Tells a field left out (None) from an explicit `null` (Some(None)).
fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// One indicator's answer in an assessment, as the board and the indicator page show it (a
/// blank draft when never touched).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AnswerDto {
    /// The assessment year: 2026.
    pub year: i32,
    /// The indicator's number (1-47 in 59/2020).
    pub indicator: u32,
    /// The indicator's name in the criteria version the assessment is scored with (Pedoman 3/2024
    /// renamed some).
    pub name: String,
    /// The chosen maturity level (tingkat kematangan) 1-5; None when not answered yet.
    pub level: Option<Level>,
    /// The level's name for this indicator's kind: "Terdefinisi", "Transaksi"; None without a
    /// level.
    pub level_name: Option<String>,
    /// The team's explanation (penjelasan) of the level, in the FAKTA / ANALISIS shape; empty
    /// when none.
    pub explanation: String,
    /// For nameable indicators (Layanan Publik Sektor 1-3, 45-47 in 59/2020): the name the
    /// instansi gives the service; None otherwise or until named.
    pub service_name: Option<String>,
    /// The unit kerja or person in charge of it ("Dinas Komunikasi dan Informatika"); empty when
    /// none.
    pub owner: String,
    /// Its review status: draft, submitted, approved or returned.
    pub status: Status,
    /// Who last edited its content (an account name, or "lokal" in single-user mode); empty
    /// when never edited.
    pub author: String,
    /// When it last changed, edits and review steps alike (RFC 3339 UTC); None when never
    /// touched.
    pub updated_at: Option<String>,
    /// How many evidence files and links are attached to it.
    pub evidence_count: u32,
    /// In a framework scored with decimals: the value the index uses for it (the team's,
    /// or an external-index indicator's entered or default value), "2,35"; None otherwise
    /// or while unset.
    pub value_text: Option<String>,
    /// What the signed-in person may do with it now.
    pub can: AnswerPermissions,
    /// When it is returned (dikembalikan): the supervisor's reason, said where the member
    /// looks first.
    pub returned: Option<ReturnNote>,
    /// In the review queue: who submitted it (None elsewhere).
    pub submitted_by: Option<String>,
    /// The year the answer was copied from, while its explanation is not yet revised (the
    /// mark goes when the explanation is next edited); None otherwise.
    pub carried_from: Option<i32>,
}

/// Why an indicator was returned, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReturnNote {
    /// The supervisor who returned it.
    pub by: String,
    /// The reason (the return comment).
    pub reason: String,
    /// When (RFC 3339).
    pub at: String,
}

/// One piece of evidence (data dukung) attached to an indicator: a stored file or a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EvidenceDto {
    /// The evidence's id in the database, used to preview, open, export or remove it.
    pub id: i64,
    /// The number of the indicator it is attached to.
    pub indicator: u32,
    /// "7.a", "7.b": the indicator number and the letter in attachment order, as the
    /// evidence naming convention wants file names to start.
    pub label: String,
    /// "file" for a stored file, "link" for a web address.
    pub kind: String,
    /// A file's name as attached ("SK Tim SPBE.pdf"), or a link's title (its URL when no title
    /// was given).
    pub name: String,
    /// The name by the `<indicator>.<letter>.<description>` convention, exactly as the
    /// evidence package writes the file.
    pub conventional_name: String,
    /// Hex sha256 of a file's content, under which it is stored in the evidence folder; None
    /// for a link.
    pub sha256: Option<String>,
    /// A file's size in bytes; None for a link.
    pub size: Option<u64>,
    /// A file's media type, guessed from its name when attached ("application/pdf"); None for a
    /// link.
    pub media_type: Option<String>,
    /// A link's web address (http or https); None for a file.
    pub url: Option<String>,
    /// A link's note, such as a demo account for the assessors; empty when none.
    pub note: String,
    /// The document's own date (YYYY-MM-DD), apart from when it was attached; None when not
    /// given.
    pub document_date: Option<String>,
    /// When it was attached, RFC 3339 UTC.
    pub added_at: String,
    /// Who attached it (an account name, or "lokal" in single-user mode).
    pub added_by: String,
    /// False when the same file or URL was already attached to this indicator.
    pub newly_attached: bool,
    /// The indicator the name claims by the naming convention when it is another one
    /// ("7.a.Perbup.pdf" attached to indicator 5 claims 7): attached all the same, but the
    /// window and the command line warn. None when the name claims nothing or this indicator.
    pub claims_indicator: Option<u32>,
    /// The evidence item (butir) it is attached to ("GT.I1_L2_1"), in frameworks that list
    /// butir; None when attached to the indicator as a whole.
    pub butir: Option<String>,
    /// The year of the assessment it was carried from by reference ("start from last
    /// year"); None when attached this year. The window shows it with the document date so
    /// stale documents stand out.
    pub carried_from: Option<i32>,
}

/// What `evidence verify` found. Clean when all three lists are empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EvidenceCheckDto {
    /// How many stored files were checked against their sha256.
    pub files: u32,
    /// Evidence whose file is present but no longer matches its sha256.
    pub damaged: Vec<EvidenceDto>,
    /// Evidence whose file is not in the evidence folder.
    pub missing: Vec<EvidenceDto>,
    /// Files in the evidence folder that the database does not record.
    pub strays: Vec<StrayDto>,
}

impl EvidenceCheckDto {
    /// Nothing damaged, missing or stray.
    pub fn is_clean(&self) -> bool {
        self.damaged.is_empty() && self.missing.is_empty() && self.strays.is_empty()
    }
}

/// A file in the evidence folder that the database does not record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrayDto {
    /// Its path inside the evidence folder.
    pub path: String,
    /// "incoming" (a temporary copy left by an interrupted add), "unrecorded" (a stored
    /// file no row records) or "foreign" (not of the store's naming; never removed by it).
    pub kind: String,
}

/// The index of one domain or aspect, as the Dasbor and the documents show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct GroupIndexDto {
    /// The domain's or aspect's number in the catalog.
    pub number: u32,
    /// Its code: "D1", "A3".
    pub code: String,
    /// Its name: "Kebijakan Internal SPBE".
    pub name: String,
    /// Weight in percent (13.0 for 13,00 %).
    pub weight: f64,
    /// Two decimals as published; null when nothing in the group is answered.
    pub index: Option<f64>,
    /// Indonesian display with a decimal comma: "3,28"; null when nothing in it is answered.
    pub index_text: Option<String>,
    /// Its predikat ("Baik"), taken on the exact value; null when nothing in it is answered.
    pub rating: Option<String>,
    /// How many of its indicators have a level.
    pub answered: u32,
    /// How many indicators it has.
    pub total: u32,
}

/// The Indeks SPBE of an assessment (or of a levels file): overall, per domain and per
/// aspect, with how much is answered.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct IndexDto {
    /// The assessment year; left out when computed from a levels file without a database.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub year: Option<i32>,
    /// Id of the framework it is computed with: "permenpanrb-59-2020".
    pub framework_id: String,
    /// What the framework calls the overall index: "Indeks SPBE".
    pub index_name: String,
    /// Two decimals as published; null when nothing is answered.
    pub index: Option<f64>,
    /// Indonesian display: "3,28".
    pub index_text: Option<String>,
    /// The exact value as a fraction "num/den" of the unrounded index.
    pub index_exact: Option<String>,
    /// The predikat of the overall index ("Sangat Baik"), taken on the exact value; null when
    /// nothing is answered.
    pub rating: Option<String>,
    /// How the rating is taken: on the exact value, not the rounded one.
    pub rating_rule: String,
    /// How many indicators have a level.
    pub answered: u32,
    /// How many indicators the framework has (47 in 59/2020).
    pub total: u32,
    /// Whether every indicator is answered: the index is final, not partial.
    pub complete: bool,
    /// One entry per domain, in catalog order; empty for frameworks without domains.
    pub domains: Vec<GroupIndexDto>,
    /// One entry per aspect, in catalog order.
    pub aspects: Vec<GroupIndexDto>,
    /// The framework is provisional (not verified against the official text): say
    /// "sementara" beside the index.
    pub provisional: bool,
    /// "level" (whole levels, 59/2020) or "decimal" (values 1,00-5,00, Indeks Pemdi).
    pub value_kind: String,
    /// The same index over the assessor's values (decimal frameworks, once any is entered),
    /// kept apart from the team's; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub assessor: Option<Box<IndexDto>>,
}

/// The text of [`IndexDto::rating_rule`]: how the predikat and the shown value are taken.
pub const RATING_RULE: &str =
    "predikat taken on the exact (unrounded) index; index shown rounded half up to 2 decimals";

impl IndexDto {
    /// The boundary's shape of the core's exact [`IndexReport`]: rounded values, Indonesian
    /// text and the exact fraction. `year` is None for a levels file.
    pub fn from_report(year: Option<i32>, catalog: &Catalog, r: &IndexReport) -> IndexDto {
        IndexDto {
            year,
            framework_id: catalog.framework().id.clone(),
            index_name: catalog.framework().index_name.clone(),
            provisional: catalog.is_provisional(),
            value_kind: catalog.scoring().value.as_str().to_owned(),
            assessor: None,
            index: r.index.map(|s| s.rounded()),
            index_text: r.index.map(|s| s.to_id_string()),
            index_exact: r
                .index
                .map(|s| format!("{}/{}", s.numerator(), s.denominator())),
            rating: r.rating.clone(),
            rating_rule: RATING_RULE.to_owned(),
            answered: r.answered,
            total: r.total,
            complete: r.is_complete(),
            domains: r.domains.iter().map(group).collect(),
            aspects: r.aspects.iter().map(group).collect(),
        }
    }
}

fn group(g: &GroupIndex) -> GroupIndexDto {
    GroupIndexDto {
        number: g.number,
        code: g.code.clone(),
        name: g.name.clone(),
        weight: f64::from(g.weight_bp) / 100.0,
        index: g.index.map(|s| s.rounded()),
        index_text: g.index.map(|s| s.to_id_string()),
        rating: g.rating.clone(),
        answered: g.answered,
        total: g.total,
    }
}

/// The fields of an answer an import can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    /// The maturity level (the workbook's Tingkat column).
    Level,
    /// The explanation (the workbook's Penjelasan column).
    Explanation,
    /// The unit kerja or person in charge (Unit/Penanggung Jawab column).
    Owner,
    /// The team's decimal value (butir workbook: Nilai Mandiri).
    Value,
    /// The assessor's decimal value (butir workbook: Nilai Asesor).
    AssessorValue,
    /// A butir's status, revisi kind and note (butir workbook: Butir sheet); before and
    /// after start with the butir's id.
    Butir,
}

impl ImportField {
    /// The name used in the CLI's text output.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportField::Level => "level",
            ImportField::Explanation => "explanation",
            ImportField::Owner => "owner",
            ImportField::Value => "value",
            ImportField::AssessorValue => "assessor_value",
            ImportField::Butir => "butir",
        }
    }
}

impl std::fmt::Display for ImportField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One field of one indicator that an import would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportChange {
    /// The indicator's number.
    pub indicator: u32,
    /// Which field changes.
    pub field: ImportField,
    /// The value now stored (a level as "3"); empty when none.
    pub before: String,
    /// The value the workbook has; empty when it clears the field.
    pub after: String,
}

/// One rejected cell of an imported workbook: where, what (`kind` and its fields, for the
/// window to say in its own language) and `message`, the same said in the app's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportProblem {
    /// The sheet's name: "Penilaian Mandiri".
    pub sheet: String,
    /// 1-based spreadsheet row; 0 when the problem is with the whole sheet or file.
    pub row: u32,
    /// Column letter and header, e.g. "G (Tingkat)"; empty when not about one column.
    pub column: String,
    /// What is wrong, as a value: `kind` ("not_a_level", ...) with its fields.
    #[serde(flatten)]
    #[ts(flatten)]
    pub kind: swanilai_xlsx::ProblemKind,
    /// What is wrong and how to mend it, in the app's language.
    pub message: String,
}

impl ImportProblem {
    /// The problem with its message in `lang`.
    pub fn new(p: swanilai_xlsx::ImportProblem, lang: crate::settings::Language) -> Self {
        ImportProblem {
            message: p.message(lang),
            sheet: p.sheet,
            row: p.row,
            column: p.column,
            kind: p.kind,
        }
    }
}

/// What importing an edited workbook would change, read without writing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportPreview {
    /// The year of the assessment it is imported into.
    pub year: i32,
    /// The workbook's path as given.
    pub file: String,
    /// Rows read: the valid indicator rows plus the rows rejected with a problem.
    pub rows_read: u32,
    /// Every field the import would change, in row order.
    pub changes: Vec<ImportChange>,
    /// Every rejected row or cell, with its sheet, row, column and why; any problem stops the
    /// import unless the valid rows are accepted.
    pub problems: Vec<ImportProblem>,
    /// Rows read that change nothing.
    pub unchanged: u32,
}

/// What an applied import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportOutcome {
    /// What was read and planned, as the preview showed it.
    pub preview: ImportPreview,
    /// Number of indicators written.
    pub indicators_written: u32,
}

/// A framework catalog available to new assessments, shipped or loaded from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FrameworkDto {
    /// Stable id of the framework: "permenpanrb-59-2020".
    pub id: String,
    /// Version of its catalog content: "2020.1".
    pub version: String,
    /// Full title of the regulation: "Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang ...".
    pub title: String,
    /// What it calls the overall index: "Indeks SPBE".
    pub index_name: String,
    /// How many domains it has (4 in 59/2020; 0 without a domain layer).
    pub domains: u32,
    /// How many aspects it has (8 in 59/2020).
    pub aspects: u32,
    /// How many indicators it has (47 in 59/2020).
    pub indicators: u32,
    /// Ids of its criteria versions in catalog order: "permenpanrb-59-2020", "pedoman-3-2024".
    pub criteria_versions: Vec<String>,
    /// True for a catalog shipped inside the app; false for one loaded from a file.
    pub builtin: bool,
    /// Not verified against the official text: show "sementara" beside it.
    pub provisional: bool,
    /// "level" (whole levels, 59/2020) or "decimal" (values 1,00-5,00, Indeks Pemdi).
    pub value_kind: String,
    /// How many evidence items (butir) it lists (0 in 59/2020, 232 in the Indeks Pemdi).
    pub butir: u32,
}

/// What the demo put into the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DemoSummary {
    /// The fictional instansi: "Pemerintah Kabupaten Sukamaju".
    pub instansi: String,
    /// The years of the database's assessments, oldest first (2025, 2026).
    pub years: Vec<i32>,
    /// How many indicators of the latest assessment have a level.
    pub answered: u32,
    /// How many evidence files (not links) the latest assessment holds.
    pub evidence_files: u32,
}

/// What the indicator page shows of the catalog: where it sits, the question and the
/// five levels' criteria in the version the assessment is scored with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IndicatorInfo {
    /// The indicator's number (1-47 in 59/2020).
    pub number: u32,
    /// The indicator's name in the criteria version shown (Pedoman 3/2024 renamed some).
    pub name: String,
    /// Its question (pertanyaan) in the Kuesioner.
    pub question: String,
    /// Its bobot in percent with a decimal comma: "1,30".
    pub weight: String,
    /// The domain it sits in; None for frameworks without domains.
    pub domain: Option<GroupRef>,
    /// The aspect it sits in.
    pub aspect: GroupRef,
    /// Whether the instansi names the service itself (Layanan Publik Sektor 1-3), so the answer
    /// takes a service name.
    pub nameable: bool,
    /// Id of the criteria version shown: "pedoman-3-2024".
    pub criteria_version: String,
    /// The guideline's description of the indicator; None where the version has none (the
    /// 59/2020 Kuesioner).
    pub description: Option<String>,
    /// How the guideline says the indicator is assessed; None where the version has none.
    pub assessment_rules: Option<String>,
    /// The guideline's examples of evidence (data dukung); None where the version has none.
    pub evidence_examples: Option<String>,
    /// The five levels with their criteria, level 1 first.
    pub levels: Vec<LevelInfo>,
}

/// A domain or aspect as the indicator page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct GroupRef {
    /// Its number in the catalog.
    pub number: u32,
    /// Its code: "D1", "A1".
    pub code: String,
    /// Its name: "Kebijakan Internal Tata Kelola SPBE".
    pub name: String,
}

/// One level of an indicator with its criteria, as the indicator page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LevelInfo {
    /// The level, 1-5.
    pub level: Level,
    /// The level's name for this indicator's kind: "Rintisan", "Informasi".
    pub name: String,
    /// The level's criteria (kriteria), word for word.
    pub criteria: String,
    /// The guideline's kriteria pemenuhan level; None where the version has none (the 59/2020
    /// Kuesioner).
    pub fulfilment: Option<String>,
    /// The guideline's kriteria bukti dukung: what evidence the level expects; None where the
    /// version has none.
    pub evidence: Option<String>,
}

/// A step of the review loop on one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStep {
    /// The member or operator sends it to the supervisor.
    Submit,
    /// The supervisor accepts it.
    Approve,
    /// The supervisor sends it back with what to fix.
    Return,
}

impl ReviewStep {
    /// "submitted", "approved", "returned".
    pub fn past(self) -> &'static str {
        match self {
            ReviewStep::Submit => "submitted",
            ReviewStep::Approve => "approved",
            ReviewStep::Return => "returned",
        }
    }
}
