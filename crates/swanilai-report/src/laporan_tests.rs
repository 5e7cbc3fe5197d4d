//! The report to the Bupati read back: the PDF with lopdf (pages, "Halaman i dari n", the
//! key sentences), the DOCX as the zip Word opens (document.xml, the chart PNGs, the
//! footer's PAGE field). Set SWANILAI_REPORT_SAMPLES=DIR to keep the files to look at.

use std::io::Read;

use crate::laporan::*;
use crate::layout::{Op, LEFT, PAGE_H, PAGE_W, RIGHT};
use crate::sample::kabupaten;

fn parse_comma(t: &str) -> f64 {
    t.replace(',', ".").parse().unwrap_or(0.0)
}

/// A kabupaten with two years, a verification, a plan and recommendations.
pub fn sample() -> ReportData {
    let doc = kabupaten();
    let codes = ["D1", "D2", "D3", "D4"];
    let domains = doc
        .domains
        .iter()
        .zip(codes)
        .map(|(g, code)| ReportGroup {
            code: code.into(),
            name: g.name.clone(),
            weight: 25.0,
            index: g.index_text.as_deref().map(parse_comma),
            rating: g.rating.clone(),
            previous: g.index_text.as_deref().map(|t| parse_comma(t) - 0.3),
            verified: g.index_text.as_deref().map(|t| parse_comma(t) - 0.2),
        })
        .collect();
    let aspects: Vec<ReportGroup> = doc
        .aspects
        .iter()
        .enumerate()
        .map(|(i, g)| ReportGroup {
            code: format!("A{}", i + 1),
            name: g.name.clone(),
            weight: 12.5,
            index: g.index_text.as_deref().map(parse_comma),
            rating: g.rating.clone(),
            previous: g
                .index_text
                .as_deref()
                .map(|t| parse_comma(t) + if i == 2 { 0.25 } else { -0.4 }),
            verified: g.index_text.as_deref().map(|t| parse_comma(t) - 0.1),
        })
        .collect();
    let indicators = (1..=47)
        .map(|n| ReportIndicator {
            number: n,
            name: format!("Tingkat Kematangan Kebijakan Internal nomor {n}"),
            aspect: format!("A{}", (n - 1) / 6 + 1),
            value: (n != 47).then_some(f64::from(n % 5 + 1)),
            verified: (n % 3 == 0).then_some(f64::from(n % 4 + 1)),
        })
        .collect();
    ReportData {
        doc,
        decimals: false,
        index: Some(2.77),
        domains,
        aspects,
        indicators,
        previous: Some(PreviousYear {
            year: 2025,
            index: 2.5,
            rating: Some("Cukup".into()),
            comparable: true,
        }),
        years: vec![
            YearPoint {
                year: 2024,
                mandiri: Some(2.1),
                verified: Some(1.95),
            },
            YearPoint {
                year: 2025,
                mandiri: Some(2.5),
                verified: None,
            },
            YearPoint {
                year: 2026,
                mandiri: Some(2.77),
                verified: Some(2.6),
            },
        ],
        verified: Some(VerifiedResult {
            stage: "Penilaian Dokumen".into(),
            index: 2.6,
            rating: Some("Baik".into()),
            answered: 47,
            total: 47,
            over_claims: 9,
            under_claims: 2,
        }),
        plan: Some(ReportPlan {
            target: 3.5,
            target_rating: Some("Sangat Baik".into()),
            at_top: false,
            reachable: true,
            projected: 3.52,
            projected_rating: "Sangat Baik".into(),
            steps: (1..=12)
                .map(|i| ReportStep {
                    indicator: i * 3,
                    name: format!("Indikator langkah {i}"),
                    from: 2.0,
                    to: 3.0,
                    gain: 0.0612,
                })
                .collect(),
        }),
        recommendations: vec![
            ReportRecommendation {
                indicator: 6,
                indicator_name: "Pelaksanaan Audit Infrastruktur SPBE".into(),
                text: "Menyusun rencana audit TIK dan melaksanakannya sekali setahun.".into(),
                unit: "Inspektorat Daerah".into(),
                due_date: Some((2027, 6, 30)),
                status: "proses".into(),
                notes: "Rencana audit sudah dirancang.".into(),
            },
            ReportRecommendation {
                indicator: 2,
                indicator_name: "Arsitektur SPBE".into(),
                text: "Menetapkan Arsitektur SPBE dengan Peraturan Bupati.".into(),
                unit: "Bappeda".into(),
                due_date: Some((2026, 3, 31)),
                status: "belum".into(),
                notes: String::new(),
            },
        ],
    }
}

