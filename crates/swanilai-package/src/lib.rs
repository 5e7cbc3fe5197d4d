//! The `.swanilai` work package: what one member of the evaluator team carries to their own
//! laptop (a work package), what they send back (a return package), or a whole copy of
//! the team database's assessment. One zip file:
//!
//! - `manifest.json`: the format version, the kind, who made it when, the identity of the
//!   origin database and assessment, and the sha256 and size of every other part;
//! - `data.json`: the [`Payload`] (answers, comments, evidence records, the account...);
//! - `evidence/<sha256>`: each evidence file once, stored as is, named by its content.
//!
//! The reader is bounded whatever the file: a fixed number of entries, a size cap on the
//! manifest and the data, only the three kinds of names above (nothing that could leave a
//! folder), and every part checked against the manifest's sha256 while it streams. No SQL
//! here: swanilai-app turns the store's rows into a [`Payload`] and back.

#![warn(missing_docs)]

mod format;
mod read;
mod write;

pub use format::*;
pub use read::PackageReader;
pub use write::PackageWriter;

use std::path::PathBuf;

/// Why a package cannot be written or read; each names the file and, where it applies,
/// the part inside it.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// The file cannot be read or written at all.
    #[error("{path}: {message}")]
    Io {
        /// The package file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// Not a package, truncated, or a part that does not match its manifest.
    #[error("{path} is not a whole Swanilai package: {message}")]
    Corrupt {
        /// The package file.
        path: PathBuf,
        /// What is wrong, naming the part.
        message: String,
    },
    /// A name inside the zip that could leave the folder or is not part of the format.
    #[error("{path} holds an entry Swanilai does not write ('{entry}'); the file was refused")]
    Unsafe {
        /// The package file.
        path: PathBuf,
        /// The offending entry name.
        entry: String,
    },
    /// Made by a newer Swanilai.
    #[error("{path} was made by a newer Swanilai (package format {found}, this version reads up to {FORMAT}); update Swanilai to open it")]
    Newer {
        /// The package file.
        path: PathBuf,
        /// Its format version.
        found: u32,
    },
}

/// The result of reading or writing a package.
pub type Result<T> = std::result::Result<T, PackageError>;

#[cfg(test)]
mod tests;
