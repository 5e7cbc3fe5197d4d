//! A verification results file: a header `indicator,stage,level,note`, then one row per
//! indicator and stage, as an operator types it from the national application or the LHE
//! (the CLI's `verification import FILE.csv`). Pure text in, rows or every problem out, so
//! it can be checked and fuzzed without the app.
//!
//! Read with the `csv` crate, so a note may hold the separator, quotes and line breaks when
//! quoted. Accepts `,`, `;` or tab as the separator (Excel in Indonesian locales writes
//! `;`) and a UTF-8 byte order mark. A level is a whole level 1-5 for a framework scored
//! with levels, a value 1,00-5,00 for one scored with decimals (`value` is accepted as the
//! column's name too). Bounded: at most [`MAX_ROWS`] rows and [`MAX_NOTE_CHARS`] per note.

use std::collections::BTreeMap;

use crate::{Catalog, Language, Stage, Value, ValueKind};

/// How many data rows a file may have (47 indicators x 4 stages is 188).
pub const MAX_ROWS: usize = 5_000;
/// How long a note may be, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// One row read: an indicator's value at a stage, with the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageLine {
    /// 1-based row as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// The indicator's number.
    pub indicator: u32,
    /// The stage (never mandiri).
    pub stage: Stage,
    /// The level as a value (level 3 is 3,00).
    pub value: Value,
    /// The assessors' note; empty when none.
    pub note: String,
}

/// What is wrong in a verification results file (`row` is 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageFileProblem {
    /// No line at all.
    Empty,
    /// The first line is not `indicator,stage,level,note`; the line found.
    Header(String),
    /// A row the CSV reader could not read (an unclosed quote); what it said.
    Unreadable {
        /// 1-based row.
        row: usize,
        /// The reader's message.
        message: String,
    },
    /// More rows than [`MAX_ROWS`].
    TooManyRows,
    /// The indicator cell is not a number of the catalog (`last` is its indicator count).
    NotAnIndicator {
        /// 1-based row.
        row: usize,
        /// The cell.
        value: String,
        /// The catalog's indicator count.
        last: usize,
    },
    /// The stage cell is not dokumen, interviu, visitasi or final.
    NotAStage {
        /// 1-based row.
        row: usize,
        /// The cell.
        value: String,
    },
    /// The level cell is not a level 1-5 (or a value 1,00-5,00 with decimals).
    NotALevel {
        /// 1-based row.
        row: usize,
        /// The cell.
        value: String,
        /// Whether the framework takes decimal values.
        decimal: bool,
    },
    /// The indicator takes its value from another agency's index.
    External {
        /// 1-based row.
        row: usize,
        /// The indicator's number.
        indicator: u32,
    },
    /// The note is longer than [`MAX_NOTE_CHARS`].
    NoteTooLong {
        /// 1-based row.
        row: usize,
    },
    /// The same indicator and stage on an earlier row too.
    Twice {
        /// 1-based row.
        row: usize,
        /// The indicator's number.
        indicator: u32,
        /// The stage.
        stage: Stage,
    },
}

