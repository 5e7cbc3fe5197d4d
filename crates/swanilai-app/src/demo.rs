//! A realistic demo: a fictional kabupaten with its 2025 and 2026 assessments, Indonesian
//! explanations in the FAKTA / ANALISIS shape, evidence files and service links.

use std::path::PathBuf;

use swanilai_core::Level;

use crate::{AnswerInput, App, AppError, AppResult, DemoSummary, ErrorCode};
use crate::{InstansiInput, InstansiKind};

pub const DEMO_INSTANSI: &str = "Pemerintah Kabupaten Sukamaju";

/// Levels of the demo's 2026 assessment, indicator 1..=47 (0 = left unanswered).
const LEVELS_2026: [u8; 47] = [
    4, 3, 3, 3, 2, 3, 4, 3, 2, 3, // kebijakan internal
    3, 3, 2, 2, 3, 3, 2, 3, 3, 2, // tata kelola
    2, 2, 1, 2, 2, 3, 2, 1, 1, 1, 2, // manajemen, audit TIK
    4, 3, 3, 4, 3, 3, 2, 3, 3, 4, // layanan administrasi
    3, 3, 4, 3, 3, 0, // layanan publik (47 left open)
];

const SERVICES: [(u32, &str, &str); 3] = [
    (
        45,
        "Perizinan Berusaha Terpadu (SiCantik)",
        "https://sicantik.sukamaju.go.id",
    ),
    (
        46,
        "Layanan Kesehatan Puskesmas Elektronik",
        "https://epuskesmas.sukamaju.go.id",
    ),
    (
        47,
        "Administrasi Kependudukan Daring",
        "https://dukcapil.sukamaju.go.id",
    ),
];

const UNITS: [&str; 6] = [
    "Bagian Organisasi Setda",
    "Dinas Komunikasi dan Informatika",
    "Bappeda",
    "Inspektorat",
    "BKPSDM",
    "Dinas Penanaman Modal dan PTSP",
];

