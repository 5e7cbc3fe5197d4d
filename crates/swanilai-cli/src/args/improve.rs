//! The subcommands of the external verification and of planning the improvement.

use std::path::PathBuf;

use clap::Subcommand;

use super::YearArg;

#[derive(Debug, Subcommand)]
pub enum VerificationCmd {
    /// Write the results template (.xlsx): one row per indicator, a level and a note column
    /// per stage, to fill from the national application or the LHE.
    Template {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        out: PathBuf,
    },
    /// Import results from a filled template (.xlsx) or a CSV with the header
    /// `indicator,stage,level,note` (`,` `;` or tab; stages dokumen, interviu, visitasi,
    /// final). Shows every change first; writes all in one transaction, or nothing.
    Import {
        #[command(flatten)]
        year: YearArg,
        file: PathBuf,
        /// Show what would change and write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Set (or with --clear remove) one indicator's level and note at one stage.
    Set {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        /// dokumen, interviu, visitasi or final.
        #[arg(long)]
        stage: String,
        /// A level 1-5 (a value such as 2,35 for a framework scored with decimals).
        #[arg(long, required_unless_present = "clear", conflicts_with = "clear")]
        level: Option<String>,
        /// The assessors' note (kept when not given).
        #[arg(long)]
        note: Option<String>,
        /// Remove the stage's value.
        #[arg(long)]
        clear: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Set (an empty text clears) an indicator's target, ceiling and effort.
    Set {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        /// Target level for next year.
        #[arg(long)]
        target: Option<String>,
        /// The level it cannot go above this year.
        #[arg(long)]
        ceiling: Option<String>,
        /// easy, medium or hard.
        #[arg(long)]
        effort: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every indicator plan that is set.
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecommendationCmd {
    /// Add a recommendation to an indicator.
    Add {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: u32,
        /// The recommendation.
        #[arg(long)]
        text: String,
        /// The unit kerja that follows it up.
        #[arg(long, default_value = "")]
        unit: String,
        /// Due date, YYYY-MM-DD.
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The recommendations (one indicator's, or all), with last year's for comparison.
    List {
        #[command(flatten)]
        year: YearArg,
        #[arg(long)]
        indicator: Option<u32>,
        /// Last year's recommendations and their follow-up instead.
        #[arg(long)]
        previous: bool,
        #[arg(long)]
        json: bool,
    },
    /// Set a recommendation's follow-up status (belum, proses, selesai), with a note.
    SetStatus {
        #[command(flatten)]
        year: YearArg,
        /// Its id (`recommendation list`).
        id: i64,
        /// belum, proses or selesai.
        status: String,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
}
