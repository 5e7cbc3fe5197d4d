//! What the shell holds between commands: the open database (if any), where settings
//! live, and a count of long jobs so the window is not closed under an export.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use swanilai_app::{settings, App, AppError, AppResult, ErrorCode, Open};
use tauri::{AppHandle, Runtime};

pub struct AppState {
    app: Mutex<Option<App>>,
    /// Why the database could not be opened at start, shown by the first screen.
    open_error: Mutex<Option<AppError>>,
    pub settings_path: PathBuf,
    busy: AtomicUsize,
    close_pending: AtomicBool,
}

impl AppState {
    /// Open (or create) the database at `db`; a failure is kept for the UI, not fatal.
    pub fn new(db: PathBuf, settings_path: PathBuf) -> AppState {
        let (app, err) = match settings::open_app(&db, Open::CreateIfMissing, &settings_path) {
            Ok(a) => (Some(a), None),
            Err(e) => (None, Some(e)),
        };
        AppState {
            app: Mutex::new(app),
            open_error: Mutex::new(err),
            settings_path,
            busy: AtomicUsize::new(0),
            close_pending: AtomicBool::new(false),
        }
    }

    fn lock(&self) -> AppResult<MutexGuard<'_, Option<App>>> {
        self.app.lock().map_err(|_| {
            AppError::new(
                ErrorCode::Internal,
                "an earlier operation failed midway; restart the app (saved data is safe)",
            )
        })
    }

    /// Run a use case on the open database.
    pub fn with<T>(&self, f: impl FnOnce(&mut App) -> AppResult<T>) -> AppResult<T> {
        let mut guard = self.lock()?;
        let missing = || AppError::new(ErrorCode::DatabaseMissing, "no database is open");
        let kept = self.open_error.lock().ok().and_then(|e| e.clone());
        match guard.as_mut() {
            Some(app) => f(app),
            None => Err(kept.unwrap_or_else(missing)),
        }
    }

    /// Switch to another database file (backed up first, then remembered). The current one
    /// stays open if the new one fails.
    pub fn reopen(&self, db: &Path, how: Open) -> AppResult<()> {
        let app = settings::switch_database(db, how, &self.settings_path)?;
        let mut guard = self.lock()?;
        *guard = Some(app);
        if let Ok(mut e) = self.open_error.lock() {
            *e = None;
        }
        Ok(())
    }

    /// Mark a long job as running until the returned guard is dropped.
    pub fn busy<R: Runtime>(&self, handle: &AppHandle<R>) -> Busy<R> {
        self.busy.fetch_add(1, Ordering::SeqCst);
        Busy {
            handle: handle.clone(),
        }
    }

    pub fn is_busy(&self) -> bool {
        self.busy.load(Ordering::SeqCst) > 0
    }

    pub fn request_close_after_jobs(&self) {
        self.close_pending.store(true, Ordering::SeqCst);
    }
}

/// A running long job; when the last one ends and the user asked to close, the app exits.
pub struct Busy<R: Runtime> {
    handle: AppHandle<R>,
}

impl<R: Runtime> Drop for Busy<R> {
    fn drop(&mut self) {
        use tauri::Manager;
        let state = self.handle.state::<AppState>();
        let left = state.busy.fetch_sub(1, Ordering::SeqCst).saturating_sub(1);
        if left == 0 && state.close_pending.load(Ordering::SeqCst) {
            self.handle.exit(0);
        }
    }
}
