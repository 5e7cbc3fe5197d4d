//! Reading a catalog workbook back into a validated [`Catalog`].
//!
//! Two stages: cells are parsed into a [`CatalogFile`] (a cell that is not what its column
//! needs is a problem with sheet, row and column), then [`Catalog::validate`] checks the
//! whole; its problems are mapped back to the sheet and row they came from.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use swanilai_core::catalog::{CatalogFile, FrameworkInfo};
use swanilai_core::{
    Aspect, Catalog, CatalogError, CriteriaVersion, Domain, Indicator, IndicatorCriteria,
    LevelCriteria, LevelKind, RatingBand,
};

use super::table::{Reading, Table};
use super::{ASPECTS, CRITERIA, CRITERIA_VERSIONS, DOMAINS, FRAMEWORK};
use super::{INDICATORS, INDICATOR_NOTES, LEVEL_KINDS, RATING_BANDS};
use crate::import::grid::{self, whole, Book, Whole};
use crate::XlsxError;

/// Read a catalog workbook written by [`super::write_catalog`] (or edited by a person).
pub fn read_catalog(path: &Path) -> Result<Catalog, XlsxError> {
    let mut book = grid::open(path)?;
    read_book(&mut book, path)
}

/// [`read_catalog`] of a workbook held in memory (`name` only names it in errors).
pub fn read_catalog_bytes(bytes: Vec<u8>, name: &Path) -> Result<Catalog, XlsxError> {
    let mut book = grid::open_bytes(bytes, name)?;
    read_book(&mut book, name)
}

fn read_book(book: &mut Book, path: &Path) -> Result<Catalog, XlsxError> {
    let mut r = Reading::default();
    let file = r.file(book, path)?;
    if !r.problems.is_empty() {
        return Err(catalog_error(path, &r.problems));
    }
    Catalog::validate(file).map_err(|e| match e {
        CatalogError::Invalid(problems) => {
            let listed: Vec<String> = problems
                .iter()
                .map(|p| match r.places.locate(&p.path) {
                    Some(place) => format!("{place} ({}): {}", p.path, p.message),
                    None => format!("{}: {}", p.path, p.message),
                })
                .collect();
            catalog_error(path, &listed)
        }
        CatalogError::Syntax(message) => catalog_error(path, &[message]),
    })
}

fn catalog_error(path: &Path, problems: &[String]) -> XlsxError {
    XlsxError::Catalog {
        path: path.to_path_buf(),
        message: format!("{} problem(s): {}", problems.len(), problems.join("; ")),
    }
}

/// A row of `LevelKinds`: level number, name, description.
type KindLevel = (u32, String, String);
/// A row of `Criteria`: level number, 0-based row, the criteria.
type NumberedLevel = (u32, u32, LevelCriteria);

impl Reading {
    fn file(&mut self, book: &mut Book, path: &Path) -> Result<CatalogFile, XlsxError> {
        let framework = Table::required(book, &FRAMEWORK, path)?;
        let level_kinds = Table::required(book, &LEVEL_KINDS, path)?;
        let bands = Table::required(book, &RATING_BANDS, path)?;
        let domains = Table::open(book, &DOMAINS, path)?;
        let aspects = Table::required(book, &ASPECTS, path)?;
        let indicators = Table::required(book, &INDICATORS, path)?;
        let versions = Table::required(book, &CRITERIA_VERSIONS, path)?;
        let criteria = Table::required(book, &CRITERIA, path)?;
        let notes = Table::open(book, &INDICATOR_NOTES, path)?;
        let tables = [
            &framework,
            &level_kinds,
            &bands,
            &aspects,
            &indicators,
            &versions,
        ];
        for t in tables.into_iter().chain([&criteria]) {
            self.check_cut(t);
        }
        for t in domains.iter().chain(notes.iter()) {
            self.check_cut(t);
        }

        let (format, format_version, framework) = self.framework(&framework);
        Ok(CatalogFile {
            format,
            format_version,
            framework,
            level_kinds: self.level_kinds(&level_kinds),
            rating_bands: self.rating_bands(&bands),
            domains: domains.map(|t| self.domains(&t)).unwrap_or_default(),
            aspects: self.aspects(&aspects),
            indicators: self.indicators(&indicators),
            criteria_versions: self.criteria_versions(&versions, &criteria, notes.as_ref()),
            // Not carried by the catalog workbook: a framework that needs them is a JSON file.
            scoring: Default::default(),
            butir: Vec::new(),
        })
    }

