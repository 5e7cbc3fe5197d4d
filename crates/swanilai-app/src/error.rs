//! The error of every use case: a closed [`ErrorCode`] the UI branches on, and a message
//! for people (never matched on).

use serde::Serialize;
use swanilai_store::StoreError;
use swanilai_xlsx::XlsxError;

/// Every way a use case can fail. Serialised as SCREAMING_SNAKE_CASE at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The database has no instansi profile yet (run `init`).
    NotInitialized,
    /// The database already has an instansi profile (`init` again, or the demo on another
    /// instansi's database).
    AlreadyInitialized,
    /// The database file does not exist, or no database is open in the desktop app.
    DatabaseMissing,
    /// The database was written by a newer version of Swanilai.
    DatabaseTooNew,
    /// The file is not a Swanilai database (not SQLite, or another program's).
    NotADatabase,
    /// The database file is locked by another program or cannot be opened.
    DatabaseBusy,
    /// The database file (or its folder) is read-only: everything can be read, nothing
    /// changed; the message says why.
    DatabaseReadOnly,
    /// There is no assessment for the year asked.
    AssessmentNotFound,
    /// An assessment for that year already exists.
    AssessmentExists,
    /// The latest assessment was asked for, but the database has none yet.
    NoAssessment,
    /// The indicator number is not in the assessment's catalog (59/2020 has 1-47).
    UnknownIndicator,
    /// A level outside 1-5.
    InvalidLevel,
    /// An input the use case refuses (an empty name, a year outside 2018-2100, a date not like
    /// 2026-11-23, an over-long explanation); the message names it.
    InvalidInput,
    /// A file to read (evidence, catalog) is missing, a folder or unreadable, or the store hit
    /// an IO error.
    FileUnreadable,
    /// A file the app writes (export, document, backup, settings) cannot be written.
    FileUnwritable,
    /// An evidence file is empty (0 bytes).
    FileEmpty,
    /// An evidence file over 200 MiB to attach, or over 40 MiB to preview.
    FileTooLarge,
    /// There is no evidence with that id in the assessment.
    EvidenceNotFound,
    /// A stored evidence file no longer matches its sha256 (damaged in the evidence folder).
    EvidenceCorrupt,
    /// The file cannot be read as a workbook at all (missing, corrupt, not .xlsx).
    WorkbookUnreadable,
    /// The workbook opens but is not laid out as expected (no Penilaian Mandiri sheet, no header
    /// row with No and Tingkat).
    WorkbookLayout,
    /// The workbook was exported for another year or framework than the assessment it is
    /// imported into.
    WorkbookWrongAssessment,
    /// An import with rejected rows, not accepted.
    ImportRejected,
    /// A catalog (JSON or workbook) does not validate, or a framework version is already in the
    /// database with other content.
    CatalogInvalid,
    /// The framework id is neither shipped nor loaded, or an assessment's catalog is missing
    /// from the database.
    FrameworkUnknown,
    /// A levels file (`indicator,level` CSV) is empty, has the wrong header or bad rows; the
    /// message lists every bad row.
    LevelsFileInvalid,
    /// The database has accounts: sign in first (`--user NAME`).
    SignInRequired,
    /// Wrong account name or password (never says which).
    WrongCredentials,
    /// The password is shorter than 10 characters, common, contains the account name or repeats
    /// too few different characters.
    WeakPassword,
    /// An account with that name already exists (names are compared without case).
    DuplicateAccount,
    /// There is no account with that name.
    UnknownAccount,
    /// The acting user has no role in this assessment.
    NotInTeam,
    /// The Koordinator SPBE signs; otherwise read-only.
    ReadOnlyRole,
    /// Only the supervisor (penanggung jawab) may do this.
    SupervisorOnly,
    /// A member may change only the indicators assigned to them.
    NotAssigned,
    /// The indicator's status does not allow this step (e.g. approving a draft).
    InvalidTransition,
    /// The assessment is finalized and read-only.
    AssessmentFinalized,
    /// Submitting or approving an indicator that has no level (or, in a framework scored
    /// with decimals, no value).
    NoLevel,
    /// A value that is not 1,00-5,00 with at most two decimals.
    InvalidValue,
    /// A command that does not fit how the framework scores: a whole level on a framework
    /// scored with decimal values (Indeks Pemdi), or a decimal value on one scored with
    /// levels (59/2020).
    WrongValueKind,
    /// A team or assessor value on an indicator taken from another agency's index, or an
    /// external-index value on an indicator the team scores.
    ExternalIndicator,
    /// The butir id is not in the assessment's framework.
    UnknownButir,
    /// Not one of the verification stages (dokumen, interviu, visitasi, final).
    UnknownStage,
    /// Finalizing while some indicators are not approved.
    NotAllApproved,
    /// The audit chain or the data it records does not verify.
    AuditBroken,
    /// A work package file that is not whole, damaged, unsafe or too new.
    PackageInvalid,
    /// A work package that does not belong here (another database, an older package,
    /// the wrong kind), refused with nothing changed.
    PackageRefused,
    /// A merge with conflicts nobody decided: nothing was written.
    MergeConflict,
    /// No backup of that name in the database's backups folder.
    BackupNotFound,
    /// An unexpected storage or IO failure; the message says what.
    Internal,
}

