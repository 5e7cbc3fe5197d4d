//! Catalog workbooks: a framework catalog laid out as sheets, with the same content as the
//! JSON format of swanilai-core ([`swanilai_core::catalog::CatalogFile`]).
//!
//! Sheets (first row headers named like the JSON fields, one item per row):
//! `Framework` (key/value), `LevelKinds` (one row per kind and level), `RatingBands`
//! (highest first), `Domains` (may be empty), `Aspects`, `Indicators`, `CriteriaVersions`,
//! `Criteria` (one row per version, indicator and level) and `IndicatorNotes` (a version's
//! renamed indicator name, description, assessment rules and evidence examples).
//! [`read_catalog`] validates the result like a JSON catalog and reports every problem
//! with its sheet and row.
//!
//! Empty optional text reads back as absent, and empty level descriptions as none.

use std::path::Path;

use rust_xlsxwriter::{Format, RowNum, Workbook};
use swanilai_core::catalog::CatalogFile;
use swanilai_core::Catalog;

use crate::export::cell::{fail, Built, Cells, Styles};
use crate::layout::TableColumn;
use crate::XlsxError;

mod read;
mod table;
#[cfg(test)]
pub(crate) mod tests;

pub use read::{read_catalog, read_catalog_bytes};

/// A sheet of a catalog workbook: its name and columns.
pub(crate) struct SheetSpec {
    pub name: &'static str,
    pub columns: &'static [TableColumn],
}

const fn c(header: &'static str, width: f64) -> TableColumn {
    TableColumn { header, width }
}

pub(crate) const FRAMEWORK: SheetSpec = SheetSpec {
    name: "Framework",
    columns: &[c("key", 16.0), c("value", 90.0)],
};
pub(crate) const LEVEL_KINDS: SheetSpec = SheetSpec {
    name: "LevelKinds",
    columns: &[
        c("id", 12.0),
        c("level", 6.0),
        c("name", 22.0),
        c("description", 90.0),
    ],
};
pub(crate) const RATING_BANDS: SheetSpec = SheetSpec {
    name: "RatingBands",
    columns: &[c("name", 20.0), c("min", 8.0)],
};
pub(crate) const DOMAINS: SheetSpec = SheetSpec {
    name: "Domains",
    columns: &[
        c("number", 8.0),
        c("code", 8.0),
        c("name", 40.0),
        c("weight_bp", 10.0),
    ],
};
pub(crate) const ASPECTS: SheetSpec = SheetSpec {
    name: "Aspects",
    columns: &[
        c("number", 8.0),
        c("code", 8.0),
        c("domain", 8.0),
        c("name", 40.0),
        c("weight_bp", 10.0),
    ],
};
pub(crate) const INDICATORS: SheetSpec = SheetSpec {
    name: "Indicators",
    columns: &[
        c("number", 8.0),
        c("aspect", 8.0),
        c("name", 50.0),
        c("weight_bp", 10.0),
        c("level_kind", 12.0),
        c("question", 60.0),
        c("nameable", 10.0),
    ],
};
pub(crate) const CRITERIA_VERSIONS: SheetSpec = SheetSpec {
    name: "CriteriaVersions",
    columns: &[c("id", 24.0), c("title", 60.0), c("from_year", 10.0)],
};
pub(crate) const CRITERIA: SheetSpec = SheetSpec {
    name: "Criteria",
    columns: &[
        c("version", 20.0),
        c("indicator", 9.0),
        c("level", 6.0),
        c("criteria", 70.0),
        c("fulfilment", 50.0),
        c("evidence", 50.0),
    ],
};
pub(crate) const INDICATOR_NOTES: SheetSpec = SheetSpec {
    name: "IndicatorNotes",
    columns: &[
        c("version", 20.0),
        c("indicator", 9.0),
        c("name", 40.0),
        c("description", 60.0),
        c("assessment_rules", 50.0),
        c("evidence_examples", 50.0),
    ],
};

/// Keys of the `Framework` sheet.
pub(crate) const FRAMEWORK_KEYS: [&str; 8] = [
    "format",
    "format_version",
    "id",
    "version",
    "title",
    "short_title",
    "index_name",
    "source",
];

/// Write a catalog as a workbook that [`read_catalog`] reads back into an equal catalog.
pub fn write_catalog(catalog: &Catalog, path: &Path) -> Result<(), XlsxError> {
    write_catalog_file(catalog.file(), path)
}

/// A catalog as workbook bytes (what [`write_catalog`] writes).
pub fn catalog_bytes(catalog: &Catalog) -> Result<Vec<u8>, XlsxError> {
    let write_error = |message: String| XlsxError::Write {
        path: std::path::PathBuf::from(format!("{}.xlsx", catalog.framework().id)),
        message,
    };
    let mut workbook = build(catalog.file()).map_err(write_error)?;
    workbook
        .save_to_buffer()
        .map_err(|e| write_error(e.to_string()))
}

/// Write any catalog file, valid or not (tests write invalid ones).
pub(crate) fn write_catalog_file(file: &CatalogFile, path: &Path) -> Result<(), XlsxError> {
    let write_error = |message: String| XlsxError::Write {
        path: path.to_path_buf(),
        message,
    };
    let mut workbook = build(file).map_err(write_error)?;
    workbook.save(path).map_err(|e| write_error(e.to_string()))
}

