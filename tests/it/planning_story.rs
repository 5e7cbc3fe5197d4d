//! Issue 13 through the app: a Pemdi path steps decimals to the next whole level, saved
//! scenarios project over today's answers and never touch them, a gap lists the next
//! level's butir, and only the supervisor or operator plans.

use swanilai_app::{
    App, ErrorCode, FixedClock, InstansiInput, InstansiKind, NewAccount, Open, PlanInput,
    RecommendationInput, ValueChange, ValueInput, ValueSourceDto,
};

fn pemdi(dir: &std::path::Path) -> App {
    let mut app = App::open_with_clock(
        &dir.join("p.db"),
        Open::CreateIfMissing,
        Box::new(FixedClock("2026-11-23T08:00:00Z".into())),
    )
    .unwrap();
    app.init(InstansiInput {
        name: "Pemerintah Kabupaten Uji".into(),
        kind: InstansiKind::Kabupaten,
        coordinator_name: "Sekda".into(),
        coordinator_nip: String::new(),
        address: String::new(),
    })
    .unwrap();
    app.new_assessment(2026, Some("pemdi-2026")).unwrap();
    app
}

fn change(indicator: u32, value: &str) -> ValueChange {
    ValueChange {
        indicator,
        value: value.into(),
    }
}

#[test]
fn a_pemdi_plan_steps_decimals_and_scenarios_never_touch_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = pemdi(dir.path());
    let scored: Vec<u32> = app
        .values(None, None)
        .unwrap()
        .iter()
        .filter(|v| v.external.is_none())
        .map(|v| v.indicator)
        .collect();
    for n in &scored {
        let input = ValueInput {
            source: ValueSourceDto::SelfAssessed,
            value: Some("2,35".into()),
        };
        app.set_value(None, *n, input).unwrap();
    }
    let now = app.index(None).unwrap();
    let plan = app
        .plan_to_target(
            None,
            &PlanInput {
                target: "3".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(plan.reachable);
    let first = &plan.steps[0];
    assert_eq!(
        (first.from, first.to),
        (2.35, 3.0),
        "to the next whole level"
    );
    // Applying the steps through what-if reaches the target.
    let changes: Vec<ValueChange> = plan
        .steps
        .iter()
        .map(|s| change(s.indicator, &format!("{}", s.to)))
        .collect();
    let projected = app.what_if(None, &changes).unwrap();
    assert!(projected.index.unwrap() >= 3.0);
    assert_eq!(projected.index, Some(plan.projected_index));
    assert_eq!(app.index(None).unwrap(), now, "what-if writes nothing");
    assert_eq!(
        app.what_if(None, &[change(scored[0], "5,01")])
            .unwrap_err()
            .code,
        ErrorCode::InvalidValue
    );

    let saved = app.save_scenario(None, "Naik ke 3", &changes).unwrap();
    assert_eq!(saved.projected.index, projected.index);
    assert_eq!(app.scenarios(None).unwrap().len(), 1);
    assert_eq!(
        app.index(None).unwrap(),
        now,
        "saving a scenario writes no answer"
    );
    app.remove_scenario(None, "Naik ke 3").unwrap();
    assert!(app.scenarios(None).unwrap().is_empty());
    assert_eq!(
        app.remove_scenario(None, "Naik ke 3").unwrap_err().code,
        ErrorCode::InvalidInput
    );

    // The gap of a Pemdi indicator lists its next level's butir with their status.
    let gap = app.gap(None, scored[0]).unwrap();
    assert_eq!((gap.current_level, gap.next_level), (Some(2), Some(3)));
    assert!(!gap.checklist.is_empty());
    assert!(gap
        .checklist
        .iter()
        .all(|c| c.status.as_deref() == Some("draft")));
    assert!(gap.gain.unwrap() > 0.0);
    assert!(app.verify_audit().unwrap().ok);
}

#[test]
fn only_the_supervisor_or_operator_plans() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::ready_app(dir.path());
    const PW: &str = "kata-sandi-panjang-1";
    let account = |name: &str| NewAccount {
        name: name.into(),
        unit: "Diskominfo".into(),
        nip: String::new(),
        password: PW.into(),
    };
    app.add_account(account("Sari")).unwrap();
    app.sign_in("Sari", PW).unwrap();
    app.add_account(account("Budi")).unwrap();
    app.set_team_role(None, "Budi", swanilai_app::Role::Member)
        .unwrap();
    app.sign_out();
    app.sign_in("Budi", PW).unwrap();
    let rec = RecommendationInput {
        indicator: 7,
        text: "Tetapkan Perbup".into(),
        ..Default::default()
    };
    assert_eq!(
        app.add_recommendation(None, rec.clone()).unwrap_err().code,
        ErrorCode::SupervisorOnly
    );
    app.sign_out();
    app.sign_in("Sari", PW).unwrap();
    let r = app.add_recommendation(None, rec).unwrap();
    assert_eq!(r.status, "belum");
    assert!(app.verify_audit().unwrap().ok);
}
