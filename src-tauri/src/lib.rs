//! Swanilai SPBE desktop shell (Tauri 2). Thin on purpose: state, command wiring and the
//! window; every decision is a swanilai-app use case. See ARCHITECTURE.md.

pub mod commands;
#[cfg(test)]
mod ipc_tests;
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
            database::start,
            database::new_assessment,
            database::frameworks,
            database::update_profile,
            database::open_database,
            database::load_demo,
            database::backup,
            database::backups,
            database::restore_backup,
            answers::answers,
            answers::set_answer,
            answers::indicators,
            index::index,
            evidence::evidence,
            evidence::add_evidence_files,
            evidence::add_evidence_link,
            evidence::remove_evidence,
            evidence::evidence_preview,
            evidence::open_evidence,
            transfer::export_workbook,
            transfer::import_preview,
            transfer::import_apply,
            transfer::export_evidence_package,
            settings::get_settings,
            settings::set_language,
            settings::set_display,
            settings::default_database,
            accounts::requires_sign_in,
            accounts::signed_in,
            accounts::sign_in,
            accounts::sign_out,
            accounts::change_password,
            accounts::reset_password,
            accounts::add_account,
            accounts::accounts,
            team::team,
            team::set_team_role,
            team::remove_team_member,
            team::assignments,
            team::assign,
            team::my_indicators,
            review::review,
            review::review_queue,
            review::finalize,
            review::reopen,
            review::comments,
            review::add_comment,
            audit::history,
            audit::verify_audit,
            documents::export_document,
            documents::export_report,
            packages::package_out,
            packages::package_open,
            packages::working_copy,
            packages::package_return,
            packages::package_merge,
            values::scoring,
            values::values,
            values::set_value,
            values::set_external,
            values::butir,
            values::set_butir,
            values::attach_to_butir,
            planning::gap,
            planning::what_if,
            planning::plan_to_target,
            planning::scenarios,
            planning::save_scenario,
            planning::remove_scenario,
            planning::recommendations,
            planning::add_recommendation,
            planning::update_recommendation,
            planning::indicator_plans,
            planning::set_indicator_plan,
            verification::verification,
            verification::set_stage,
            verification::verification_template,
            verification::verification_preview,
            verification::verification_import,
            verification::compare_years,
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
    use swanilai_app::places;
    // Before GTK and WebKit start: no GPU, no software compositing.
    places::choose_compositing();
    let settings_path = places::settings_file();
    let settings = swanilai_app::settings::load(&settings_path);
    let db = places::choose_database(places::db_flag(std::env::args().skip(1)), &settings);
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
