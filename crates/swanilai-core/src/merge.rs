//! The three-way merge of one indicator's answer, field by field: what the member sent
//! back (theirs) and what the team database holds now (ours), each against what both
//! started from (the base: the answer as it was when the work package was made).
//!
//! Invariants (each held by a test below):
//! - a field only one side changed takes that side's value; nothing else is ever
//!   overwritten: a field both sides changed to different values is a conflict, decided
//!   by a person ([`Take`]), never silently;
//! - merging into a copy nobody touched since the base gives exactly theirs;
//! - merging the result again changes nothing (conflicts decided for theirs);
//! - every field whose value the merge changes is listed in the preview.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::workflow::Status;
use crate::Level;

/// The fields of an answer the merge decides one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The maturity level.
    Level,
    /// The penjelasan.
    Explanation,
    /// The service's name (nameable indicators).
    ServiceName,
    /// The unit kerja or person in charge.
    Owner,
    /// The review status.
    Status,
}

impl Field {
    /// Every field, in the order the preview lists them.
    pub const ALL: [Field; 5] = [
        Field::Level,
        Field::Explanation,
        Field::ServiceName,
        Field::Owner,
        Field::Status,
    ];

    /// The name used by the CLI and the JSON preview.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Level => "level",
            Field::Explanation => "explanation",
            Field::ServiceName => "service_name",
            Field::Owner => "owner",
            Field::Status => "status",
        }
    }
}

/// The mergeable content of one answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerState {
    /// The chosen level, if any.
    pub level: Option<Level>,
    /// The penjelasan.
    pub explanation: String,
    /// The service's name for nameable indicators.
    pub service_name: Option<String>,
    /// The unit kerja or person in charge.
    pub owner: String,
    /// The review status.
    pub status: Status,
}

/// What happened to one field since the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Neither side changed it.
    Unchanged,
    /// Only the member changed it: theirs is taken.
    Theirs,
    /// Only the team database changed it: ours is kept.
    Ours,
    /// Both changed it to the same value.
    Same,
    /// Both changed it to different values: a person decides.
    Conflict,
}

/// How one indicator merges as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The package brings nothing new for it.
    Unchanged,
    /// Only the member's changes, or changes to different fields: applied as they are.
    Clean,
    /// At least one field was changed differently on both sides.
    Conflict,
}

/// A person's decision for a conflicting field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Take {
    /// The member's value.
    Theirs,
    /// The team database's value.
    Ours,
}

/// One field's change, decided from its three values.
pub fn change<T: PartialEq>(base: &T, theirs: &T, ours: &T) -> Change {
    match (theirs != base, ours != base) {
        (false, false) => Change::Unchanged,
        (true, false) => Change::Theirs,
        (false, true) => Change::Ours,
        (true, true) if theirs == ours => Change::Same,
        (true, true) => Change::Conflict,
    }
}

/// Every field's change of one answer.
pub fn changes(
    base: &AnswerState,
    theirs: &AnswerState,
    ours: &AnswerState,
) -> Vec<(Field, Change)> {
    Field::ALL
        .iter()
        .map(|&f| {
            let c = match f {
                Field::Level => change(&base.level, &theirs.level, &ours.level),
                Field::Explanation => {
                    change(&base.explanation, &theirs.explanation, &ours.explanation)
                }
                Field::ServiceName => {
                    change(&base.service_name, &theirs.service_name, &ours.service_name)
                }
                Field::Owner => change(&base.owner, &theirs.owner, &ours.owner),
                Field::Status => change(&base.status, &theirs.status, &ours.status),
            };
            (f, c)
        })
        .collect()
}

/// The indicator's outcome from its fields' changes.
pub fn outcome(changes: &[(Field, Change)]) -> Outcome {
    if changes.iter().any(|(_, c)| *c == Change::Conflict) {
        Outcome::Conflict
    } else if changes.iter().any(|(_, c)| *c == Change::Theirs) {
        Outcome::Clean
    } else {
        Outcome::Unchanged
    }
}

/// The merged answer. A conflicting field takes what `take` says; a conflict `take`
/// leaves undecided is returned as `Err` with the field (nothing is guessed).
pub fn resolve(
    base: &AnswerState,
    theirs: &AnswerState,
    ours: &AnswerState,
    take: impl Fn(Field) -> Option<Take>,
) -> Result<AnswerState, Field> {
    let mut out = ours.clone();
    for (field, c) in changes(base, theirs, ours) {
        let use_theirs = match c {
            Change::Unchanged | Change::Ours => false,
            Change::Theirs | Change::Same => true,
            Change::Conflict => match take(field) {
                Some(Take::Theirs) => true,
                Some(Take::Ours) => false,
                None => return Err(field),
            },
        };
        if use_theirs {
            match field {
                Field::Level => out.level = theirs.level,
                Field::Explanation => out.explanation = theirs.explanation.clone(),
                Field::ServiceName => out.service_name = theirs.service_name.clone(),
                Field::Owner => out.owner = theirs.owner.clone(),
                Field::Status => out.status = theirs.status,
            }
        }
    }
    Ok(out)
}

/// A set (the evidence of an indicator, by content) merged three ways: what the member
/// added is added, what the member removed is removed, unless ours already did the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetChanges<K> {
    /// In theirs, not in the base, not yet in ours.
    pub added: BTreeSet<K>,
    /// In the base and in ours, not in theirs.
    pub removed: BTreeSet<K>,
}