/// A framework without domains, values with decimals, one year, no verification.
fn pemdi() -> ReportData {
    let mut d = sample();
    d.doc.index_name = "Indeks Pemerintah Digital".into();
    d.doc.index_text = Some("2,35".into());
    d.doc.domains.clear();
    d.domains.clear();
    d.decimals = true;
    d.index = Some(2.35);
    d.verified = None;
    d.previous = None;
    d.years.truncate(1);
    d.years[0].verified = None;
    for g in &mut d.aspects {
        g.verified = None;
        g.previous = None;
    }
    for i in &mut d.indicators {
        i.value = i.value.map(|v| v + 0.35);
        i.verified = None;
    }
    d.recommendations.clear();
    d
}

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

fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("SWANILAI_REPORT_SAMPLES") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("sample written");
    }
}

fn has(text: &str, needle: &str) {
    assert!(text.contains(needle), "{needle:?} missing from\n{text}");
}

#[test]
fn the_pdf_has_every_part_numbered_pages_and_the_summary_on_one_page() {
    let d = sample();
    let pdf = laporan_pdf(&d);
    keep("laporan.pdf", &pdf);
    let pages = pages_text(&pdf);
    let n = pages.len();
    assert!(n >= 6, "cover, summary, results, ... annex: {n} pages");
    for (i, p) in pages.iter().enumerate() {
        has(p, &format!("Halaman {} dari {n}", i + 1));
    }
    let cover = &pages[0];
    has(cover, "PEMERINTAH KABUPATEN SUKAMAJU");
    has(cover, "LAPORAN HASIL PEMANTAUAN DAN EVALUASI");
    has(cover, "Disampaikan kepada Bupati Sukamaju");
    has(cover, "melalui Tim Koordinasi SPBE");
    has(cover, "Sukamaju, 23 November 2026");
    let summary = &pages[1];
    has(summary, "I. RINGKASAN");
    has(summary, "adalah 2,77 dengan predikat Baik");
    has(summary, "indeks naik 0,27 poin");
    has(
        summary,
        "Tiga aspek terlemah: A6 Pelaksanaan Audit TIK (1,66)",
    );
    has(summary, "Hasil verifikasi (Penilaian Dokumen): 2,60");
    has(summary, "0,17 lebih rendah daripada penilaian mandiri");
    has(
        summary,
        "paling sedikit 12 kenaikan satu tingkat pada 12 indikator",
    );
    has(summary, "melewati tenggat");
    assert!(
        !summary.contains("II. HASIL"),
        "the summary is a page of its own"
    );
    let all = pages.join(" ");
    for needle in [
        "Gambar 1. Indeks per aspek",
        "Gambar 2. Indeks per domain",
        "Gambar 3. Indeks SPBE per tahun",
        "Indeks per domain",
        "III. KEKUATAN DAN KELEMAHAN PER ASPEK",
        "Kekuatan: indikator",
        "IV. JALAN MENUJU TARGET",
        "V. REKOMENDASI DAN TINDAK LANJUT",
        "Inspektorat Daerah",
        "30 Juni 2027",
        "VI. PENUTUP",
        "Drs. H. Asep Suryana, M.Si.",
        "LAMPIRAN. TINGKAT KEMATANGAN SETIAP INDIKATOR",
        "Tingkat Kematangan Kebijakan Internal nomor 47",
    ] {
        has(&all, needle);
    }
}

#[test]
fn charts_are_drawn_as_vector_paths_inside_the_page() {
    let d = sample();
    let blocks = crate::laporan_content::blocks(&d);
    let sheet = crate::laporan_pdf::layout(&d, &blocks);
    let paths: Vec<&Op> = sheet
        .pages
        .iter()
        .flatten()
        .filter(|op| matches!(op, Op::Path { fill: Some(_), .. }))
        .collect();
    assert!(
        paths.len() > 30,
        "bars, radar areas and legends: {}",
        paths.len()
    );
    for op in sheet.pages.iter().flatten() {
        if let Op::Path { points, .. } = op {
            for (x, y) in points {
                assert!(*x >= LEFT - 0.5 && *x <= RIGHT + 0.5 && *y > 0.0 && *y < PAGE_H);
            }
        }
        if let Op::Text { runs, .. } = op {
            assert!(runs.iter().all(|r| r.x >= 0.0 && r.x < PAGE_W));
        }
    }
}

