//! The butir workbook: export -> import is the identity; edits and bad cells come back
//! as values and problems.

use super::*;
use std::path::Path;
use swanilai_core::builtin::{builtin, PEMDI_2026};
use swanilai_core::{compute_index_values, effective_values};

fn v(t: &str) -> Value {
    Value::parse(t).unwrap()
}

fn sample(c: &Catalog) -> ButirBook<'_> {
    let values: Vec<ValueLine> = c
        .indicators()
        .iter()
        .map(|i| ValueLine {
            indicator: i.number,
            own: (i.external_index.is_none() && i.number % 3 != 0)
                .then(|| Value::from_hundredths(100 + i.number * 17).unwrap()),
            assessor: (i.number == 20).then(|| v("2.5")),
            external: i.external_index.as_ref().map(|_| (v("1"), String::new())),
        })
        .collect();
    let scored = values
        .iter()
        .filter_map(|l| l.own.map(|o| (l.indicator, o)))
        .collect();
    let index = compute_index_values(c, &effective_values(c, &scored, &Default::default()));
    ButirBook {
        catalog: c,
        instansi: "Pemerintah Kabupaten Uji".into(),
        year: 2026,
        audit_head: "3-abcdef012345".into(),
        values,
        butir: vec![
            ButirLine {
                id: "GT.I1_L2_1".into(),
                status: ButirStatus::Revisi,
                kind: Some(RevisiKind::TidakTepat),
                note: "SK belum\nditandatangani".into(),
                reads_as: "revisi (Tidak tepat)".into(),
                files: "I1-L2-01.sk.pdf".into(),
            },
            ButirLine {
                id: "GT.I3_L1_1".into(),
                status: ButirStatus::Diterima,
                kind: None,
                note: String::new(),
                reads_as: "diterima".into(),
                files: String::new(),
            },
        ],
        index,
        assessor_index: None,
        verification: None,
    }
}

#[test]
fn export_then_import_is_the_identity() {
    let c = builtin(PEMDI_2026).unwrap();
    let book = sample(c);
    let bytes = butir_book_bytes(&book).unwrap();
    let back = read_butir_book_bytes(bytes, Path::new("p.xlsx"), c).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(
        (back.year, back.framework_id.as_deref()),
        (Some(2026), Some("pemdi-2026"))
    );
    assert_eq!(back.values.len(), 20);
    for line in &book.values {
        let got = back
            .values
            .iter()
            .find(|x| x.indicator == line.indicator)
            .unwrap();
        let own = if line.external.is_some() {
            None
        } else {
            line.own
        };
        assert_eq!(
            (got.own, got.assessor),
            (own, line.assessor),
            "indicator {}",
            line.indicator
        );
    }
    assert_eq!(back.butir.len(), 232, "every butir row comes back");
    let b = back.butir.iter().find(|b| b.id == "GT.I1_L2_1").unwrap();
    assert_eq!(
        (b.status, b.kind, b.note.as_str()),
        (
            ButirStatus::Revisi,
            Some(RevisiKind::TidakTepat),
            "SK belum\nditandatangani"
        )
    );
    let untouched = back.butir.iter().find(|b| b.id == "GT.I20_L5_5").unwrap();
    assert_eq!(
        (untouched.status, untouched.kind),
        (ButirStatus::Draft, None)
    );
}

#[test]
fn bad_cells_are_problems_with_their_place() {
    let c = builtin(PEMDI_2026).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name(SHEET_VALUES).unwrap();
    for (col, h) in (0u16..).zip(["No", "Nilai Mandiri", "Nilai Asesor"]) {
        ws.write_string(HEADER_ROW, col, h).unwrap();
    }
    ws.write_number(4, 0, 1.0).unwrap();
    ws.write_number(4, 1, 2.355).unwrap();
    ws.write_number(5, 0, 21.0).unwrap();
    ws.write_number(6, 0, 2.0).unwrap();
    ws.write_string(6, 1, "2,35").unwrap();
    let ws = wb.add_worksheet().set_name(SHEET_BUTIR).unwrap();
    for (col, h) in (0u16..).zip(["ID Butir", "Status", "Jenis Revisi", "Catatan"]) {
        ws.write_string(HEADER_ROW, col, h).unwrap();
    }
    ws.write_string(4, 0, "GT.I1_L9_1").unwrap();
    ws.write_string(5, 0, "GT.I1_L1_1").unwrap();
    ws.write_string(5, 1, "selesai").unwrap();
    ws.write_string(6, 0, "GT.I1_L2_1").unwrap();
    ws.write_string(6, 1, "diterima").unwrap();
    ws.write_string(6, 2, "tidak tepat").unwrap();
    ws.write_string(7, 0, "GT.I1_L2_2").unwrap();
    ws.write_string(7, 1, "Revisi").unwrap();
    ws.write_string(7, 2, "Belum diunggah").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let back = read_butir_book_bytes(bytes, Path::new("x.xlsx"), c).unwrap();
    let said: Vec<String> = back
        .problems
        .iter()
        .map(|p| {
            format!(
                "{} {} {}: {}",
                p.sheet,
                p.row,
                p.column,
                p.message(swanilai_core::Language::English)
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            "Nilai Indikator 5 B (Nilai Mandiri): 2.355 is not a value; give 1.00 to 5.00 with at most two decimals, or leave it empty",
            "Nilai Indikator 6 A (No): 21 is not an indicator number of framework pemdi-2026",
            "Butir 5 A (ID Butir): 'GT.I1_L9_1' is not a butir id of this framework, or appears twice",
            "Butir 6 B (Status): 'selesai' is not a butir status; give draft, diunggah, diterima or revisi (a revisi kind only with revisi: tidak tepat, belum diunggah, otomatis ditolak)",
            "Butir 7 C (Jenis Revisi): 'tidak tepat' is not a butir status; give draft, diunggah, diterima or revisi (a revisi kind only with revisi: tidak tepat, belum diunggah, otomatis ditolak)",
        ]
    );
    assert_eq!(back.values.len(), 1);
    assert_eq!(back.values[0].own, Some(v("2.35")));
    assert_eq!(back.butir.len(), 1);
    assert_eq!(back.butir[0].kind, Some(RevisiKind::BelumDiunggah));
}
