//! A levels file: a header `indicator,level`, then one row per indicator, as a person or
//! a script writes it (the CLI's `index --levels`). Pure text in, levels or every problem
//! out, so it can be checked and fuzzed without the app.

use std::collections::BTreeMap;

use crate::{Catalog, Language, Level};

/// Parse a levels file. A missing row or an empty level means unanswered. Accepts `,`,
/// `;` or tab as separator (Excel in Indonesian locales writes `;`) and a UTF-8 byte order
/// mark. Returns every bad row.
pub fn parse_levels(
    text: &str,
    catalog: &Catalog,
) -> Result<BTreeMap<u32, Level>, Vec<LevelsProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(vec![LevelsProblem::Empty]);
    };
    let sep = [',', ';', '\t']
        .into_iter()
        .find(|c| header.contains(*c))
        .unwrap_or(',');
    let cols: Vec<String> = header
        .split(sep)
        .map(|c| unquote(c).to_lowercase())
        .collect();
    if cols.len() < 2 || cols[0] != "indicator" || cols[1] != "level" {
        return Err(vec![LevelsProblem::Header(header.trim().to_owned())]);
    }
    let mut levels = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, line) in lines {
        let row = i + 1;
        let mut cells = line.split(sep).map(unquote);
        let number = cells.next().unwrap_or("");
        let Some(ind) = number
            .parse::<u32>()
            .ok()
            .and_then(|n| catalog.indicator(n))
        else {
            problems.push(LevelsProblem::NotAnIndicator {
                row,
                value: number.to_owned(),
                last: catalog.indicators().len(),
            });
            continue;
        };
        let value = cells.next().unwrap_or("");
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>().ok().map(Level::new) {
            Some(Ok(level)) => {
                if levels.insert(ind.number, level).is_some() {
                    problems.push(LevelsProblem::Twice {
                        row,
                        indicator: ind.number,
                    });
                }
            }
            _ => problems.push(LevelsProblem::NotALevel {
                row,
                value: value.to_owned(),
            }),
        }
    }
    if problems.is_empty() {
        Ok(levels)
    } else {
        Err(problems)
    }
}

/// What is wrong in a levels file (`row` is 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelsProblem {
    /// No line at all.
    Empty,
    /// The first line is not `indicator,level`; the line found.
    Header(String),
    /// The indicator cell is not a number of the catalog (`last` is its indicator count).
    NotAnIndicator {
        /// 1-based row.
        row: usize,
        /// The cell.
        value: String,
        /// The catalog's indicator count.
        last: usize,
    },
    /// The indicator is on an earlier row too.
    Twice {
        /// 1-based row.
        row: usize,
        /// The indicator's number.
        indicator: u32,
    },
    /// The level cell is not 1 to 5.
    NotALevel {
        /// 1-based row.
        row: usize,
        /// The cell.
        value: String,
    },
}

impl LevelsProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Language) -> String {
        use Language::{English as En, Indonesian as Id};
        match (self, lang) {
            (LevelsProblem::Empty, Id) => {
                "berkas kosong; baris pertamanya harus judul `indicator,level`".to_owned()
            }
            (LevelsProblem::Empty, En) => {
                "the file is empty; expected a header `indicator,level`".to_owned()
            }
            (LevelsProblem::Header(found), Id) => {
                format!("baris 1: judulnya harus `indicator,level`, bukan `{found}`")
            }
            (LevelsProblem::Header(found), En) => {
                format!("row 1: expected the header `indicator,level`, found `{found}`")
            }
            (LevelsProblem::NotAnIndicator { row, value, last }, Id) => {
                format!("baris {row}, kolom indicator: '{value}' bukan nomor indikator 1-{last}")
            }
            (LevelsProblem::NotAnIndicator { row, value, last }, En) => format!(
                "row {row}, column indicator: '{value}' is not an indicator number 1-{last}"
            ),
            (LevelsProblem::Twice { row, indicator }, Id) => {
                format!("baris {row}: indikator {indicator} muncul dua kali")
            }
            (LevelsProblem::Twice { row, indicator }, En) => {
                format!("row {row}: indicator {indicator} appears twice")
            }
            (LevelsProblem::NotALevel { row, value }, Id) => {
                format!("baris {row}, kolom level: '{value}' bukan tingkat 1-5")
            }
            (LevelsProblem::NotALevel { row, value }, En) => {
                format!("row {row}, column level: '{value}' is not a level 1-5")
            }
        }
    }
}

fn unquote(cell: &str) -> &str {
    cell.trim().trim_matches('"').trim()
}
