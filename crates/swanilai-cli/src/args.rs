//! Command-line arguments (clap derive).

use std::path::PathBuf;

mod improve;
pub use improve::{PlanCmd, RecommendationCmd, VerificationCmd};

use clap::{Args, Parser, Subcommand};
use swanilai_core::Language;

#[derive(Debug, Parser)]
#[command(
    name = "swanilai",
    version,
    about = "Swanilai SPBE: penilaian mandiri SPBE (PermenPANRB 59/2020), offline"
)]
pub struct Cli {
    /// Database file (default: swanilai.db in the user's data folder).
    #[arg(long, global = true, env = "SWANILAI_DB")]
    pub db: Option<PathBuf>,
    /// Act as this account (password from SWANILAI_PASSWORD or a prompt).
    #[arg(long, global = true, env = "SWANILAI_USER")]
    pub user: Option<String>,
    /// Language of import problems and workbook errors: id (Bahasa Indonesia) or en.
    /// Without it: the locale (LC_ALL, else LC_MESSAGES, else LANG; a name starting with
    /// `en` is English, anything else Bahasa Indonesia).
    #[arg(long, global = true, value_enum, env = "SWANILAI_LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`'s values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Cli {
    /// `--lang`, else the first locale variable that is set and not empty.
    pub fn language(&self) -> Language {
        match self.lang {
            Some(LangArg::Id) => Language::Indonesian,
            Some(LangArg::En) => Language::English,
            None => language_of_locale(|var| std::env::var(var).ok()),
        }
    }
}

