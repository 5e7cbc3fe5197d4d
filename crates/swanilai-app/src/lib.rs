//! Use cases of Swanilai SPBE: the one API that the `swanilai` CLI and the desktop shell
//! call. Each use case validates its input against the catalog, runs as one transaction
//! on the store and returns a DTO or an [`AppError`] with a closed [`ErrorCode`].

#![warn(missing_docs)]

mod access;
mod accounts;
mod answers;
mod assessments;
mod audit;
mod backups;
mod bindings;
mod butir;
pub mod clock;
mod database;
mod demo;
mod documents;
pub mod dto;
mod error;
mod evidence;
mod evidence_names;
pub mod files;
mod frameworks;
mod index;
mod package;
mod packages;
pub mod places;
mod planning;
mod planning_dto;
mod recap;
pub mod report;
mod review;
mod scoring_dto;
pub mod settings;
mod signing;
mod team;
mod team_dto;
mod values;
mod verification;
mod verification_dto;
mod workbook;
mod workbook_butir;
mod year;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use swanilai_core::Catalog;
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::{OpenMode, Store};

pub use access::LOCAL_ACTOR;
pub use accounts::MIN_PASSWORD_CHARS;
pub use assessments::open_initialized;
pub use backups::{
    BackupAssessmentDto, BackupDbStateDto, BackupInfoDto, BackupListDto, BackupReason,
    RestorePreviewDto, RestoreReportDto, BACKUPS_KEPT,
};
pub use clock::{Clock, FixedClock, SystemClock};
pub use database::{BackupDto, DatabaseDto};
pub use documents::DocumentKind;
pub use dto::*;
pub use error::{AppError, AppResult, ErrorCode};
pub use evidence::{EvidenceContent, EVIDENCE_MAX_BYTES, PREVIEW_MAX_BYTES};
pub use frameworks::{check_catalog_file, export_catalog, read_catalog_file};
pub use index::{
    index_from_levels, index_from_values, levels_from_csv, shipped_framework, values_from_csv,
};
pub use package::{percent_steps, PackageSummary, ProgressDto, ProgressStage};
pub use packages::{FieldMergeDto, IndicatorMergeDto, MergeDecision, MergeReport, PackageDto};
pub use packages::{PackageTarget, WorkingCopyDto};
pub use planning::FOLLOW_UP;
pub use planning_dto::*;
pub use recap::{recap, GroupDto, RecapDto, RecapErrorDto, RecapRowDto, RECAP_WORKERS};
pub use scoring_dto::*;
pub use swanilai_core::merge::Take;
pub use swanilai_core::workflow::Role;
pub use team::parse_role;
pub use team_dto::*;
pub use verification::STAGE_CSV_MAX_BYTES;
pub use verification_dto::*;
pub use year::Year;

/// An open Swanilai database and the use cases on it.
pub struct App {
    store: Store,
    clock: Box<dyn Clock>,
    /// Catalogs read from the database, by (id, version).
    catalogs: HashMap<(String, String), Arc<Catalog>>,
    /// The signed-in user, if any.
    actor: Option<access::Actor>,
    /// Base delay after a wrong password.
    sign_in_delay: std::time::Duration,
    /// The language of the texts a person reads that the app renders (import problems,
    /// workbook layout errors); Bahasa Indonesia unless set.
    language: settings::Language,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("db", &self.store.path())
            .finish()
    }
}

/// How a database is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// Create the file when it does not exist (init, demo).
    CreateIfMissing,
    /// The file must exist.
    Existing,
}

impl App {
    /// Open the database at `path` with the system clock (an older database gets its audit
    /// baseline).
    pub fn open(path: &Path, how: Open) -> AppResult<App> {
        App::open_with_clock(path, how, Box::new(SystemClock))
    }

