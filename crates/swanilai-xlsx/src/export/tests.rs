//! Export tests: every sheet of the national workbook, read back with calamine.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader};
use swanilai_core::builtin::default_catalog;
use swanilai_core::{compute_index, Catalog, Level};
use tempfile::TempDir;

use crate::layout::{
    Column, HEADER_ROW, SHEET_ASSESSMENT, SHEET_EVIDENCE, SHEET_META, SHEET_QUESTIONNAIRE,
    SHEET_RECAP, TABLE_HEADER_ROW,
};
use crate::{write_assessment, AnswerRow, AssessmentSheet, EvidenceRow, XlsxError};

/// An assessment of the shipped 59/2020 catalog for 2024 with the given answers (one per
/// indicator, in catalog order), a file and a link as evidence of indicator 1.
pub(crate) fn sheet_with(answers: Vec<(Option<Level>, String)>) -> AssessmentSheet<'static> {
    let catalog = default_catalog();
    let mut levels = BTreeMap::new();
    let rows = catalog
        .indicators()
        .iter()
        .zip(answers)
        .map(|(ind, (level, explanation))| {
            if let Some(l) = level {
                levels.insert(ind.number, l);
            }
            AnswerRow {
                indicator: ind.number,
                level,
                explanation,
                service_name: ind.nameable.then(|| format!("Layanan {}", ind.number)),
                owner: "Dinas Kominfo".to_owned(),
                status: "Draf".to_owned(),
            }
        })
        .collect();
    AssessmentSheet {
        catalog,
        criteria_version: catalog.criteria_version_for_year(2024).id.clone(),
        instansi: "Pemerintah Kabupaten Contoh".to_owned(),
        year: 2024,
        audit_head: "12-abcdef012345".into(),
        rows,
        evidence: vec![
            EvidenceRow {
                indicator: 1,
                name: "Perbup Arsitektur SPBE.pdf".to_owned(),
                sha256: "ab".repeat(32),
                size: 123_456,
                url: None,
                document_date: Some("2024-03-01".to_owned()),
            },
            EvidenceRow {
                indicator: 1,
                name: "Portal JDIH".to_owned(),
                sha256: String::new(),
                size: 0,
                url: Some("https://jdih.contoh.go.id/perbup/12".to_owned()),
                document_date: None,
            },
        ],
        index: compute_index(catalog, &levels),
        verification: None,
    }
}

/// Level of indicator n in the full fixture: 1, 2, 3, 4, 5, 1, ...
fn cycling_level(n: u32) -> Level {
    Level::new(i64::from((n - 1) % 5 + 1)).unwrap()
}

fn full_sheet() -> AssessmentSheet<'static> {
    let answers = default_catalog()
        .indicators()
        .iter()
        .map(|i| {
            let text = format!(
                "Penjelasan indikator {}:\nsudah ditetapkan; “kutipan” & <tag>",
                i.number
            );
            (Some(cycling_level(i.number)), text)
        })
        .collect();
    sheet_with(answers)
}

pub(crate) fn range(path: &Path, sheet: &str) -> Range<Data> {
    let mut book = open_workbook_auto(path).unwrap();
    book.worksheet_range(sheet).unwrap()
}