/// The language the locale asks for: the first of LC_ALL, LC_MESSAGES and LANG that is
/// set and not empty (POSIX's order for messages), read by [`Language::from_locale`];
/// Bahasa Indonesia when none is set.
pub fn language_of_locale(var: impl Fn(&str) -> Option<String>) -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.trim().is_empty())
        .map_or(Language::Indonesian, |v| Language::from_locale(&v))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the instansi profile of a new database.
    Init {
        #[arg(long)]
        instansi: String,
        /// provinsi, kabupaten, kota or instansi-pusat
        #[arg(long)]
        kind: String,
        /// Koordinator SPBE (for a pemda: the Sekretaris Daerah).
        #[arg(long, default_value = "")]
        coordinator: String,
        #[arg(long, default_value = "")]
        coordinator_nip: String,
    },
    /// Show the instansi profile and assessments.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Assessments, one per year.
    #[command(subcommand)]
    Assessment(AssessmentCmd),
    /// Answers: level, explanation, service name, unit.
    #[command(subcommand)]
    Answer(AnswerCmd),
    /// Evidence (data dukung): files and links.
    #[command(subcommand)]
    Evidence(EvidenceCmd),
    /// Values taken from another agency's index (frameworks scored with decimals).
    #[command(subcommand)]
    External(ExternalCmd),
    /// Evidence items (butir) with their status and the level gate.
    #[command(subcommand)]
    Butir(ButirCmd),
    /// The external verification's results per stage (Penilaian Dokumen, Interviu,
    /// Visitasi, final LHE): the template, importing it or a CSV, or one value by hand.
    #[command(subcommand)]
    Verification(VerificationCmd),
    /// Self against verified: every indicator's level at each stage side by side, the
    /// over- and under-claims, and each stage's index and predikat; with --years the index
    /// and predikat per year with the per-aspect and per-indicator changes.
    ///
    /// JSON: {"stages": [{"stage", "index", "rating", "answered", "total", ...}],
    /// "indicators": [{"indicator", "mandiri", "dokumen", "interviu", "visitasi", "final",
    /// "difference", "claim", "notes"}], "over_claims", "under_claims"}; the stage values
    /// are levels (or decimal values) or null.
    /// What-if: the index with some levels changed hypothetically; writes nothing.
    ///
    /// JSON: {"index", "rating", "aspects", "domains", "answered", "total", ...}.
    Whatif {
        #[command(flatten)]
        year: YearArg,
        /// N=L: indicator N at level L (a value such as 2,35 with decimals); repeatable.
        #[arg(long = "set", value_name = "N=L", required = true)]
        set: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// The path to a target: the fewest one-level steps that reach a target index
    /// ("3,50") or predikat ("Sangat Baik"), preferring easy steps among plans of equal
    /// length; or, with --indicator, what one indicator needs for its next level.
    ///
    /// Unanswered indicators are not counted, as the index does not count them (it is
    /// over the answered indicators): answer them first for a plan over the whole
    /// framework. Indicators taken from another agency's index are not stepped. Ceilings
    /// and effort stored with `plan set` apply unless given here.
    ///
    /// JSON: {"target", "reachable", "projected_index", "steps": [{"indicator", "from",
    /// "to", "gain"}], ...}; applying the steps (`whatif --set N=to ...`) reaches the
    /// target when reachable, else gives the best reachable index.
    Gap {
        #[command(flatten)]
        year: YearArg,
        /// A target index 1.00-5.00 or a predikat.
        #[arg(long, required_unless_present = "indicator")]
        target: Option<String>,
        /// N=L: indicator N cannot go above L this year; repeatable.
        #[arg(long = "ceiling", value_name = "N=L")]
        ceiling: Vec<String>,
        /// N=easy|medium|hard: the effort of a step on indicator N; repeatable.
        #[arg(long = "effort", value_name = "N=EFFORT")]
        effort: Vec<String>,
        /// What this indicator needs for its next level instead of a plan.
        #[arg(long, conflicts_with = "target")]
        indicator: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// One indicator's plan: the target for next year, a ceiling this year, the effort.
    #[command(subcommand)]
    Plan(PlanCmd),
    /// Recommendations (saran perbaikan) with the unit, due date and follow-up status.
    #[command(subcommand)]
    Recommendation(RecommendationCmd),
    Compare {
        #[command(flatten)]
        year: YearArg,
        /// Compare the years instead of the stages of one year.
        #[arg(long, conflicts_with = "year")]
        years: bool,
        #[arg(long)]
        json: bool,
    },
    /// The index (Indeks SPBE, Indeks Pemerintah Digital) with domain and aspect indices and
    /// the predikat.
    Index {
        #[command(flatten)]
        year: YearArg,
        /// Pure calculation from a CSV `indicator,level` (no database).
        #[arg(long, conflicts_with = "values")]
        levels: Option<PathBuf>,
        /// Pure calculation from a CSV `indicator,value` with decimal values (no database);
        /// needs --framework (e.g. pemdi-2026).
        #[arg(long, requires = "framework")]
        values: Option<PathBuf>,
        /// The shipped framework of a pure calculation (default: permenpanrb-59-2020).
        #[arg(long)]
        framework: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Export the national workbook (.xlsx).
    Export {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
    },
    /// Import an edited national workbook: preview, then write.
    Import {
        #[command(flatten)]
        year: YearArg,
        file: PathBuf,
        /// Show what would change and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the valid rows even when some rows are rejected.
        #[arg(long)]
        accept_valid: bool,
        #[arg(long)]
        json: bool,
    },
    /// Fill an empty database with a realistic demo instansi and assessment.
    Demo,
    /// Framework catalogs: check, load, list, export.
    #[command(subcommand)]
    Catalog(CatalogCmd),
    /// Accounts of the evaluator team.
    #[command(subcommand)]
    User(UserCmd),
    /// Roles in an assessment's team.
    #[command(subcommand)]
    Team(TeamCmd),
    /// Assign an indicator to a member (or with --unit, to a unit kerja).
    Assign {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(required_unless_present = "unit", conflicts_with = "unit")]
        member: Option<String>,
        #[arg(long)]
        unit: Option<String>,
        /// Remove the assignment instead.
        #[arg(long)]
        remove: bool,
    },
    /// List who is assigned to which indicator.
    Assignments {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
    /// The indicators assigned to the signed-in user.
    Mine {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
    /// Review an indicator: submit, approve or return (with a comment).
    Review {
        #[arg(value_enum)]
        step: ReviewStep,
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(long)]
        comment: Option<String>,
    },
    /// Submitted indicators waiting for the supervisor.
    Queue {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
    /// Finalize the assessment (every indicator approved): read-only afterwards.
    Finalize {
        #[command(flatten)]
        year: YearArg,
    },
    /// Reopen a finalized assessment, with a written reason.
    Reopen {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        reason: String,
    },
    /// The comment thread of an indicator.
    #[command(subcommand)]
    Comment(CommentCmd),
    /// The recorded changes of an indicator.
    History {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(long)]
        json: bool,
    },
    /// The audit trail: verify the chain, or list it.
    #[command(subcommand)]
    Audit(AuditCmd),
    /// Printable documents (PDF).
    #[command(subcommand)]
    Document(DocumentCmd),
    /// Work packages (paket kerja): out to a member's laptop, open there, send back, merge.
    #[command(subcommand)]
    Package(PackageCmd),
    /// Automatic backups (before an import, a merge, a restore): list, create, restore.
    #[command(subcommand)]
    Backup(BackupCmd),
    /// Recap many instansi: one recap workbook from the workbooks they exported (no database).
    #[command(long_about = crate::recap::LONG_ABOUT)]
    Recap {
        /// Workbooks and folders of workbooks.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The recap workbook to write (.xlsx).
        #[arg(long)]
        out: PathBuf,
        /// Print the recap as JSON (its shape: --help) instead of a line per workbook.
        #[arg(long)]
        json: bool,
    },
    /// The report to the Bupati (Laporan Hasil Pemantauan dan Evaluasi): FILE.pdf or FILE.docx.
    #[command(long_about = crate::report::LONG_ABOUT)]
    Report {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        target: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// The backups beside the database (`<stem>.backups/`), newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write a backup now.
    Create {
        #[arg(long)]
        json: bool,
    },
    /// Restore a backup (supervisor); the current state is backed up first.
    Restore {
        /// The backup's id, as `backup list` shows it.
        id: String,
        /// Show what the backup holds against the database now and write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PackageCmd {
    /// Write a work package for a person, a unit kerja or chosen indicators (supervisor or operator).
    #[command(group(clap::ArgGroup::new("target").required(true).args(["for_account", "unit", "indicators"])))]
    Out {
        #[command(flatten)]
        year: YearArg,
        /// The account it is for: the indicators assigned to it (or its unit kerja).
        #[arg(long = "for")]
        for_account: Option<String>,
        /// A unit kerja: the indicators assigned to it or its people.
        #[arg(long)]
        unit: Option<String>,
        /// Chosen indicators, e.g. 7,8,12.
        #[arg(long)]
        indicators: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// A whole copy of an assessment, to merge into another full copy of the team database.
    Copy {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
    },
    /// Create this database from a work package, or update it with a newer one.
    Open { file: PathBuf },
    /// Send back (kirim balik): write what changed since the package was opened.
    Return {
        #[arg(long)]
        out: PathBuf,
    },
    /// Merge a return package into the team database (supervisor); a preview with --dry-run.
    Merge {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        /// Decide every conflict for one side.
        #[arg(long, value_enum)]
        take: Option<TakeSide>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TakeSide {
    Theirs,
    Ours,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReviewStep {
    Submit,
    Approve,
    Return,
}

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Add an account (password from SWANILAI_NEW_PASSWORD or a prompt). The first account is the supervisor.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, default_value = "")]
        nip: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Change your own password (--user; the new one from SWANILAI_NEW_PASSWORD or a prompt),
    /// or, as the supervisor account, set another account's password with --for NAME.
    Passwd {
        #[arg(long = "for")]
        for_account: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCmd {
    /// Give a member a role: koordinator, supervisor, operator or member.
    Set {
        #[command(flatten)]
        year: YearArg,
        member: String,
        #[arg(long)]
        role: String,
    },
    Remove {
        #[command(flatten)]
        year: YearArg,
        member: String,
    },
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CommentCmd {
    Add {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        text: String,
    },
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check the hash chain and that the data matches what it recorded.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// List the audit trail.
    Log {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DocumentCmd {
    /// Berita Acara Penilaian Mandiri (PDF).
    BeritaAcara {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
        /// Signing date YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Pernyataan Persetujuan Publikasi (PDF).
    Persetujuan {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct YearArg {
    /// Assessment year (default: the latest assessment).
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Debug, Subcommand)]
pub enum AssessmentCmd {
    /// Start the assessment of a year.
    New {
        #[arg(long)]
        year: i32,
        /// Framework id (default: permenpanrb-59-2020).
        #[arg(long)]
        framework: Option<String>,
        /// Start from the latest earlier assessment (same framework): its answers are copied
        /// as drafts with the explanation marked to be revised, its evidence carried by
        /// reference with the document date.
        #[arg(long)]
        from_previous: bool,
        /// Only these indicators are carried: "1,2,7-10" (default: every indicator).
        #[arg(long, requires = "from_previous")]
        indicators: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AnswerCmd {
    /// Set the level, explanation, service name or unit of one indicator.
    Set {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(long, allow_negative_numbers = true, conflicts_with = "clear_level")]
        level: Option<i64>,
        /// Remove the level (unanswered).
        #[arg(long)]
        clear_level: bool,
        /// The team's decimal value 1.00-5.00 (frameworks scored with decimals: pemdi-2026).
        #[arg(long, allow_negative_numbers = true, conflicts_with_all = ["clear_value", "level", "clear_level"])]
        value: Option<String>,
        /// Remove the team's decimal value.
        #[arg(long)]
        clear_value: bool,
        /// The assessor's decimal value 1.00-5.00, kept apart from the team's.
        #[arg(long, allow_negative_numbers = true)]
        assessor_value: Option<String>,
        #[arg(long, conflicts_with = "explanation_file")]
        explanation: Option<String>,
        /// Read the explanation from a UTF-8 text file.
        #[arg(long)]
        explanation_file: Option<PathBuf>,
        /// The instansi's own service name (indicators 45-47).
        #[arg(long)]
        service_name: Option<String>,
        /// Unit kerja or person in charge.
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one indicator's answer.
    Show {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        #[arg(long)]
        json: bool,
    },
    /// Every indicator's level, status and evidence count.
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCmd {
    /// Attach files to an indicator.
    Add {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        /// The documents' own date (YYYY-MM-DD), not the upload date.
        #[arg(long)]
        date: Option<String>,
        /// Attach them to this butir of the indicator (frameworks that list butir).
        #[arg(long)]
        butir: Option<String>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Attach a link to a running service (with a note such as the demo account).
    Link {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        url: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Detach evidence by id.
    Remove {
        #[command(flatten)]
        year: YearArg,
        id: i64,
    },
    /// Check every stored file against its sha256 (streamed), and the evidence folder for
    /// files the database does not record; exits 1 unless everything is in order.
    Verify {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
    /// Write the evidence package (.zip) for the external assessors.
    Package {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
    },
    /// Copy a stored file out (verified).
    Get {
        #[command(flatten)]
        year: YearArg,
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogCmd {
    /// Validate a catalog file (.json or .xlsx) and list every problem.
    Check { file: PathBuf },
    /// Load a catalog file into the database for new assessments.
    Load { file: PathBuf },
    /// List shipped and loaded frameworks.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Write the shipped 59/2020 catalog (or a given file's) as .json or .xlsx.
    Export {
        #[arg(long)]
        from: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_in_posix_order_and_defaults_to_bahasa_indonesia() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |var: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == var)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        use Language::{English, Indonesian};
        for (pairs, want) in [
            (&[][..], Indonesian),
            (&[("LANG", "en_US.UTF-8")][..], English),
            (&[("LANG", "id_ID.UTF-8")][..], Indonesian),
            (&[("LANG", "C.UTF-8")][..], Indonesian),
            (&[("LC_MESSAGES", "en_GB"), ("LANG", "id_ID")][..], English),
            (
                &[("LC_ALL", "id_ID"), ("LC_MESSAGES", "en_GB")][..],
                Indonesian,
            ),
            (&[("LC_ALL", ""), ("LANG", "en_US")][..], English),
        ] {
            assert_eq!(language_of_locale(env(pairs)), want, "{pairs:?}");
        }
        let cli = Cli::parse_from(["swanilai", "--lang", "en", "info"]);
        assert_eq!(cli.language(), English);
        let cli = Cli::parse_from(["swanilai", "info", "--lang", "id"]);
        assert_eq!(cli.language(), Indonesian);
    }
}

#[derive(Debug, Subcommand)]
pub enum ExternalCmd {
    /// Enter the value an indicator takes from another agency's index.
    Set {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        /// The value 1.00-5.00.
        #[arg(
            long,
            allow_negative_numbers = true,
            required_unless_present = "clear",
            conflicts_with = "clear"
        )]
        value: Option<String>,
        /// Where it was read (a publication, a letter, a web page).
        #[arg(long, default_value = "")]
        source: String,
        /// The year of the index's own edition.
        #[arg(long)]
        source_year: Option<i32>,
        /// Remove the entered value: the framework's default applies again.
        #[arg(long)]
        clear: bool,
        #[arg(long)]
        json: bool,
    },
    /// Every indicator's values: the team's, the assessor's and the external ones.
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ButirCmd {
    /// The butir of every indicator (or one), with status and the level gate.
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Set a butir's status: draft, diunggah, diterima or revisi (with --kind).
    Set {
        #[command(flatten)]
        year: YearArg,
        /// The butir id: GT.I1_L2_1.
        #[arg(long)]
        id: String,
        /// draft, diunggah, diterima or revisi.
        #[arg(long)]
        status: String,
        /// With revisi: tidak-tepat, belum-diunggah or otomatis-ditolak.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Attach evidence (by its id in `evidence list`) to a butir of its indicator; a butir
    /// in draft becomes diunggah. Without --id: back to the indicator as a whole.
    Attach {
        #[command(flatten)]
        year: YearArg,
        /// The evidence id.
        #[arg(long)]
        evidence: i64,
        /// The butir id: GT.I1_L2_1.
        #[arg(long)]
        id: Option<String>,
    },
}
