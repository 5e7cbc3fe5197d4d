//! The evaluator team: sign-in, accounts, roles, assignments, the review loop, comments,
//! history, finalize/reopen and the printable documents. Every permission is checked by
//! swanilai-app against the signed-in account; these commands only pass the call on.

use std::path::PathBuf;

use swanilai_app::{
    AccountDto, AnswerDto, AppResult, AssessmentDto, Assignee, AssignmentDto, AuditEntryDto,
    AuditReport, CommentDto, DocumentKind, NewAccount, SignedInDto, TeamMemberDto,
};
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

#[tauri::command(async)]
pub fn requires_sign_in(state: State<'_, AppState>) -> AppResult<bool> {
    state.with(|app| app.requires_sign_in())
}

#[tauri::command(async)]
pub fn signed_in(state: State<'_, AppState>) -> AppResult<Option<SignedInDto>> {
    state.with(|app| app.signed_in())
}

/// A wrong password is slowed down by the use case (async: the window stays responsive).
#[tauri::command(async)]
pub fn sign_in(
    state: State<'_, AppState>,
    name: String,
    password: String,
) -> AppResult<SignedInDto> {
    state.with(|app| app.sign_in(&name, &password))
}

#[tauri::command(async)]
pub fn sign_out(state: State<'_, AppState>) -> AppResult<()> {
    state.with(|app| {
        app.sign_out();
        Ok(())
    })
}

/// The signed-in user's own password: the current one is checked (a wrong one is slowed down).
#[tauri::command(async)]
pub fn change_password(state: State<'_, AppState>, current: String, new: String) -> AppResult<()> {
    state.with(|app| app.change_password(&current, &new))
}

/// The supervisor account sets a new password for an account whose password was forgotten.
#[tauri::command(async)]
pub fn reset_password(state: State<'_, AppState>, account: String, new: String) -> AppResult<()> {
    state.with(|app| app.reset_password(&account, &new))
}

#[tauri::command(async)]
pub fn add_account(state: State<'_, AppState>, input: NewAccount) -> AppResult<AccountDto> {
    state.with(|app| app.add_account(input))
}

#[tauri::command(async)]
pub fn accounts(state: State<'_, AppState>) -> AppResult<Vec<AccountDto>> {
    state.with(|app| app.accounts())
}

#[tauri::command(async)]
pub fn team(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<TeamMemberDto>> {
    state.with(|app| app.team(year))
}

#[tauri::command(async)]
pub fn set_team_role(
    state: State<'_, AppState>,
    year: Option<i32>,
    account: String,
    role: String,
) -> AppResult<TeamMemberDto> {
    state.with(|app| app.set_team_role(year, &account, &role))
}

#[tauri::command(async)]
pub fn remove_team_member(
    state: State<'_, AppState>,
    year: Option<i32>,
    account: String,
) -> AppResult<()> {
    state.with(|app| app.remove_team_member(year, &account))
}

#[tauri::command(async)]
pub fn assignments(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AssignmentDto>> {
    state.with(|app| app.assignments(year))
}

#[tauri::command(async)]
pub fn assign(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    to: Assignee,
) -> AppResult<AssignmentDto> {
    state.with(|app| app.assign(year, indicator, to))
}

#[tauri::command(async)]
pub fn unassign(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    from: Assignee,
) -> AppResult<AssignmentDto> {
    state.with(|app| app.unassign(year, indicator, from))
}

#[tauri::command(async)]
pub fn my_indicators(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.my_indicators(year))
}

#[tauri::command(async)]
pub fn submit(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: Option<String>,
) -> AppResult<AnswerDto> {
    state.with(|app| app.submit(year, indicator, comment.as_deref()))
}

#[tauri::command(async)]
pub fn approve(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: Option<String>,
) -> AppResult<AnswerDto> {
    state.with(|app| app.approve(year, indicator, comment.as_deref()))
}

#[tauri::command(async)]
pub fn return_for_revision(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    comment: String,
) -> AppResult<AnswerDto> {
    state.with(|app| app.return_for_revision(year, indicator, &comment))
}

#[tauri::command(async)]
pub fn review_queue(state: State<'_, AppState>, year: Option<i32>) -> AppResult<Vec<AnswerDto>> {
    state.with(|app| app.review_queue(year))
}

#[tauri::command(async)]
pub fn finalize(state: State<'_, AppState>, year: Option<i32>) -> AppResult<AssessmentDto> {
    state.with(|app| app.finalize(year))
}

#[tauri::command(async)]
pub fn reopen(
    state: State<'_, AppState>,
    year: Option<i32>,
    reason: String,
) -> AppResult<AssessmentDto> {
    state.with(|app| app.reopen(year, &reason))
}

#[tauri::command(async)]
pub fn comments(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<Vec<CommentDto>> {
    state.with(|app| app.comments(year, indicator))
}

#[tauri::command(async)]
pub fn add_comment(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
    text: String,
) -> AppResult<CommentDto> {
    state.with(|app| app.add_comment(year, indicator, &text))
}

#[tauri::command(async)]
pub fn history(
    state: State<'_, AppState>,
    year: Option<i32>,
    indicator: u32,
) -> AppResult<Vec<AuditEntryDto>> {
    state.with(|app| app.history(year, indicator))
}

/// Write the Berita Acara or the Pernyataan Persetujuan Publikasi (PDF) to `out`.
#[tauri::command(async)]
pub fn export_document<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    year: Option<i32>,
    kind: DocumentKind,
    date: Option<String>,
    out: PathBuf,
) -> AppResult<String> {
    let _busy = state.busy(&handle);
    state.with(|app| app.write_document(year, kind, date.as_deref(), &out))?;
    Ok(out.display().to_string())
}

/// Check the audit log's hash chain and that the data matches what it last recorded.
#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> AppResult<AuditReport> {
    state.with(|app| app.verify_audit())
}

