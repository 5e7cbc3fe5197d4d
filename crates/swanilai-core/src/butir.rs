//! Evidence items (butir): the status of each, and the level gate.
//!
//! A framework that judges evidence item by item (Indeks Pemerintah Digital) lists its
//! butir per indicator and level in the catalog ([`crate::catalog::Butir`]). Each gets a
//! status: draft, diunggah (uploaded), diterima (accepted) or revisi (to revise) with a
//! kind (tidak tepat, belum diunggah, otomatis ditolak) and a note.
//!
//! **The level gate:** when a butir of a level is in revisi, the level is rejected, and
//! every butir of the levels above it reads as revisi, otomatis ditolak ("Otomatis ditolak
//! karena tingkat kematangan sebelumnya ditolak"), whatever was stored for it. The stored
//! status is kept, so lifting the rejection below restores what was there.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::catalog::Butir;

/// Where a butir stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ButirStatus {
    /// Nothing uploaded yet.
    #[default]
    Draft,
    /// Evidence uploaded, not yet judged.
    Diunggah,
    /// Accepted by the assessor.
    Diterima,
    /// To revise: see the [`RevisiKind`] and the note.
    Revisi,
}

/// Why a butir is to be revised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RevisiKind {
    /// The evidence does not fit what the butir asks for.
    TidakTepat,
    /// No evidence was uploaded.
    BelumDiunggah,
    /// Rejected because a lower level was rejected (the level gate).
    OtomatisDitolak,
}

impl ButirStatus {
    /// Every status, in workflow order.
    pub const ALL: [ButirStatus; 4] = [
        ButirStatus::Draft,
        ButirStatus::Diunggah,
        ButirStatus::Diterima,
        ButirStatus::Revisi,
    ];
    /// The stored and typed name: "draft", "diunggah", "diterima", "revisi".
    pub fn as_str(self) -> &'static str {
        match self {
            ButirStatus::Draft => "draft",
            ButirStatus::Diunggah => "diunggah",
            ButirStatus::Diterima => "diterima",
            ButirStatus::Revisi => "revisi",
        }
    }
    /// The status named `s` (as [`ButirStatus::as_str`] writes it).
    pub fn parse(s: &str) -> Option<ButirStatus> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl RevisiKind {
    /// Every kind.
    pub const ALL: [RevisiKind; 3] = [
        RevisiKind::TidakTepat,
        RevisiKind::BelumDiunggah,
        RevisiKind::OtomatisDitolak,
    ];
    /// The stored and typed name: "tidak_tepat", "belum_diunggah", "otomatis_ditolak".
    pub fn as_str(self) -> &'static str {
        match self {
            RevisiKind::TidakTepat => "tidak_tepat",
            RevisiKind::BelumDiunggah => "belum_diunggah",
            RevisiKind::OtomatisDitolak => "otomatis_ditolak",
        }
    }
    /// The kind named `s`; "tidak-tepat" and "tidak tepat" read too.
    pub fn parse(s: &str) -> Option<RevisiKind> {
        let s = s.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// As the national application says it: "Tidak tepat", "Belum diunggah", "Otomatis ditolak".
    pub fn label(self) -> &'static str {
        match self {
            RevisiKind::TidakTepat => "Tidak tepat",
            RevisiKind::BelumDiunggah => "Belum diunggah",
            RevisiKind::OtomatisDitolak => "Otomatis ditolak",
        }
    }
}

/// The note the level gate gives a butir it rejects.
pub const GATE_NOTE: &str = "Otomatis ditolak karena tingkat kematangan sebelumnya ditolak";

/// The status of one butir: a kind only with revisi.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ButirState {
    /// Where it stands.
    pub status: ButirStatus,
    /// Why it is to be revised; only with [`ButirStatus::Revisi`].
    pub kind: Option<RevisiKind>,
    /// The assessor's or the team's note.
    pub note: String,
}

/// A status that cannot be: a revisi kind without revisi.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a revisi kind ({kind}) goes only with the status revisi, not {status}")]
pub struct ButirStateError {
    /// The status given.
    pub status: &'static str,
    /// The kind given.
    pub kind: &'static str,
}

impl ButirState {
    /// A state, refusing a revisi kind on any other status.
    pub fn new(
        status: ButirStatus,
        kind: Option<RevisiKind>,
        note: String,
    ) -> Result<ButirState, ButirStateError> {
        match kind {
            Some(k) if status != ButirStatus::Revisi => Err(ButirStateError {
                status: status.as_str(),
                kind: k.as_str(),
            }),
            _ => Ok(ButirState { status, kind, note }),
        }
    }
}

/// One butir of an indicator as it reads after the level gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatedButir<'a> {
    /// The butir from the catalog.
    pub butir: &'a Butir,
    /// What is stored for it (draft when nothing is).
    pub stored: ButirState,
    /// What it reads as: the stored state, or revisi otomatis ditolak above a rejected level.
    pub effective: ButirState,
    /// Whether the gate overrode the stored state.
    pub gated: bool,
}

