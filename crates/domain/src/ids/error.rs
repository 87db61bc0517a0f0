//! The single error type of every identifier parser.

use crate::messages::MessageKey;
use crate::violation::Violation;

/// Why a string is not a valid identifier.
///
/// It carries the rule id of `regulation.md` (`ID-01` … `ID-07`, or a project id
/// such as `FMT-01` for formats the regulation does not cover) and the fluent
/// message key, so the API and the SPA show the same sentence without matching
/// on error variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{rule}: {}", .key.as_str())]
pub struct IdError {
    rule: &'static str,
    key: MessageKey,
}

impl IdError {
    pub(crate) const fn new(rule: &'static str, key: MessageKey) -> Self {
        Self { rule, key }
    }

    /// Rule id, e.g. `ID-01`.
    pub const fn rule(&self) -> &'static str {
        self.rule
    }

    /// Fluent message key, e.g. `id-siret-checksum`.
    pub const fn message_key(&self) -> &'static str {
        self.key.as_str()
    }

    /// The same error as a blocking violation on `field`, for forms that
    /// collect parse errors together with rule violations.
    pub fn to_violation(&self, field: impl Into<String>) -> Violation {
        Violation::error(self.rule, field, self.key)
    }
}