/// Parse a verification results file against `catalog`. Returns every bad row.
pub fn parse_stage_file(
    text: &str,
    catalog: &Catalog,
) -> Result<Vec<StageLine>, Vec<StageFileProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(header) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(vec![StageFileProblem::Empty]);
    };
    let sep = [b',', b';', b'\t']
        .into_iter()
        .find(|c| header.as_bytes().contains(c))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let head: Vec<String> = loop {
        match records.next() {
            None => return Err(vec![StageFileProblem::Empty]),
            Some(Err(e)) => {
                return Err(vec![StageFileProblem::Header(e.to_string())]);
            }
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => break r.iter().map(|c| c.trim().to_lowercase()).collect(),
        }
    };
    let wanted = head.len() >= 3
        && head[0] == "indicator"
        && head[1] == "stage"
        && (head[2] == "level" || head[2] == "value")
        && head.get(3).is_none_or(|n| n == "note");
    if !wanted {
        return Err(vec![StageFileProblem::Header(header.trim().to_owned())]);
    }
    let decimal = catalog.scoring().value == ValueKind::Decimal;
    let mut out = Vec::new();
    let mut seen: BTreeMap<(u32, Stage), usize> = BTreeMap::new();
    let mut problems = Vec::new();
    // The row a spreadsheet shows: the header is row 1, every record one row (a note with
    // line breaks stays in one cell of one row).
    let mut row = 1;
    for record in records {
        row += 1;
        if out.len() + problems.len() >= MAX_ROWS {
            problems.push(StageFileProblem::TooManyRows);
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(StageFileProblem::Unreadable {
                    row,
                    message: e.to_string(),
                });
                break;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let number = cell(0);
        let Some(ind) = number
            .parse::<u32>()
            .ok()
            .and_then(|n| catalog.indicator(n))
        else {
            problems.push(StageFileProblem::NotAnIndicator {
                row,
                value: number.to_owned(),
                last: catalog.indicators().len(),
            });
            continue;
        };
        let stage = match cell(1).parse::<Stage>() {
            Ok(s) if s != Stage::Mandiri => s,
            _ => {
                problems.push(StageFileProblem::NotAStage {
                    row,
                    value: cell(1).to_owned(),
                });
                continue;
            }
        };
        if ind.external_index.is_some() {
            problems.push(StageFileProblem::External {
                row,
                indicator: ind.number,
            });
            continue;
        }
        let Some(value) = read_level(cell(2), decimal) else {
            problems.push(StageFileProblem::NotALevel {
                row,
                value: cell(2).to_owned(),
                decimal,
            });
            continue;
        };
        let note = record
            .get(3)
            .unwrap_or("")
            .replace("\r\n", "\n")
            .trim()
            .to_owned();
        if note.chars().count() > MAX_NOTE_CHARS {
            problems.push(StageFileProblem::NoteTooLong { row });
            continue;
        }
        if seen.insert((ind.number, stage), row).is_some() {
            problems.push(StageFileProblem::Twice {
                row,
                indicator: ind.number,
                stage,
            });
            continue;
        }
        out.push(StageLine {
            row,
            indicator: ind.number,
            stage,
            value,
            note,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A level cell: a whole level 1-5, or with decimals a value 1,00-5,00.
pub fn read_level(cell: &str, decimal: bool) -> Option<Value> {
    if decimal {
        return Value::parse(cell).ok();
    }
    let t = cell.trim();
    // "3", and "3,00" or "3.0" as a spreadsheet may write a whole number.
    let v = Value::parse(t).ok()?;
    (v.hundredths() % 100 == 0).then_some(v)
}

impl StageFileProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Language) -> String {
        use StageFileProblem as P;
        let id = lang == Language::Indonesian;
        let pick = |i: String, e: String| if id { i } else { e };
        match self {
            P::Empty => pick(
                "berkas kosong; baris pertamanya harus judul `indicator,stage,level,note`".into(),
                "the file is empty; expected a header `indicator,stage,level,note`".into(),
            ),
            P::Header(found) => pick(
                format!("baris 1: judulnya harus `indicator,stage,level,note`, bukan `{found}`"),
                format!("row 1: expected the header `indicator,stage,level,note`, found `{found}`"),
            ),
            P::Unreadable { row, message } => pick(
                format!("baris {row}: tidak terbaca ({message})"),
                format!("row {row}: unreadable ({message})"),
            ),
            P::TooManyRows => pick(
                format!("lebih dari {MAX_ROWS} baris; sisanya tidak dibaca"),
                format!("more than {MAX_ROWS} rows; the rest was not read"),
            ),
            P::NotAnIndicator { row, value, last } => pick(
                format!("baris {row}, kolom indicator: '{value}' bukan nomor indikator 1-{last}"),
                format!("row {row}, column indicator: '{value}' is not an indicator number 1-{last}"),
            ),
            P::NotAStage { row, value } => pick(
                format!("baris {row}, kolom stage: '{value}' bukan tahap (dokumen, interviu, visitasi, final)"),
                format!("row {row}, column stage: '{value}' is not a stage (dokumen, interviu, visitasi, final)"),
            ),
            P::NotALevel { row, value, decimal: false } => pick(
                format!("baris {row}, kolom level: '{value}' bukan tingkat 1-5"),
                format!("row {row}, column level: '{value}' is not a level 1-5"),
            ),
            P::NotALevel { row, value, decimal: true } => pick(
                format!("baris {row}, kolom level: '{value}' bukan nilai 1,00-5,00 dengan paling banyak dua desimal"),
                format!("row {row}, column level: '{value}' is not a value 1.00-5.00 with at most two decimals"),
            ),
            P::External { row, indicator } => pick(
                format!("baris {row}: indikator {indicator} diambil dari indeks instansi lain, bukan dinilai asesor"),
                format!("row {row}: indicator {indicator} is taken from another agency's index, not scored by the assessors"),
            ),
            P::NoteTooLong { row } => pick(
                format!("baris {row}, kolom note: lebih dari {MAX_NOTE_CHARS} karakter"),
                format!("row {row}, column note: more than {MAX_NOTE_CHARS} characters"),
            ),
            P::Twice { row, indicator, stage } => pick(
                format!("baris {row}: indikator {indicator} tahap {stage} muncul dua kali"),
                format!("row {row}: indicator {indicator} stage {stage} appears twice"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{builtin, default_catalog, PEMDI_2026};

    #[test]
    fn reads_quoted_notes_semicolons_and_a_bom() {
        let text = "\u{feff}indicator;stage;level;note\r\n1;dokumen;3;\"SK ada; belum ditetapkan\"\r\n1;Final;2;\"baris satu\r\nbaris \"\"dua\"\"\"\r\n47;interviu;5;\r\n";
        let rows = parse_stage_file(text, default_catalog()).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[0].indicator, rows[0].stage, rows[0].value.hundredths()),
            (1, Stage::Dokumen, 300)
        );
        assert_eq!(rows[0].note, "SK ada; belum ditetapkan");
        assert_eq!(rows[1].note, "baris satu\nbaris \"dua\"");
        assert_eq!((rows[2].row, rows[2].stage), (4, Stage::Interviu));
    }

    #[test]
    fn reports_every_bad_row() {
        let text = "indicator,stage,level,note\n48,final,3,\n1,mandiri,3,\n2,final,6,\n3,final,2.5,\n4,dokumen,2,\n4,Dokumen,3,\n";
        let problems = parse_stage_file(text, default_catalog()).unwrap_err();
        let said: Vec<String> = problems
            .iter()
            .map(|p| p.message(Language::English))
            .collect();
        assert_eq!(
            said,
            [
                "row 2, column indicator: '48' is not an indicator number 1-47",
                "row 3, column stage: 'mandiri' is not a stage (dokumen, interviu, visitasi, final)",
                "row 4, column level: '6' is not a level 1-5",
                "row 5, column level: '2.5' is not a level 1-5",
                "row 7: indicator 4 stage dokumen appears twice",
            ]
        );
        let bad = parse_stage_file("indicator,level\n1,3\n", default_catalog()).unwrap_err();
        assert_eq!(
            bad[0].message(Language::Indonesian),
            "baris 1: judulnya harus `indicator,stage,level,note`, bukan `indicator,level`"
        );
        assert_eq!(
            parse_stage_file(" \n", default_catalog()).unwrap_err(),
            [StageFileProblem::Empty]
        );
    }

    #[test]
    fn decimal_frameworks_take_values_and_refuse_external_indicators() {
        let pemdi = builtin(PEMDI_2026).unwrap();
        let text = "indicator;stage;value;note\n1;final;2,35;ok\n";
        let rows = parse_stage_file(text, pemdi).unwrap();
        assert_eq!(rows[0].value.hundredths(), 235);
        let external = pemdi
            .indicators()
            .iter()
            .find(|i| i.external_index.is_some())
            .unwrap()
            .number;
        let text = format!("indicator,stage,level\n{external},final,3\n");
        assert_eq!(
            parse_stage_file(&text, pemdi).unwrap_err(),
            [StageFileProblem::External {
                row: 2,
                indicator: external
            }]
        );
    }

    #[test]
    fn is_bounded_in_rows_whatever_the_file() {
        let mut text = String::from("indicator,stage,level\n");
        for _ in 0..(MAX_ROWS + 10) {
            text.push_str("x,final,3\n");
        }
        let problems = parse_stage_file(&text, default_catalog()).unwrap_err();
        assert_eq!(problems.len(), MAX_ROWS + 1);
        assert_eq!(problems.last(), Some(&StageFileProblem::TooManyRows));
    }
}