    /// Open the database at `path` with the given clock ([`FixedClock`] for tests and
    /// reproducible demos).
    pub fn open_with_clock(path: &Path, how: Open, clock: Box<dyn Clock>) -> AppResult<App> {
        let mode = match how {
            Open::CreateIfMissing => OpenMode::Create,
            Open::Existing => OpenMode::Existing,
        };
        let store = Store::open(path, mode).map_err(|e| match e {
            swanilai_store::StoreError::Missing(p) => AppError::new(
                ErrorCode::DatabaseMissing,
                format!(
                    "database {} does not exist; create it with `swanilai --db {} init --instansi NAME --kind kabupaten`",
                    p.display(),
                    p.display()
                ),
            ),
            other => other.into(),
        })?;
        let mut app = App::over(store, clock);
        if app.store.read_only().is_none() {
            app.ensure_audit_baseline()?;
        }
        Ok(app)
    }

    /// The use cases over a store already open (no baseline written).
    fn over(store: Store, clock: Box<dyn Clock>) -> App {
        App {
            store,
            clock,
            catalogs: HashMap::new(),
            actor: None,
            sign_in_delay: std::time::Duration::from_millis(400),
            language: settings::Language::default(),
        }
    }

    /// Say import problems and workbook layout errors in `language` from now on (the
    /// window's setting, the command line's `--lang`).
    pub fn set_language(&mut self, language: settings::Language) {
        self.language = language;
    }

    /// The language import problems and workbook layout errors are said in.
    pub fn language(&self) -> settings::Language {
        self.language
    }

    /// Why the database cannot be written, when it was opened read-only (the file or its
    /// folder is read-only); None when it is writable.
    pub fn read_only(&self) -> Option<&str> {
        self.store.read_only()
    }

    /// The database file's path.
    pub fn db_path(&self) -> &Path {
        self.store.path()
    }

    /// The evidence folder beside the database (`<stem>.evidence`), where attached files are
    /// stored by sha256.
    pub fn evidence_dir(&self) -> PathBuf {
        self.store.blobs().root().to_owned()
    }

    /// The catalog an assessment was scored with.
    fn catalog_of(&mut self, a: &AssessmentRow) -> AppResult<Arc<Catalog>> {
        let key = (a.framework_id.clone(), a.framework_version.clone());
        if let Some(c) = self.catalogs.get(&key) {
            return Ok(c.clone());
        }
        let row = swanilai_store::frameworks::get(
            self.store.conn(),
            &a.framework_id,
            &a.framework_version,
        )?
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::FrameworkUnknown,
                format!(
                    "the catalog {} {} of assessment {} is missing from the database",
                    a.framework_id, a.framework_version, a.year
                ),
            )
        })?;
        let catalog = Arc::new(Catalog::from_json(&row.catalog_json)?);
        self.catalogs.insert(key, catalog.clone());
        Ok(catalog)
    }

    /// The assessment of `year`, or the latest one.
    fn assessment(&self, year: impl Into<Year>) -> AppResult<AssessmentRow> {
        let conn = self.store.conn();
        match year.into() {
            Year::Of(y) => swanilai_store::assessments::by_year(conn, y)?.ok_or_else(|| {
                AppError::new(
                    ErrorCode::AssessmentNotFound,
                    format!("there is no assessment for year {y}; create it with `assessment new --year {y}`"),
                )
            }),
            Year::Latest => swanilai_store::assessments::latest(conn)?.ok_or_else(|| {
                AppError::new(
                    ErrorCode::NoAssessment,
                    "the database has no assessment yet; create one with `assessment new --year YEAR`",
                )
            }),
        }
    }
}

/// The indicator of a catalog, or UnknownIndicator naming the valid range.
fn indicator_of(catalog: &Catalog, number: u32) -> AppResult<&swanilai_core::Indicator> {
    catalog.indicator(number).ok_or_else(|| {
        let first = catalog.indicators().first().map(|i| i.number).unwrap_or(0);
        let last = catalog.indicators().last().map(|i| i.number).unwrap_or(0);
        AppError::new(
            ErrorCode::UnknownIndicator,
            format!(
                "indicator {number} does not exist in {} (indicators are {first}-{last})",
                catalog.framework().short_title
            ),
        )
    })
}
