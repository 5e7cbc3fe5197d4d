//! The core's typed values in and out of SQLite. A stored value the core does not know
//! (a hand edit such as `status = 'selesai'` or `level = 9`) is an error naming the column
//! and the value, never silently read as a default.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use swanilai_core::butir::{ButirStatus, RevisiKind};
use swanilai_core::workflow::{AssessmentStatus, CommentKind, Role, Status};
use swanilai_core::{Level, Value};

/// A core value as a SQL value (orphan rules keep `ToSql`/`FromSql` off the core's own
/// types here, so they travel in this wrapper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sql<T>(pub T);

/// An enum stored as its `as_str` name.
pub(crate) trait TextValue: Sized + Copy {
    const WHAT: &'static str;
    fn text(self) -> &'static str;
    fn from_text(s: &str) -> Option<Self>;
}

macro_rules! text_value {
    ($t:ty, $what:literal) => {
        impl TextValue for $t {
            const WHAT: &'static str = $what;
            fn text(self) -> &'static str {
                self.as_str()
            }
            fn from_text(s: &str) -> Option<Self> {
                <$t>::parse(s)
            }
        }
    };
}

text_value!(Status, "review status");
text_value!(Role, "team role");
text_value!(AssessmentStatus, "assessment status");
text_value!(CommentKind, "comment kind");
text_value!(ButirStatus, "butir status");
text_value!(RevisiKind, "revisi kind");

impl ToSql for Sql<Value> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.0.hundredths())))
    }
}

impl FromSql for Sql<Value> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        u32::try_from(n)
            .ok()
            .and_then(|h| Value::from_hundredths(h).ok())
            .map(Sql)
            .ok_or_else(|| {
                FromSqlError::Other(format!("value {n} (hundredths) is outside 1.00-5.00").into())
            })
    }
}

impl<T: TextValue> ToSql for Sql<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.text()))
    }
}

impl<T: TextValue> FromSql for Sql<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        T::from_text(text).map(Sql).ok_or_else(|| {
            FromSqlError::Other(format!("'{text}' is not a known {}", T::WHAT).into())
        })
    }
}

impl ToSql for Sql<Level> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.0.get())))
    }
}

impl FromSql for Sql<Level> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        Level::new(n)
            .map(Sql)
            .map_err(|_| FromSqlError::Other(format!("level {n} is outside 1-5").into()))
    }
}

/// An optional level (NULL: not chosen yet).
pub(crate) fn level_out(l: Option<Level>) -> Option<Sql<Level>> {
    l.map(Sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_stored_values_are_errors_not_defaults() {
        let c = rusqlite::Connection::open_in_memory().expect("db");
        let status: rusqlite::Result<Sql<Status>> =
            c.query_row("SELECT 'selesai'", [], |r| r.get(0));
        let err = status.expect_err("unknown status").to_string();
        assert!(
            err.contains("'selesai' is not a known review status"),
            "{err}"
        );
        let level: rusqlite::Result<Sql<Level>> = c.query_row("SELECT 9", [], |r| r.get(0));
        assert!(level.is_err());
        let ok: Sql<Role> = c
            .query_row("SELECT ?1", [Sql(Role::Operator)], |r| r.get(0))
            .expect("round trip");
        assert_eq!(ok.0, Role::Operator);
    }
}
