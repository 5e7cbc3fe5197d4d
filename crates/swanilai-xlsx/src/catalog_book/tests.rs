//! Catalog workbook tests: round trips and problems placed by sheet and row.

use swanilai_core::builtin::default_catalog;
use swanilai_core::Catalog;
use tempfile::TempDir;

use super::{read_catalog, write_catalog, write_catalog_file};
use crate::XlsxError;

/// A small framework without a domain layer (like the reported Indeks Pemerintah Digital),
/// with notes on one indicator and a level kind without descriptions.
pub(crate) const NO_DOMAIN_FRAMEWORK: &str = r#"{
  "format": "swanilai-catalog", "format_version": 1,
  "framework": {"id": "demo-pemdi", "version": "1", "title": "Demo tanpa domain",
                "index_name": "Indeks Pemerintah Digital"},
  "level_kinds": [{"id": "any", "names": ["L1", "L2", "L3", "L4", "L5"]}],
  "rating_bands": [{"name": "Sangat Baik", "min": "4.0"}, {"name": "Baik", "min": "3"},
                   {"name": "Kurang", "min": null}],
  "aspects": [{"number": 1, "code": "A1", "name": "Satu", "weight_bp": 4000},
              {"number": 2, "code": "A2", "name": "Dua", "weight_bp": 6000}],
  "indicators": [
    {"number": 1, "aspect": 1, "name": "I1", "weight_bp": 1000, "level_kind": "any", "question": "Q1"},
    {"number": 3, "aspect": 2, "name": "I3", "weight_bp": 6000, "level_kind": "any", "question": "Q3", "nameable": true},
    {"number": 2, "aspect": 1, "name": "I2", "weight_bp": 3000, "level_kind": "any", "question": "Q2"}],
  "criteria_versions": [{"id": "v1", "title": "v1", "from_year": 2026, "indicators": [
    {"number": 3, "name": "I3 baru", "evidence_examples": "SK\nPerbup",
     "levels": [{"criteria": "a", "fulfilment": "f"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e", "evidence": "bukti"}]},
    {"number": 1, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]},
    {"number": 2, "levels": [{"criteria": "a"},{"criteria": "b"},{"criteria": "c"},{"criteria": "d"},{"criteria": "e"}]}]}]
}"#;

fn round_trip(catalog: &Catalog) -> Catalog {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("katalog.xlsx");
    write_catalog(catalog, &path).unwrap();
    read_catalog(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_shipped_catalog_round_trips_through_a_workbook() {
    let back = round_trip(default_catalog());
    assert_eq!(back.file(), default_catalog().file());
    assert_eq!(&back, default_catalog());
}

#[test]
fn a_framework_without_domains_round_trips_in_its_own_order() {
    let catalog = Catalog::from_json(NO_DOMAIN_FRAMEWORK).unwrap();
    let back = round_trip(&catalog);
    assert!(!back.has_domains());
    assert_eq!(back, catalog);
}

#[test]
fn an_invalid_catalog_workbook_lists_its_problems_with_sheet_and_row() {
    let mut file = Catalog::from_json(NO_DOMAIN_FRAMEWORK)
        .unwrap()
        .file()
        .clone();
    file.indicators[1].weight_bp = 5000; // indicator 3, the only one of aspect 2
    file.indicators[2].level_kind = "tidak-ada".to_owned();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("salah.xlsx");
    write_catalog_file(&file, &path).unwrap();
    let err = read_catalog(&path).unwrap_err();
    let XlsxError::Catalog { path: p, message } = &err else {
        panic!("expected a catalog error, got {err:?}")
    };
    assert_eq!(p, &path);
    assert!(
        message.contains("sheet 'Indicators' row 4 (indicators[2].level_kind)"),
        "{message}"
    );
    assert!(
        message.contains("sheet 'Aspects' row 3 (aspects[1].weight_bp)"),
        "{message}"
    );
    assert!(message.contains("9000 basis points"), "{message}");
}

#[test]
fn a_cell_of_the_wrong_kind_names_sheet_row_and_column() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sel.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for spec in [
        &super::FRAMEWORK,
        &super::LEVEL_KINDS,
        &super::RATING_BANDS,
        &super::ASPECTS,
        &super::INDICATORS,
        &super::CRITERIA_VERSIONS,
        &super::CRITERIA,
    ] {
        let ws = book.add_worksheet().set_name(spec.name).unwrap();
        for (col, c) in (0u16..).zip(spec.columns) {
            ws.write_string(0, col, c.header).unwrap();
        }
        if spec.name == "Indicators" {
            ws.write_string(1, 0, "satu").unwrap();
        }
    }
    book.save(&path).unwrap();
    let err = read_catalog(&path).unwrap_err();
    assert!(matches!(err, XlsxError::Catalog { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("sheet 'Indicators' row 2 column number: 'satu'"),
        "{text}"
    );
    assert!(text.contains("the key 'id' needs a value"), "{text}");
}

#[test]
fn a_missing_sheet_is_a_layout_error() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("kosong.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Framework").unwrap();
    book.save(&path).unwrap();
    let err = read_catalog(&path).unwrap_err();
    assert!(matches!(err, XlsxError::Layout { .. }), "{err:?}");
    assert!(
        err.to_string().contains("'Framework' has no column 'key'"),
        "{err}"
    );

    let missing = dir.path().join("tidak-ada.xlsx");
    assert!(matches!(
        read_catalog(&missing),
        Err(XlsxError::Read { .. })
    ));
}

#[test]
fn a_value_in_the_last_cell_of_a_catalog_sheet_is_one_problem_not_an_abort() {
    // Regression (issue 10, item 1): the whole-range read of a sheet with a value in
    // XFD1048576 tried to allocate 512 GiB.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("katalog-jauh.xlsx");
    let mut wb = super::build(default_catalog().file()).unwrap();
    wb.worksheet_from_name("Criteria")
        .unwrap()
        .write_string(1_048_575, 16_383, "x")
        .unwrap();
    wb.save(&path).unwrap();
    let err = read_catalog(&path).unwrap_err();
    assert!(
        matches!(&err, XlsxError::Catalog { message, .. }
            if message.contains("sheet 'Criteria' has content below row 20000")),
        "{err}"
    );
}

#[test]
fn a_catalog_read_from_bytes_equals_the_one_read_from_its_file() {
    let bytes = super::catalog_bytes(default_catalog()).unwrap();
    let back = super::read_catalog_bytes(bytes, std::path::Path::new("katalog.xlsx")).unwrap();
    assert_eq!(&back, default_catalog());
}
