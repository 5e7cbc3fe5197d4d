//! The one place that reads the clock; everything below gets time passed in.

/// Produces the current time as RFC 3339 text (UTC, seconds).
pub trait Clock: Send + Sync {
    fn now(&self) -> String;
    /// Today's date (YYYY-MM-DD), local to the machine.
    fn today(&self) -> String;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> String {
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
    #[allow(clippy::disallowed_methods)]
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
