//! The index of an assessment, and the pure calculation from a levels file.

use std::collections::BTreeMap;

use swanilai_core::levels_file::{parse_levels, parse_values, LevelsProblem};
use swanilai_core::{
    builtin::default_catalog, compute_index, compute_index_values, effective_values, Catalog,
    Level, Value, ValueKind,
};
use swanilai_store::answers;

use crate::settings::Language;
use crate::values::Stored;
use crate::Year;
use crate::{App, AppError, AppResult, ErrorCode, IndexDto};

impl App {
    /// The live index of an assessment (the latest when `year` is None): from the levels
    /// for a framework scored with levels; from the team's decimal values (external-index
    /// indicators from their entered value or default) for one scored with decimals, with
    /// the assessor's index beside it once any assessor value is entered.
    pub fn index(&mut self, year: impl Into<Year>) -> AppResult<IndexDto> {
        let a = self.assessment(year)?;
        let catalog = self.catalog_of(&a)?;
        if catalog.scoring().value == ValueKind::Decimal {
            let stored = Stored::read(self.store.conn(), a.id)?;
            let external = stored.external_values();
            let own = effective_values(&catalog, &stored.scored, &external);
            let mut dto = IndexDto::from_report(
                Some(a.year),
                &catalog,
                &compute_index_values(&catalog, &own),
            );
            if !stored.assessor.is_empty() {
                let theirs = effective_values(&catalog, &stored.assessor, &external);
                let report = compute_index_values(&catalog, &theirs);
                dto.assessor = Some(Box::new(IndexDto::from_report(
                    Some(a.year),
                    &catalog,
                    &report,
                )));
            }
            return Ok(dto);
        }
        let levels: BTreeMap<u32, Level> = answers::list(self.store.conn(), a.id)?
            .into_iter()
            .filter_map(|r| r.level.map(|l| (r.indicator, l)))
            .collect();
        let report = compute_index(&catalog, &levels);
        Ok(IndexDto::from_report(Some(a.year), &catalog, &report))
    }
}

/// Pure calculation: the index of the levels given, with the shipped 59/2020 catalog.
pub fn index_from_levels(levels: &BTreeMap<u32, Level>) -> IndexDto {
    let catalog = default_catalog();
    IndexDto::from_report(None, catalog, &compute_index(catalog, levels))
}

/// Pure calculation: the index of the decimal values given (`indicator,value` file) with a
/// framework scored with decimals; external-index indicators not in the file take their
/// default, those in it their value.
pub fn index_from_values(catalog: &Catalog, values: &BTreeMap<u32, Value>) -> AppResult<IndexDto> {
    if catalog.scoring().value != ValueKind::Decimal {
        return Err(AppError::new(
            ErrorCode::WrongValueKind,
            format!(
                "{} scores whole levels; compute it with `index --levels FILE.csv`",
                catalog.framework().id
            ),
        ));
    }
    let effective = effective_values(catalog, values, values);
    Ok(IndexDto::from_report(
        None,
        catalog,
        &compute_index_values(catalog, &effective),
    ))
}

/// The catalog named for a pure calculation: a shipped framework by id.
pub fn shipped_framework(id: &str) -> AppResult<&'static Catalog> {
    swanilai_core::builtin::builtin(id).ok_or_else(|| {
        let ids: Vec<&str> = swanilai_core::builtin::builtin_catalogs()
            .iter()
            .map(|c| c.framework().id.as_str())
            .collect();
        AppError::new(
            ErrorCode::FrameworkUnknown,
            format!(
                "framework '{id}' is not shipped (shipped: {})",
                ids.join(", ")
            ),
        )
    })
}

/// Parse a levels file ([`swanilai_core::levels_file::parse_levels`]) against `catalog`
/// (the shipped one when None); every bad row is reported in `lang` (the first
/// [`LEVELS_PROBLEMS_SAID`], then a count).
pub fn levels_from_csv(
    text: &str,
    file: &str,
    catalog: Option<&Catalog>,
    lang: Language,
) -> AppResult<BTreeMap<u32, Level>> {
    let catalog = catalog.unwrap_or_else(|| default_catalog());
    parse_levels(text, catalog).map_err(|problems| file_problems(file, &problems, lang))
}

/// Parse a values file (`indicator,value`, [`swanilai_core::levels_file::parse_values`])
/// against `catalog`; every bad row is reported in `lang` as for a levels file.
pub fn values_from_csv(
    text: &str,
    file: &str,
    catalog: &Catalog,
    lang: Language,
) -> AppResult<BTreeMap<u32, Value>> {
    parse_values(text, catalog).map_err(|problems| file_problems(file, &problems, lang))
}

fn file_problems(file: &str, problems: &[LevelsProblem], lang: Language) -> AppError {
    let mut said: Vec<String> = problems
        .iter()
        .take(LEVELS_PROBLEMS_SAID)
        .map(|p| p.message(lang))
        .collect();
    if let Some(more) = problems
        .len()
        .checked_sub(LEVELS_PROBLEMS_SAID)
        .filter(|n| *n > 0)
    {
        said.push(lang.pick(
            format!("dan {more} masalah lain"),
            format!("and {more} more"),
        ));
    }
    AppError::new(
        ErrorCode::LevelsFileInvalid,
        format!("{file}: {}", said.join("; ")),
    )
}

/// How many problems of a levels file its error says in full.
pub const LEVELS_PROBLEMS_SAID: usize = 20;

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
