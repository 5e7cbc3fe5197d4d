//! The one place that reads the clock; everything below gets time passed in.

/// Produces the current time as RFC 3339 text (UTC, seconds).
pub trait Clock: Send + Sync {
    /// The current time as RFC 3339 UTC text, to the second: "2026-11-23T02:15:00Z".
    fn now(&self) -> String;
    /// Today's date (YYYY-MM-DD), local to the machine.
    fn today(&self) -> String;
}

/// The machine's clock: UTC time for the records, the local date for documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(
        clippy::disallowed_methods,
        reason = "the one place that reads the clock"
    )]
    fn now(&self) -> String {
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
    #[allow(
        clippy::disallowed_methods,
        reason = "the one place that reads the clock"
    )]
    fn today(&self) -> String {
        chrono::Local::now().format("%Y-%m-%d").to_string()
    }
}

/// A clock that always says the same time (tests, reproducible demos).
#[derive(Debug, Clone)]
pub struct FixedClock(pub String);

impl Clock for FixedClock {
    fn now(&self) -> String {
        self.0.clone()
    }
    fn today(&self) -> String {
        self.0.chars().take(10).collect()
    }
}
