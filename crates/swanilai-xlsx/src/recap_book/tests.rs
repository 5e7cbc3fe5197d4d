//! The recap reader on real exports of both frameworks and on files that are not, and the
//! recap workbook read back with calamine.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use swanilai_core::builtin::{builtin, PEMDI_2026};
use swanilai_core::{compute_index_values, effective_values, IndexReport, Level, Value};

use super::*;
use crate::butir_book::{butir_book_bytes, ButirBook, ValueLine};
use crate::export::tests::sheet_with;
use crate::{assessment_bytes, layout};

fn name() -> &'static Path {
    Path::new("uji.xlsx")
}

/// A 59/2020 export with the first `answered` indicators at level (n % 5) + 1.
fn spbe(instansi: &str, answered: usize) -> (Vec<u8>, IndexReport) {
    let answers = (0..47)
        .map(|n| {
            let level = (n < answered).then(|| Level::new((n % 5) as i64 + 1).unwrap());
            (level, String::new())
        })
        .collect();
    let mut sheet = sheet_with(answers);
    sheet.instansi = instansi.to_owned();
    (assessment_bytes(&sheet).unwrap(), sheet.index)
}

/// A Pemdi export with every team-scored indicator at 1.00 + n x 0.17.
fn pemdi(instansi: &str, year: i32) -> (Vec<u8>, IndexReport) {
    let c = builtin(PEMDI_2026).unwrap();
    let values: Vec<ValueLine> = c
        .indicators()
        .iter()
        .map(|i| ValueLine {
            indicator: i.number,
            own: i
                .external_index
                .is_none()
                .then(|| Value::from_hundredths(100 + i.number * 17).unwrap()),
            assessor: None,
            external: None,
        })
        .collect();
    let scored = values
        .iter()
        .filter_map(|l| l.own.map(|o| (l.indicator, o)))
        .collect();
    let index = compute_index_values(c, &effective_values(c, &scored, &Default::default()));
    let book = ButirBook {
        catalog: c,
        instansi: instansi.to_owned(),
        year,
        audit_head: "1-abcdef012345".into(),
        values,
        butir: Vec::new(),
        index: index.clone(),
        assessor_index: None,
        verification: None,
    };
    (butir_book_bytes(&book).unwrap(), index)
}

fn rounded(s: Option<swanilai_core::Score>) -> Option<f64> {
    s.map(|s| s.rounded())
}

#[test]
fn a_national_workbook_reads_as_its_rekap_indeks_says() {
    let (bytes, index) = spbe("Pemerintah Kota Satu", 30);
    let got = read_recap_source_bytes(bytes, name()).unwrap();
    assert_eq!(got.instansi, "Pemerintah Kota Satu");
    assert_eq!(got.year, 2024);
    assert_eq!(got.framework, "permenpanrb-59-2020");
    assert_eq!(got.index_name, "Indeks SPBE");
    assert_eq!(got.index, rounded(index.index));
    assert_eq!(got.rating, index.rating);
    assert_eq!((got.answered, got.total), (30, 47));
    assert_eq!(got.domains.len(), 4);
    assert_eq!(got.aspects.len(), 8);
    for (g, want) in got.aspects.iter().zip(&index.aspects) {
        assert_eq!(g.number, want.number);
        assert_eq!(g.name, want.name);
        assert_eq!(g.index, rounded(want.index), "aspect {}", g.number);
        assert_eq!((g.answered, g.total), (want.answered, want.total));
    }
    let unanswered = got.domains.iter().filter(|d| d.index.is_none()).count();
    let want = index.domains.iter().filter(|d| d.index.is_none()).count();
    assert_eq!(
        unanswered, want,
        "a domain with nothing answered has no index"
    );
}

#[test]
fn a_pemdi_workbook_reads_its_rekap_aspek_without_domains() {
    let (bytes, index) = pemdi("Kementerian Uji", 2026);
    let got = read_recap_source_bytes(bytes, name()).unwrap();
    assert_eq!(got.framework, "pemdi-2026");
    assert_eq!(got.index_name, "Indeks Pemerintah Digital");
    assert_eq!(got.index, rounded(index.index));
    assert_eq!(got.rating, index.rating);
    assert!(got.domains.is_empty());
    assert_eq!(got.aspects.len(), 7);
    assert_eq!((got.answered, got.total), (index.answered, index.total));
}

