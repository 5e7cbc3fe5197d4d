//! The report to the Bupati (Laporan Hasil Pemantauan dan Evaluasi SPBE internal): the
//! data gathered from the index, the verification, the years, the path to the target and
//! the recommendations, rendered by swanilai-report as PDF or DOCX.

use std::path::Path;

use swanilai_report::{
    DocumentData, PreviousYear, ReportData, ReportGroup, ReportIndicator, ReportPlan,
    ReportRecommendation, ReportStep, VerifiedResult, YearPoint,
};
use swanilai_store::accounts;

use crate::documents::{coordinator_of, group_line, place_of, program_of};
use crate::{App, AppError, AppResult, ErrorCode, GroupIndexDto, PlanInput, Year};

/// The report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Printable, A4 (pdf-writer, charts as vector graphics).
    Pdf,
    /// Editable in Word and LibreOffice (docx-rs, charts as PNG).
    Docx,
}

impl ReportFormat {
    /// The format a file name asks for: `.pdf` or `.docx` (any case); anything else is
    /// refused with `INVALID_INPUT`.
    pub fn of_path(path: &Path) -> AppResult<ReportFormat> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("pdf") => Ok(ReportFormat::Pdf),
            Some("docx") => Ok(ReportFormat::Docx),
            _ => Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{}: the report is written as .pdf (to print) or .docx (to edit in Word or LibreOffice); name the file so",
                    path.display()
                ),
            )),
        }
    }
}

impl App {
    /// The report's data for an assessment year. `target` is an index or a predikat for
    /// the path to the target; by default the predikat above the current one (at the top:
    /// the top predikat's minimum, and the report says it is reached). A year with nothing
    /// answered is refused with `NO_LEVEL`: there is nothing to report.
    pub fn report_data(
        &mut self,
        year: impl Into<Year>,
        target: Option<&str>,
    ) -> AppResult<ReportData> {
        let a = self.assessment(year)?;
        let idx = self.index(Some(a.year))?;
        if idx.answered == 0 || idx.index.is_none() {
            return Err(AppError::new(
                ErrorCode::NoLevel,
                format!(
                    "there is nothing to report for {}: no indicator has a level yet; answer the assessment first",
                    a.year
                ),
            ));
        }
        let doc = self.kop_data(&a, &idx)?;
        let cmp = self.verification(Some(a.year))?;
        let verified_stage = cmp.stages.iter().skip(1).rev().find(|s| s.index.is_some());
        let years = self.compare_years()?;
        let points: Vec<YearPoint> = years
            .years
            .iter()
            .filter(|y| y.year <= a.year)
            .map(|y| YearPoint {
                year: y.year,
                mandiri: y.mandiri.index,
                verified: y.verified.as_ref().and_then(|v| v.index),
            })
            .collect();
        let previous = years
            .years
            .iter()
            .filter(|y| y.year < a.year && y.mandiri.index.is_some())
            .max_by_key(|y| y.year)
            .map(|y| PreviousYear {
                year: y.year,
                index: y.mandiri.index.unwrap_or_default(),
                rating: y.mandiri.rating.clone(),
                comparable: y.framework_id == a.framework_id,
            });
        let previous_groups = match &previous {
            Some(p) if p.comparable => Some(self.index(Some(p.year))?),
            _ => None,
        };
        let group = |g: &GroupIndexDto,
                     prev: Option<&Vec<GroupIndexDto>>,
                     ver: Option<&Vec<GroupIndexDto>>| {
            let find = |list: Option<&Vec<GroupIndexDto>>| {
                list.and_then(|l| l.iter().find(|x| x.code == g.code))
                    .and_then(|x| x.index)
            };
            ReportGroup {
                code: g.code.clone(),
                name: g.name.clone(),
                weight: g.weight,
                index: g.index,
                rating: g.rating.clone(),
                previous: find(prev),
                verified: find(ver),
            }
        };
        let domains = idx
            .domains
            .iter()
            .map(|g| {
                group(
                    g,
                    previous_groups.as_ref().map(|p| &p.domains),
                    verified_stage.map(|s| &s.domains),
                )
            })
            .collect();
        let aspects = idx
            .aspects
            .iter()
            .map(|g| {
                group(
                    g,
                    previous_groups.as_ref().map(|p| &p.aspects),
                    verified_stage.map(|s| &s.aspects),
                )
            })
            .collect();
        let indicators = cmp
            .indicators
            .iter()
            .map(|r| ReportIndicator {
                number: r.indicator,
                name: r.name.clone(),
                aspect: r.aspect.clone(),
                value: r.mandiri,
                verified: r.final_value.or(r.visitasi).or(r.interviu).or(r.dokumen),
            })
            .collect();
        let verified = verified_stage.map(|s| VerifiedResult {
            stage: s.title.clone(),
            index: s.index.unwrap_or_default(),
            rating: s.rating.clone(),
            answered: s.answered,
            total: s.total,
            over_claims: cmp.over_claims,
            under_claims: cmp.under_claims,
        });
        let plan = self.report_plan(a.year, target, idx.rating.as_deref())?;
        let recommendations = self
            .recommendations(Some(a.year), None)?
            .into_iter()
            .map(|r| ReportRecommendation {
                indicator: r.indicator,
                indicator_name: r.indicator_name,
                text: r.text,
                unit: r.unit,
                due_date: r.due_date.as_deref().and_then(ymd),
                status: r.status,
                notes: r.notes,
            })
            .collect();
        Ok(ReportData {
            decimals: idx.value_kind == "decimal",
            index: idx.index,
            doc,
            domains,
            aspects,
            indicators,
            previous,
            years: points,
            verified,
            plan: Some(plan),
            recommendations,
        })
    }