fn cell(r: &Range<Data>, row: u32, col: u16) -> Data {
    r.get_value((row, u32::from(col)))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn strings(r: &Range<Data>) -> Vec<String> {
    r.used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_full_assessment_exports_every_sheet() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("penilaian.xlsx");
    let sheet = full_sheet();
    write_assessment(&sheet, &path).unwrap();

    let book = open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    for name in [
        SHEET_ASSESSMENT,
        SHEET_RECAP,
        SHEET_EVIDENCE,
        SHEET_QUESTIONNAIRE,
        SHEET_META,
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "sheet {name} missing from {names:?}"
        );
    }
    assert_eq!(names.first().map(String::as_str), Some(SHEET_ASSESSMENT));

    let pm = range(&path, SHEET_ASSESSMENT);
    assert_eq!(
        cell(&pm, HEADER_ROW, Column::Level.index()),
        Data::String("Tingkat".into())
    );
    let data_rows = pm.end().unwrap().0 - HEADER_ROW;
    assert_eq!(data_rows, 47, "one row per indicator");
    for (i, ind) in default_catalog().indicators().iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        assert_eq!(
            cell(&pm, row, Column::No.index()),
            Data::Float(f64::from(ind.number))
        );
        let level = f64::from(cycling_level(ind.number).get());
        assert_eq!(cell(&pm, row, Column::Level.index()), Data::Float(level));
        let explanation = &sheet.rows[i].explanation;
        assert_eq!(
            cell(&pm, row, Column::Explanation.index()),
            Data::String(explanation.clone())
        );
        let weight = f64::from(ind.weight_bp) / 100.0;
        assert_eq!(cell(&pm, row, Column::Weight.index()), Data::Float(weight));
    }
    // Nameable indicators show the instansi's service name; indicator 1 lists its evidence.
    let row45 = HEADER_ROW + 45;
    let Data::String(name45) = cell(&pm, row45, Column::Indicator.index()) else {
        panic!("indicator 45 has no name cell")
    };
    assert!(name45.ends_with(": Layanan 45"), "{name45}");
    assert_eq!(
        cell(&pm, HEADER_ROW + 1, Column::Evidence.index()),
        Data::String(
            "Perbup Arsitektur SPBE.pdf\nPortal JDIH (https://jdih.contoh.go.id/perbup/12)".into()
        )
    );
    assert_eq!(
        cell(&pm, HEADER_ROW + 1, Column::Domain.index()),
        Data::String("Kebijakan Internal SPBE".into())
    );

    // Rekap Indeks: the overall index as published, computed here by hand from the weights.
    let weighted: u32 = default_catalog()
        .indicators()
        .iter()
        .map(|i| u32::from(cycling_level(i.number).get()) * i.weight_bp)
        .sum();
    let expected = (f64::from(weighted) / 100.0).round() / 100.0;
    assert_eq!(Some(expected), sheet.index.index.map(|s| s.rounded()));
    let recap = range(&path, SHEET_RECAP);
    let overall = (TABLE_HEADER_ROW + 1..=recap.end().unwrap().0)
        .find(|&r| cell(&recap, r, 2) == Data::String("Indeks SPBE".into()))
        .expect("a row for the overall index");
    assert_eq!(cell(&recap, overall, 4), Data::Float(expected));
    let rating = sheet.index.rating.clone().unwrap();
    assert_eq!(cell(&recap, overall, 5), Data::String(rating));
    assert_eq!(cell(&recap, overall, 6), Data::String("47/47".into()));
    assert_eq!(
        overall,
        TABLE_HEADER_ROW + 4 + 8 + 1,
        "4 domains and 8 aspects come first"
    );
    assert_eq!(
        cell(&recap, TABLE_HEADER_ROW + 1, 0),
        Data::String("Domain".into())
    );

    let evidence = range(&path, SHEET_EVIDENCE);
    let first = TABLE_HEADER_ROW + 1;
    assert_eq!(
        cell(&evidence, first, 2),
        Data::String("Perbup Arsitektur SPBE.pdf".into())
    );
    assert_eq!(cell(&evidence, first, 3), Data::String("ab".repeat(32)));
    assert_eq!(cell(&evidence, first, 4), Data::Float(123_456.0));
    assert_eq!(cell(&evidence, first, 5), Data::String("2024-03-01".into()));
    assert_eq!(
        cell(&evidence, first + 1, 2),
        Data::String("Portal JDIH".into())
    );
    assert_eq!(
        cell(&evidence, first + 1, 6),
        Data::String("https://jdih.contoh.go.id/perbup/12".into())
    );
    assert_eq!(evidence.end().unwrap().0, first + 1, "two evidence rows");

    let questionnaire = strings(&range(&path, SHEET_QUESTIONNAIRE));
    let version = default_catalog()
        .criteria_version(&sheet.criteria_version)
        .unwrap();
    for ind in default_catalog().indicators() {
        assert!(
            questionnaire.contains(&ind.question),
            "question of {} missing",
            ind.number
        );
        let criteria = version
            .indicators
            .iter()
            .find(|c| c.number == ind.number)
            .unwrap();
        for (l, level) in criteria.levels.iter().enumerate() {
            assert!(
                questionnaire.contains(&level.criteria),
                "criteria of level {} of indicator {} missing",
                l + 1,
                ind.number
            );
        }
    }
    assert!(questionnaire.iter().any(|s| s == "1 - Rintisan"));
    assert!(questionnaire.iter().any(|s| s == "5 - Optimum"));
}

#[test]
fn unanswered_groups_show_no_index_and_a_dash() {
    let answers = default_catalog()
        .indicators()
        .iter()
        .map(|i| (Level::new(4).ok().filter(|_| i.number <= 10), String::new()))
        .collect();
    let sheet = sheet_with(answers);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sebagian.xlsx");
    write_assessment(&sheet, &path).unwrap();
    let recap = range(&path, SHEET_RECAP);
    let row_of = |name: &str| {
        (TABLE_HEADER_ROW + 1..=recap.end().unwrap().0)
            .find(|&r| cell(&recap, r, 2) == Data::String(name.into()))
            .unwrap_or_else(|| panic!("no row for {name}"))
    };
    let answered = row_of("Kebijakan Internal SPBE");
    assert_eq!(cell(&recap, answered, 4), Data::Float(4.0));
    assert_eq!(cell(&recap, answered, 6), Data::String("10/10".into()));
    let empty = row_of("Tata Kelola SPBE");
    assert_eq!(
        cell(&recap, empty, 4),
        Data::Empty,
        "no index for a group with no answer"
    );
    assert_eq!(cell(&recap, empty, 5), Data::String("-".into()));
    let overall = row_of("Indeks SPBE");
    assert_eq!(
        cell(&recap, overall, 4),
        Data::Float(4.0),
        "index over what is answered"
    );
    assert_eq!(cell(&recap, overall, 6), Data::String("10/47".into()));
    let pm = range(&path, SHEET_ASSESSMENT);
    assert_eq!(
        cell(&pm, HEADER_ROW + 11, Column::Level.index()),
        Data::Empty
    );
}

