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
    AlreadyInitialized,
    DatabaseMissing,
    /// The database was written by a newer version of Swanilai.
    DatabaseTooNew,
    NotADatabase,
    /// The database file is locked by another program or read-only.
    DatabaseBusy,
    AssessmentNotFound,
    AssessmentExists,
    NoAssessment,
    UnknownIndicator,
    InvalidLevel,
    InvalidInput,
    FileUnreadable,
    FileEmpty,
    FileTooLarge,
    EvidenceNotFound,
    EvidenceCorrupt,
    WorkbookUnreadable,
    WorkbookLayout,
    WorkbookWrongAssessment,
    /// An import with rejected rows, not accepted.
    ImportRejected,
    CatalogInvalid,
    FrameworkUnknown,
    LevelsFileInvalid,
    /// The database has accounts: sign in first (`--user NAME`).
    SignInRequired,
    /// Wrong account name or password (never says which).
    WrongCredentials,
    WeakPassword,
    DuplicateAccount,
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
    /// Submitting or approving an indicator that has no level.
    NoLevel,
    /// Finalizing while some indicators are not approved.
    NotAllApproved,
    /// The audit chain or the data it records does not verify.
    AuditBroken,
    /// An unexpected storage or IO failure; the message says what.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, ts_rs::TS)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let code = match &e {
            StoreError::NewerSchema { .. } => ErrorCode::DatabaseTooNew,
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::Missing(_) => ErrorCode::DatabaseMissing,
            StoreError::Corrupt { .. } => ErrorCode::EvidenceCorrupt,
            StoreError::Sqlite(rusqlite_err) if is_busy(rusqlite_err) => ErrorCode::DatabaseBusy,
            StoreError::Io { .. } => ErrorCode::FileUnreadable,
            StoreError::Sqlite(_) | StoreError::Conflict(_) => ErrorCode::Internal,
        };
        let message = match code {
            ErrorCode::DatabaseBusy => format!(
                "the database is locked by another program or is read-only ({e}); close the other program or choose a writable file"
            ),
            _ => e.to_string(),
        };
        AppError { code, message }
    }
}

fn is_busy(e: &swanilai_store::rusqlite::Error) -> bool {
    use swanilai_store::rusqlite::ErrorCode as C;
    matches!(
        e.sqlite_error_code(),
        Some(C::DatabaseBusy | C::DatabaseLocked | C::ReadOnly | C::CannotOpen)
    )
}

impl From<XlsxError> for AppError {
    fn from(e: XlsxError) -> AppError {
        let code = match &e {
            XlsxError::Read { .. } => ErrorCode::WorkbookUnreadable,
            XlsxError::Layout { .. } => ErrorCode::WorkbookLayout,
            XlsxError::Catalog { .. } => ErrorCode::CatalogInvalid,
            XlsxError::Write { .. } => ErrorCode::Internal,
        };
        AppError::new(code, e.to_string())
    }
}

impl From<swanilai_core::CatalogError> for AppError {
    fn from(e: swanilai_core::CatalogError) -> AppError {
        AppError::new(ErrorCode::CatalogInvalid, e.to_string())
    }
}
