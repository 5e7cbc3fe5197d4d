//! The printable documents: Berita Acara Penilaian Mandiri and Pernyataan Persetujuan
//! Publikasi, filled from the assessment and rendered by swanilai-report.

use std::path::Path;

use swanilai_core::workflow::Role;
use swanilai_report::{DocumentData, GroupLine, Person, Program, TeamLine};
use swanilai_store::accounts;

use crate::Year;
use crate::{App, AppError, AppResult, ErrorCode, GroupIndexDto};

/// Which printable document to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Berita Acara Penilaian Mandiri: the signed record of the self-assessment, its team and
    /// its index.
    BeritaAcara,
    /// Pernyataan Persetujuan Publikasi: the instansi's consent to publish the results.
    PersetujuanPublikasi,
}

impl App {
    /// Render a document of an assessment as PDF bytes. `date` (YYYY-MM-DD) is the signing
    /// date; today when left out.
    pub fn document(
        &mut self,
        year: impl Into<Year>,
        kind: DocumentKind,
        date: Option<&str>,
    ) -> AppResult<Vec<u8>> {
        let a = self.assessment(year)?;
        let inst = self.require_instansi()?;
        let idx = self.index(Some(a.year))?;
        let info = self.assessment_info(Some(a.year))?;
        let date_text = date
            .map(str::to_owned)
            .unwrap_or_else(|| self.clock.today());
        let d = chrono::NaiveDate::parse_from_str(date_text.trim(), "%Y-%m-%d").map_err(|_| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("date '{date_text}' is not a date like 2026-11-23"),
            )
        })?;
        use chrono::Datelike;
        let team = accounts::team(self.store.conn(), a.id)?;
        let person = |role: Role| {
            team.iter()
                .find(|(_, r)| *r == role)
                .map(|(acc, _)| Person {
                    name: acc.name.clone(),
                    nip: acc.nip.clone(),
                    title: role.title_id().to_owned(),
                })
        };
        let catalog = self.catalog_of(&a)?;
        let program = program_of(&catalog);
        let coordinator_title = |title: &str| {
            // The role's SPBE title in a framework that names its coordinator otherwise.
            if title == Role::Koordinator.title_id() {
                program.coordinator.clone()
            } else {
                title.to_owned()
            }
        };
        let coordinator = coordinator_of(&team, &inst, &program);
        let data = DocumentData {
            instansi: inst.name.clone(),
            instansi_kind: inst.kind.as_str().to_owned(),
            address: inst.address.clone(),
            audit_head: swanilai_store::audit::head_fingerprint(self.store.conn())?,
            year: a.year,
            date: (d.year(), d.month(), d.day()),
            place: place_of(&inst.name),
            coordinator,
            supervisor: person(Role::Supervisor),
            team: team
                .iter()
                .map(|(acc, role)| TeamLine {
                    name: acc.name.clone(),
                    nip: acc.nip.clone(),
                    role: coordinator_title(role.title_id()),
                    unit: acc.unit.clone(),
                })
                .collect(),
            index_name: idx.index_name.clone(),
            index_text: idx.index_text.clone(),
            rating: idx.rating.clone(),
            answered: idx.answered,
            total: idx.total,
            domains: idx.domains.iter().map(group_line).collect(),
            aspects: idx.aspects.iter().map(group_line).collect(),
            framework_title: short_title(&info.framework_title),
            meterai: false,
            program: program.clone(),
        };
        Ok(match kind {
            DocumentKind::BeritaAcara => swanilai_report::berita_acara(&data),
            DocumentKind::PersetujuanPublikasi => swanilai_report::persetujuan_publikasi(&data),
        })
    }

    /// Render a document and write it to `out` (atomically: an interrupted write leaves
    /// nothing under `out`).
    pub fn write_document(
        &mut self,
        year: impl Into<Year>,
        kind: DocumentKind,
        date: Option<&str>,
        out: &Path,
    ) -> AppResult<()> {
        let bytes = self.document(year, kind, date)?;
        crate::files::write_bytes_atomically(out, &bytes)
    }
}

/// The words of the programme the framework assesses (SPBE unless the catalog says).
pub(crate) fn program_of(catalog: &swanilai_core::Catalog) -> Program {
    catalog
        .framework()
        .program
        .as_ref()
        .map(|p| Program {
            short: p.short.clone(),
            heading: p.heading.clone(),
            long: p.long.clone(),
            coordinator: p.coordinator.clone(),
        })
        .unwrap_or_default()
}

/// Who signs as the Koordinator: the account with that role, else the profile's name,
/// titled as the framework names its coordinator.
pub(crate) fn coordinator_of(
    team: &[(swanilai_store::accounts::AccountRow, Role)],
    inst: &crate::InstansiDto,
    program: &Program,
) -> Person {
    team.iter()
        .find(|(_, r)| *r == Role::Koordinator)
        .map(|(acc, _)| Person {
            name: acc.name.clone(),
            nip: acc.nip.clone(),
            title: program.coordinator.clone(),
        })
        .unwrap_or_else(|| Person {
            name: inst.coordinator_name.clone(),
            nip: inst.coordinator_nip.clone(),
            title: program.coordinator.clone(),
        })
}

pub(crate) fn group_line(g: &GroupIndexDto) -> GroupLine {
    GroupLine {
        number: g.number,
        name: g.name.clone(),
        index_text: g.index_text.clone(),
        rating: g.rating.clone(),
    }
}

/// "Pemerintah Kabupaten Sukamaju" -> "Sukamaju" (the place line of a signature).
pub(crate) fn place_of(instansi: &str) -> String {
    let lower = instansi.to_lowercase();
    for prefix in [
        "pemerintah kabupaten ",
        "pemerintah kota ",
        "pemerintah provinsi ",
        "kabupaten ",
        "kota ",
        "provinsi ",
    ] {
        if lower.starts_with(prefix) {
            return instansi[prefix.len()..].trim().to_owned();
        }
    }
    "Jakarta".to_owned()
}

fn short_title(title: &str) -> String {
    if title.contains("Nomor 59 Tahun 2020") {
        "Peraturan Menteri PANRB Nomor 59 Tahun 2020".to_owned()
    } else {
        title.to_owned()
    }
}
