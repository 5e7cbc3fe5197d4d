//! Laporan Hasil Pemantauan dan Evaluasi SPBE internal: the report the Tim Koordinasi
//! SPBE sends to the Bupati (Wali Kota, Gubernur), as PDF and as DOCX from one content
//! model ([`Block`]s written in `laporan_content`): a cover with the kop, a one-page
//! summary, charts, tables per domain and aspect, strengths and weaknesses per aspect,
//! the path to the target, the recommendations with their follow-up, and an annex with
//! every indicator.

use crate::chart::Chart;
use crate::layout::Align;
use crate::text::Span;
use crate::DocumentData;

/// Everything the report shows, as plain values (the app gathers them).
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    /// The kop, the instansi, the year, the date, the coordinator, the index and
    /// predikat, the programme's words: as for the Berita Acara.
    pub doc: DocumentData,
    /// Values are decimals 1,00-5,00 (Indeks Pemdi): levels are shown with two decimals.
    pub decimals: bool,
    /// The overall index, unrounded to two decimals; `None` when nothing is answered.
    pub index: Option<f64>,
    /// Per domain (empty for a framework without domains).
    pub domains: Vec<ReportGroup>,
    /// Per aspect.
    pub aspects: Vec<ReportGroup>,
    /// Every indicator of the framework, in catalog order.
    pub indicators: Vec<ReportIndicator>,
    /// Last year's result, when there is an assessment of the year before.
    pub previous: Option<PreviousYear>,
    /// The index per year, oldest first, up to the report's year.
    pub years: Vec<YearPoint>,
    /// The latest verified result, when the assessors' results are recorded.
    pub verified: Option<VerifiedResult>,
    /// The path to the target.
    pub plan: Option<ReportPlan>,
    /// Recommendations (saran perbaikan) with their follow-up.
    pub recommendations: Vec<ReportRecommendation>,
}

/// A domain or aspect.
#[derive(Debug, Clone, Default)]
pub struct ReportGroup {
    /// "D1", "A3".
    pub code: String,
    pub name: String,
    /// Weight in percent.
    pub weight: f64,
    pub index: Option<f64>,
    pub rating: Option<String>,
    /// Last year's index of the same domain or aspect (same framework only).
    pub previous: Option<f64>,
    /// The verified index.
    pub verified: Option<f64>,
}

/// One indicator.
#[derive(Debug, Clone, Default)]
pub struct ReportIndicator {
    pub number: u32,
    pub name: String,
    /// The aspect's code: "A3".
    pub aspect: String,
    /// The team's level or value; `None` when unanswered.
    pub value: Option<f64>,
    /// The latest verified level or value.
    pub verified: Option<f64>,
}

/// Last year's result.
#[derive(Debug, Clone, Default)]
pub struct PreviousYear {
    pub year: i32,
    pub index: f64,
    pub rating: Option<String>,
    /// Same framework as this year: aspects can be compared.
    pub comparable: bool,
}

/// One year of the index by year.
#[derive(Debug, Clone, Default)]
pub struct YearPoint {
    pub year: i32,
    pub mandiri: Option<f64>,
    pub verified: Option<f64>,
}

/// The latest verified result.
#[derive(Debug, Clone, Default)]
pub struct VerifiedResult {
    /// "Penilaian Dokumen", "Hasil Akhir"...
    pub stage: String,
    pub index: f64,
    pub rating: Option<String>,
    /// Indicators with a verified value, and all of them.
    pub answered: u32,
    pub total: u32,
    /// Indicators the team scored above / below the verified result.
    pub over_claims: u32,
    pub under_claims: u32,
}

/// The fewest one-level steps to the target.
#[derive(Debug, Clone, Default)]
pub struct ReportPlan {
    pub target: f64,
    /// The predikat aimed at, when the target is one.
    pub target_rating: Option<String>,
    /// The index is already at the highest predikat: the target is its minimum.
    pub at_top: bool,
    pub reachable: bool,
    pub projected: f64,
    pub projected_rating: String,
    pub steps: Vec<ReportStep>,
}

/// One step: one level more on one indicator.
#[derive(Debug, Clone, Default)]
pub struct ReportStep {
    pub indicator: u32,
    pub name: String,
    pub from: f64,
    pub to: f64,
    pub gain: f64,
}

/// A recommendation and its follow-up.
#[derive(Debug, Clone, Default)]
pub struct ReportRecommendation {
    pub indicator: u32,
    pub indicator_name: String,
    pub text: String,
    pub unit: String,
    /// (year, month, day).
    pub due_date: Option<(i32, u32, u32)>,
    /// "belum", "proses" or "selesai".
    pub status: String,
    pub notes: String,
}

/// One piece of the report, said once and set by both renderers.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// The kop (letterhead) with its double rule.
    Kop,
    /// Centred lines at `size`, bold when asked.
    Center {
        spans: Vec<Span>,
        size: f32,
    },
    Space(f32),
    PageBreak,
    /// A numbered section heading: "I. RINGKASAN".
    Heading(String),
    /// A bold sub-heading.
    Sub(String),
    Para(Vec<Span>),
    Bullet(Vec<Span>),
    Table(Table),
    Chart {
        chart: Chart,
        caption: String,
    },
    /// The Koordinator's signature block (right half).
    Signature,
}

/// A ruled table; widths in points across the 453-point measure.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub widths: Vec<f32>,
    pub aligns: Vec<Align>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Span>>>,
    pub size: f32,
}

/// The report's title ("Laporan Hasil Pemantauan dan Evaluasi SPBE Tahun 2026").
pub fn report_title(d: &ReportData) -> String {
    format!(
        "Laporan Hasil Pemantauan dan Evaluasi {} Tahun {}",
        d.doc.program.short, d.doc.year
    )
}

/// The report as PDF bytes (A4, Times, pages numbered "Halaman i dari n").
pub fn laporan_pdf(d: &ReportData) -> Vec<u8> {
    crate::laporan_pdf::render_pdf(d, &crate::laporan_content::blocks(d))
}

/// The report as DOCX bytes (A4, Times New Roman, a PAGE field in the footer, the
/// charts as PNG).
pub fn laporan_docx(d: &ReportData) -> std::io::Result<Vec<u8>> {
    crate::laporan_docx::render_docx(d, &crate::laporan_content::blocks(d))
}
