//! Catalogs shipped inside the binary (assets/catalog/, embedded at compile time).

use std::sync::OnceLock;

use crate::catalog::Catalog;

/// Framework id of PermenPANRB 59/2020, the framework Swanilai ships first.
pub const PERMENPANRB_59_2020: &str = "permenpanrb-59-2020";

/// Framework id of the Indeks Pemerintah Digital (PermenPANRB 8/2026), shipped provisional.
pub const PEMDI_2026: &str = "pemdi-2026";

const SOURCES: &[(&str, &str)] = &[
    (
        PERMENPANRB_59_2020,
        include_str!("../../../assets/catalog/permenpanrb-59-2020.json"),
    ),
    (
        PEMDI_2026,
        include_str!("../../../assets/catalog/pemdi-2026.json"),
    ),
];

/// Every shipped catalog, parsed and validated once.
pub fn builtin_catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(id, text)| {
                Catalog::from_json(text)
                    .unwrap_or_else(|e| panic!("shipped catalog {id} is invalid: {e}"))
            })
            .collect()
    })
}

/// The shipped catalog with this framework id.
pub fn builtin(id: &str) -> Option<&'static Catalog> {
    builtin_catalogs().iter().find(|c| c.framework().id == id)
}

/// The default framework for new assessments.
pub fn default_catalog() -> &'static Catalog {
    builtin(PERMENPANRB_59_2020).expect("59/2020 is shipped")
}

/// The raw JSON text of shipped catalogs, for tests and exports.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    SOURCES
}
