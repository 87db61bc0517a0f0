//! Violations: what a check returns instead of strings.
//!
//! Each violation names its rule (`DUR-02`), the JSON path of the field the
//! user must change, whether it blocks (error) or informs (warning), and a
//! fluent message key with its arguments, so the API (RFC 9457 body), the PDF
//! and the SPA render the same sentence in the reader's language.

use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Whether a violation blocks the action (error) or only informs (warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks creation, validation or the amendment.
    Error,
    /// Shown next to the field; the user may go on.
    Warning,
}

/// A decimal number carried as its exact string (`"1417.50"`, `"308.02"`),
/// so that JSON never rounds it and the reader's locale formats it (fluent
/// turns it into `1 417,50` in French).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Decimal(String);

impl Decimal {
    /// An amount in cents as euros with two decimals: 141750 → `1417.50`.
    pub fn from_cents(cents: i64) -> Self {
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        Self(format!("{sign}{}.{:02}", abs / 100, abs % 100))
    }

    /// Minutes as hours with at most two decimals, trailing zeros dropped:
    /// 55500 → `925`, 55470 → `924.5`, 18481 → `308.02`.
    pub fn hours_from_minutes(minutes: u64) -> Self {
        let hundredths = (minutes * 100 + 30) / 60;
        let whole = hundredths / 100;
        let frac = hundredths % 100;
        if frac == 0 {
            Self(whole.to_string())
        } else if frac.is_multiple_of(10) {
            Self(format!("{whole}.{}", frac / 10))
        } else {
            Self(format!("{whole}.{frac:02}"))
        }
    }

    /// The decimal as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Decimal {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let unsigned = s.strip_prefix('-').unwrap_or(&s);
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if digits(int) && digits(frac) {
            Ok(Self(s))
        } else {
            Err(format!("not a decimal: {s}"))
        }
    }
}

impl From<Decimal> for String {
    fn from(d: Decimal) -> String {
        d.0
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of a message argument.
///
/// Untagged in JSON: an integer is a JSON number, a decimal and a text are
/// JSON strings (a string that reads as a decimal comes back as `Decimal`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum ArgValue {
    /// A count or a whole number (days, interns, headcount).
    Integer(i64),
    /// An exact decimal (hours, euros).
    Decimal(Decimal),
    /// Anything else: a date (`2026-12-31`), a level, a list of steps.
    Text(String),
}

impl From<i64> for ArgValue {
    fn from(v: i64) -> Self {
        Self::Integer(v)
    }
}

impl From<u32> for ArgValue {
    fn from(v: u32) -> Self {
        Self::Integer(i64::from(v))
    }
}

impl From<Decimal> for ArgValue {
    fn from(v: Decimal) -> Self {
        Self::Decimal(v)
    }
}

impl From<String> for ArgValue {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl From<&str> for ArgValue {
    fn from(v: &str) -> Self {
        Self::Text(v.to_owned())
    }
}

impl From<chrono::NaiveDate> for ArgValue {
    fn from(v: chrono::NaiveDate) -> Self {
        Self::Text(v.format("%Y-%m-%d").to_string())
    }
}

/// One broken rule on one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Violation {
    /// Rule id from `regulation.md` (`DUR-02`) or a project id (`FMT-03`).
    pub rule: String,
    /// JSON path of the field to change, e.g. `internship.interruptions[1].end`.
    pub field: String,
    /// Error blocks, warning informs.
    pub severity: Severity,
    /// Fluent message key, present in `locales/*/rules.ftl`.
    pub message_key: String,
    /// The message's placeables.
    pub args: BTreeMap<String, ArgValue>,
}

impl Violation {
    /// A blocking violation.
    pub fn error(rule: &str, field: impl Into<String>, key: MessageKey) -> Self {
        Self::new(rule, field, Severity::Error, key)
    }

    /// An informative violation.
    pub fn warning(rule: &str, field: impl Into<String>, key: MessageKey) -> Self {
        Self::new(rule, field, Severity::Warning, key)
    }

    fn new(rule: &str, field: impl Into<String>, severity: Severity, key: MessageKey) -> Self {
        Self {
            rule: rule.to_owned(),
            field: field.into(),
            severity,
            message_key: key.as_str().to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// Adds a placeable value.
    pub fn with_arg(mut self, name: &str, value: impl Into<ArgValue>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    /// Whether this violation blocks.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Whether any of the violations blocks.
pub fn has_errors(violations: &[Violation]) -> bool {
    violations.iter().any(Violation::is_error)
}

/// The blocking violations only.
pub fn errors(violations: &[Violation]) -> impl Iterator<Item = &Violation> {
    violations.iter().filter(|v| v.is_error())
}

/// The informative violations only.
pub fn warnings(violations: &[Violation]) -> impl Iterator<Item = &Violation> {
    violations.iter().filter(|v| !v.is_error())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(Decimal::from_cents(141_750).as_str(), "1417.50");
        assert_eq!(Decimal::from_cents(5).as_str(), "0.05");
        assert_eq!(Decimal::from_cents(-450).as_str(), "-4.50");
        assert_eq!(Decimal::hours_from_minutes(55_500).as_str(), "925");
        assert_eq!(Decimal::hours_from_minutes(55_470).as_str(), "924.5");
        assert_eq!(Decimal::hours_from_minutes(18_481).as_str(), "308.02");
    }

    #[test]
    fn json_shape() {
        let v = Violation::error("DUR-02", "internship.end", MessageKey::Dur02MaxHoursPerHost)
            .with_arg("max", 924u32)
            .with_arg("hours", Decimal::hours_from_minutes(55_500))
            .with_arg("limit", "2026-12-31");
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(json["rule"], "DUR-02");
        assert_eq!(json["severity"], "error");
        assert_eq!(json["message_key"], "dur-02-max-hours-per-host");
        assert_eq!(json["args"]["max"], 924);
        assert_eq!(json["args"]["hours"], "925");
        let back: Violation = serde_json::from_value(json).unwrap();
        assert_eq!(back.args["max"], ArgValue::Integer(924));
        assert_eq!(
            back.args["hours"],
            ArgValue::Decimal(Decimal::hours_from_minutes(55_500))
        );
        assert!(has_errors(std::slice::from_ref(&v)));
        assert!(!has_errors(&[Violation::warning(
            "DUR-04",
            "x",
            MessageKey::FieldRequired
        )]));
    }
}
