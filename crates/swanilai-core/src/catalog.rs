//! The framework catalog: what is assessed, with which weights, against which criteria.
//!
//! A catalog is data (JSON, or the same content as a workbook through swanilai-xlsx), so a
//! new framework is a file, not a release. [`CatalogFile`] is the serialised shape; a
//! [`Catalog`] is a `CatalogFile` that passed [`Catalog::validate`], which reports every
//! problem found, not just the first.
//!
//! Weights are basis points (hundredths of a percent): 59/2020's 1,30 % is `130`, and the
//! whole framework sums to `10000`.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::level::Level;

mod scoring;
pub use scoring::{BandBoundary, Butir, ExternalIndex, ProgramWords, Scoring, ValueKind};

/// The `format` tag every catalog file carries ("swanilai-catalog"); any other value is refused.
pub const FORMAT: &str = "swanilai-catalog";
/// The catalog file format version this build reads; another `format_version` is refused.
pub const FORMAT_VERSION: u32 = 1;
/// What the indicator weights of a framework must add up to: 10 000 basis points, i.e. 100 %.
pub const TOTAL_WEIGHT_BP: u32 = 10_000;

/// A catalog as serialised (JSON, or the same content read from a catalog workbook), not yet
/// validated; [`Catalog::validate`] turns it into a [`Catalog`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogFile {
    /// Always [`FORMAT`] ("swanilai-catalog"): tells a catalog file from any other JSON.
    pub format: String,
    /// The file format version; must equal [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Which framework this is: id, version, titles and the name of its index.
    pub framework: FrameworkInfo,
    /// The level naming schemes its indicators use ("process", "service"), five names each.
    pub level_kinds: Vec<LevelKind>,
    /// The predikat bands, highest first (59/2020: Memuaskan from 4.20 down to Kurang).
    pub rating_bands: Vec<RatingBand>,
    /// Empty for frameworks without a domain layer.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The aspects (aspek), 8 in 59/2020, each with its weight.
    pub aspects: Vec<Aspect>,
    /// The indicators (indikator) that are scored, 47 in 59/2020, in catalog order.
    pub indicators: Vec<Indicator>,
    /// The versions of the criteria text by starting year (the 59/2020 Kuesioner from 2021,
    /// Pedoman 3/2024 from 2024); at least one.
    pub criteria_versions: Vec<CriteriaVersion>,
    /// How indicators are scored and how a value on a band edge is rated; left out of the
    /// file for the defaults (whole levels, band minimum inclusive), as in 59/2020.
    #[serde(default, skip_serializing_if = "Scoring::is_default")]
    pub scoring: Scoring,
    /// The evidence items (butir) each level of an indicator asks for; empty in 59/2020.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub butir: Vec<Butir>,
}

/// Identifies a framework and names it for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkInfo {
    /// Stable id of the framework, recorded with every assessment: "permenpanrb-59-2020".
    pub id: String,
    /// Version of this catalog's content ("2020.1"); changed content is loaded into a database
    /// only under a new version.
    pub version: String,
    /// Full title of the regulation: "Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang ...".
    pub title: String,
    /// Short name used in messages: "PermenPANRB 59/2020"; empty when the file leaves it out.
    #[serde(default)]
    pub short_title: String,
    /// What the overall index is called: "Indeks SPBE", "Indeks Pemerintah Digital".
    pub index_name: String,
    /// Where the regulation was published ("Berita Negara Republik Indonesia Tahun 2020 Nomor
    /// 994"); empty when the file leaves it out.
    #[serde(default)]
    pub source: String,
    /// The content is not verified against the official text: every place that shows or
    /// exports it says "provisional" (sementara).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// Why it is provisional and what governs instead; empty when the file leaves it out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status_note: String,
    /// The words documents use for the programme assessed; None: SPBE's (59/2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramWords>,
}

