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

fn call(
    w: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
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
    let db = call(&w, "init_instansi", json!({"input": input, "year": 2026}))
        .map_err(|e| e.to_string())?;
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
        call(&w, "answer", json!({"year": null, "indicator": 1})).map_err(|e| e.to_string())?;
    assert_eq!(
        still["level"], 3,
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
