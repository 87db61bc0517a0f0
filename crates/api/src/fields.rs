//! Checking a request's fields: every problem of every field is collected,
//! then reported at once (422) with the rule and the field, in the caller's
//! language. Identifiers go through the domain's parsers.

use crate::error::ApiError;
use stages_domain::ids::IdError;
use stages_domain::{Violation, requests};

#[derive(Default)]
pub struct Fields {
    violations: Vec<Violation>,
}

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// A required text of at most `max` characters; returns it trimmed.
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.violations.push(requests::required(field));
        } else {
            self.max_len(field, trimmed, max);
        }
        trimmed.to_owned()
    }

    /// An optional text: blank becomes `None`.
    pub fn optional_text(
        &mut self,
        field: &str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let trimmed = value.map(str::trim).filter(|v| !v.is_empty())?;
        self.max_len(field, trimmed, max);
        Some(trimmed.to_owned())
    }

    fn max_len(&mut self, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.violations.push(requests::too_long(field, max));
        }
    }

    /// A required identifier parsed by the domain.
    pub fn id<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: fn(&str) -> Result<T, IdError>,
    ) -> Option<T> {
        if value.trim().is_empty() {
            self.violations.push(requests::required(field));
            return None;
        }
        self.parsed(field, value, parse)
    }

    /// An optional identifier: blank is `None`, anything else must parse.
    pub fn optional_id<T>(
        &mut self,
        field: &str,
        value: Option<&str>,
        parse: fn(&str) -> Result<T, IdError>,
    ) -> Option<T> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        self.parsed(field, value, parse)
    }

    fn parsed<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: fn(&str) -> Result<T, IdError>,
    ) -> Option<T> {
        match parse(value) {
            Ok(parsed) => Some(parsed),
            Err(err) => {
                self.violations.push(err.to_violation(field));
                None
            }
        }
    }

    /// Adds violations found by a domain check.
    pub fn extend(&mut self, violations: impl IntoIterator<Item = Violation>) {
        self.violations.extend(violations);
    }

    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// `Ok` when no error was found; otherwise the 422 problem, worded in
    /// the request's language when it is written.
    pub fn finish(self) -> Result<(), ApiError> {
        if stages_domain::violation::has_errors(&self.violations) {
            Err(ApiError::invalid(self.violations))
        } else {
            Ok(())
        }
    }
}

/// The words to search for in the free-text parameter `field`, bounded:
/// 400 naming the parameter when the text is too long, has too many
/// words, or has no letter or digit at all (a search of punctuation must
/// not become "everything"). Nothing given is no condition.
pub fn search_words(field: &str, value: Option<&str>) -> Result<Vec<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Vec::new());
    };
    requests::check_search_text(field, value).map_err(ApiError::bad_request)?;
    let words = crate::text::query_terms(value);
    requests::check_search_words(field, words.len()).map_err(ApiError::bad_request)?;
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stages_domain::ids::{Email, Siret};
    use stages_domain::requests::{MAX_SEARCH_CHARS, MAX_SEARCH_WORDS};

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut fields = Fields::new();
        fields.text("name", "  ", 10);
        fields.id("siret", "73282932000075", Siret::parse);
        fields.optional_id("email", Some("not an email"), Email::parse);
        fields.optional_id("website", Some(""), Email::parse);
        let problem = fields.finish().expect_err("three errors").problem();
        let found: Vec<(&str, &str)> = problem
            .violations
            .iter()
            .map(|v| (v.field.as_str(), v.rule.as_str()))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0], ("name", "FORM-01"));
        assert_eq!(found[1].0, "siret");
        assert_eq!(found[2], ("email", "FMT-01"));
    }

    fn rule(value: &str) -> String {
        search_words("q", Some(value))
            .expect_err(value)
            .problem()
            .violations[0]
            .rule
            .clone()
    }

    #[test]
    fn search_texts_are_bounded() {
        assert_eq!(
            search_words("q", Some("  Société  Générale ")).ok(),
            Some(vec!["generale".to_owned(), "societe".to_owned()])
        );
        assert_eq!(search_words("q", Some("   ")).ok(), Some(vec![]));
        assert_eq!(search_words("q", None).ok(), Some(vec![]));
        assert_eq!(rule("' - . !"), "SEARCH-04");
        let many: String = (0..=MAX_SEARCH_WORDS).map(|i| format!("w{i} ")).collect();
        assert_eq!(rule(&many), "SEARCH-03");
        assert_eq!(rule(&"a".repeat(MAX_SEARCH_CHARS + 1)), "SEARCH-03");
        let err = search_words("address", Some("?")).expect_err("punctuation");
        assert_eq!(err.problem().violations[0].field, "address");
    }
}