impl App {
    /// Fill an empty database with the demo. On a database that already holds the demo it
    /// does nothing; on one that holds another instansi it refuses.
    pub fn demo(&mut self, scratch: &std::path::Path) -> AppResult<DemoSummary> {
        if let Some(existing) = self.instansi()? {
            if existing.name == DEMO_INSTANSI {
                return self.demo_summary();
            }
            return Err(AppError::new(
                ErrorCode::AlreadyInitialized,
                format!(
                    "this database belongs to {}; run the demo on an empty database (--db another file)",
                    existing.name
                ),
            ));
        }
        self.init(InstansiInput {
            name: DEMO_INSTANSI.into(),
            kind: InstansiKind::Kabupaten,
            coordinator_name: "Drs. H. Ahmad Fauzi, M.Si.".into(),
            coordinator_nip: "196805121994031007".into(),
            address: "Jl. Jenderal Sudirman No. 1, Sukamaju".into(),
        })?;
        for (year, shift) in [(2025, 1u8), (2026, 0u8)] {
            self.new_assessment(year, None)?;
            for (i, &lv) in LEVELS_2026.iter().enumerate() {
                let n = i as u32 + 1;
                let level = if lv == 0 {
                    None
                } else {
                    Some(lv.saturating_sub(shift).max(1))
                };
                let explanation = self.demo_explanation(year, n, level)?;
                self.set_answer(
                    Some(year),
                    n,
                    AnswerInput {
                        level: Some(level.map(i64::from)),
                        explanation: Some(explanation),
                        service_name: SERVICES
                            .iter()
                            .find(|s| s.0 == n)
                            .map(|s| Some(s.1.to_owned())),
                        owner: Some(UNITS[i % UNITS.len()].to_owned()),
                    },
                )?;
            }
        }
        let dir = scratch.join("data-dukung-demo");
        std::fs::create_dir_all(&dir).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("cannot create {}: {e}", dir.display()),
            )
        })?;
        for n in 1..=47u32 {
            let files = demo_files(&dir, n)?;
            self.add_evidence_files(Some(2026), n, &files, Some("2025-11-14"))?;
        }
        // The Perbup on SPBE supports several indicators: stored once, attached to each.
        let perbup = dir.join("1.a.Perbup-12-2024-Arsitektur-SPBE.pdf");
        for n in [2, 3, 11] {
            self.add_evidence_files(
                Some(2026),
                n,
                std::slice::from_ref(&perbup),
                Some("2024-03-18"),
            )?;
        }
        for (n, _, url) in SERVICES {
            self.add_evidence_link(
                Some(2026),
                n,
                url,
                Some("Aplikasi layanan"),
                "Akun demo: asesor / Asesor#2026",
            )?;
        }
        self.demo_summary()
    }

    fn demo_summary(&mut self) -> AppResult<DemoSummary> {
        let years = self.assessments()?.iter().map(|a| a.year).collect();
        let answered = self.index(None)?.answered;
        let evidence_files = self
            .evidence(None, None)?
            .iter()
            .filter(|e| e.kind == "file")
            .count() as u32;
        Ok(DemoSummary {
            instansi: DEMO_INSTANSI.into(),
            years,
            answered,
            evidence_files,
        })
    }

    fn demo_explanation(&mut self, year: i32, n: u32, level: Option<u8>) -> AppResult<String> {
        let a = self.assessment(Some(year))?;
        let catalog = self.catalog_of(&a)?;
        let ind = crate::indicator_of(&catalog, n)?;
        let Some(level) = level.and_then(|l| Level::new(i64::from(l)).ok()) else {
            return Ok(format!(
                "Belum diisi: data dukung {} masih dikumpulkan oleh unit kerja.",
                ind.name.to_lowercase()
            ));
        };
        let criteria = catalog
            .criteria_version(&a.criteria_version)
            .and_then(|v| v.indicators.iter().find(|c| c.number == n))
            .map(|c| c.levels[level.index()].criteria.clone())
            .unwrap_or_default();
        Ok(format!(
            "FAKTA:\nPemerintah Kabupaten Sukamaju telah menyusun dan menerapkan {} sebagaimana \
             tercantum dalam dokumen {n}.a (Peraturan Bupati, halaman 3-7) dan {n}.b (laporan \
             pelaksanaan tahun {prev}, Bab II). Rapat koordinasi tim SPBE pada tanggal 14 November \
             {prev} membahas pelaksanaannya di seluruh perangkat daerah.\n\n\
             ANALISIS:\nBerdasarkan fakta tersebut, kondisi saat ini memenuhi kriteria tingkat {lv} \
             ({name}): {criteria}",
            ind.name.to_lowercase(),
            prev = year - 1,
            lv = level.get(),
            name = catalog.level_name(ind, level),
        ))
    }
}

fn demo_files(dir: &std::path::Path, n: u32) -> AppResult<Vec<PathBuf>> {
    let names = [
        format!("{n}.a.Perbup-12-2024-Arsitektur-SPBE.pdf"),
        format!("{n}.b.Laporan-Pelaksanaan-Indikator-{n}.pdf"),
    ];
    let names: Vec<&String> = if n == 1 {
        vec![&names[0]]
    } else {
        names.iter().collect()
    };
    let mut out = Vec::new();
    for name in names {
        let path = dir.join(name);
        let body = if name.contains("Perbup") {
            "PERATURAN BUPATI SUKAMAJU NOMOR 12 TAHUN 2024 TENTANG ARSITEKTUR SPBE".to_owned()
        } else {
            format!("LAPORAN PELAKSANAAN INDIKATOR {n} KABUPATEN SUKAMAJU")
        };
        std::fs::write(&path, minimal_pdf(&body)).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
        out.push(path);
    }
    Ok(out)
}

/// A small, valid, searchable one-page PDF with one line of text.
pub fn minimal_pdf(text: &str) -> Vec<u8> {
    let text: String = text
        .chars()
        .filter(|c| c.is_ascii() && !matches!(c, '(' | ')' | '\\'))
        .collect();
    let content = format!("BT /F1 12 Tf 50 780 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{obj}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
