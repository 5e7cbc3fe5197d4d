//! `report`: the report to the Bupati as PDF or DOCX, the format from the file name.

use std::path::Path;

use swanilai_app::report::ReportFormat;
use swanilai_app::{App, AppResult};

/// `report --help`.
pub const LONG_ABOUT: &str =
    "The report to the Bupati (Laporan Hasil Pemantauan dan Evaluasi SPBE \
internal), sent through the Tim Koordinasi SPBE: a cover with the kop, a one-page summary, charts \
(aspect radar, domain bars, index by year), tables per domain and aspect, strengths and weaknesses \
per aspect, the path to the target, the recommendations with unit, due date and status, and an \
annex with every indicator (level and verified level).

--out FILE.pdf (to print) or FILE.docx (to edit in Word or LibreOffice); the format follows the \
extension, anything else is refused.
--target: an index (3.50) or a predikat for the path to the target; default: the predikat above \
the current one (at the top predikat: its minimum, and the report says it is reached).
A year with nothing answered is refused (NO_LEVEL): there is nothing to report.";

/// Refuse a file name that is neither .pdf nor .docx before opening the database.
pub fn check(out: &Path) -> AppResult<()> {
    ReportFormat::of_path(out).map(|_| ())
}

pub fn run(mut app: App, year: Option<i32>, target: Option<String>, out: &Path) -> AppResult<()> {
    let format = app.write_report(year, target.as_deref(), out)?;
    let what = match format {
        ReportFormat::Pdf => "PDF",
        ReportFormat::Docx => "DOCX",
    };
    outln!("report ({what}) written to {}", out.display());
    Ok(())
}
