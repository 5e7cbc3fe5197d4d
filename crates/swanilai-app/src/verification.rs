//! The external verification (issue 12): each indicator's value and note at the stages
//! Penilaian Dokumen, Interviu, Visitasi and the final LHE result, set by hand or imported
//! from the template Swanilai writes or a CSV, with a preview first; and self against
//! verified, with each stage's index. The results come after the assessment is submitted,
//! so they are recorded on a finalized assessment too (Action::RecordVerification).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::json;
use swanilai_core::stage_file::{parse_stage_file, read_level, StageLine, MAX_NOTE_CHARS};
use swanilai_core::workflow::Action;
use swanilai_core::{compute_index_values, effective_values, Catalog, Stage, Value, ValueKind};
use swanilai_store::assessments::AssessmentRow;
use swanilai_store::audit::NewEntry;
use swanilai_store::stages::{self, StageRow};
use swanilai_store::{answers, Connection};
use swanilai_xlsx::stage_book::{self, StageBook, StageBookLine};

use crate::values::Stored;
use crate::workbook::{check_origin, rejected};
use crate::{
    indicator_of, App, AppError, AppResult, CompareDto, CompareRowDto, ErrorCode, ImportProblem,
    IndexDto, StageChangeDto, StageImportDto, StageIndexDto, StageInput, StageNoteDto, Year,
    YearPointDto, YearSeriesDto, YearsDto,
};

/// The largest results CSV read, in bytes (a full 47 x 4 file with long notes is far less).
pub const STAGE_CSV_MAX_BYTES: u64 = 4 * 1024 * 1024;

