//! Swanilai SPBE desktop shell (Tauri 2). Thin on purpose: state, command wiring and the
//! window; every decision is a swanilai-app use case. See ARCHITECTURE.md.

pub mod commands;
#[cfg(test)]
mod ipc_tests;
pub mod paths;
pub mod state;

use tauri::{Emitter, Manager, Runtime, WindowEvent};

use crate::state::AppState;

/// Register every command and the close guard on a builder (generic so the mock runtime
/// of the tests uses the very same wiring).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::*;
    builder
        .invoke_handler(tauri::generate_handler![
            database::database_summary,
            database::init_instansi,
            database::new_assessment,
            database::open_database,
            database::load_demo,
            answers::answers,
            answers::answer,
            answers::set_answer,
            answers::indicators,
            answers::indicator_info,
            index::index,
            evidence::evidence,
            evidence::add_evidence_files,
            evidence::add_evidence_link,
            evidence::remove_evidence,
            evidence::evidence_content,
            evidence::open_evidence,
            workbook::export_workbook,
            workbook::import_preview,
            workbook::import_apply,
            workbook::export_evidence_package,
            settings::get_settings,
            settings::set_language,
            settings::default_database,
            settings::backup,
            team::requires_sign_in,
            team::signed_in,
            team::sign_in,
            team::sign_out,
            team::change_password,
            team::reset_password,
            team::add_account,
            team::accounts,
            team::team,
            team::set_team_role,
            team::remove_team_member,
            team::assignments,
            team::assign,
            team::unassign,
            team::my_indicators,
            team::submit,
            team::approve,
            team::return_for_revision,
            team::review_queue,
            team::finalize,
            team::reopen,
            team::comments,
            team::add_comment,
            team::history,
            team::export_document,
            team::verify_audit,
        ])
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.is_busy() {
                    // An export or import is writing: finish it, then exit.
                    api.prevent_close();
                    state.request_close_after_jobs();
                    let _ = window.emit("close-deferred", ());
                }
            }
        })
}

/// Start the app: `--db FILE` or the settings choose the database, else the default file
/// in the user's data folder.
pub fn run() {
    let settings_path = paths::settings_file();
    let settings = swanilai_app::settings::load(&settings_path);
    let db = paths::choose_database(paths::db_flag(std::env::args().skip(1)), &settings);
    let state = AppState::new(db, settings_path);
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state);
    if let Err(e) = with_commands(builder).run(tauri::generate_context!()) {
        eprintln!("Swanilai SPBE could not start: {e}");
        std::process::exit(1);
    }
}
