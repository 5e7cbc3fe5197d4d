//! Accounts: sign-in and out, passwords, adding accounts. Every permission is checked by
//! swanilai-app against the signed-in account.

use swanilai_app::{AccountDto, AppResult, NewAccount, SignedInDto};
use tauri::State;

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

/// The signed-in user's own password: the current one is checked.
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
