//! A levels file: a header `indicator,level`, then one row per indicator, as a person or
//! a script writes it (the CLI's `index --levels`). Pure text in, levels or every problem
//! out, so it can be checked and fuzzed without the app.

use std::collections::BTreeMap;

use crate::{Catalog, Language, Level, Value};

/// Parse a levels file. A missing row or an empty level means unanswered. Accepts `,`,
/// `;` or tab as separator (Excel in Indonesian locales writes `;`) and a UTF-8 byte order
/// mark. Returns every bad row.
pub fn parse_levels(
    text: &str,
    catalog: &Catalog,
) -> Result<BTreeMap<u32, Level>, Vec<LevelsProblem>> {
    parse_table(text, catalog, Column::Level, |cell| {
        cell.parse::<i64>().ok().and_then(|v| Level::new(v).ok())
    })
}

/// Parse a values file: a header `indicator,value`, then one decimal value 1,00-5,00 per
/// indicator (the CLI's `index --framework pemdi-2026 --values`), read like a levels file.
/// Use `;` or tab as the separator to write decimal commas ("2,35").
pub fn parse_values(
    text: &str,
    catalog: &Catalog,
) -> Result<BTreeMap<u32, Value>, Vec<LevelsProblem>> {
    parse_table(text, catalog, Column::Value, |cell| Value::parse(cell).ok())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Level,
    Value,
}

fn parse_table<T>(
    text: &str,
    catalog: &Catalog,
    column: Column,
    read: impl Fn(&str) -> Option<T>,
) -> Result<BTreeMap<u32, T>, Vec<LevelsProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(vec![match column {
            Column::Level => LevelsProblem::Empty,
            Column::Value => LevelsProblem::ValuesEmpty,
        }]);
    };
    let sep = [',', ';', '\t']
        .into_iter()
        .find(|c| header.contains(*c))
        .unwrap_or(',');
    let cols: Vec<String> = header
        .split(sep)
        .map(|c| unquote(c).to_lowercase())
        .collect();
    let name = match column {
        Column::Level => "level",
        Column::Value => "value",
    };
    if cols.len() < 2 || cols[0] != "indicator" || cols[1] != name {
        let found = header.trim().to_owned();
        return Err(vec![match column {
            Column::Level => LevelsProblem::Header(found),
            Column::Value => LevelsProblem::ValuesHeader(found),
        }]);
    }
    let mut out = BTreeMap::new();
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
        // "5,2,35" in a comma-separated values file: a decimal comma, not two cells.
        let rest: Vec<&str> = cells.filter(|c| !c.is_empty()).collect();
        if column == Column::Value && !rest.is_empty() {
            problems.push(LevelsProblem::NotAValue {
                row,
                value: format!("{value}{sep}{}", rest.join(&sep.to_string())),
            });
            continue;
        }
        match read(value) {
            Some(v) => {
                if out.insert(ind.number, v).is_some() {
                    problems.push(LevelsProblem::Twice {
                        row,
                        indicator: ind.number,
                    });
                }
            }
            None => problems.push(match column {
                Column::Level => LevelsProblem::NotALevel {
                    row,
                    value: value.to_owned(),
                },
                Column::Value => LevelsProblem::NotAValue {
                    row,
                    value: value.to_owned(),
                },
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
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
    /// A values file with no line at all.
    ValuesEmpty,
    /// The first line of a values file is not `indicator,value`; the line found.
    ValuesHeader(String),
    /// The value cell is not 1,00 to 5,00 with at most two decimals.
    NotAValue {
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
            (LevelsProblem::ValuesEmpty, Id) => {
                "berkas kosong; baris pertamanya harus judul `indicator,value`".to_owned()
            }
            (LevelsProblem::ValuesEmpty, En) => {
                "the file is empty; expected a header `indicator,value`".to_owned()
            }
            (LevelsProblem::ValuesHeader(found), Id) => {
                format!("baris 1: judulnya harus `indicator,value`, bukan `{found}`")
            }
            (LevelsProblem::ValuesHeader(found), En) => {
                format!("row 1: expected the header `indicator,value`, found `{found}`")
            }
            (LevelsProblem::NotAValue { row, value }, Id) => format!(
                "baris {row}, kolom value: '{value}' bukan nilai 1,00-5,00 dengan paling banyak dua desimal"
            ),
            (LevelsProblem::NotAValue { row, value }, En) => format!(
                "row {row}, column value: '{value}' is not a value 1.00-5.00 with at most two decimals"
            ),
        }
    }
}

fn unquote(cell: &str) -> &str {
    cell.trim().trim_matches('"').trim()
}

#[cfg(test)]
mod values_tests {
    use super::*;
    use crate::builtin::{builtin, PEMDI_2026};

    #[test]
    fn reads_decimal_values_with_point_or_comma() {
        let c = builtin(PEMDI_2026).unwrap();
        let v = parse_values("indicator;value\n1;2,35\n2;1.5\n3;\n", c).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[&1].hundredths(), 235);
        let v = parse_values("\u{feff}indicator,value\n20,4.25\n", c).unwrap();
        assert_eq!(v[&20].hundredths(), 425);
    }

    #[test]
    fn every_bad_value_row_is_named() {
        let c = builtin(PEMDI_2026).unwrap();
        let problems =
            parse_values("indicator,value\n21,2\n1,5.5\n2,2,35\n3,2.355\n", c).unwrap_err();
        let said: Vec<String> = problems
            .iter()
            .map(|p| p.message(Language::English))
            .collect();
        assert_eq!(
            said,
            [
                "row 2, column indicator: '21' is not an indicator number 1-20",
                "row 3, column value: '5.5' is not a value 1.00-5.00 with at most two decimals",
                "row 4, column value: '2,35' is not a value 1.00-5.00 with at most two decimals",
                "row 5, column value: '2.355' is not a value 1.00-5.00 with at most two decimals",
            ]
        );
        assert_eq!(
            parse_values("indicator,level\n", c).unwrap_err(),
            [LevelsProblem::ValuesHeader("indicator,level".into())]
        );
    }
}
