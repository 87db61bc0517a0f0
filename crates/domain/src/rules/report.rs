//! Collects violations with the mode's severity for missing fields.

use super::CheckMode;
use crate::messages::MessageKey;
use crate::violation::{Severity, Violation};

/// The violations found so far.
pub(super) struct Report {
    mode: CheckMode,
    violations: Vec<Violation>,
}

impl Report {
    pub(super) fn new(mode: CheckMode) -> Self {
        Self {
            mode,
            violations: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// A missing required value: an error, except in a draft where it only
    /// tells what remains to fill.
    pub(super) fn missing(&mut self, rule: &str, field: impl Into<String>) {
        self.unless_draft(Violation::error(rule, field, MessageKey::FieldRequired));
    }

    /// A violation that asks for something the form can still give: an
    /// error, a warning in a draft.
    pub(super) fn unless_draft(&mut self, mut violation: Violation) {
        if self.mode == CheckMode::Draft {
            violation.severity = Severity::Warning;
        }
        self.violations.push(violation);
    }

    /// A missing answer only the wizard can give (no amendment carries
    /// it): an error when creating or validating, a warning in a draft and
    /// when an amendment re-checks a convention agreed without it.
    pub(super) fn missing_from_the_wizard(&mut self, rule: &str, field: impl Into<String>) {
        let mut violation = Violation::error(rule, field, MessageKey::FieldRequired);
        if matches!(self.mode, CheckMode::Draft | CheckMode::Amendment) {
            violation.severity = Severity::Warning;
        }
        self.violations.push(violation);
    }

    /// Reports `field` missing unless `present`.
    pub(super) fn require(&mut self, rule: &str, field: &str, present: bool) {
        if !present {
            self.missing(rule, field);
        }
    }

    /// Reports a blank text as missing, and a too long one as FMT-03.
    pub(super) fn require_text(&mut self, rule: &str, field: &str, text: &str, max_chars: usize) {
        if text.trim().is_empty() {
            self.missing(rule, field);
        } else {
            self.max_length(field, text, max_chars);
        }
    }

    /// FMT-03 when the text is longer than `max_chars` characters.
    pub(super) fn max_length(&mut self, field: &str, text: &str, max_chars: usize) {
        if text.chars().count() > max_chars {
            self.push(
                Violation::error("FMT-03", field, MessageKey::TextTooLong)
                    .with_arg("max", u32::try_from(max_chars).unwrap_or(u32::MAX)),
            );
        }
    }

    pub(super) fn finish(self) -> Vec<Violation> {
        self.violations
    }
}
