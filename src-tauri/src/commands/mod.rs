//! The IPC commands, one module per area (the same words as swanilai-app's modules and
//! the UI's client, see ARCHITECTURE.md). Each command passes its arguments to one
//! swanilai-app use case; errors cross as `{code, message}` (`AppError`). Every command
//! is `async` so that none runs on the main thread (a long export never freezes the
//! window). No file IO here: the use cases read and write files.

pub mod accounts;
pub mod answers;
pub mod audit;
pub mod database;
pub mod documents;
pub mod evidence;
pub mod index;
pub mod packages;
pub mod planning;
pub mod review;
pub mod settings;
pub mod team;
pub mod transfer;
pub mod values;
pub mod verification;

use swanilai_app::{ProgressDto, ProgressStage};
use tauri::ipc::Channel;

/// Send progress; a closed channel (window reloaded) is not an error for the job.
pub(crate) fn progress(ch: &Channel<ProgressDto>, stage: ProgressStage, done: u64, total: u64) {
    let _ = ch.send(ProgressDto { stage, done, total });
}