/// The lowest rejected level of an indicator's butir: the lowest level with a butir in
/// revisi (of a kind other than the gate's own); None when no level is rejected.
pub fn rejected_level(butir: &[&Butir], states: &BTreeMap<String, ButirState>) -> Option<u8> {
    butir
        .iter()
        .filter(|b| {
            states.get(&b.id).is_some_and(|s| {
                s.status == ButirStatus::Revisi && s.kind != Some(RevisiKind::OtomatisDitolak)
            })
        })
        .map(|b| b.level)
        .min()
}

/// Apply the level gate to an indicator's butir (`butir`, from [`crate::Catalog::butir_of`])
/// with their stored states.
pub fn gate<'a>(butir: &[&'a Butir], states: &BTreeMap<String, ButirState>) -> Vec<GatedButir<'a>> {
    let rejected = rejected_level(butir, states);
    butir
        .iter()
        .map(|b| {
            let stored = states.get(&b.id).cloned().unwrap_or_default();
            let gated = rejected.is_some_and(|r| b.level > r);
            let effective = if gated {
                ButirState {
                    status: ButirStatus::Revisi,
                    kind: Some(RevisiKind::OtomatisDitolak),
                    note: GATE_NOTE.to_owned(),
                }
            } else {
                stored.clone()
            };
            GatedButir {
                butir: b,
                stored,
                effective,
                gated,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn items() -> Vec<Butir> {
        [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (5, 1)]
            .iter()
            .map(|&(level, k)| Butir {
                id: format!("GT.I1_L{level}_{k}"),
                indicator: 1,
                level,
                text: "x".into(),
                flags: vec![],
            })
            .collect()
    }

    fn state(status: ButirStatus, kind: Option<RevisiKind>) -> ButirState {
        ButirState::new(status, kind, String::new()).unwrap()
    }

    #[test]
    fn a_rejected_level_rejects_every_butir_above_it() {
        let items = items();
        let refs: Vec<&Butir> = items.iter().collect();
        let mut states = BTreeMap::new();
        states.insert("GT.I1_L1_1".to_owned(), state(ButirStatus::Diterima, None));
        states.insert(
            "GT.I1_L2_1".to_owned(),
            state(ButirStatus::Revisi, Some(RevisiKind::TidakTepat)),
        );
        states.insert("GT.I1_L3_1".to_owned(), state(ButirStatus::Diterima, None));
        let g = gate(&refs, &states);
        let read: Vec<(&str, ButirStatus, bool)> = g
            .iter()
            .map(|x| (x.butir.id.as_str(), x.effective.status, x.gated))
            .collect();
        assert_eq!(
            read,
            [
                ("GT.I1_L1_1", ButirStatus::Diterima, false),
                ("GT.I1_L1_2", ButirStatus::Draft, false),
                ("GT.I1_L2_1", ButirStatus::Revisi, false),
                ("GT.I1_L3_1", ButirStatus::Revisi, true),
                ("GT.I1_L4_1", ButirStatus::Revisi, true),
                ("GT.I1_L5_1", ButirStatus::Revisi, true),
            ]
        );
        assert_eq!(g[3].effective.kind, Some(RevisiKind::OtomatisDitolak));
        assert_eq!(g[3].effective.note, GATE_NOTE);
        assert_eq!(
            g[3].stored.status,
            ButirStatus::Diterima,
            "the stored state is kept"
        );
    }

    #[test]
    fn a_kind_goes_only_with_revisi() {
        assert!(ButirState::new(
            ButirStatus::Diterima,
            Some(RevisiKind::TidakTepat),
            String::new()
        )
        .is_err());
        assert_eq!(
            RevisiKind::parse("tidak tepat"),
            Some(RevisiKind::TidakTepat)
        );
        assert_eq!(ButirStatus::parse("diunggah"), Some(ButirStatus::Diunggah));
        assert_eq!(ButirStatus::parse("uploaded"), None);
    }

    proptest! {
        #[test]
        fn nothing_at_or_below_the_lowest_rejection_is_gated(
            picks in proptest::collection::vec(0usize..4, 6)
        ) {
            let items = items();
            let refs: Vec<&Butir> = items.iter().collect();
            let states: BTreeMap<String, ButirState> = items
                .iter()
                .zip(&picks)
                .map(|(b, &p)| {
                    let s = ButirStatus::ALL[p];
                    let kind = (s == ButirStatus::Revisi).then_some(RevisiKind::TidakTepat);
                    (b.id.clone(), state(s, kind))
                })
                .collect();
            let lowest = rejected_level(&refs, &states);
            for g in gate(&refs, &states) {
                prop_assert_eq!(g.gated, lowest.is_some_and(|r| g.butir.level > r));
                if !g.gated {
                    prop_assert_eq!(&g.effective, &g.stored);
                }
            }
        }
    }
}