/// The names of the five levels for one kind of indicator (process: Rintisan..Optimum,
/// service: Informasi..Optimum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelKind {
    /// The id indicators name in their `level_kind`: "process" or "service" in 59/2020.
    pub id: String,
    /// The five level names, level 1 first: "Rintisan", "Terkelola", "Terdefinisi", "Terpadu dan
    /// Terukur", "Optimum".
    pub names: Vec<String>,
    /// The regulation's general description of each level, level 1 first; may be empty.
    #[serde(default)]
    pub descriptions: Vec<String>,
}

/// A rating (predikat) band. `min` is the lowest index in the band as a decimal text
/// ("4.20"), inclusive; `None` for the lowest band. A band ends where the next one starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatingBand {
    /// The predikat: "Memuaskan", "Sangat Baik", "Baik", "Cukup" or "Kurang" in 59/2020.
    pub name: String,
    /// Lowest index in the band as decimal text ("4.20"; "4,20" reads too), inclusive; `None`
    /// for the lowest band only.
    pub min: Option<String>,
    /// The maturity label shown beside the predikat ("Berkembang (Developing)"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A domain, the top layer of a framework: 4 in 59/2020, such as D1 "Kebijakan Internal SPBE".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    /// The domain's number (1-4 in 59/2020), which aspects refer to in their `domain`.
    pub number: u32,
    /// The short code shown beside it: "D1".
    pub code: String,
    /// The domain's name: "Kebijakan Internal SPBE".
    pub name: String,
    /// Its bobot in basis points (1300 = 13 %); equals the sum of its aspects' weights.
    pub weight_bp: u32,
}

/// An aspect (aspek), the middle layer of a framework: 8 in 59/2020.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aspect {
    /// The aspect's number (1-8 in 59/2020), which indicators refer to in their `aspect`.
    pub number: u32,
    /// The short code shown beside it: "A1".
    pub code: String,
    /// The domain it belongs to; `None` in frameworks without domains.
    #[serde(default)]
    pub domain: Option<u32>,
    /// The aspect's name: "Kebijakan Internal Tata Kelola SPBE".
    pub name: String,
    /// Its bobot in basis points (1000 = 10 %); equals the sum of its indicators' weights.
    pub weight_bp: u32,
    /// Other wordings of its name found in the sources, when the official one is unconfirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_variants: Vec<String>,
}

/// An indicator (indikator): what the team scores with a maturity level 1-5 (47 in 59/2020).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The indicator's number, unique in the framework (1-47 in 59/2020); answers, evidence and
    /// criteria refer to it.
    pub number: u32,
    /// The number of the aspect it belongs to.
    pub aspect: u32,
    /// The name the framework gives it; a criteria version may rename it
    /// ([`IndicatorCriteria::name`]).
    pub name: String,
    /// Its own bobot in basis points (130 = 1,30 % of the overall index); never zero.
    pub weight_bp: u32,
    /// The id of the [`LevelKind`] that names its levels: "process" (Rintisan..Optimum) or
    /// "service" (Informasi..Optimum).
    pub level_kind: String,
    /// Its question (pertanyaan) in the Kuesioner: "Apakah Instansi Pusat/Pemerintah Daerah
    /// memiliki ...?".
    pub question: String,
    /// The instansi names the service itself (59/2020 indicators 45-47, Layanan Publik Sektor 1-3).
    #[serde(default)]
    pub nameable: bool,
    /// Other wordings of its name found in the sources, when the official one is unconfirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_variants: Vec<String>,
    /// Its value is taken from another agency's index, not scored by the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_index: Option<ExternalIndex>,
}

/// One version of the criteria text, used from `from_year` on until a later version starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaVersion {
    /// Stable id, recorded with every assessment: "permenpanrb-59-2020" or "pedoman-3-2024".
    pub id: String,
    /// Where the text comes from: "Pedoman MenPANRB Nomor 3 Tahun 2024".
    pub title: String,
    /// The first assessment year this version applies to (2021, 2024).
    pub from_year: i32,
    /// The criteria of every indicator of the framework, one entry each.
    pub indicators: Vec<IndicatorCriteria>,
}