/// One cell value to write.
enum V<'a> {
    T(&'a str),
    N(f64),
    B(bool),
}

fn build(file: &CatalogFile) -> Built<Workbook> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    let fw = &file.framework;
    let format_version = file.format_version.to_string();
    let values = [
        file.format.as_str(),
        format_version.as_str(),
        &fw.id,
        &fw.version,
        &fw.title,
        &fw.short_title,
        &fw.index_name,
        &fw.source,
    ];
    let rows = FRAMEWORK_KEYS
        .iter()
        .zip(values)
        .map(|(k, v)| match *k {
            "format_version" => vec![V::T(k), V::N(f64::from(file.format_version))],
            _ => vec![V::T(k), V::T(v)],
        })
        .collect();
    table(&mut wb, &FRAMEWORK, rows, &s)?;

    let mut rows = Vec::new();
    for k in &file.level_kinds {
        for i in 0..k.names.len().max(k.descriptions.len()) {
            rows.push(vec![
                V::T(&k.id),
                V::N((i + 1) as f64),
                V::T(k.names.get(i).map_or("", String::as_str)),
                V::T(k.descriptions.get(i).map_or("", String::as_str)),
            ]);
        }
    }
    table(&mut wb, &LEVEL_KINDS, rows, &s)?;

    let rows = file
        .rating_bands
        .iter()
        .map(|b| vec![V::T(&b.name), V::T(b.min.as_deref().unwrap_or(""))])
        .collect();
    table(&mut wb, &RATING_BANDS, rows, &s)?;

    let rows = file
        .domains
        .iter()
        .map(|d| {
            vec![
                num(d.number),
                V::T(&d.code),
                V::T(&d.name),
                num(d.weight_bp),
            ]
        })
        .collect();
    table(&mut wb, &DOMAINS, rows, &s)?;

    let rows = file
        .aspects
        .iter()
        .map(|a| {
            let domain = a.domain.map_or(V::T(""), num);
            vec![
                num(a.number),
                V::T(&a.code),
                domain,
                V::T(&a.name),
                num(a.weight_bp),
            ]
        })
        .collect();
    table(&mut wb, &ASPECTS, rows, &s)?;

    let rows = file
        .indicators
        .iter()
        .map(|i| {
            vec![
                num(i.number),
                num(i.aspect),
                V::T(&i.name),
                num(i.weight_bp),
                V::T(&i.level_kind),
                V::T(&i.question),
                V::B(i.nameable),
            ]
        })
        .collect();
    table(&mut wb, &INDICATORS, rows, &s)?;

    let rows = file
        .criteria_versions
        .iter()
        .map(|v| vec![V::T(&v.id), V::T(&v.title), V::N(f64::from(v.from_year))])
        .collect();
    table(&mut wb, &CRITERIA_VERSIONS, rows, &s)?;

    let (mut criteria, mut notes) = (Vec::new(), Vec::new());
    for v in &file.criteria_versions {
        for ic in &v.indicators {
            for (l, lc) in ic.levels.iter().enumerate() {
                criteria.push(vec![
                    V::T(&v.id),
                    num(ic.number),
                    V::N((l + 1) as f64),
                    V::T(&lc.criteria),
                    V::T(lc.fulfilment.as_deref().unwrap_or("")),
                    V::T(lc.evidence.as_deref().unwrap_or("")),
                ]);
            }
            let texts = [
                &ic.name,
                &ic.description,
                &ic.assessment_rules,
                &ic.evidence_examples,
            ];
            if texts.iter().any(|t| t.is_some()) {
                let mut row = vec![V::T(&v.id), num(ic.number)];
                row.extend(texts.map(|t| V::T(t.as_deref().unwrap_or(""))));
                notes.push(row);
            }
        }
    }
    table(&mut wb, &CRITERIA, criteria, &s)?;
    table(&mut wb, &INDICATOR_NOTES, notes, &s)?;
    Ok(wb)
}

fn num<'a>(n: u32) -> V<'a> {
    V::N(f64::from(n))
}

/// A sheet with a frozen header row and one row per item.
fn table(wb: &mut Workbook, spec: &SheetSpec, rows: Vec<Vec<V<'_>>>, s: &Styles) -> Built<()> {
    let mut w = Cells::new(wb.add_worksheet(), spec.name)?;
    w.widths(spec.columns)?;
    let headers: Vec<&str> = spec.columns.iter().map(|c| c.header).collect();
    w.header(0, &headers, &s.header)?;
    let text = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for (r, cells) in rows.iter().enumerate() {
        let row = RowNum::try_from(r + 1).map_err(|e| fail(spec.name, "row", e))?;
        for (col, v) in (0u16..).zip(cells) {
            match v {
                V::T(t) => w.text(row, col, t, &text)?,
                V::N(n) => w.number(row, col, *n, &text)?,
                V::B(b) => {
                    w.ws.write_boolean_with_format(row, col, *b, &text)
                        .map_err(|e| fail(spec.name, "boolean", e))?;
                }
            }
        }
    }
    w.ws.set_freeze_panes(1, 0)
        .map_err(|e| fail(spec.name, "freeze panes", e))?;
    Ok(())
}