fn unzip(docx: &[u8]) -> zip::ZipArchive<std::io::Cursor<&[u8]>> {
    zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip")
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the DOCX"))
        .read_to_end(&mut out)
        .expect("entry reads");
    out
}

#[test]
fn the_docx_has_the_text_the_chart_pngs_and_a_page_field() {
    let d = sample();
    let docx = laporan_docx(&d).expect("packs");
    keep("laporan.docx", &docx);
    let mut zip = unzip(&docx);
    let xml = String::from_utf8(entry(&mut zip, "word/document.xml")).expect("utf-8");
    for needle in [
        "LAPORAN HASIL PEMANTAUAN DAN EVALUASI",
        "Disampaikan kepada Bupati Sukamaju",
        "I. RINGKASAN",
        "naik 0,27",
        "Gambar 2. Indeks per domain",
        "IV. JALAN MENUJU TARGET",
        "Inspektorat Daerah",
        "LAMPIRAN. TINGKAT KEMATANGAN SETIAP INDIKATOR",
        "w:pgSz w:w=\"11906\" w:h=\"16838\"",
        "w:val=\"thickThinSmallGap\"",
    ] {
        has(&xml, needle);
    }
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("entry name").into_owned())
        .collect();
    let media: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .collect();
    assert_eq!(media.len(), 3, "radar, bars, years: {names:?}");
    for m in media {
        let png = entry(&mut zip, m);
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{m} is a PNG");
        assert!(
            png.len() > 10_000,
            "{m} has a drawing, not a blank: {}",
            png.len()
        );
    }
    let footer = names
        .iter()
        .find(|n| n.starts_with("word/footer"))
        .expect("a footer part")
        .clone();
    let footer = String::from_utf8(entry(&mut zip, &footer)).expect("utf-8");
    has(&footer, "<w:instrText>PAGE</w:instrText>");
    has(&footer, "NUMPAGES");
    has(&footer, "Halaman ");
}

#[test]
fn a_framework_without_domains_shows_aspects_and_two_decimals() {
    let d = pemdi();
    let pdf = laporan_pdf(&d);
    keep("laporan-pemdi.pdf", &pdf);
    let all = pages_text(&pdf).join(" ");
    has(
        &all,
        "Indeks Pemerintah Digital Pemerintah Kabupaten Sukamaju tahun 2026 adalah 2,35",
    );
    has(&all, "Gambar 2. Indeks per aspek");
    has(&all, "Belum ada hasil tahun sebelumnya");
    has(&all, "Hasil verifikasi eksternal belum ada");
    has(&all, "LAMPIRAN. NILAI SETIAP INDIKATOR");
    has(&all, "(nilai 1,35)");
    assert!(!all.contains("Indeks per domain"), "no domain table");
    let docx = laporan_docx(&d).expect("packs");
    keep("laporan-pemdi.docx", &docx);
    let xml = String::from_utf8(entry(&mut unzip(&docx), "word/document.xml")).expect("utf-8");
    has(&xml, "Indeks Pemerintah Digital");
}

#[test]
fn at_the_top_predikat_the_report_says_no_step_is_needed() {
    let mut d = sample();
    d.plan = Some(ReportPlan {
        target: 4.2,
        target_rating: Some("Memuaskan".into()),
        at_top: true,
        reachable: true,
        projected: 4.4,
        projected_rating: "Memuaskan".into(),
        steps: vec![],
    });
    let all = pages_text(&laporan_pdf(&d)).join(" ");
    has(&all, "Predikat tertinggi, Memuaskan, sudah tercapai");
    has(&all, "tidak diperlukan langkah tambahan");
    // A lower target asked for: reached, no steps.
    d.plan = Some(ReportPlan {
        target: 2.5,
        target_rating: None,
        at_top: false,
        reachable: true,
        projected: 2.77,
        projected_rating: "Baik".into(),
        steps: vec![],
    });
    let all = pages_text(&laporan_pdf(&d)).join(" ");
    has(&all, "Target indeks 2,50 sudah tercapai");
    has(&all, "Target ini sudah tercapai; indeks saat ini 2,77");
}
