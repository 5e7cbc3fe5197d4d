//! The command wiring through Tauri's mock runtime (no display needed): arguments as the
//! UI sends them, errors as `{code, message}`, the stored data unchanged by a refusal.

use std::error::Error;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

use crate::state::AppState;

type TestResult = Result<(), Box<dyn Error>>;
type Window = tauri::WebviewWindow<tauri::test::MockRuntime>;

fn ok(w: &Window, cmd: &str, args: Value) -> Result<Value, String> {
    call(w, cmd, args).map_err(|e| format!("{cmd}: {e}"))
}

fn refused(w: &Window, cmd: &str, args: Value) -> Result<String, String> {
    match call(w, cmd, args) {
        Ok(v) => Err(format!("{cmd} should be refused, got {v}")),
        Err(e) => Ok(e["code"].as_str().unwrap_or_default().to_owned()),
    }
}

fn call(w: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
    let url = if cfg!(any(windows, target_os = "android")) {
        "http://tauri.localhost"
    } else {
        "tauri://localhost"
    };
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: url.parse().map_err(|e| json!(format!("{e}")))?,
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap_or(Value::Null))
}

#[test]
fn commands_answer_and_refuse_with_codes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let state = AppState::new(dir.path().join("t.db"), dir.path().join("settings.json"));
    let app = crate::with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))?;
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;

    let first = call(&w, "database_summary", json!({})).map_err(|e| e.to_string())?;
    assert_eq!(
        first["instansi"],
        Value::Null,
        "a new database has no profile yet"
    );

    let input = json!({"name": "Kabupaten Uji", "kind": "kabupaten", "coordinator_name": "Sekda"});
    let db = call(&w, "start", json!({"input": input, "year": 2026})).map_err(|e| e.to_string())?;
    assert_eq!(db["assessments"][0]["year"], 2026);

    let ok = call(
        &w,
        "set_answer",
        json!({"year": null, "indicator": 1, "input": {"level": 3}}),
    )
    .map_err(|e| e.to_string())?;
    assert_eq!(ok["level"], 3);

    let refused = call(
        &w,
        "set_answer",
        json!({"year": null, "indicator": 1, "input": {"level": 9}}),
    );
    let err = refused.err().ok_or("level 9 must be refused")?;
    assert_eq!(
        err["code"], "INVALID_LEVEL",
        "errors cross as {{code, message}}: {err}"
    );
    assert!(err["message"].as_str().is_some_and(|m| m.contains("1-5")));

    let still =
        call(&w, "answers", json!({"year": null, "indicator": 1})).map_err(|e| e.to_string())?;
    assert_eq!(
        still[0]["level"], 3,
        "a refused change leaves the stored level"
    );

    let empty = dir.path().join("kosong.pdf");
    std::fs::write(&empty, b"")?;
    let err = call(
        &w,
        "add_evidence_files",
        json!({"year": null, "indicator": 1, "paths": [empty], "date": null}),
    )
    .err()
    .ok_or("an empty file must be refused")?;
    assert_eq!(err["code"], "FILE_EMPTY");

    let index = call(&w, "index", json!({"year": null})).map_err(|e| e.to_string())?;
    assert_eq!(index["index_text"], "3,00");
    assert_eq!(index["rating"], "Baik");
    Ok(())
}

#[test]
fn a_database_that_cannot_be_opened_is_reported_not_fatal() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("bukan.db");
    std::fs::write(
        &bad,
        b"this is not a database, just text that is long enough to have a header",
    )?;
    let state = AppState::new(bad, dir.path().join("settings.json"));
    let app = crate::with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))?;
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;
    let err = call(&w, "database_summary", json!({}))
        .err()
        .ok_or("must fail")?;
    assert_eq!(err["code"], "NOT_A_DATABASE", "{err}");
    Ok(())
}