#[test]
fn files_that_are_no_export_are_named_faults() {
    let cfb = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0].to_vec();
    assert_eq!(
        read_recap_source_bytes(cfb, name()),
        Err(RecapFault::PasswordProtected)
    );
    for junk in [b"%PDF-1.7\n".to_vec(), b"nama,nilai\n".to_vec(), Vec::new()] {
        assert_eq!(
            read_recap_source_bytes(junk, name()),
            Err(RecapFault::NotAWorkbook)
        );
    }
    let mut foreign = Workbook::new();
    foreign.add_worksheet().write_string(0, 0, "halo").unwrap();
    let bytes = foreign.save_to_buffer().unwrap();
    assert_eq!(
        read_recap_source_bytes(bytes, name()),
        Err(RecapFault::Foreign { format: None })
    );
    let other = meta_only(&[("format", "lain"), ("instansi", "X")]);
    assert_eq!(
        read_recap_source_bytes(other, name()),
        Err(RecapFault::Foreign {
            format: Some("lain".into())
        })
    );
    let no_year = meta_only(&[("format", layout::META_FORMAT), ("instansi", "X")]);
    let err = read_recap_source_bytes(no_year, name()).unwrap_err();
    assert_eq!(err.code(), "metadata_incomplete", "{err:?}");
}

