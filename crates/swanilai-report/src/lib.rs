//! Printable documents of Swanilai SPBE, as PDF bytes, and the report to the Bupati
//! (Laporan Hasil Pemantauan dan Evaluasi, [`laporan_pdf`] and [`laporan_docx`]).
//!
//! PermenPANRB 59/2020 (Lampiran III) asks the Tim Asesor Internal to prepare a
//! **Berita Acara Penilaian Mandiri** and a **Pernyataan Persetujuan Publikasi**,
//! both signed by the Koordinator SPBE. No official template exists; these follow the
//! conventions of a Sekretariat Daerah letter: a kop (letterhead) with a double rule,
//! a centred title with the year, a "Nomor" line to fill by hand, the date written in
//! Indonesian words, numbered points, ruled tables and signature blocks.
//!
//! The crate is pure: [`DocumentData`] in, PDF bytes out. Callers format the index
//! values (`"2,77"`) and pass the signing date; nothing here reads a clock or a file,
//! except the optional [`write_pdf`] helper. Pages are A4 portrait with 25 mm margins,
//! set in the standard Times fonts (not embedded, WinAnsiEncoding) and wrapped with
//! their real AFM glyph widths; long content breaks onto new pages, table headers
//! repeat, and every page carries "Halaman i dari n".

mod berita_acara;
mod chart;
mod chart_png;
mod common;
mod laporan;
mod laporan_content;
mod laporan_docx;
mod laporan_pdf;
mod layout;
mod metrics;
mod persetujuan;
mod render;
mod text;
pub mod words;

use std::path::Path;

pub use berita_acara::berita_acara;
pub use laporan::{
    laporan_docx, laporan_pdf, report_title, PreviousYear, ReportData, ReportGroup,
    ReportIndicator, ReportPlan, ReportRecommendation, ReportStep, VerifiedResult, YearPoint,
};
pub use persetujuan::persetujuan_publikasi;

/// Everything the two documents show, as plain display values.
#[derive(Debug, Clone, Default)]
pub struct DocumentData {
    /// "Pemerintah Kabupaten Sukamaju"; upper-cased for the kop.
    pub instansi: String,
    /// "kabupaten" | "kota" | "provinsi" | "instansi_pusat"; a pemda's kop adds
    /// "SEKRETARIAT DAERAH".
    pub instansi_kind: String,
    /// Address line of the kop.
    pub address: String,
    /// Assessment year.
    pub year: i32,
    /// Signing date (year, month, day), passed in.
    pub date: (i32, u32, u32),
    /// City above the signature: "Sukamaju, 23 November 2026".
    pub place: String,
    /// Koordinator SPBE (for a pemda the Sekretaris Daerah); signs both documents.
    pub coordinator: Person,
    /// Penanggung jawab of the Tim Asesor Internal; co-signs the Berita Acara.
    pub supervisor: Option<Person>,
    /// Everyone on the Tim Asesor Internal.
    pub team: Vec<TeamLine>,
    /// "Indeks SPBE".
    pub index_name: String,
    /// "2,77", or `None` when nothing is answered.
    pub index_text: Option<String>,
    /// Predikat: "Baik".
    pub rating: Option<String>,
    /// Indicators answered.
    pub answered: u32,
    /// Indicators in the framework.
    pub total: u32,
    /// Domain indices; empty for frameworks without domains.
    pub domains: Vec<GroupLine>,
    /// Aspect indices.
    pub aspects: Vec<GroupLine>,
    /// "PermenPANRB 59/2020".
    pub framework_title: String,
    /// The audit log's head when the document was made ("1234-9f8e7d6c5b4a", see
    /// `swanilai_store::audit::head_fingerprint`); empty: not printed.
    pub audit_head: String,
    /// The words of the programme assessed: SPBE (the default) or Pemerintah Digital.
    pub program: Program,
    /// Added field: mark the place for a meterai (stamp duty) under the signature of
    /// the Pernyataan Persetujuan Publikasi.
    pub meterai: bool,
}

/// The words the documents use for the programme a framework assesses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    /// After "penilaian mandiri" in running text and titles: "SPBE", "Pemerintah Digital".
    pub short: String,
    /// In the Berita Acara's title, upper case: "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK".
    pub heading: String,
    /// In its first sentence: "Sistem Pemerintahan Berbasis Elektronik (SPBE)".
    pub long: String,
    /// Who signs: "Koordinator SPBE", "Koordinator Pemdi".
    pub coordinator: String,
}

impl Default for Program {
    /// PermenPANRB 59/2020's words.
    fn default() -> Program {
        Program {
            short: "SPBE".into(),
            heading: "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK".into(),
            long: "Sistem Pemerintahan Berbasis Elektronik (SPBE)".into(),
            coordinator: "Koordinator SPBE".into(),
        }
    }
}

/// A signatory.
#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: String,
    /// NIP; 18 digits are printed grouped as "19680101 199003 1 001".
    pub nip: String,
    /// Jabatan: "Sekretaris Daerah Kabupaten Sukamaju".
    pub title: String,
}

/// One member of the Tim Asesor Internal.
#[derive(Debug, Clone, Default)]
pub struct TeamLine {
    pub name: String,
    pub nip: String,
    /// Role in the team: "Penanggung Jawab", "Pelaksana Entri Data", "Anggota".
    pub role: String,
    /// Work unit: "Dinas Komunikasi dan Informatika".
    pub unit: String,
}

/// One domain or aspect with its index and predikat.
#[derive(Debug, Clone, Default)]
pub struct GroupLine {
    pub number: u32,
    pub name: String,
    /// "3,40", or `None` when none of its indicators is answered.
    pub index_text: Option<String>,
    pub rating: Option<String>,
}

/// Write PDF bytes to `path` (the only file IO of this crate).
pub fn write_pdf(path: impl AsRef<Path>, pdf: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, pdf)
}

#[cfg(test)]
mod laporan_tests;
#[cfg(test)]
mod sample;
#[cfg(test)]
mod tests;
