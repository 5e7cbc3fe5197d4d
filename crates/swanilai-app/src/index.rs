//! The index of an assessment, and the pure calculation from a levels file.

use std::collections::BTreeMap;

use swanilai_core::{builtin::default_catalog, compute_index, Catalog, Level};
use swanilai_store::answers;

use crate::settings::Language;
use crate::Year;
use crate::{App, AppError, AppResult, ErrorCode, IndexDto};

impl App {
    /// The live index of an assessment (the latest when `year` is None).
    pub fn index(&mut self, year: impl Into<Year>) -> AppResult<IndexDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        let levels: BTreeMap<u32, Level> = answers::list(self.store.conn(), a.id)?
            .into_iter()
            .filter_map(|r| r.level.map(|l| (r.indicator, l)))
            .collect();
        let report = compute_index(&catalog, &levels);
        Ok(IndexDto::from_report(
            Some(a.year),
            &catalog.framework().id,
            &catalog.framework().index_name,
            &report,
        ))
    }
}

/// Pure calculation: the index of the levels given, with the shipped 59/2020 catalog.
pub fn index_from_levels(levels: &BTreeMap<u32, Level>) -> IndexDto {
    let catalog = default_catalog();
    let report = compute_index(catalog, levels);
    IndexDto::from_report(
        None,
        &catalog.framework().id,
        &catalog.framework().index_name,
        &report,
    )
}

/// Parse a levels file: a header `indicator,level`, then one row per indicator. A missing
/// row or an empty level means unanswered. Accepts `,`, `;` or tab as separator (Excel in
/// Indonesian locales writes `;`) and a UTF-8 byte order mark. Every bad row is reported,
/// in `lang`.
pub fn levels_from_csv(
    text: &str,
    file: &str,
    catalog: Option<&Catalog>,
    lang: Language,
) -> AppResult<BTreeMap<u32, Level>> {
    let catalog = catalog.unwrap_or_else(|| default_catalog());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let bad = |p: CsvProblem| {
        AppError::new(
            ErrorCode::LevelsFileInvalid,
            format!("{file}: {}", p.message(lang)),
        )
    };
    let Some((_, header)) = lines.next() else {
        return Err(bad(CsvProblem::Empty));
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
        return Err(bad(CsvProblem::Header(header.trim().to_owned())));
    }
    let mut levels = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, line) in lines {
        let row = i + 1;
        let cells: Vec<&str> = line.split(sep).map(unquote).collect();
        let number = cells[0];
        let Some(ind) = number
            .parse::<u32>()
            .ok()
            .and_then(|n| catalog.indicator(n))
        else {
            problems.push(CsvProblem::NotAnIndicator {
                row,
                value: number.to_owned(),
                last: catalog.indicators().len(),
            });
            continue;
        };
        let value = cells.get(1).copied().unwrap_or("");
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>().ok().map(Level::new) {
            Some(Ok(level)) => {
                if levels.insert(ind.number, level).is_some() {
                    problems.push(CsvProblem::Twice {
                        row,
                        indicator: ind.number,
                    });
                }
            }
            _ => problems.push(CsvProblem::NotALevel {
                row,
                value: value.to_owned(),
            }),
        }
    }
    if problems.is_empty() {
        Ok(levels)
    } else {
        let said: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
        Err(AppError::new(
            ErrorCode::LevelsFileInvalid,
            format!("{file}: {}", said.join("; ")),
        ))
    }
}

/// What is wrong in a levels file (`row` is 1-based).
enum CsvProblem {
    Empty,
    Header(String),
    NotAnIndicator {
        row: usize,
        value: String,
        last: usize,
    },
    Twice {
        row: usize,
        indicator: u32,
    },
    NotALevel {
        row: usize,
        value: String,
    },
}

impl CsvProblem {
    fn message(&self, lang: Language) -> String {
        use Language::{English as En, Indonesian as Id};
        match (self, lang) {
            (CsvProblem::Empty, Id) => {
                "berkas kosong; baris pertamanya harus judul `indicator,level`".to_owned()
            }
            (CsvProblem::Empty, En) => {
                "the file is empty; expected a header `indicator,level`".to_owned()
            }
            (CsvProblem::Header(found), Id) => {
                format!("baris 1: judulnya harus `indicator,level`, bukan `{found}`")
            }
            (CsvProblem::Header(found), En) => {
                format!("row 1: expected the header `indicator,level`, found `{found}`")
            }
            (CsvProblem::NotAnIndicator { row, value, last }, Id) => {
                format!("baris {row}, kolom indicator: '{value}' bukan nomor indikator 1-{last}")
            }
            (CsvProblem::NotAnIndicator { row, value, last }, En) => format!(
                "row {row}, column indicator: '{value}' is not an indicator number 1-{last}"
            ),
            (CsvProblem::Twice { row, indicator }, Id) => {
                format!("baris {row}: indikator {indicator} muncul dua kali")
            }
            (CsvProblem::Twice { row, indicator }, En) => {
                format!("row {row}: indicator {indicator} appears twice")
            }
            (CsvProblem::NotALevel { row, value }, Id) => {
                format!("baris {row}, kolom level: '{value}' bukan tingkat 1-5")
            }
            (CsvProblem::NotALevel { row, value }, En) => {
                format!("row {row}, column level: '{value}' is not a level 1-5")
            }
        }
    }
}

fn unquote(cell: &str) -> &str {
    cell.trim().trim_matches('"').trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_excel_style_semicolon_csv_with_bom() {
        let l = levels_from_csv(
            "\u{feff}indicator;level\r\n1;3\r\n2;\r\n\"47\";\"5\"\r\n",
            "x.csv",
            None,
            Language::Indonesian,
        )
        .unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[&1].get(), 3);
        assert_eq!(l[&47].get(), 5);
    }

    #[test]
    fn reports_every_bad_row_in_either_language() {
        let text = "indicator,level\n48,3\n1,9\n2,x\n1,4\n";
        let err = levels_from_csv(text, "lv.csv", None, Language::English).unwrap_err();
        assert_eq!(err.code, ErrorCode::LevelsFileInvalid);
        assert_eq!(
            err.message,
            "lv.csv: row 2, column indicator: '48' is not an indicator number 1-47; \
             row 3, column level: '9' is not a level 1-5; \
             row 4, column level: 'x' is not a level 1-5"
        );
        let err = levels_from_csv(text, "lv.csv", None, Language::Indonesian).unwrap_err();
        assert_eq!(
            err.message,
            "lv.csv: baris 2, kolom indicator: '48' bukan nomor indikator 1-47; \
             baris 3, kolom level: '9' bukan tingkat 1-5; \
             baris 4, kolom level: 'x' bukan tingkat 1-5"
        );
        let err = levels_from_csv("1,3\n", "lv.csv", None, Language::Indonesian).unwrap_err();
        assert_eq!(
            err.message,
            "lv.csv: baris 1: judulnya harus `indicator,level`, bukan `1,3`"
        );
        let twice = "indicator,level\n1,3\n1,4\n";
        let err = levels_from_csv(twice, "lv.csv", None, Language::Indonesian).unwrap_err();
        assert_eq!(err.message, "lv.csv: baris 3: indikator 1 muncul dua kali");
    }
}