/// A workbook with only a `_swanilai` sheet of these keys and values.
fn meta_only(pairs: &[(&str, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(layout::SHEET_META).unwrap();
    for (i, (k, v)) in pairs.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, *k).unwrap();
        ws.write_string(i as u32 + 1, 1, *v).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// The metadata of an export plus a `Rekap Indeks` sheet of these rows under the header.
fn with_recap(rows: &[[&str; 7]]) -> Vec<u8> {
    with_recap_far(rows, None)
}

/// [`with_recap`] with one more text cell far away.
fn with_recap_far(rows: &[[&str; 7]], far: Option<(u32, u16)>) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(layout::SHEET_RECAP).unwrap();
    for (c, h) in layout::RECAP_COLUMNS.iter().enumerate() {
        ws.write_string(2, c as u16, h.header).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16);
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r, c, n).unwrap(),
                Err(_) => ws.write_string(r, c, *v).unwrap(),
            };
        }
    }
    if let Some((r, c)) = far {
        ws.write_string(r, c, "jauh").unwrap();
    }
    let meta = wb.add_worksheet().set_name(layout::SHEET_META).unwrap();
    for (i, (k, v)) in [
        ("format", layout::META_FORMAT),
        ("framework_id", "permenpanrb-59-2020"),
        ("instansi", "Kota X"),
        ("year", "2025"),
    ]
    .iter()
    .enumerate()
    {
        meta.write_string(i as u32 + 1, 0, *k).unwrap();
        meta.write_string(i as u32 + 1, 1, *v).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_recap_sheet_that_no_export_writes_is_refused_naming_the_cell() {
    let ok = [
        ["Aspek", "1", "Kebijakan", "10", "2.5", "Baik", "3/3"],
        ["Indeks", "", "Indeks SPBE", "100", "2.5", "Baik", "3/3"],
    ];
    let got = read_recap_source_bytes(with_recap(&ok), name()).unwrap();
    assert_eq!((got.index, got.year), (Some(2.5), 2025));

    let too_high = [["Indeks", "", "Indeks SPBE", "100", "7", "Baik", "3/3"]];
    assert_eq!(
        read_recap_source_bytes(with_recap(&too_high), name()),
        Err(RecapFault::BadCell {
            sheet: layout::SHEET_RECAP.into(),
            cell: "E4".into(),
            value: "7".into()
        })
    );
    let bad_count = [["Indeks", "", "Indeks SPBE", "100", "2", "Cukup", "9/3"]];
    let err = read_recap_source_bytes(with_recap(&bad_count), name()).unwrap_err();
    assert_eq!(err.code(), "recap_cell_invalid");
    let no_total = [["Aspek", "1", "Kebijakan", "10", "2.5", "Baik", "3/3"]];
    assert_eq!(
        read_recap_source_bytes(with_recap(&no_total), name()),
        Err(RecapFault::NoIndexRow {
            sheet: layout::SHEET_RECAP.into()
        })
    );
    let long = "x".repeat(5_000);
    let long_name = [["Indeks", "", long.as_str(), "100", "2", "Cukup", "1/3"]];
    let err = read_recap_source_bytes(with_recap(&long_name), name()).unwrap_err();
    assert!(
        err.message(Language::English).len() < 300,
        "a reason quotes a cell short: {err:?}"
    );
}

#[test]
fn a_recap_sheet_far_longer_than_an_export_is_refused_unread() {
    let mut rows: Vec<[&str; 7]> =
        vec![["Aspek", "1", "Kebijakan", "10", "2.5", "Baik", "3/3"]; 600];
    rows.push(["Indeks", "", "Indeks SPBE", "100", "2.5", "Baik", "3/3"]);
    let too_long = RecapFault::SheetTooLarge {
        sheet: layout::SHEET_RECAP.into(),
    };
    assert_eq!(
        read_recap_source_bytes(with_recap(&rows), name()),
        Err(too_long.clone())
    );
    // One value in the last cell Excel has: a 512 GiB rectangle if it were loaded whole.
    let ok = [["Indeks", "", "Indeks SPBE", "100", "2.5", "Baik", "3/3"]];
    let bytes = with_recap_far(&ok, Some((1_048_575, 16_383)));
    assert!(read_recap_source_bytes(with_recap(&ok), name()).is_ok());
    assert_eq!(read_recap_source_bytes(bytes, name()), Err(too_long));
}

#[test]
fn a_workbook_cut_short_anywhere_is_a_fault_not_a_panic() {
    let (bytes, _) = pemdi("Kabupaten Potong", 2026);
    let step = (bytes.len() / 97).max(1);
    for len in (0..bytes.len()).step_by(step) {
        let got = read_recap_source_bytes(bytes[..len].to_vec(), name());
        assert!(
            got.is_err(),
            "a workbook cut at {len} of {} read",
            bytes.len()
        );
    }
}

#[test]
fn duplicates_are_flagged_and_kept_and_the_summary_counts_per_framework_and_year() {
    let read = |(b, _): (Vec<u8>, IndexReport)| read_recap_source_bytes(b, name()).unwrap();
    let a = read(spbe("Kota Satu", 47));
    let a_again = read(spbe("  kota   SATU ", 10));
    let b = read(spbe("Kota Dua", 20));
    let p = read(pemdi("Kementerian Uji", 2026));
    let recap = Recap::new(
        vec![
            ("b.xlsx".into(), b.clone()),
            ("a2.xlsx".into(), a_again),
            ("p.xlsx".into(), p.clone()),
            ("a.xlsx".into(), a.clone()),
        ],
        vec![RecapError {
            file: "catatan.txt".into(),
            fault: RecapFault::NotAWorkbook,
        }],
    );
    let order: Vec<(&str, bool)> = recap
        .rows
        .iter()
        .map(|r| (r.file.as_str(), r.duplicate))
        .collect();
    assert_eq!(
        order,
        [
            ("p.xlsx", false),
            ("b.xlsx", false),
            ("a.xlsx", true),
            ("a2.xlsx", true)
        ],
        "by framework, then instansi without case; the same instansi and year twice is flagged"
    );
    let summary = recap.summary();
    assert_eq!(summary.len(), 2);
    let spbe_sum = summary
        .iter()
        .find(|s| s.framework == "permenpanrb-59-2020")
        .unwrap();
    assert_eq!((spbe_sum.rows, spbe_sum.duplicates), (3, 2));
    assert_eq!(spbe_sum.ratings.iter().map(|(_, n)| n).sum::<usize>(), 3);
    assert_eq!(spbe_sum.aspects.len(), 8);
    assert_eq!(spbe_sum.domains.len(), 4);
    let pemdi_sum = summary
        .iter()
        .find(|s| s.framework == "pemdi-2026")
        .unwrap();
    assert_eq!(pemdi_sum.index.average, p.index);
    assert!(pemdi_sum.domains.is_empty());

    let bytes = recap_bytes(&recap, Language::Indonesian).unwrap();
    let mut wb = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            SHEET_SUMMARY,
            "Indeks Pemerintah Digital",
            "Indeks SPBE",
            SHEET_ERRORS
        ]
    );
    let sheet = wb.worksheet_range("Indeks SPBE").unwrap();
    let header: Vec<String> = (0..sheet.width() as u32)
        .map(|c| {
            sheet
                .get_value((2, c))
                .map_or(String::new(), |d| d.to_string())
        })
        .collect();
    assert_eq!(header.iter().filter(|h| h.starts_with('D')).count(), 5); // D1-D4 + Duplikat
    assert_eq!(header.iter().filter(|h| h.starts_with('A')).count(), 8);
    assert_eq!(
        sheet.get_value((3, 3)),
        Some(&Data::Float(b.index.unwrap())),
        "Kota Dua's index, as written"
    );
    let errors = wb.worksheet_range(SHEET_ERRORS).unwrap();
    assert_eq!(
        errors.get_value((3, 2)),
        Some(&Data::String("not_a_workbook".into()))
    );
}
