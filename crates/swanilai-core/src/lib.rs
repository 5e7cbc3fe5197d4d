//! Pure domain of Swanilai SPBE.
//!
//! Holds the framework catalog (domains, aspects, indicators, criteria versions, rating
//! bands) with its validation, the maturity [`Level`], and the index engine that rolls
//! indicator levels (or decimal values) up into aspect, domain and overall indices with
//! exact arithmetic, and the evidence items (butir) with their level gate.
//! No IO, no clock, no SQL: everything comes in as values.

#![warn(missing_docs)]

pub mod builtin;
pub mod butir;
pub mod catalog;
pub mod index;
pub mod language;
pub mod level;
pub mod levels_file;
pub mod merge;
pub mod plan;
pub mod score;
pub mod stage;
pub mod stage_file;
pub mod value;
pub mod workflow;

pub use catalog::{
    Aspect, Catalog, CatalogError, CatalogProblem, CriteriaVersion, Domain, Indicator,
    IndicatorCriteria, LevelCriteria, LevelKind, RatingBand,
};
pub use catalog::{BandBoundary, Butir, ExternalIndex, ProgramWords, Scoring, ValueKind};
pub use index::{compute_index, compute_index_values, effective_values, GroupIndex, IndexReport};
pub use language::Language;
pub use level::{Level, LevelError};
pub use score::Score;
pub use stage::{Stage, UnknownStage};
pub use value::{Value, ValueError};