/// The criteria of one indicator in one criteria version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCriteria {
    /// The number of the indicator these criteria belong to.
    pub number: u32,
    /// A renamed indicator in this version (the 2024 guideline renamed 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The guideline's description of the indicator (its terms and scope); None where the
    /// version has none, as in the 59/2020 Kuesioner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How the guideline says the indicator is assessed ("Penilaian dilakukan terhadap ...");
    /// None where the version has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_rules: Option<String>,
    /// The guideline's examples of evidence (data dukung) for the indicator; None where the
    /// version has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_examples: Option<String>,
    /// The criteria of the five levels, level 1 first.
    pub levels: Vec<LevelCriteria>,
}

/// The criteria of one level of one indicator in one criteria version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelCriteria {
    /// The level's criteria, word for word.
    pub criteria: String,
    /// The guideline's fulfilment criteria (kriteria pemenuhan level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfilment: Option<String>,
    /// The guideline's evidence criteria (kriteria bukti dukung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One problem found in a catalog, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogProblem {
    /// Where: `indicators[12]`, `aspects[3].weight_bp`, `criteria_versions[1]`.
    pub path: String,
    /// What is wrong there: "duplicate number 7", "must not be empty".
    pub message: String,
}

/// Why a catalog could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    /// The text is not JSON of the catalog's shape; holds the parser's message.
    #[error("catalog is not valid JSON: {0}")]
    Syntax(String),
    /// The file parsed but breaks the catalog's invariants; holds every problem found.
    #[error("catalog has {} problem(s): {}", .0.len(), summarize(.0))]
    Invalid(Vec<CatalogProblem>),
}

fn summarize(problems: &[CatalogProblem]) -> String {
    problems
        .iter()
        .take(5)
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A validated catalog with lookups by number.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    file: CatalogFile,
    /// Parsed band minimums in hundredths, in the file's order (highest first).
    band_mins: Vec<Option<u32>>,
}

