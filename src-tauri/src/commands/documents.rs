//! The printable documents: Berita Acara and Pernyataan Persetujuan Publikasi (PDF), and
//! the report to the Bupati (PDF or DOCX).

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

/// Write the report to the Bupati (PDF or DOCX by the extension of `out`), with the path
/// to `target` (an index or predikat; the next predikat when None).
#[tauri::command(async)]
pub fn export_report<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Year,
    target: Option<String>,
    out: PathBuf,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    state.with(|app| app.write_report(year, target.as_deref(), &out))?;
    Ok(out.display().to_string())
}
