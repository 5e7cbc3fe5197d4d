//! The merge through the app API: a conflict decided with the supervisor's own value.

use swanilai_app::{AnswerInput, App, ErrorCode, MergeDecision, Open, PackageTarget, Take};
use swanilai_core::merge::Field;

use crate::ready_app;

fn level(l: i64) -> AnswerInput {
    AnswerInput {
        level: Some(Some(l)),
        ..AnswerInput::default()
    }
}

#[test]
fn a_conflict_can_be_decided_with_the_supervisors_own_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut team = ready_app(dir.path());
    team.set_answer(None, 7, level(2)).unwrap();
    let paket = dir.path().join("paket.swanilai");
    team.package_out(
        None,
        PackageTarget::Indicators(vec![7]),
        &paket,
        &mut |_, _| {},
    )
    .unwrap();

    let mut member = App::open(&dir.path().join("laptop.db"), Open::CreateIfMissing).unwrap();
    member.package_open(&paket).unwrap();
    member.set_answer(None, 7, level(5)).unwrap();
    let kembali = dir.path().join("kembali.swanilai");
    member.package_return(&kembali).unwrap();
    team.set_answer(None, 7, level(4)).unwrap();

    let decide = |edit: &str| {
        vec![MergeDecision {
            indicator: 7,
            field: Some(Field::Level),
            take: Take::Theirs,
            edit: Some(edit.to_owned()),
        }]
    };
    // A value outside 1-5 is refused before anything is written.
    let bad = team
        .package_merge(&kembali, false, None, &decide("9"))
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::InvalidLevel);
    assert_eq!(
        team.answer(None, 7).unwrap().level.map(|l| l.get()),
        Some(4)
    );
    // Neither 5 (theirs) nor 4 (ours): the supervisor settles on 3.
    let r = team
        .package_merge(&kembali, false, None, &decide("3"))
        .unwrap();
    assert!(r.written);
    let a = team.answer(None, 7).unwrap();
    assert_eq!(a.level.map(|l| l.get()), Some(3));
    assert_eq!(
        a.author,
        swanilai_app::LOCAL_ACTOR,
        "an edit while merging is the supervisor's"
    );
    assert!(team.verify_audit().unwrap().ok);
}