impl Catalog {
    /// Parse a catalog from its JSON text and validate it.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile =
            serde_json::from_str(text).map_err(|e| CatalogError::Syntax(e.to_string()))?;
        Catalog::validate(file)
    }

    /// The catalog as pretty-printed JSON: the form stored in the database with an assessment.
    pub fn to_json(&self) -> String {
        // Serialising plain data structs cannot fail.
        serde_json::to_string_pretty(&self.file).unwrap_or_default()
    }

    /// Check every invariant and return the catalog, or every problem found.
    pub fn validate(file: CatalogFile) -> Result<Catalog, CatalogError> {
        let mut p = Problems::default();
        check(&file, &mut p);
        let band_mins: Vec<Option<u32>> = file
            .rating_bands
            .iter()
            .enumerate()
            .map(|(i, b)| match &b.min {
                None => None,
                Some(text) => match parse_hundredths(text) {
                    Some(v) => Some(v),
                    None => {
                        p.push(
                            format!("rating_bands[{i}].min"),
                            format!("'{text}' is not a decimal such as 4.20"),
                        );
                        None
                    }
                },
            })
            .collect();
        check_bands(&file, &band_mins, &mut p);
        scoring::check(&file, &mut p);
        if p.0.is_empty() {
            Ok(Catalog { file, band_mins })
        } else {
            Err(CatalogError::Invalid(p.0))
        }
    }

    /// The catalog's content as read.
    pub fn file(&self) -> &CatalogFile {
        &self.file
    }
    /// Which framework this is.
    pub fn framework(&self) -> &FrameworkInfo {
        &self.file.framework
    }
    /// The domains in catalog order; empty for a framework without domains.
    pub fn domains(&self) -> &[Domain] {
        &self.file.domains
    }
    /// The aspects in catalog order.
    pub fn aspects(&self) -> &[Aspect] {
        &self.file.aspects
    }
    /// Every indicator in catalog order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.file.indicators
    }
    /// Whether the framework has a domain layer (59/2020 has four domains).
    pub fn has_domains(&self) -> bool {
        !self.file.domains.is_empty()
    }
    /// The indicator with this number, if the framework has one.
    pub fn indicator(&self, number: u32) -> Option<&Indicator> {
        self.file.indicators.iter().find(|i| i.number == number)
    }
    /// The aspect with this number, if any.
    pub fn aspect(&self, number: u32) -> Option<&Aspect> {
        self.file.aspects.iter().find(|a| a.number == number)
    }
    /// The domain with this number, if any.
    pub fn domain(&self, number: u32) -> Option<&Domain> {
        self.file.domains.iter().find(|d| d.number == number)
    }
    /// The aspects of one domain, in catalog order.
    pub fn aspects_of(&self, domain: u32) -> impl Iterator<Item = &Aspect> {
        self.file
            .aspects
            .iter()
            .filter(move |a| a.domain == Some(domain))
    }
    /// The indicators of one aspect, in catalog order.
    pub fn indicators_of(&self, aspect: u32) -> impl Iterator<Item = &Indicator> {
        self.file
            .indicators
            .iter()
            .filter(move |i| i.aspect == aspect)
    }
    /// The domain an indicator belongs to, through its aspect.
    pub fn domain_of(&self, indicator: &Indicator) -> Option<&Domain> {
        self.aspect(indicator.aspect)
            .and_then(|a| a.domain)
            .and_then(|d| self.domain(d))
    }
    /// The name of `level` in this indicator's level kind: level 3 of a process indicator is
    /// "Terdefinisi", of a service indicator "Transaksi".
    pub fn level_name(&self, indicator: &Indicator, level: Level) -> &str {
        self.file
            .level_kinds
            .iter()
            .find(|k| k.id == indicator.level_kind)
            .and_then(|k| k.names.get(level.index()))
            .map(String::as_str)
            .unwrap_or("")
    }
    /// Every criteria version, in catalog order.
    pub fn criteria_versions(&self) -> &[CriteriaVersion] {
        &self.file.criteria_versions
    }
    /// The criteria version with this id ("pedoman-3-2024"), if any.
    pub fn criteria_version(&self, id: &str) -> Option<&CriteriaVersion> {
        self.file.criteria_versions.iter().find(|v| v.id == id)
    }
    /// The criteria version in force for an assessment year: the latest that started on
    /// or before it (or the earliest one for years before any version).
    pub fn criteria_version_for_year(&self, year: i32) -> &CriteriaVersion {
        let versions = &self.file.criteria_versions;
        versions
            .iter()
            .filter(|v| v.from_year <= year)
            .max_by_key(|v| v.from_year)
            .or_else(|| versions.iter().min_by_key(|v| v.from_year))
            .expect("a validated catalog has at least one criteria version")
    }
    /// The rating (predikat) band name for an exact index value.
    pub fn rating(&self, score: crate::Score) -> &str {
        for (band, min) in self.file.rating_bands.iter().zip(&self.band_mins) {
            match min {
                None => return &band.name,
                Some(m)
                    if self
                        .file
                        .scoring
                        .band_boundary
                        .holds(score.cmp_hundredths(*m)) =>
                {
                    return &band.name
                }
                Some(_) => {}
            }
        }
        // Validation guarantees a lowest band with no minimum.
        self.file
            .rating_bands
            .last()
            .map(|b| b.name.as_str())
            .unwrap_or("")
    }
    /// The minimum of a predikat band in hundredths, found by its name in any case:
    /// `Some(None)` for the lowest band (no minimum), `None` for no such band.
    pub fn band_minimum(&self, name: &str) -> Option<Option<u32>> {
        self.file
            .rating_bands
            .iter()
            .zip(&self.band_mins)
            .find(|(b, _)| b.name.trim().eq_ignore_ascii_case(name.trim()))
            .map(|(_, m)| *m)
    }

    /// The predikat bands, highest first.
    pub fn rating_bands(&self) -> &[RatingBand] {
        &self.file.rating_bands
    }
}

#[derive(Default)]
struct Problems(Vec<CatalogProblem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(CatalogProblem {
            path: path.into(),
            message: message.into(),
        });
    }
}