#[cfg(test)]
mod tests {
    //! The team's commands through Tauri's mock runtime: arguments as the UI sends them
    //! (ui/src/ipc/team.ts), refusals as `{code, message}`.

    use std::error::Error;

    use serde_json::{json, Value};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::WebviewWindowBuilder;

    use crate::state::AppState;

    type Window = tauri::WebviewWindow<tauri::test::MockRuntime>;

    fn call(w: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            w,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost"
                    .parse()
                    .map_err(|e| json!(format!("{e}")))?,
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap_or(Value::Null))
    }

    fn ok(w: &Window, cmd: &str, args: Value) -> Result<Value, String> {
        call(w, cmd, args).map_err(|e| format!("{cmd}: {e}"))
    }

    fn refused(w: &Window, cmd: &str, args: Value) -> Result<String, String> {
        match call(w, cmd, args) {
            Ok(v) => Err(format!("{cmd} should be refused, got {v}")),
            Err(e) => Ok(e["code"].as_str().unwrap_or_default().to_owned()),
        }
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
        ok(&w, "init_instansi", json!({"input": input, "year": 2026}))?;
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
        let to = json!({"year": null, "indicator": 2, "to": {"kind": "unit", "name": "Bappeda"}});
        ok(&w, "assign", to)?;
        ok(&w, "set_answer", level)?;
        ok(&w, "sign_out", json!({}))?;

        ok(&w, "sign_in", json!({"name": "Budi", "password": pw}))?;
        let reset = json!({"account": "Rina", "new": "Kominfo#Mencoba-2026"});
        assert_eq!(refused(&w, "reset_password", reset)?, "SUPERVISOR_ONLY");
        let one = json!({"year": null, "indicator": 1, "comment": null});
        assert_eq!(refused(&w, "submit", one.clone())?, "NOT_ASSIGNED");
        let mine = ok(&w, "my_indicators", json!({"year": null}))?;
        assert_eq!(mine[0]["indicator"], 2, "assigned through the unit: {mine}");
        let two = json!({"year": null, "indicator": 2, "comment": null});
        assert_eq!(refused(&w, "submit", two)?, "NO_LEVEL");
        assert_eq!(refused(&w, "approve", one.clone())?, "SUPERVISOR_ONLY");
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
        assert_eq!(ok(&w, "submit", one.clone())?["status"], "submitted");
        let queue = ok(&w, "review_queue", json!({"year": null}))?;
        assert_eq!(queue[0]["indicator"], 1);
        let empty = json!({"year": null, "indicator": 1, "comment": " "});
        assert_eq!(refused(&w, "return_for_revision", empty)?, "INVALID_INPUT");
        assert_eq!(ok(&w, "approve", one)?["status"], "approved");
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
}