/// What the member's set changes in ours.
pub fn set_changes<K: Ord + Clone>(
    base: &BTreeSet<K>,
    theirs: &BTreeSet<K>,
    ours: &BTreeSet<K>,
) -> SetChanges<K> {
    SetChanges {
        added: theirs
            .difference(base)
            .filter(|k| !ours.contains(*k))
            .cloned()
            .collect(),
        removed: base
            .difference(theirs)
            .filter(|k| ours.contains(*k))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn st(level: Option<i64>, text: &str, status: Status) -> AnswerState {
        AnswerState {
            level: level.and_then(|l| Level::new(l).ok()),
            explanation: text.into(),
            service_name: None,
            owner: String::new(),
            status,
        }
    }

    #[test]
    fn each_field_is_decided_from_its_three_values() {
        // (base, theirs, ours, change)
        let table = [
            (1, 1, 1, Change::Unchanged),
            (1, 2, 1, Change::Theirs),
            (1, 1, 2, Change::Ours),
            (1, 2, 2, Change::Same),
            (1, 2, 3, Change::Conflict),
        ];
        for (b, t, o, want) in table {
            assert_eq!(change(&b, &t, &o), want, "{b} {t} {o}");
        }
    }

    #[test]
    fn an_indicator_is_unchanged_clean_or_in_conflict() {
        let base = st(Some(2), "awal", Status::Draft);
        let only_ours = st(Some(3), "awal", Status::Draft);
        assert_eq!(
            outcome(&changes(&base, &base, &only_ours)),
            Outcome::Unchanged
        );
        let theirs = st(Some(2), "FAKTA baru", Status::Submitted);
        assert_eq!(outcome(&changes(&base, &theirs, &base)), Outcome::Clean);
        // Different fields on each side merge cleanly, each side's change kept.
        let merged = resolve(&base, &theirs, &only_ours, |_| None).unwrap();
        assert_eq!(merged.level, only_ours.level);
        assert_eq!(merged.explanation, "FAKTA baru");
        // The same field changed differently is a conflict, never guessed.
        let other = st(Some(4), "awal", Status::Draft);
        let mine = st(Some(3), "awal", Status::Draft);
        let c = changes(&base, &other, &mine);
        assert_eq!(outcome(&c), Outcome::Conflict);
        assert_eq!(resolve(&base, &other, &mine, |_| None), Err(Field::Level));
        let took = resolve(&base, &other, &mine, |_| Some(Take::Theirs)).unwrap();
        assert_eq!(took.level, other.level);
        let kept = resolve(&base, &other, &mine, |_| Some(Take::Ours)).unwrap();
        assert_eq!(kept, mine);
    }

    #[test]
    fn evidence_added_and_removed_by_the_member_carry_over() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let c = set_changes(&set(&["a", "b"]), &set(&["a", "c"]), &set(&["a", "b", "d"]));
        assert_eq!(c.added, set(&["c"]));
        assert_eq!(c.removed, set(&["b"]));
        // Already done on our side: nothing to do again.
        let again = set_changes(&set(&["a", "b"]), &set(&["a", "c"]), &set(&["a", "c"]));
        assert!(again.added.is_empty() && again.removed.is_empty());
    }

    fn arb_state() -> impl Strategy<Value = AnswerState> {
        (
            proptest::option::of(1i64..=5),
            prop_oneof![Just(""), Just("FAKTA"), Just("ANALISIS")],
            proptest::option::of(prop_oneof![
                Just("Layanan A".to_string()),
                Just("B".to_string())
            ]),
            prop_oneof![Just(""), Just("Diskominfo")],
            prop_oneof![
                Just(Status::Draft),
                Just(Status::Submitted),
                Just(Status::Approved),
                Just(Status::Returned)
            ],
        )
            .prop_map(|(l, e, s, o, st)| AnswerState {
                level: l.and_then(|l| Level::new(l).ok()),
                explanation: e.into(),
                service_name: s,
                owner: o.into(),
                status: st,
            })
    }

    proptest! {
        #[test]
        fn merging_into_an_untouched_copy_gives_theirs(base in arb_state(), theirs in arb_state()) {
            prop_assert_eq!(resolve(&base, &theirs, &base, |_| None), Ok(theirs));
        }

        #[test]
        fn merging_twice_equals_merging_once(base in arb_state(), theirs in arb_state(), ours in arb_state()) {
            let once = resolve(&base, &theirs, &ours, |_| Some(Take::Theirs)).unwrap();
            let twice = resolve(&base, &theirs, &once, |_| Some(Take::Theirs)).unwrap();
            prop_assert_eq!(&twice, &once);
            prop_assert_eq!(outcome(&changes(&base, &theirs, &once)) == Outcome::Conflict, false);
        }

        #[test]
        fn nothing_changes_without_showing_in_the_preview(
            base in arb_state(), theirs in arb_state(), ours in arb_state(), take_theirs in any::<bool>()
        ) {
            let take = if take_theirs { Take::Theirs } else { Take::Ours };
            let merged = resolve(&base, &theirs, &ours, |_| Some(take)).unwrap();
            let shown: Vec<Field> = changes(&base, &theirs, &ours)
                .into_iter()
                .filter(|(_, c)| matches!(c, Change::Theirs | Change::Same | Change::Conflict))
                .map(|(f, _)| f)
                .collect();
            let differs = |f: Field| match f {
                Field::Level => merged.level != ours.level,
                Field::Explanation => merged.explanation != ours.explanation,
                Field::ServiceName => merged.service_name != ours.service_name,
                Field::Owner => merged.owner != ours.owner,
                Field::Status => merged.status != ours.status,
            };
            for f in Field::ALL {
                if differs(f) {
                    prop_assert!(shown.contains(&f), "{:?} changed without being shown", f);
                }
            }
        }
    }
}