    fn framework(&mut self, t: &Table) -> (String, u32, FrameworkInfo) {
        let mut values: BTreeMap<String, String> = BTreeMap::new();
        for row in t.rows() {
            let key = self.text(t, row, 0).trim().to_owned();
            let value = self.text(t, row, 1);
            if values.insert(key.clone(), value).is_some() {
                self.problem(t, row, 0, format!("the key '{key}' is listed twice"));
            }
        }
        let get = |key: &str| values.get(key).cloned().unwrap_or_default();
        for key in [
            "format",
            "format_version",
            "id",
            "version",
            "title",
            "index_name",
        ] {
            if get(key).trim().is_empty() {
                self.problems.push(format!(
                    "sheet '{}': the key '{key}' needs a value",
                    t.spec.name
                ));
            }
        }
        let version_text = get("format_version");
        let format_version = match whole(&Data::String(version_text.clone())) {
            Whole::Number(n) => u32::try_from(n).unwrap_or(0),
            _ => {
                if !version_text.trim().is_empty() {
                    self.problems.push(format!(
                        "sheet '{}': format_version '{version_text}' is not a whole number",
                        t.spec.name
                    ));
                }
                0
            }
        };
        let info = FrameworkInfo {
            id: get("id"),
            version: get("version"),
            title: get("title"),
            short_title: get("short_title"),
            index_name: get("index_name"),
            source: get("source"),
            provisional: false,
            status_note: String::new(),
            program: None,
        };
        (get("format"), format_version, info)
    }

    fn level_kinds(&mut self, t: &Table) -> Vec<LevelKind> {
        let mut kinds: Vec<(LevelKind, Vec<KindLevel>)> = Vec::new();
        for row in t.rows() {
            let id = self.text(t, row, 0);
            let level = self.u32(t, row, 1);
            let name = self.text(t, row, 2);
            let description = self.text(t, row, 3);
            let at = match kinds.iter().position(|(k, _)| k.id == id) {
                Some(at) => at,
                None => {
                    self.places.level_kinds.push(t.place(row));
                    let kind = LevelKind {
                        id,
                        names: Vec::new(),
                        descriptions: Vec::new(),
                    };
                    kinds.push((kind, Vec::new()));
                    kinds.len() - 1
                }
            };
            kinds[at].1.push((level, name, description));
        }
        kinds
            .into_iter()
            .map(|(mut kind, mut levels)| {
                levels.sort_by_key(|(l, _, _)| *l);
                kind.names = levels.iter().map(|(_, n, _)| n.clone()).collect();
                if levels.iter().any(|(_, _, d)| !d.is_empty()) {
                    kind.descriptions = levels.into_iter().map(|(_, _, d)| d).collect();
                }
                kind
            })
            .collect()
    }

    fn rating_bands(&mut self, t: &Table) -> Vec<RatingBand> {
        t.rows()
            .into_iter()
            .map(|row| {
                self.places.rating_bands.push(t.place(row));
                RatingBand {
                    name: self.text(t, row, 0),
                    min: self.opt_text(t, row, 1).map(|m| m.trim().to_owned()),
                    label: None,
                }
            })
            .collect()
    }

    fn domains(&mut self, t: &Table) -> Vec<Domain> {
        t.rows()
            .into_iter()
            .map(|row| {
                self.places.domains.push(t.place(row));
                Domain {
                    number: self.u32(t, row, 0),
                    code: self.text(t, row, 1),
                    name: self.text(t, row, 2),
                    weight_bp: self.u32(t, row, 3),
                }
            })
            .collect()
    }

    fn aspects(&mut self, t: &Table) -> Vec<Aspect> {
        t.rows()
            .into_iter()
            .map(|row| {
                self.places.aspects.push(t.place(row));
                Aspect {
                    number: self.u32(t, row, 0),
                    code: self.text(t, row, 1),
                    domain: self.opt_u32(t, row, 2),
                    name: self.text(t, row, 3),
                    weight_bp: self.u32(t, row, 4),
                    name_variants: Vec::new(),
                }
            })
            .collect()
    }

