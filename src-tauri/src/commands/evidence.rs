//! Evidence (data dukung): attach files by path (dialog or drag-and-drop), links, remove,
//! preview bytes, open in the system's program.

use std::path::PathBuf;

use swanilai_app::{AppError, AppResult, ErrorCode, EvidenceDto};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

/// Largest file sent to the window for preview.
const PREVIEW_MAX_BYTES: usize = 40 * 1024 * 1024;

#[tauri::command(async)]
pub fn evidence(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: Option<u32>,
) -> AppResult<Vec<EvidenceDto>> {
    state.with(|app| app.evidence(year, indicator))
}

#[tauri::command(async)]
pub fn add_evidence_files(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    paths: Vec<PathBuf>,
    date: Option<String>,
) -> AppResult<Vec<EvidenceDto>> {
    state.with(|app| app.add_evidence_files(year, indicator, &paths, date.as_deref()))
}

#[tauri::command(async)]
pub fn add_evidence_link(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    url: String,
    title: Option<String>,
    note: String,
) -> AppResult<EvidenceDto> {
    state.with(|app| app.add_evidence_link(year, indicator, &url, title.as_deref(), &note))
}

#[tauri::command(async)]
pub fn remove_evidence(
    state: State<'_, AppState>,
    year: Option<i32>,
    id: i64,
) -> AppResult<EvidenceDto> {
    state.with(|app| app.remove_evidence(year, id))
}

/// The file's bytes (verified against its sha256) for the preview pane.
#[tauri::command(async)]
pub fn evidence_content(
    state: State<'_, AppState>,
    year: Option<i32>,
    id: i64,
) -> AppResult<Response> {
    let c = state.with(|app| app.evidence_content(year, id))?;
    if c.bytes.len() > PREVIEW_MAX_BYTES {
        return Err(AppError::new(
            ErrorCode::FileTooLarge,
            format!("{} is too large to preview; open it instead", c.name),
        ));
    }
    Ok(Response::new(c.bytes))
}

/// Copy the file out (verified) to a scratch folder and open it in the system's program.
#[tauri::command(async)]
pub fn open_evidence<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    id: i64,
) -> AppResult<String> {
    let c = state.with(|app| app.evidence_content(year, id))?;
    let dir = crate::paths::open_dir().join(id.to_string());
    let dest = dir.join(safe_name(&c.name));
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&dest, &c.bytes))
        .map_err(|e| {
            AppError::new(
                ErrorCode::FileUnreadable,
                format!("cannot write {}: {e}", dest.display()),
            )
        })?;
    handle
        .opener()
        .open_path(dest.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("cannot open {}: {e}", dest.display()),
            )
        })?;
    Ok(dest.display().to_string())
}

/// A file name safe on every system: path separators and control characters replaced.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "berkas".into()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn strange_names_become_safe_file_names() {
        assert_eq!(
            super::safe_name("1.a.Perbup 7/2024: SPBE?.pdf"),
            "1.a.Perbup 7_2024_ SPBE_.pdf"
        );
        assert_eq!(super::safe_name(".."), "berkas");
        assert_eq!(super::safe_name("laporan\u{0}.pdf"), "laporan_.pdf");
    }
}
