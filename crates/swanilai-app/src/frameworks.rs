//! Frameworks: the shipped catalogs and those loaded from a file into a database.

use std::path::Path;
use std::sync::Arc;

use swanilai_core::builtin::{builtin_catalogs, PERMENPANRB_59_2020};
use swanilai_core::Catalog;
use swanilai_store::frameworks;

use crate::{App, AppError, AppResult, ErrorCode, FrameworkDto};

impl App {
    /// Every framework available: shipped ones and those loaded into this database.
    pub fn frameworks(&mut self) -> AppResult<Vec<FrameworkDto>> {
        let mut out: Vec<FrameworkDto> = builtin_catalogs()
            .iter()
            .map(|c| framework_dto(c, true))
            .collect();
        for (id, version) in frameworks::list(self.store.conn())? {
            if out.iter().any(|f| f.id == id && f.version == version) {
                continue;
            }
            if let Some(row) = frameworks::get(self.store.conn(), &id, &version)? {
                let c = Catalog::from_json(&row.catalog_json)?;
                out.push(framework_dto(&c, false));
            }
        }
        Ok(out)
    }

    /// Load a framework catalog from a file (.json or .xlsx) into this database, so new
    /// assessments can use it without a new release.
    pub fn import_framework(&mut self, path: &Path) -> AppResult<FrameworkDto> {
        let catalog = read_catalog_file(path)?;
        let now = self.clock.now();
        self.store.transaction(|tx, _| {
            if let Some(existing) =
                frameworks::get(tx, &catalog.framework().id, &catalog.framework().version)?
            {
                if existing.catalog_json != catalog.to_json() {
                    return Err(AppError::new(
                        ErrorCode::CatalogInvalid,
                        format!(
                            "{}: framework {} version {} is already in the database with other content; give the file a new version",
                            path.display(),
                            catalog.framework().id,
                            catalog.framework().version
                        ),
                    ));
                }
            }
            frameworks::ensure(
                tx,
                &frameworks::FrameworkRow {
                    id: catalog.framework().id.clone(),
                    version: catalog.framework().version.clone(),
                    catalog_json: catalog.to_json(),
                },
                &now,
            )?;
            Ok(())
        })?;
        Ok(framework_dto(&catalog, false))
    }

    /// A shipped framework by id, else the newest version of one loaded into the database.
    pub(crate) fn find_framework(&mut self, id: Option<&str>) -> AppResult<Arc<Catalog>> {
        let id = id.unwrap_or(PERMENPANRB_59_2020);
        if let Some(c) = builtin_catalogs().iter().find(|c| c.framework().id == id) {
            return Ok(Arc::new(c.clone()));
        }
        let versions: Vec<String> = frameworks::list(self.store.conn())?
            .into_iter()
            .filter(|(i, _)| i == id)
            .map(|(_, v)| v)
            .collect();
        let Some(version) = versions.last() else {
            return Err(AppError::new(
                ErrorCode::FrameworkUnknown,
                format!("framework '{id}' is neither shipped nor loaded; load it with `swanilai catalog load FILE`"),
            ));
        };
        let row = frameworks::get(self.store.conn(), id, version)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::FrameworkUnknown,
                format!("framework '{id}' vanished"),
            )
        })?;
        Ok(Arc::new(Catalog::from_json(&row.catalog_json)?))
    }
}

/// Read and validate a catalog file, JSON or workbook, naming the file in any error.
pub fn read_catalog_file(path: &Path) -> AppResult<Catalog> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        return Ok(swanilai_xlsx::catalog_book::read_catalog(path)?);
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        AppError::new(
            ErrorCode::FileUnreadable,
            format!("cannot read catalog file {}: {e}", path.display()),
        )
    })?;
    Catalog::from_json(&text).map_err(|e| {
        AppError::new(
            ErrorCode::CatalogInvalid,
            format!("{}: {e}", path.display()),
        )
    })
}

/// Validate a catalog file without a database.
pub fn check_catalog_file(path: &Path) -> AppResult<FrameworkDto> {
    read_catalog_file(path).map(|c| framework_dto(&c, false))
}

fn framework_dto(c: &Catalog, builtin: bool) -> FrameworkDto {
    FrameworkDto {
        id: c.framework().id.clone(),
        version: c.framework().version.clone(),
        title: c.framework().title.clone(),
        index_name: c.framework().index_name.clone(),
        domains: c.domains().len() as u32,
        aspects: c.aspects().len() as u32,
        indicators: c.indicators().len() as u32,
        criteria_versions: c.criteria_versions().iter().map(|v| v.id.clone()).collect(),
        builtin,
        provisional: c.is_provisional(),
        value_kind: c.scoring().value.as_str().to_owned(),
        butir: c.butir().len() as u32,
    }
}

/// Write a catalog (a file's, or the shipped 59/2020) as .json or .xlsx.
pub fn export_catalog(from: Option<&Path>, out: &Path) -> AppResult<()> {
    let catalog = match from {
        Some(f) => read_catalog_file(f)?,
        None => swanilai_core::builtin::default_catalog().clone(),
    };
    let is_xlsx = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx && catalog.needs_json() {
        return Err(AppError::new(
            ErrorCode::CatalogInvalid,
            format!(
                "{} {} uses decimal values, butir or external indices, which a catalog workbook does not carry; export it as .json",
                catalog.framework().id,
                catalog.framework().version
            ),
        ));
    }
    let bytes = if is_xlsx {
        swanilai_xlsx::catalog_book::catalog_bytes(&catalog).map_err(|e| e.writing(out))?
    } else {
        (catalog.to_json() + "\n").into_bytes()
    };
    crate::files::write_bytes_atomically(out, &bytes)
}