    /// The report as bytes in `format`.
    pub fn report(
        &mut self,
        year: impl Into<Year>,
        target: Option<&str>,
        format: ReportFormat,
    ) -> AppResult<Vec<u8>> {
        let data = self.report_data(year, target)?;
        match format {
            ReportFormat::Pdf => Ok(swanilai_report::laporan_pdf(&data)),
            ReportFormat::Docx => swanilai_report::laporan_docx(&data).map_err(|e| {
                AppError::new(
                    ErrorCode::Internal,
                    format!("the DOCX could not be packed: {e}"),
                )
            }),
        }
    }

    /// Write the report to `out` atomically, in the format its extension names (.pdf or
    /// .docx; anything else is refused before any work).
    pub fn write_report(
        &mut self,
        year: impl Into<Year>,
        target: Option<&str>,
        out: &Path,
    ) -> AppResult<ReportFormat> {
        let format = ReportFormat::of_path(out)?;
        let bytes = self.report(year, target, format)?;
        crate::files::write_bytes_atomically(out, &bytes)?;
        Ok(format)
    }

    /// The path to the target: the one asked for, else the predikat above `rating`, or at
    /// the top predikat its own minimum (already reached).
    fn report_plan(
        &mut self,
        year: i32,
        target: Option<&str>,
        rating: Option<&str>,
    ) -> AppResult<ReportPlan> {
        let bands = self.scoring(Some(year))?.bands;
        let (target, at_top) = match target {
            Some(t) => (t.trim().to_owned(), false),
            None => {
                let here = bands.iter().position(|b| Some(b.name.as_str()) == rating);
                match here {
                    Some(0) | None => (
                        bands.first().map(|b| b.name.clone()).unwrap_or_default(),
                        true,
                    ),
                    Some(i) => (bands[i - 1].name.clone(), false),
                }
            }
        };
        let plan = self.plan_to_target(
            Some(year),
            &PlanInput {
                target,
                ceilings: vec![],
                efforts: vec![],
            },
        )?;
        Ok(ReportPlan {
            target: plan.target,
            target_rating: plan.target_rating,
            at_top: at_top && plan.steps.is_empty(),
            reachable: plan.reachable,
            projected: plan.projected_index,
            projected_rating: plan.projected_rating,
            steps: plan
                .steps
                .into_iter()
                .map(|s| ReportStep {
                    indicator: s.indicator,
                    name: s.name,
                    from: s.from,
                    to: s.to,
                    gain: s.gain,
                })
                .collect(),
        })
    }

    /// The kop and the signatory, as the Berita Acara has them (`documents.rs`).
    fn kop_data(
        &mut self,
        a: &swanilai_store::assessments::AssessmentRow,
        idx: &crate::IndexDto,
    ) -> AppResult<DocumentData> {
        let inst = self.require_instansi()?;
        let info = self.assessment_info(Some(a.year))?;
        let today = self.clock.today();
        let date = ymd(&today).unwrap_or((a.year, 12, 31));
        let catalog = self.catalog_of(a)?;
        let program = program_of(&catalog);
        let team = accounts::team(self.store.conn(), a.id)?;
        let coordinator = coordinator_of(&team, &inst, &program);
        Ok(DocumentData {
            instansi: inst.name.clone(),
            instansi_kind: inst.kind.as_str().to_owned(),
            address: inst.address.clone(),
            year: a.year,
            date,
            place: place_of(&inst.name),
            coordinator,
            index_name: idx.index_name.clone(),
            index_text: idx.index_text.clone(),
            rating: idx.rating.clone(),
            answered: idx.answered,
            total: idx.total,
            domains: idx.domains.iter().map(group_line).collect(),
            aspects: idx.aspects.iter().map(group_line).collect(),
            framework_title: info.framework_title.clone(),
            program,
            ..DocumentData::default()
        })
    }
}

/// "2027-06-30" -> (2027, 6, 30).
fn ymd(text: &str) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| (d.year(), d.month(), d.day()))
}
