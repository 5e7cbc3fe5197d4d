//! The index of an assessment, and the pure calculation from a levels file.

use std::collections::BTreeMap;

use swanilai_core::{builtin::default_catalog, compute_index, Catalog, Level};
use swanilai_store::answers;

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
/// Indonesian locales writes `;`) and a UTF-8 byte order mark. Every bad row is reported.
pub fn levels_from_csv(
    text: &str,
    file: &str,
    catalog: Option<&Catalog>,
) -> AppResult<BTreeMap<u32, Level>> {
    let catalog = catalog.unwrap_or_else(|| default_catalog());
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let bad = |msg: String| AppError::new(ErrorCode::LevelsFileInvalid, msg);
    let Some((_, header)) = lines.next() else {
        return Err(bad(format!(
            "{file}: the file is empty; expected a header `indicator,level`"
        )));
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
        return Err(bad(format!(
            "{file} row 1: expected the header `indicator,level`, found `{}`",
            header.trim()
        )));
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
            problems.push(format!(
                "row {row}, column indicator: '{number}' is not an indicator number 1-{}",
                catalog.indicators().len()
            ));
            continue;
        };
        let value = cells.get(1).copied().unwrap_or("");
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>().ok().map(Level::new) {
            Some(Ok(level)) => {
                if levels.insert(ind.number, level).is_some() {
                    problems.push(format!("row {row}: indicator {} appears twice", ind.number));
                }
            }
            _ => problems.push(format!(
                "row {row}, column level: '{value}' is not a level 1-5"
            )),
        }
    }
    if problems.is_empty() {
        Ok(levels)
    } else {
        Err(bad(format!("{file}: {}", problems.join("; "))))
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
        )
        .unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[&1].get(), 3);
        assert_eq!(l[&47].get(), 5);
    }

    #[test]
    fn reports_every_bad_row() {
        let err = levels_from_csv("indicator,level\n48,3\n1,9\n2,x\n", "lv.csv", None).unwrap_err();
        assert_eq!(err.code, ErrorCode::LevelsFileInvalid);
        for part in ["lv.csv", "row 2", "'48'", "row 3", "'9'", "row 4", "'x'"] {
            assert!(
                err.message.contains(part),
                "{part} missing in: {}",
                err.message
            );
        }
    }
}