impl App {
    /// Self against verified: every indicator's value at each stage side by side, the
    /// difference and over- or under-claim, the notes, and each stage's index.
    pub fn verification(&mut self, year: impl Into<Year>) -> AppResult<CompareDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let own_index = self.index(Some(a.year))?;
        let conn = self.store.conn();
        let mandiri = mandiri_values(conn, &catalog, &a)?;
        let external = if catalog.scoring().value == ValueKind::Decimal {
            Stored::read(conn, a.id)?.external_values()
        } else {
            BTreeMap::new()
        };
        let rows = stages::list(conn, a.id)?;
        let decimal = catalog.scoring().value == ValueKind::Decimal;
        let mut stages_out = vec![StageIndexDto::new(Stage::Mandiri, own_index)];
        for stage in Stage::VERIFIED {
            let values: BTreeMap<u32, Value> = rows
                .iter()
                .filter(|r| r.stage == stage)
                .map(|r| (r.indicator, r.value))
                .collect();
            // Nothing recorded at a stage: no index (external-index defaults aside).
            let counted = if values.is_empty() {
                values
            } else {
                effective_values(&catalog, &values, &external)
            };
            let dto = IndexDto::from_report(
                Some(a.year),
                &catalog,
                &compute_index_values(&catalog, &counted),
            );
            stages_out.push(StageIndexDto::new(stage, dto));
        }
        let mut over = 0;
        let mut under = 0;
        let indicators = catalog
            .indicators()
            .iter()
            .map(|ind| {
                let at = |s: Stage| {
                    rows.iter()
                        .find(|r| r.indicator == ind.number && r.stage == s)
                };
                let v = |s: Stage| at(s).map(|r| r.value.as_f64());
                let own = mandiri.get(&ind.number).copied();
                let verified = [
                    Stage::Final,
                    Stage::Visitasi,
                    Stage::Interviu,
                    Stage::Dokumen,
                ]
                .into_iter()
                .find_map(|s| at(s).map(|r| (s, r.value)));
                let difference = own.zip(verified).map(|(o, (_, v))| {
                    (f64::from(o.hundredths()) - f64::from(v.hundredths())) / 100.0
                });
                let claim = difference.map(|d| {
                    if d > 0.0 {
                        over += 1;
                        "over"
                    } else if d < 0.0 {
                        under += 1;
                        "under"
                    } else {
                        "equal"
                    }
                });
                CompareRowDto {
                    indicator: ind.number,
                    name: ind.name.clone(),
                    aspect: catalog
                        .aspect(ind.aspect)
                        .map(|x| x.code.clone())
                        .unwrap_or_default(),
                    mandiri: own.map(|v| v.as_f64()),
                    dokumen: v(Stage::Dokumen),
                    interviu: v(Stage::Interviu),
                    visitasi: v(Stage::Visitasi),
                    final_value: v(Stage::Final),
                    verified_stage: verified.map(|(s, _)| s.as_str().to_owned()),
                    difference,
                    claim: claim.map(str::to_owned),
                    notes: Stage::VERIFIED
                        .into_iter()
                        .filter_map(at)
                        .map(|r| StageNoteDto {
                            stage: r.stage.as_str().to_owned(),
                            value_text: value_text(r.value, decimal),
                            note: r.note.clone(),
                            author: r.author.clone(),
                            origin: r.origin.clone(),
                            updated_at: r.updated_at.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(CompareDto {
            year: a.year,
            framework_id: catalog.framework().id.clone(),
            index_name: catalog.framework().index_name.clone(),
            value_kind: catalog.scoring().value.as_str().to_owned(),
            stages: stages_out,
            indicators,
            over_claims: over,
            under_claims: under,
        })
    }

    /// Set (or with a null value remove) one indicator's value and note at one stage, in
    /// one audited transaction. Supervisor or operator; also on a finalized assessment.
    pub fn set_stage(&mut self, year: impl Into<Year>, input: StageInput) -> AppResult<CompareDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let stage = parse_stage(&input.stage)?;
        let ind = indicator_of(&catalog, input.indicator)?;
        if let Some(x) = &ind.external_index {
            return Err(AppError::new(
                ErrorCode::ExternalIndicator,
                format!(
                    "indicator {} takes its value from {}; the assessors do not score it",
                    ind.number, x.name
                ),
            ));
        }
        let decimal = catalog.scoring().value == ValueKind::Decimal;
        let value = input
            .value
            .as_deref()
            .map(|t| {
                read_level(t, decimal).ok_or_else(|| {
                    AppError::new(
                        if decimal {
                            ErrorCode::InvalidValue
                        } else {
                            ErrorCode::InvalidLevel
                        },
                        if decimal {
                            format!(
                                "'{}' is not a value 1.00-5.00 with at most two decimals",
                                t.trim()
                            )
                        } else {
                            format!("'{}' is not a level 1-5", t.trim())
                        },
                    )
                })
            })
            .transpose()?;
        let note = input
            .note
            .map(|n| n.replace("\r\n", "\n").trim().to_owned());
        if note
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
        {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("the note has more than {MAX_NOTE_CHARS} characters"),
            ));
        }
        let actor = self.authorize(&a, Action::RecordVerification, Some(ind.number))?;
        let now = self.clock.now();
        let number = ind.number;
        self.store.transaction(|tx, _| {
            let before = stages::list(tx, a.id)?
                .into_iter()
                .find(|r| r.indicator == number && r.stage == stage);
            let after = value.map(|v| StageRow {
                indicator: number,
                stage,
                value: v,
                note: note
                    .clone()
                    .or_else(|| before.as_ref().map(|b| b.note.clone()))
                    .unwrap_or_default(),
                origin: "manual".into(),
                author: actor.clone(),
                updated_at: now.clone(),
            });
            match &after {
                Some(row) => stages::put(tx, a.id, row)?,
                None => stages::remove(tx, a.id, number, stage)?,
            }
            record(
                tx,
                &a,
                (&actor, &now),
                "stage.set",
                (number, stage),
                before.as_ref(),
                after.as_ref(),
            )
        })?;
        self.verification(Some(a.year))
    }

    /// Write the results template: one row per indicator the assessors score, with the
    /// team's level and what each stage already holds.
    pub fn verification_template(&mut self, year: impl Into<Year>, out: &Path) -> AppResult<()> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let inst = self.require_instansi()?;
        let conn = self.store.conn();
        let mandiri = mandiri_values(conn, &catalog, &a)?;
        let rows = stages::list(conn, a.id)?;
        let lines = catalog
            .indicators()
            .iter()
            .map(|ind| StageBookLine {
                indicator: ind.number,
                mandiri: mandiri.get(&ind.number).copied(),
                stages: rows
                    .iter()
                    .filter(|r| r.indicator == ind.number)
                    .map(|r| (r.stage, (r.value, r.note.clone())))
                    .collect(),
            })
            .collect();
        let book = StageBook {
            catalog: &catalog,
            instansi: inst.name,
            year: a.year,
            lines,
        };
        let bytes =
            stage_book::stage_book_bytes(&book).map_err(|e| AppError::from(e.writing(out)))?;
        crate::files::write_bytes_atomically(out, &bytes)
    }

