//! Whole-document checks: the PDFs are read back with lopdf, as a person's PDF
//! reader would, and the laid-out pages are checked to stay inside the margins.

use super::*;
use crate::layout::{Op, LEFT, MARGIN, PAGE_H, RIGHT};
use crate::sample::{empty_pusat, kabupaten};

/// Text of every page, whitespace collapsed (line breaks inside a paragraph or a
/// table cell become single spaces).
fn pages_text(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the bytes parse as a PDF");
    let count = doc.get_pages().len() as u32;
    (1..=count)
        .map(|n| {
            let raw = doc.extract_text(&[n]).expect("page text extracts");
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn assert_has(text: &str, needle: &str, what: &str) {
    assert!(
        text.contains(needle),
        "{what}: {needle:?} missing from\n{text}"
    );
}

#[test]
fn berita_acara_reads_back_with_every_fact_and_name() {
    let d = kabupaten();
    let pages = pages_text(&berita_acara(&d));
    let all = pages.join(" ");
    assert_has(&all, "PEMERINTAH KABUPATEN SUKAMAJU", "kop in capitals");
    assert_has(&all, "SEKRETARIAT DAERAH", "kop of a pemda");
    assert_has(&all, "BERITA ACARA", "title");
    assert_has(&all, "TAHUN 2026", "year in the title");
    assert_has(&all, "Nomor: ....", "number to fill by hand");
    assert_has(
        &all,
        "Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam",
        "date in words",
    );
    assert_has(&all, "PermenPANRB 59/2020", "framework");
    assert_has(&all, "47 dari 47 indikator (100%)", "completeness");
    assert_has(
        &all,
        "Indeks SPBE sebesar 2,77 dengan predikat Baik",
        "index and predikat",
    );
    assert_has(&all, "Pelaksanaan Audit TIK 1,66 Kurang", "an aspect row");
    assert_has(&all, "Layanan SPBE 2,83 Baik", "a domain row");
    for member in &d.team {
        assert_has(&all, &member.name, "team member");
    }
    assert_has(&all, "19720315 199803 1 004", "NIP grouped");
    assert_has(&all, "Sukamaju, 23 November 2026", "place and date");
    assert_has(
        &all,
        "Penanggung Jawab Tim Asesor Internal,",
        "supervisor block",
    );
    assert_has(&all, "Koordinator SPBE,", "coordinator block");
    assert_has(&all, "Drs. H. Asep Suryana, M.Si.", "coordinator signs");
    assert_has(&all, "NIP. 19680101 199003 1 001", "coordinator NIP");
    assert_has(&all, "NIP. 19720315 199803 1 004", "supervisor NIP");
}

#[test]
fn a_long_team_spills_onto_the_next_page_with_page_numbers() {
    let d = kabupaten();
    let pages = pages_text(&berita_acara(&d));
    let n = pages.len();
    assert!(n >= 2, "25 members cannot fit on the first page");
    for (i, page) in pages.iter().enumerate() {
        assert_has(page, &format!("Halaman {} dari {n}", i + 1), "footer");
    }
    let page_of = |name: &str| pages.iter().position(|p| p.contains(name));
    let first = page_of(&d.team[0].name);
    let last = page_of(&d.team[d.team.len() - 1].name);
    assert!(
        first < last,
        "the team list runs over a page break: {first:?} -> {last:?}"
    );
    for page in &pages[1..] {
        if page.contains(&d.team[d.team.len() - 1].name) {
            assert_has(
                page,
                "No Nama / NIP Jabatan dalam Tim Unit Kerja",
                "header repeats",
            );
        }
    }
    assert_has(
        &pages[n - 1],
        "Demikian Berita Acara ini dibuat",
        "closing with the signatures",
    );
    assert_has(
        &pages[n - 1],
        "Drs. H. Asep Suryana, M.Si.",
        "signatures at the end",
    );
    assert!(
        !pages[1].contains("PEMERINTAH KABUPATEN"),
        "the kop is on page 1 only"
    );
}

#[test]
fn persetujuan_publikasi_reads_back_on_one_page() {
    let d = kabupaten();
    let pages = pages_text(&persetujuan_publikasi(&d));
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    assert_has(text, "PERNYATAAN PERSETUJUAN PUBLIKASI", "title");
    assert_has(text, "Yang bertanda tangan di bawah ini:", "opening");
    assert_has(text, "Nama : Drs. H. Asep Suryana, M.Si.", "name field");
    assert_has(text, "NIP : 19680101 199003 1 001", "NIP field");
    assert_has(
        text,
        "Jabatan : Sekretaris Daerah Kabupaten Sukamaju selaku Koordinator SPBE",
        "jabatan field",
    );
    assert_has(
        text,
        "Instansi : Pemerintah Kabupaten Sukamaju",
        "instansi field",
    );
    assert_has(
        text,
        "menyetujui hasil penilaian mandiri SPBE Pemerintah Kabupaten Sukamaju tahun 2026 \
         dengan Indeks SPBE 2,77 (predikat Baik) untuk dipublikasikan",
        "statement",
    );
    assert_has(text, "Sukamaju, 23 November 2026", "place and date");
    assert_has(text, "METERAI Rp10.000", "meterai place");
    assert_has(text, "Halaman 1 dari 1", "footer");
}

#[test]
fn nothing_answered_and_no_domains_still_make_documents() {
    let d = empty_pusat();
    let ba = pages_text(&berita_acara(&d)).join(" ");
    assert_has(&ba, "KEMENTERIAN CONTOH", "kop");
    assert!(!ba.contains("SEKRETARIAT DAERAH"), "not a pemda");
    assert_has(
        &ba,
        "Indeks Pemerintah Digital belum dapat dihitung",
        "no index",
    );
    assert_has(
        &ba,
        "0 dari 20 indikator (0%); penilaian mandiri belum lengkap.",
        "incomplete",
    );
    assert_has(&ba, "Rincian indeks per aspek", "aspects only");
    assert_has(&ba, "Aspek Satu – –", "blank index shown as a dash");
    let ps = pages_text(&persetujuan_publikasi(&d)).join(" ");
    assert_has(&ps, "Jabatan : Koordinator SPBE", "no title given");
    assert_has(
        &ps,
        "Nama : .....",
        "a missing name is left to fill by hand",
    );
    assert_has(&ps, "NIP. .....", "a missing NIP is left to fill by hand");
    assert!(
        ps.contains(" 1 Juni 2026") && !ps.contains(", 1 Juni 2026"),
        "no place: date alone"
    );
}

#[test]
fn every_line_stays_inside_the_margins() {
    let d = kabupaten();
    for (doc, sheet) in [
        ("berita acara", berita_acara::layout(&d)),
        ("persetujuan", persetujuan::layout(&d)),
    ] {
        for (p, ops) in sheet.pages.iter().enumerate() {
            for op in ops {
                let Op::Text {
                    y,
                    size,
                    word_spacing,
                    runs,
                } = op
                else {
                    continue;
                };
                for run in runs {
                    let spaces = run.bytes.iter().filter(|&&b| b == b' ').count() as f32;
                    let right =
                        run.x + run.font.bytes_width(&run.bytes, *size) + word_spacing * spaces;
                    let text = String::from_utf8_lossy(&run.bytes);
                    assert!(
                        run.x >= LEFT - 0.01,
                        "{doc} p{p}: {text:?} starts left of the margin"
                    );
                    assert!(right <= RIGHT + 0.6, "{doc} p{p}: {text:?} runs to {right}");
                    assert!(*y >= MARGIN - size, "{doc} p{p}: {text:?} too low at {y}");
                    assert!(*y <= PAGE_H - 50.0, "{doc} p{p}: {text:?} too high at {y}");
                }
            }
        }
    }
}

#[test]
fn a_pemdi_assessment_says_pemerintah_digital_and_koordinator_pemdi() {
    let mut d = kabupaten();
    d.program = Program {
        short: "Pemerintah Digital".into(),
        heading: "PEMERINTAH DIGITAL".into(),
        long: "Pemerintah Digital (Pemdi)".into(),
        coordinator: "Koordinator Pemdi".into(),
    };
    d.coordinator.title = "Sekretaris Daerah Kabupaten Sukamaju".into();
    let ba = pages_text(&berita_acara(&d)).join(" ");
    assert_has(&ba, "PENILAIAN MANDIRI PEMERINTAH DIGITAL", "title");
    assert_has(
        &ba,
        "penilaian mandiri Pemerintah Digital (Pemdi) tahun 2026",
        "first sentence",
    );
    assert_has(&ba, "Koordinator Pemdi,", "who signs");
    // (The sample's index and aspect names stay 59/2020's; the programme's words change.)
    for spbe in [
        "Koordinator SPBE",
        "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK",
        "Mandiri SPBE",
    ] {
        assert!(!ba.contains(spbe), "{spbe:?} left in:\n{ba}");
    }
    let ps = pages_text(&persetujuan_publikasi(&d)).join(" ");
    assert_has(&ps, "HASIL PENILAIAN MANDIRI PEMERINTAH DIGITAL", "title");
    assert_has(&ps, "selaku Koordinator Pemdi", "jabatan");
    assert_has(&ps, "evaluasi Pemerintah Digital sesuai", "statement");
}