/// "4.2" / "4.20" / "4" -> 420.
pub fn parse_hundredths(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() || frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    Some(whole * 100 + frac)
}

fn check(f: &CatalogFile, p: &mut Problems) {
    if f.format != FORMAT {
        p.push(
            "format",
            format!("expected '{FORMAT}', found '{}'", f.format),
        );
    }
    if f.format_version != FORMAT_VERSION {
        p.push(
            "format_version",
            format!(
                "this version of Swanilai reads format version {FORMAT_VERSION}, found {}",
                f.format_version
            ),
        );
    }
    if f.framework.id.trim().is_empty() {
        p.push("framework.id", "must not be empty");
    }
    if f.framework.version.trim().is_empty() {
        p.push("framework.version", "must not be empty");
    }

    let mut kinds = BTreeSet::new();
    for (i, k) in f.level_kinds.iter().enumerate() {
        if !kinds.insert(k.id.as_str()) {
            p.push(
                format!("level_kinds[{i}].id"),
                format!("duplicate level kind '{}'", k.id),
            );
        }
        if k.names.len() != 5 {
            p.push(
                format!("level_kinds[{i}].names"),
                format!("needs 5 level names, found {}", k.names.len()),
            );
        }
    }

    let domain_numbers = unique_numbers(f.domains.iter().map(|d| d.number), "domains", p);
    let aspect_numbers = unique_numbers(f.aspects.iter().map(|a| a.number), "aspects", p);
    unique_numbers(f.indicators.iter().map(|i| i.number), "indicators", p);
    if f.aspects.is_empty() {
        p.push("aspects", "a framework needs at least one aspect");
    }
    if f.indicators.is_empty() {
        p.push("indicators", "a framework needs at least one indicator");
    }

    for (i, a) in f.aspects.iter().enumerate() {
        match (a.domain, f.domains.is_empty()) {
            (Some(d), false) if !domain_numbers.contains(&d) => p.push(
                format!("aspects[{i}].domain"),
                format!("unknown domain {d}"),
            ),
            (None, false) => p.push(
                format!("aspects[{i}].domain"),
                "the framework has domains, so every aspect needs one",
            ),
            (Some(_), true) => p.push(
                format!("aspects[{i}].domain"),
                "the framework has no domains, so aspects take none",
            ),
            _ => {}
        }
        let sum: u32 = f
            .indicators
            .iter()
            .filter(|x| x.aspect == a.number)
            .map(|x| x.weight_bp)
            .sum();
        if sum != a.weight_bp {
            p.push(
                format!("aspects[{i}].weight_bp"),
                format!(
                    "aspect {} weighs {} but its indicators add up to {}",
                    a.number, a.weight_bp, sum
                ),
            );
        }
        if !f.indicators.iter().any(|x| x.aspect == a.number) {
            p.push(
                format!("aspects[{i}]"),
                format!("aspect {} has no indicators", a.number),
            );
        }
    }
    for (i, d) in f.domains.iter().enumerate() {
        let sum: u32 = f
            .aspects
            .iter()
            .filter(|a| a.domain == Some(d.number))
            .map(|a| a.weight_bp)
            .sum();
        if sum != d.weight_bp {
            p.push(
                format!("domains[{i}].weight_bp"),
                format!(
                    "domain {} weighs {} but its aspects add up to {}",
                    d.number, d.weight_bp, sum
                ),
            );
        }
    }
    for (i, x) in f.indicators.iter().enumerate() {
        if !aspect_numbers.contains(&x.aspect) {
            p.push(
                format!("indicators[{i}].aspect"),
                format!("unknown aspect {}", x.aspect),
            );
        }
        if x.weight_bp == 0 {
            p.push(
                format!("indicators[{i}].weight_bp"),
                "weight must be positive",
            );
        }
        if !kinds.contains(x.level_kind.as_str()) {
            p.push(
                format!("indicators[{i}].level_kind"),
                format!("unknown level kind '{}'", x.level_kind),
            );
        }
        if x.name.trim().is_empty() {
            p.push(format!("indicators[{i}].name"), "must not be empty");
        }
    }
    let aspects_total: u32 = f.aspects.iter().map(|a| a.weight_bp).sum();
    if aspects_total != TOTAL_WEIGHT_BP {
        p.push(
            "aspects",
            format!(
                "aspect weights add up to {aspects_total} basis points, not {TOTAL_WEIGHT_BP} (100 %)"
            ),
        );
    }
    let total: u32 = f.indicators.iter().map(|x| x.weight_bp).sum();
    if total != TOTAL_WEIGHT_BP {
        p.push(
            "indicators",
            format!(
                "indicator weights add up to {total} basis points, not {TOTAL_WEIGHT_BP} (100 %)"
            ),
        );
    }

    if f.criteria_versions.is_empty() {
        p.push(
            "criteria_versions",
            "at least one criteria version is needed",
        );
    }
    let mut version_ids = BTreeSet::new();
    let indicator_numbers: BTreeSet<u32> = f.indicators.iter().map(|x| x.number).collect();
    for (v, cv) in f.criteria_versions.iter().enumerate() {
        if !version_ids.insert(cv.id.as_str()) {
            p.push(
                format!("criteria_versions[{v}].id"),
                format!("duplicate id '{}'", cv.id),
            );
        }
        let mut seen = BTreeMap::new();
        for (j, ic) in cv.indicators.iter().enumerate() {
            let path = format!("criteria_versions[{v}].indicators[{j}]");
            if !indicator_numbers.contains(&ic.number) {
                p.push(&path, format!("unknown indicator {}", ic.number));
            }
            if seen.insert(ic.number, j).is_some() {
                p.push(&path, format!("indicator {} listed twice", ic.number));
            }
            if ic.levels.len() != 5 {
                p.push(
                    format!("{path}.levels"),
                    format!(
                        "indicator {} needs 5 levels, found {}",
                        ic.number,
                        ic.levels.len()
                    ),
                );
            }
            for (l, lc) in ic.levels.iter().enumerate() {
                if lc.criteria.trim().is_empty() {
                    p.push(format!("{path}.levels[{l}].criteria"), "must not be empty");
                }
            }
        }
        // A version lists every indicator or none (a framework whose criteria text is not
        // available yet, such as the provisional Indeks Pemerintah Digital).
        for n in indicator_numbers
            .iter()
            .filter(|_| !cv.indicators.is_empty())
        {
            if !seen.contains_key(n) {
                p.push(
                    format!("criteria_versions[{v}]"),
                    format!("'{}' has no criteria for indicator {n}", cv.id),
                );
            }
        }
    }
}