#[test]
fn a_team_signs_in_and_the_app_layer_refuses_with_codes() -> Result<(), Box<dyn Error>> {
    let dir = tempfile::tempdir()?;
    let state = AppState::new(dir.path().join("t.db"), dir.path().join("settings.json"));
    let app = crate::with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))?;
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;
    let input = json!({"name": "Kabupaten Uji", "kind": "kabupaten"});
    ok(&w, "start", json!({"input": input, "year": 2026}))?;
    assert_eq!(ok(&w, "requires_sign_in", json!({}))?, json!(false));

    let pw = "Uji#Tim-2026-aman";
    let weak = json!({"input": {"name": "Rina", "password": "rina"}});
    assert_eq!(refused(&w, "add_account", weak)?, "WEAK_PASSWORD");
    let first = json!({"input": {"name": "Rina", "unit": "Kominfo", "password": pw}});
    assert_eq!(ok(&w, "add_account", first)?["is_admin"], true);
    assert_eq!(ok(&w, "requires_sign_in", json!({}))?, json!(true));
    assert_eq!(ok(&w, "signed_in", json!({}))?, Value::Null);
    let level = json!({"year": null, "indicator": 1, "input": {"level": 3}});
    assert_eq!(
        refused(&w, "set_answer", level.clone())?,
        "SIGN_IN_REQUIRED"
    );
    let wrong = json!({"name": "Rina", "password": "bukan-sandinya"});
    assert_eq!(refused(&w, "sign_in", wrong)?, "WRONG_CREDENTIALS");

    let me = ok(&w, "sign_in", json!({"name": "Rina", "password": pw}))?;
    let mine = json!({"current": "bukan-sandinya", "new": "Kominfo#Baru-2026"});
    assert_eq!(refused(&w, "change_password", mine)?, "WRONG_CREDENTIALS");
    let weak = json!({"current": pw, "new": "rina"});
    assert_eq!(refused(&w, "change_password", weak)?, "WEAK_PASSWORD");
    assert_eq!(me["role"], "supervisor");
    let budi = json!({"input": {"name": "Budi", "unit": "Bappeda", "password": pw}});
    ok(&w, "add_account", budi)?;
    let role = json!({"year": null, "account": "Budi", "role": "member"});
    assert_eq!(ok(&w, "set_team_role", role)?["role_title"], "Anggota");
    let to = json!({"year": null, "indicator": 2, "who": {"kind": "unit", "name": "Bappeda"}, "assign": true});
    ok(&w, "assign", to)?;
    ok(&w, "set_answer", level)?;
    ok(&w, "sign_out", json!({}))?;

    ok(&w, "sign_in", json!({"name": "Budi", "password": pw}))?;
    let reset = json!({"account": "Rina", "new": "Kominfo#Mencoba-2026"});
    assert_eq!(refused(&w, "reset_password", reset)?, "SUPERVISOR_ONLY");
    let one = json!({"year": null, "indicator": 1, "step": "submit", "comment": null});
    assert_eq!(refused(&w, "review", one.clone())?, "NOT_ASSIGNED");
    let mine = ok(&w, "my_indicators", json!({"year": null}))?;
    assert_eq!(mine[0]["indicator"], 2, "assigned through the unit: {mine}");
    // The flags the window reads are the policy's answers for this account.
    let board = ok(&w, "answers", json!({"year": null, "indicator": null}))?;
    assert_eq!(board[0]["can"]["edit"], false, "{}", board[0]);
    assert_eq!(board[0]["can"]["lock"], "not_assigned");
    assert_eq!(board[0]["can"]["comment"], true);
    assert_eq!(board[1]["can"]["edit"], true, "{}", board[1]);
    assert_eq!(board[1]["can"]["approve"], false);
    let two = json!({"year": null, "indicator": 2, "step": "submit", "comment": null});
    assert_eq!(refused(&w, "review", two)?, "NO_LEVEL");
    let approve = json!({"year": null, "indicator": 1, "step": "approve", "comment": null});
    assert_eq!(refused(&w, "review", approve.clone())?, "SUPERVISOR_ONLY");
    let note = json!({"year": null, "indicator": 1, "text": "Sudah ada Perbup?"});
    ok(&w, "add_comment", note)?;
    ok(&w, "sign_out", json!({}))?;

    ok(&w, "sign_in", json!({"name": "Rina", "password": pw}))?;
    let budi_new = "Bappeda#Baru-2026";
    ok(
        &w,
        "reset_password",
        json!({"account": "Budi", "new": budi_new}),
    )?;
    ok(&w, "sign_out", json!({}))?;
    let old = json!({"name": "Budi", "password": pw});
    assert_eq!(refused(&w, "sign_in", old)?, "WRONG_CREDENTIALS");
    ok(&w, "sign_in", json!({"name": "Budi", "password": budi_new}))?;
    let own = json!({"current": budi_new, "new": pw});
    ok(&w, "change_password", own)?;
    ok(&w, "sign_out", json!({}))?;
    ok(&w, "sign_in", json!({"name": "Rina", "password": pw}))?;
    assert_eq!(ok(&w, "review", one.clone())?["status"], "submitted");
    let queue = ok(&w, "review_queue", json!({"year": null}))?;
    assert_eq!(queue[0]["indicator"], 1);
    let empty = json!({"year": null, "indicator": 1, "step": "return", "comment": " "});
    assert_eq!(refused(&w, "review", empty)?, "INVALID_INPUT");
    assert_eq!(ok(&w, "review", approve)?["status"], "approved");
    assert_eq!(
        refused(&w, "finalize", json!({"year": null}))?,
        "NOT_ALL_APPROVED"
    );
    let thread = ok(&w, "comments", json!({"year": null, "indicator": 1}))?;
    assert_eq!(thread[0]["author"], "Budi");
    let history = ok(&w, "history", json!({"year": null, "indicator": 1}))?;
    let actions: Vec<&str> = history
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["action"].as_str()).collect())
        .unwrap_or_default();
    assert!(actions.contains(&"status.approve"), "{actions:?}");
    assert_eq!(ok(&w, "verify_audit", json!({}))?["ok"], true);
    Ok(())
}