    /// Import verification results from a filled template (.xlsx) or a CSV
    /// (`indicator,stage,level,note`). With `write` false it is a preview and writes nothing;
    /// with `write` true every change is written in one transaction (after an automatic
    /// backup), or nothing when any row has a problem.
    pub fn verification_import(
        &mut self,
        year: impl Into<Year>,
        file: &Path,
        write: bool,
    ) -> AppResult<StageImportDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let lang = self.language;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.display().to_string());
        let csv = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
        let (kind, lines) = if csv {
            let text = read_bounded_text(file)?;
            let lines = parse_stage_file(&text, &catalog).map_err(|problems| {
                let said: Vec<String> = problems.iter().take(20).map(|p| p.message(lang)).collect();
                AppError::new(
                    ErrorCode::ImportRejected,
                    format!(
                        "{}: {} {}",
                        file.display(),
                        lang.pick(
                            format!("{} masalah, tidak ada yang ditulis:", problems.len()),
                            format!("{} problem(s), nothing was written:", problems.len()),
                        ),
                        said.join("; ")
                    ),
                )
            })?;
            ("csv", lines)
        } else {
            let read = swanilai_xlsx::stage_book::read_stage_book(file, &catalog)
                .map_err(|e| AppError::from_xlsx(e, lang))?;
            if read.format.as_deref() != Some(stage_book::BOOK_FORMAT) {
                return Err(AppError::new(
                    ErrorCode::WorkbookWrongAssessment,
                    format!(
                        "{} is not a Swanilai verification template (its `_swanilai` sheet does not say format {}); write one with `verification template`",
                        file.display(),
                        stage_book::BOOK_FORMAT
                    ),
                ));
            }
            check_origin(file, &a, read.year, read.framework_id.as_deref())?;
            let inst = self.require_instansi()?;
            if let Some(other) = read.instansi.as_deref().filter(|i| *i != inst.name) {
                return Err(AppError::new(
                    ErrorCode::WorkbookWrongAssessment,
                    format!(
                        "{} is the template of {other}, not {}",
                        file.display(),
                        inst.name
                    ),
                ));
            }
            if !read.problems.is_empty() {
                let problems: Vec<ImportProblem> = read
                    .problems
                    .into_iter()
                    .map(|p| ImportProblem::new(p, lang))
                    .collect();
                return Err(AppError::new(
                    ErrorCode::ImportRejected,
                    rejected(file, &problems, lang),
                ));
            }
            ("template", read.lines)
        };
        let stored: BTreeMap<(u32, Stage), StageRow> = stages::list(self.store.conn(), a.id)?
            .into_iter()
            .map(|r| ((r.indicator, r.stage), r))
            .collect();
        let mut changes = Vec::new();
        let mut writes: Vec<&StageLine> = Vec::new();
        let mut unchanged = 0;
        for l in &lines {
            let before = stored.get(&(l.indicator, l.stage));
            if before.is_some_and(|b| b.value == l.value && b.note == l.note) {
                unchanged += 1;
                continue;
            }
            changes.push(StageChangeDto {
                indicator: l.indicator,
                stage: l.stage.as_str().to_owned(),
                before: before.map(|b| b.value.as_f64()),
                after: l.value.as_f64(),
                before_note: before.map(|b| b.note.clone()).unwrap_or_default(),
                after_note: l.note.clone(),
                replaces: before.is_some(),
            });
            writes.push(l);
        }
        let mut dto = StageImportDto {
            file: name.clone(),
            kind: kind.to_owned(),
            changes,
            unchanged,
            written: false,
        };
        if !write || writes.is_empty() {
            return Ok(dto);
        }
        let actor = self.authorize(&a, Action::RecordVerification, None)?;
        if self.read_only().is_none() {
            self.auto_backup(crate::BackupReason::Import)?;
        }
        let now = self.clock.now();
        let origin = format!("{kind}: {name}");
        self.store.transaction(|tx, _| {
            for l in &writes {
                let row = StageRow {
                    indicator: l.indicator,
                    stage: l.stage,
                    value: l.value,
                    note: l.note.clone(),
                    origin: origin.clone(),
                    author: actor.clone(),
                    updated_at: now.clone(),
                };
                stages::put(tx, a.id, &row)?;
                let before = stored.get(&(l.indicator, l.stage));
                record(
                    tx,
                    &a,
                    (&actor, &now),
                    "stage.import",
                    (l.indicator, l.stage),
                    before,
                    Some(&row),
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        dto.written = true;
        Ok(dto)
    }
}

impl App {
    /// The index and predikat per year (the team's and the verified one), with the
    /// per-aspect and per-indicator changes over the years of the latest year's framework.
    pub fn compare_years(&mut self) -> AppResult<YearsDto> {
        let years: Vec<i32> = swanilai_store::assessments::list(self.store.conn())?
            .into_iter()
            .map(|a| a.year)
            .collect();
        let mut all = Vec::with_capacity(years.len());
        for y in &years {
            all.push(self.verification(Some(*y))?);
        }
        let latest_framework = all
            .last()
            .map(|c| c.framework_id.clone())
            .unwrap_or_default();
        let comparable = |c: &CompareDto| c.framework_id == latest_framework;
        let verified_of = |c: &CompareDto| {
            c.stages
                .iter()
                .rev()
                .find(|s| s.stage != Stage::Mandiri.as_str() && s.index.is_some())
                .cloned()
        };
        let change = |v: &[Option<f64>]| match v {
            [.., Some(a), Some(b)] => Some(((b - a) * 100.0).round() / 100.0),
            _ => None,
        };
        let points = all
            .iter()
            .map(|c| YearPointDto {
                year: c.year,
                framework_id: c.framework_id.clone(),
                index_name: c.index_name.clone(),
                mandiri: c.stages[0].clone(),
                verified: verified_of(c),
                comparable: comparable(c),
            })
            .collect();
        let Some(latest) = all.last() else {
            return Ok(YearsDto {
                years: points,
                aspects: Vec::new(),
                indicators: Vec::new(),
            });
        };
        let aspects = latest.stages[0]
            .aspects
            .iter()
            .map(|g| {
                let of = |c: &CompareDto, verified: bool| {
                    if !comparable(c) {
                        return None;
                    }
                    let stage = if verified {
                        verified_of(c)
                    } else {
                        Some(c.stages[0].clone())
                    };
                    stage?.aspects.iter().find(|x| x.number == g.number)?.index
                };
                let mandiri: Vec<Option<f64>> = all.iter().map(|c| of(c, false)).collect();
                YearSeriesDto {
                    number: g.number,
                    code: g.code.clone(),
                    name: g.name.clone(),
                    change: change(&mandiri),
                    mandiri,
                    verified: all.iter().map(|c| of(c, true)).collect(),
                }
            })
            .collect();
        let indicators = latest
            .indicators
            .iter()
            .map(|row| {
                let of = |c: &CompareDto, verified: bool| {
                    if !comparable(c) {
                        return None;
                    }
                    let r = c.indicators.iter().find(|r| r.indicator == row.indicator)?;
                    if verified {
                        [r.final_value, r.visitasi, r.interviu, r.dokumen]
                            .into_iter()
                            .flatten()
                            .next()
                    } else {
                        r.mandiri
                    }
                };
                let mandiri: Vec<Option<f64>> = all.iter().map(|c| of(c, false)).collect();
                YearSeriesDto {
                    number: row.indicator,
                    code: row.aspect.clone(),
                    name: row.name.clone(),
                    change: change(&mandiri),
                    mandiri,
                    verified: all.iter().map(|c| of(c, true)).collect(),
                }
            })
            .collect();
        Ok(YearsDto {
            years: points,
            aspects,
            indicators,
        })
    }
}

impl App {
    /// The `Verifikasi` sheet of the exported workbook: None until any result is recorded.
    pub(crate) fn verification_sheet(
        &mut self,
        a: &AssessmentRow,
    ) -> AppResult<Option<swanilai_xlsx::stage_book::VerificationSheet>> {
        let rows = stages::list(self.store.conn(), a.id)?;
        if rows.is_empty() {
            return Ok(None);
        }
        let c = self.verification(Some(a.year))?;
        let catalog = self.catalog_of(a)?;
        let mandiri = mandiri_values(self.store.conn(), &catalog, a)?;
        Ok(Some(swanilai_xlsx::stage_book::VerificationSheet {
            stages: c
                .stages
                .iter()
                .map(|s| swanilai_xlsx::stage_book::StageSummary {
                    title: s.title.clone(),
                    index_text: s.index_text.clone(),
                    rating: s.rating.clone(),
                    answered: s.answered,
                    total: s.total,
                })
                .collect(),
            lines: c
                .indicators
                .iter()
                .map(|r| swanilai_xlsx::stage_book::CompareLine {
                    indicator: r.indicator,
                    mandiri: mandiri.get(&r.indicator).copied(),
                    stages: rows
                        .iter()
                        .filter(|x| x.indicator == r.indicator)
                        .map(|x| (x.stage, (x.value, x.note.clone())))
                        .collect(),
                    difference: r.difference,
                })
                .collect(),
        }))
    }
}

/// The team's own value of every answered indicator: its level as a value, or with
/// decimals its value (an external-index indicator: the value the index uses).
pub(crate) fn mandiri_values(
    conn: &Connection,
    catalog: &Catalog,
    a: &AssessmentRow,
) -> AppResult<BTreeMap<u32, Value>> {
    if catalog.scoring().value == ValueKind::Decimal {
        let s = Stored::read(conn, a.id)?;
        return Ok(effective_values(catalog, &s.scored, &s.external_values()));
    }
    Ok(answers::list(conn, a.id)?
        .into_iter()
        .filter_map(|r| r.level.map(|l| (r.indicator, Value::from_level(l))))
        .collect())
}

fn value_text(v: Value, decimal: bool) -> String {
    if decimal {
        v.to_id_string()
    } else {
        (v.hundredths() / 100).to_string()
    }
}

/// A stage named on the command line or by the window; mandiri is the team's answer.
pub(crate) fn parse_stage(text: &str) -> AppResult<Stage> {
    match text.parse::<Stage>() {
        Ok(s) if s != Stage::Mandiri => Ok(s),
        Ok(_) => Err(AppError::new(
            ErrorCode::UnknownStage,
            "mandiri is the team's own answer; set it with `answer set`, not as a verification stage",
        )),
        Err(e) => Err(AppError::new(
            ErrorCode::UnknownStage,
            format!("{e}; the verification stages are dokumen, interviu, visitasi, final"),
        )),
    }
}

fn read_bounded_text(file: &Path) -> AppResult<String> {
    use std::io::Read;
    let io = |e: std::io::Error| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("{}: {e}", file.display()),
        )
    };
    let f = std::fs::File::open(file).map_err(io)?;
    let mut bytes = Vec::new();
    f.take(STAGE_CSV_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > STAGE_CSV_MAX_BYTES {
        return Err(AppError::new(
            ErrorCode::FileTooLarge,
            format!(
                "{} is larger than {} MB; a results file of 47 indicators is far smaller",
                file.display(),
                STAGE_CSV_MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        AppError::new(
            ErrorCode::ImportRejected,
            format!(
                "{}: not UTF-8 text at byte {}; save the CSV as UTF-8",
                file.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// One audit entry of a stage change; `who` is (actor, time), `at` (indicator, stage).
fn record(
    tx: &swanilai_store::Transaction<'_>,
    a: &AssessmentRow,
    (actor, now): (&str, &str),
    action: &str,
    (indicator, stage): (u32, Stage),
    before: Option<&StageRow>,
    after: Option<&StageRow>,
) -> AppResult<()> {
    let said = |r: Option<&StageRow>| {
        json!({
            "stage": stage.as_str(),
            "value": r.map(|r| r.value.to_string()),
            "note": r.map(|r| r.note.as_str()),
            "origin": r.map(|r| r.origin.as_str()),
        })
        .to_string()
    };
    crate::audit::record(
        tx,
        NewEntry {
            at: now,
            actor,
            action,
            year: Some(a.year),
            indicator: Some(indicator),
            entity: "stage",
            before: said(before),
            after: said(after),
        },
    )
}