fn check_bands(f: &CatalogFile, mins: &[Option<u32>], p: &mut Problems) {
    if f.rating_bands.is_empty() {
        p.push("rating_bands", "at least one rating band is needed");
        return;
    }
    for (i, w) in mins.windows(2).enumerate() {
        match (w[0], w[1]) {
            (Some(a), Some(b)) if b >= a => p.push(
                format!("rating_bands[{}].min", i + 1),
                "bands must be listed from the highest to the lowest",
            ),
            (None, _) => p.push(
                format!("rating_bands[{i}].min"),
                "only the last (lowest) band may have no minimum",
            ),
            _ => {}
        }
    }
    if mins.last().copied().flatten().is_some_and(|m| m > 100) {
        p.push(
            format!("rating_bands[{}].min", mins.len() - 1),
            "the lowest band must start at or below 1.00 (or have no minimum)",
        );
    }
}

fn unique_numbers(
    numbers: impl Iterator<Item = u32>,
    what: &str,
    p: &mut Problems,
) -> BTreeSet<u32> {
    let mut set = BTreeSet::new();
    for (i, n) in numbers.enumerate() {
        if !set.insert(n) {
            p.push(
                format!("{what}[{i}].number"),
                format!("duplicate number {n}"),
            );
        }
    }
    set
}

#[cfg(test)]
pub(crate) mod tests;