#[test]
fn opening_another_database_backs_it_up_and_a_backup_is_restored_in_one_command() -> TestResult {
    let dir = tempfile::tempdir()?;
    let first = dir.path().join("a.db");
    let state = AppState::new(first.clone(), dir.path().join("settings.json"));
    let app = crate::with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))?;
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;
    let input = json!({"name": "Kabupaten Uji", "kind": "kabupaten", "coordinator_name": ""});
    ok(&w, "start", json!({"input": input, "year": 2026}))?;
    let level = |l: i64| json!({"year": null, "indicator": 1, "input": {"level": l}});
    ok(&w, "set_answer", level(3))?;
    let other = dir.path().join("b.db");
    ok(&w, "open_database", json!({"path": other, "create": true}))?;
    ok(&w, "open_database", json!({"path": first, "create": false}))?;
    let list = ok(&w, "backups", json!({}))?;
    assert_eq!(list["backups"][0]["reason"], "reopen", "{list}");
    assert_eq!(list["current"]["assessments"][0]["answered"], 1);
    ok(&w, "set_answer", level(5))?;
    let id = list["backups"][0]["id"].clone();
    let report = ok(&w, "restore_backup", json!({"id": id}))?;
    assert_eq!(report["backup_before"]["reason"], "restore");
    let now = ok(&w, "answers", json!({"year": null, "indicator": 1}))?;
    assert_eq!(now[0]["level"], 3, "the state of the backup");
    let code = refused(&w, "restore_backup", json!({"id": "tidak-ada"}))?;
    assert_eq!(code, "BACKUP_NOT_FOUND");
    Ok(())
}

#[test]
fn verification_commands_take_the_arguments_the_window_sends() -> TestResult {
    let dir = tempfile::tempdir()?;
    let state = AppState::new(dir.path().join("t.db"), dir.path().join("settings.json"));
    let app = crate::with_commands(mock_builder())
        .manage(state)
        .build(mock_context(noop_assets()))?;
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;
    let input = json!({"name": "Kabupaten Uji", "kind": "kabupaten", "coordinator_name": "Sekda"});
    ok(&w, "start", json!({"input": input, "year": 2025}))?;
    ok(
        &w,
        "set_answer",
        json!({"year": 2025, "indicator": 1, "input": {"level": 4}}),
    )?;

    let stage = json!({"indicator": 1, "stage": "final", "value": "3", "note": "LHE"});
    let c = ok(&w, "set_stage", json!({"year": 2025, "input": stage}))?;
    assert_eq!(
        c["indicators"][0]["claim"], "over",
        "4 self against 3 final"
    );
    let bad = json!({"indicator": 1, "stage": "banding", "value": "3", "note": null});
    assert_eq!(
        refused(&w, "set_stage", json!({"year": 2025, "input": bad}))?,
        "UNKNOWN_STAGE"
    );

    let csv = dir.path().join("hasil.csv");
    std::fs::write(&csv, "indicator,stage,level,note\n2,dokumen,2,\n")?;
    let preview = ok(
        &w,
        "verification_preview",
        json!({"year": 2025, "file": csv}),
    )?;
    assert_eq!(
        (
            preview["written"].clone(),
            preview["changes"].as_array().map(Vec::len)
        ),
        (json!(false), Some(1))
    );
    let done = ok(
        &w,
        "verification_import",
        json!({"year": 2025, "file": csv}),
    )?;
    assert_eq!(done["written"], true);
    let out = dir.path().join("templat.xlsx");
    ok(
        &w,
        "verification_template",
        json!({"year": 2025, "out": out}),
    )?;
    assert!(
        out.exists(),
        "the template is written where the dialog said"
    );

    let carry = json!({"indicators": [1]});
    let next = json!({"year": 2026, "framework": null, "carry": carry});
    ok(&w, "new_assessment", next)?;
    let a = ok(&w, "answers", json!({"year": 2026, "indicator": 1}))?;
    assert_eq!(a[0]["carried_from"], 2025, "indicator 1 carried from 2025");
    let years = ok(&w, "compare_years", json!({}))?;
    assert_eq!(years["years"].as_array().map(Vec::len), Some(2));
    let plain = json!({"year": 2027, "framework": null});
    ok(&w, "new_assessment", plain)?;
    let a = ok(&w, "answers", json!({"year": 2027, "indicator": 1}))?;
    assert_eq!(a[0]["carried_from"], Value::Null, "no carry: an empty year");
    Ok(())
}