/// The error of every use case: a closed code to branch on and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, ts_rs::TS)]
#[error("{message}")]
pub struct AppError {
    /// What went wrong, as the code the window and scripts branch on.
    pub code: ErrorCode,
    /// What went wrong for people, naming the file, sheet, row, column or field; never matched
    /// on.
    pub message: String,
}

impl AppError {
    /// An error with this code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }
}

/// The result of every use case: the value, or an [`AppError`].
pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let code = match &e {
            StoreError::NewerSchema { .. } => ErrorCode::DatabaseTooNew,
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::Missing(_) => ErrorCode::DatabaseMissing,
            StoreError::Corrupt { .. } => ErrorCode::EvidenceCorrupt,
            e if e.is_read_only() => ErrorCode::DatabaseReadOnly,
            e if e.is_busy() => ErrorCode::DatabaseBusy,
            // A full disk or a file size limit while the store writes.
            StoreError::Io { source, .. }
                if matches!(
                    source.kind(),
                    std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
                ) =>
            {
                ErrorCode::FileUnwritable
            }
            StoreError::Io { .. } => ErrorCode::FileUnreadable,
            StoreError::Sqlite(_) | StoreError::Conflict(_) | StoreError::ReadOnly { .. } => {
                ErrorCode::Internal
            }
        };
        let message = match code {
            ErrorCode::DatabaseBusy => format!(
                "the database is locked by another program ({e}); close the other program or choose another file"
            ),
            ErrorCode::DatabaseReadOnly => format!(
                "{e}; make the file and its folder writable, or work on a copy, to change it"
            ),
            _ => e.to_string(),
        };
        AppError { code, message }
    }
}

impl AppError {
    /// A workbook error said in `lang` (layout errors; the others keep their English).
    pub fn from_xlsx(e: XlsxError, lang: swanilai_core::Language) -> AppError {
        let code = match &e {
            XlsxError::Read { .. } => ErrorCode::WorkbookUnreadable,
            XlsxError::Layout { .. } => ErrorCode::WorkbookLayout,
            XlsxError::Catalog { .. } => ErrorCode::CatalogInvalid,
            XlsxError::Write { .. } => ErrorCode::FileUnwritable,
        };
        AppError::new(code, e.message(lang))
    }
}

impl From<XlsxError> for AppError {
    fn from(e: XlsxError) -> AppError {
        AppError::from_xlsx(e, swanilai_core::Language::English)
    }
}

impl From<swanilai_core::CatalogError> for AppError {
    fn from(e: swanilai_core::CatalogError) -> AppError {
        AppError::new(ErrorCode::CatalogInvalid, e.to_string())
    }
}
