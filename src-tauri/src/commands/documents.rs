//! The printable documents: Berita Acara and Pernyataan Persetujuan Publikasi (PDF).

use std::path::PathBuf;

use swanilai_app::{AppResult, DocumentKind, Year};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

/// Write a document of the assessment to `out` (atomically); `date` is the signing date.
#[tauri::command(async)]
pub fn export_document<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    kind: DocumentKind,
    date: Option<String>,
    out: PathBuf,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    state.with(|app| app.write_document(year, kind, date.as_deref(), &out))?;
    Ok(out.display().to_string())
}