#[test]
fn an_explanation_over_excels_limit_is_refused_naming_the_indicator() {
    let mut sheet = full_sheet();
    sheet.rows[6].explanation = "a".repeat(32_768);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("panjang.xlsx");
    let err = write_assessment(&sheet, &path).unwrap_err();
    let XlsxError::Write { path: p, message } = &err else {
        panic!("expected a write error, got {err:?}")
    };
    assert_eq!(p, &path);
    assert!(message.contains("indicator 7"), "{message}");
    assert!(
        !path.exists(),
        "nothing is written when the content does not fit"
    );

    // Exactly at the limit it fits and comes back whole.
    sheet.rows[6].explanation = "é".repeat(32_767);
    write_assessment(&sheet, &path).unwrap();
    let pm = range(&path, SHEET_ASSESSMENT);
    assert_eq!(
        cell(&pm, HEADER_ROW + 7, Column::Explanation.index()),
        Data::String("é".repeat(32_767))
    );
}

#[test]
fn writing_into_a_missing_directory_is_a_write_error_with_the_path() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("tidak-ada").join("penilaian.xlsx");
    let err = write_assessment(&full_sheet(), &path).unwrap_err();
    assert!(matches!(err, XlsxError::Write { .. }), "{err:?}");
    assert!(err.to_string().contains("penilaian.xlsx"), "{err}");
}

#[test]
fn a_framework_without_domains_exports_empty_domains_and_reads_back() {
    let catalog = Catalog::from_json(crate::catalog_book::tests::NO_DOMAIN_FRAMEWORK).unwrap();
    let levels: BTreeMap<u32, Level> = [(1, Level::new(5).unwrap())].into_iter().collect();
    let rows = catalog
        .indicators()
        .iter()
        .map(|i| AnswerRow {
            indicator: i.number,
            level: levels.get(&i.number).copied(),
            explanation: format!("catatan {}", i.number),
            service_name: Some("Layanan Perizinan".to_owned()),
            owner: String::new(),
            status: "Draf".to_owned(),
        })
        .collect();
    let sheet = AssessmentSheet {
        catalog: &catalog,
        criteria_version: "v1".to_owned(),
        instansi: "Kota Contoh".to_owned(),
        year: 2026,
        audit_head: "12-abcdef012345".into(),
        rows,
        evidence: vec![],
        index: compute_index(&catalog, &levels),
        verification: None,
    };
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("tanpa-domain.xlsx");
    write_assessment(&sheet, &path).unwrap();

    let pm = range(&path, SHEET_ASSESSMENT);
    assert_eq!(pm.end().unwrap().0, HEADER_ROW + 3);
    for row in HEADER_ROW + 1..=HEADER_ROW + 3 {
        assert_eq!(
            cell(&pm, row, Column::Domain.index()),
            Data::Empty,
            "row {row}"
        );
    }
    // Indicator 3 is nameable and renamed by criteria version v1.
    assert_eq!(
        cell(&pm, HEADER_ROW + 2, Column::Indicator.index()),
        Data::String("I3 baru: Layanan Perizinan".into())
    );
    let recap = range(&path, SHEET_RECAP);
    let kinds: Vec<Data> = (TABLE_HEADER_ROW + 1..=TABLE_HEADER_ROW + 3)
        .map(|r| cell(&recap, r, 0))
        .collect();
    assert_eq!(
        kinds,
        [
            Data::String("Aspek".into()),
            Data::String("Aspek".into()),
            Data::String("Indeks".into())
        ]
    );
    assert_eq!(
        cell(&recap, TABLE_HEADER_ROW + 3, 2),
        Data::String("Indeks Pemerintah Digital".into())
    );
    assert_eq!(cell(&recap, TABLE_HEADER_ROW + 3, 4), Data::Float(5.0));

    let back = crate::read_assessment(&path, &catalog).unwrap();
    assert_eq!(back.problems, vec![]);
    assert_eq!(
        (back.year, back.framework_id.as_deref()),
        (Some(2026), Some("demo-pemdi"))
    );
    let got: Vec<(u32, Option<Level>)> = back.rows.iter().map(|r| (r.indicator, r.level)).collect();
    assert_eq!(got, [(1, Level::new(5).ok()), (3, None), (2, None)]);
}
