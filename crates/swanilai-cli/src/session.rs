//! Opening the database as a user: `--user NAME` with the password from
//! SWANILAI_PASSWORD or a prompt on the terminal.

use std::path::Path;

use swanilai_app::{open_initialized, App, AppError, AppResult, ErrorCode};

pub fn open(path: &Path, user: Option<&str>) -> AppResult<App> {
    let mut app = open_initialized(path)?;
    if let Some(name) = user {
        let password = password_from("SWANILAI_PASSWORD", &format!("Password for {name}: "))?;
        app.sign_in(name, &password)?;
    }
    Ok(app)
}

/// A password from an environment variable, else asked on the terminal (not echoed).
pub fn password_from(var: &str, prompt: &str) -> AppResult<String> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    rpassword::prompt_password(prompt).map_err(|e| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("no password: set {var} or run on a terminal to be asked ({e})"),
        )
    })
}
