//! Cross-crate stories of Swanilai SPBE: one integration binary, one module per story.

mod app_story;
mod audit_keys;
mod backup_story;
mod catalog_reference;
mod package_story;
mod pemdi_reference;
mod pemdi_story;
mod planning_story;
mod recap_story;
mod team_story;
mod tidy;
mod tidy_layers;
mod verification_story;
mod workbook;

/// A fresh database with an instansi and a 2026 assessment, at a fixed time.
pub fn ready_app(dir: &std::path::Path) -> swanilai_app::App {
    use swanilai_app::{App, FixedClock, InstansiInput, InstansiKind, Open};
    let mut app = App::open_with_clock(
        &dir.join("it.db"),
        Open::CreateIfMissing,
        Box::new(FixedClock("2026-11-23T08:00:00Z".into())),
    )
    .expect("open a new database");
    app.init(InstansiInput {
        name: "Pemerintah Kota Uji".into(),
        kind: InstansiKind::Kota,
        coordinator_name: "Sekretaris Daerah".into(),
        coordinator_nip: String::new(),
        address: String::new(),
    })
    .expect("init");
    app.new_assessment(2026, None).expect("assessment");
    app
}