    fn indicators(&mut self, t: &Table) -> Vec<Indicator> {
        t.rows()
            .into_iter()
            .map(|row| {
                self.places.indicators.push(t.place(row));
                Indicator {
                    number: self.u32(t, row, 0),
                    aspect: self.u32(t, row, 1),
                    name: self.text(t, row, 2),
                    weight_bp: self.u32(t, row, 3),
                    level_kind: self.text(t, row, 4),
                    question: self.text(t, row, 5),
                    nameable: self.flag(t, row, 6),
                    name_variants: Vec::new(),
                    external_index: None,
                }
            })
            .collect()
    }

    fn criteria_versions(
        &mut self,
        versions: &Table,
        criteria: &Table,
        notes: Option<&Table>,
    ) -> Vec<CriteriaVersion> {
        let mut out = Vec::new();
        for row in versions.rows() {
            self.places.criteria_versions.push(versions.place(row));
            self.places.criteria.push(Vec::new());
            out.push(CriteriaVersion {
                id: self.text(versions, row, 0),
                title: self.text(versions, row, 1),
                from_year: self.year(versions, row, 2),
                indicators: Vec::new(),
            });
        }
        // (version position, indicator position) -> levels with their numbers and rows
        let mut levels: Vec<Vec<Vec<NumberedLevel>>> = vec![Vec::new(); out.len()];
        for row in criteria.rows() {
            let Some((v, j)) = self.entry(&mut out, criteria, row, &mut levels) else {
                continue;
            };
            let level = self.u32(criteria, row, 2);
            let lc = LevelCriteria {
                criteria: self.text(criteria, row, 3),
                fulfilment: self.opt_text(criteria, row, 4),
                evidence: self.opt_text(criteria, row, 5),
            };
            levels[v][j].push((level, row, lc));
        }
        if let Some(t) = notes {
            for row in t.rows() {
                let Some((v, j)) = self.entry(&mut out, t, row, &mut levels) else {
                    continue;
                };
                let name = self.opt_text(t, row, 2);
                let description = self.opt_text(t, row, 3);
                let assessment_rules = self.opt_text(t, row, 4);
                let evidence_examples = self.opt_text(t, row, 5);
                let ic = &mut out[v].indicators[j];
                ic.name = name;
                ic.description = description;
                ic.assessment_rules = assessment_rules;
                ic.evidence_examples = evidence_examples;
            }
        }
        for (v, per_indicator) in levels.into_iter().enumerate() {
            for (j, mut list) in per_indicator.into_iter().enumerate() {
                list.sort_by_key(|(l, _, _)| *l);
                for (k, (level, row, _)) in list.iter().enumerate() {
                    if *level as usize != k + 1 {
                        self.problem(
                            criteria,
                            *row,
                            2,
                            format!("level {level} is out of sequence; number the levels 1 to 5"),
                        );
                    }
                }
                out[v].indicators[j].levels = list.into_iter().map(|(_, _, lc)| lc).collect();
            }
        }
        out
    }

    /// The (version, indicator) entry a Criteria or IndicatorNotes row belongs to, created
    /// on first sight; `None` (with a problem) for an unknown version.
    fn entry(
        &mut self,
        out: &mut [CriteriaVersion],
        t: &Table,
        row: u32,
        levels: &mut [Vec<Vec<NumberedLevel>>],
    ) -> Option<(usize, usize)> {
        let id = self.text(t, row, 0);
        let number = self.u32(t, row, 1);
        let Some(v) = out.iter().position(|cv| cv.id == id) else {
            let message = format!("'{id}' is not listed in sheet '{}'", CRITERIA_VERSIONS.name);
            self.problem(t, row, 0, message);
            return None;
        };
        let list = &mut out[v].indicators;
        let j = match list.iter().position(|ic| ic.number == number) {
            Some(j) => j,
            None => {
                list.push(IndicatorCriteria {
                    number,
                    name: None,
                    description: None,
                    assessment_rules: None,
                    evidence_examples: None,
                    levels: Vec::new(),
                });
                levels[v].push(Vec::new());
                self.places.criteria[v].push(t.place(row));
                list.len() - 1
            }
        };
        Some((v, j))
    }
}
