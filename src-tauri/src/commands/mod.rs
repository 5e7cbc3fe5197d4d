//! The IPC commands, one module per area. Each command delegates to one swanilai-app use
//! case; errors cross as `{code, message}` (`AppError`). Every command is `async` so that
//! none runs on the main thread (a long export never freezes the window).

pub mod answers;
pub mod database;
pub mod evidence;
pub mod index;
pub mod settings;
pub mod team;
pub mod workbook;

use swanilai_app::ProgressDto;
use tauri::ipc::Channel;

/// Send progress; a closed channel (window reloaded) is not an error for the job.
pub(crate) fn progress(ch: &Channel<ProgressDto>, stage: &str, done: u64, total: u64) {
    let _ = ch.send(ProgressDto {
        stage: stage.to_owned(),
        done,
        total,
    });
}
