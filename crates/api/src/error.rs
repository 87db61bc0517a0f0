//! The one error type of every handler, rendered as an RFC 9457
//! `application/problem+json` body so that clients can act on `code` and on
//! each violation's `rule` and `field` instead of parsing prose.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::{self, Lang};
use crate::texts::Text;
use stages_domain::violation::ArgValue;
use stages_domain::{Refusal, RefusalKind, Violation, requests};
use std::collections::BTreeMap;

/// `Retry-After` of a 503 unless it says otherwise.
pub const DEFAULT_RETRY_AFTER_SECS: u64 = 5;

/// Media type of every error response.
pub const PROBLEM_JSON: &str = "application/problem+json";

pub use stages_api_types::{Problem, ProblemViolation};

/// A sentence of a problem: worded already (the caller knew the
/// language), or a Fluent message worded when the response is written, in
/// the language of the request ([`i18n::current`]).
#[derive(Debug, Clone)]
enum Said {
    Worded(String),
    /// Boxed: an error travels by value through every `?`.
    Message(Box<(String, BTreeMap<String, ArgValue>)>),
}

impl Said {
    fn message(key: &str, args: &BTreeMap<String, ArgValue>) -> Self {
        Self::Message(Box::new((key.to_owned(), args.clone())))
    }

    fn text(text: Text) -> Self {
        Self::message(text.as_str(), &BTreeMap::new())
    }

    fn with_arg(mut self, name: &str, value: impl Into<ArgValue>) -> Self {
        if let Self::Message(message) = &mut self {
            message.1.insert(name.to_owned(), value.into());
        }
        self
    }

    fn worded(&self, lang: Lang) -> String {
        match self {
            Self::Worded(text) => text.clone(),
            Self::Message(message) => i18n::message(lang, &message.0, &message.1),
        }
    }
}

/// One violation of a problem, worded or to be worded.
#[derive(Debug, Clone)]
enum Item {
    Worded(ProblemViolation),
    Unworded(Violation),
}

impl Item {
    fn worded(&self, lang: Lang) -> ProblemViolation {
        match self {
            Self::Worded(v) => v.clone(),
            Self::Unworded(v) => problem_violation(v, lang),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: Option<Said>,
    violations: Vec<Item>,
    retry_after_secs: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, title: &'static str) -> Self {
        Self {
            status,
            code,
            title,
            detail: None,
            violations: Vec::new(),
            retry_after_secs: None,
        }
    }

    fn said(mut self, detail: Said) -> Self {
        self.detail = Some(detail);
        self
    }

    /// The detail in the caller's language, when the caller has it worded.
    pub fn with_detail(self, detail: impl Into<String>) -> Self {
        self.said(Said::Worded(detail.into()))
    }

    /// One rule broken by the violation, worded later.
    fn one(mut self, violation: Violation) -> Self {
        self.detail = Some(Said::message(&violation.message_key, &violation.args));
        self.violations.push(Item::Unworded(violation));
        self
    }

    /// Malformed input: the request itself breaks a rule of
    /// [`stages_domain::requests`] (400 naming the field and the rule).
    pub fn bad_request(violation: Violation) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", "Malformed request").one(violation)
    }

    /// Well-formed input that breaks business rules.
    pub fn unprocessable(violations: Vec<ProblemViolation>) -> Self {
        let mut err = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "The request breaks one or more rules",
        );
        err.violations = violations.into_iter().map(Item::Worded).collect();
        err
    }

    /// Well-formed input that breaks business rules, worded later.
    pub fn invalid(violations: Vec<Violation>) -> Self {
        let mut err = Self::unprocessable(Vec::new());
        err.violations = violations.into_iter().map(Item::Unworded).collect();
        err
    }

    pub fn unauthorized(detail: Text) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
        )
        .said(Said::text(detail))
    }

    /// A call that repeats one taken already (a platform's report sent
    /// twice): the first one counted.
    pub fn repeated(detail: Text) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", "Conflict").said(Said::text(detail))
    }

    /// Credentials refused, with an argument for the sentence.
    pub fn unauthorized_with(detail: Text, name: &str, value: i64) -> Self {
        Self::unauthorized(detail).arg(name, value)
    }

    /// An argument of the detail's sentence.
    fn arg(mut self, name: &str, value: i64) -> Self {
        self.detail = self.detail.map(|said| said.with_arg(name, value));
        self
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "Not found")
    }

    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        let mut err = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "Too many attempts",
        )
        .said(Said::text(Text::TryAgainIn).with_arg("seconds", retry_after_secs.to_string()));
        err.retry_after_secs = Some(retry_after_secs);
        err
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Unsupported media type",
        )
        .said(Said::text(Text::UnsupportedMediaType))
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "Request body too large",
        )
        .said(
            Said::text(Text::PayloadTooLarge)
                .with_arg("limit", i64::try_from(limit).unwrap_or(i64::MAX)),
        )
    }

    /// A dependency (database, directory, relay) does not answer, or the
    /// server sheds load: always with `Retry-After`, so that clients and
    /// proxies back off rather than hammer it.
    pub fn unavailable(detail: Text) -> Self {
        let mut err = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Service unavailable",
        )
        .said(Said::text(detail));
        err.retry_after_secs = Some(DEFAULT_RETRY_AFTER_SECS);
        err
    }

    /// Seconds the client should wait before trying again.
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    /// A defect or an unexpected failure of a dependency: logged in full,
    /// reported without internals.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
        )
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    /// A transition or permission the domain refused: 403 when the caller
    /// may not, 409 when the record's state does not allow it, 422 when its
    /// content breaks rules (callers that have the violations send them
    /// instead, with [`ApiError::invalid`]). Worded when the response is
    /// written, in the request's language.
    pub fn refusal(refusal: &Refusal) -> Self {
        let (status, code, title) = match refusal.kind {
            RefusalKind::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "Not allowed"),
            RefusalKind::Conflict => (StatusCode::CONFLICT, "conflict", "Conflict"),
            RefusalKind::Invalid => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "The request breaks one or more rules",
            ),
        };
        let said = Said::message(&refusal.message_key, &refusal.args);
        let mut err = Self::new(status, code, title);
        if refusal.kind != RefusalKind::Invalid {
            err.detail = Some(said.clone());
        }
        err.violations.push(Item::Unworded(Violation {
            rule: refusal.rule.clone(),
            field: String::new(),
            severity: stages_domain::Severity::Error,
            message_key: refusal.message_key.clone(),
            args: refusal.args.clone(),
        }));
        err
    }

    /// A write based on another version than the stored one.
    pub fn precondition_failed(detail: Text) -> Self {
        Self::stale(Said::text(detail))
    }

    /// The version the client named is not the stored one.
    pub fn version_changed(expected: i32, current: i32) -> Self {
        Self::stale(
            Said::text(Text::VersionChanged)
                .with_arg("expected", i64::from(expected))
                .with_arg("current", i64::from(current)),
        )
    }

    /// An `If-Match` naming no version this server hands out.
    pub fn version_unknown(value: &str) -> Self {
        Self::stale(Said::text(Text::VersionUnknown).with_arg("version", value))
    }

    fn stale(detail: Said) -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
            "Stale version",
        )
        .said(detail)
    }

    pub fn precondition_required() -> Self {
        Self::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "If-Match required",
        )
        .said(Said::text(Text::IfMatchRequired))
    }

    /// The problem response, also setting `cookie` (e.g. clearing a
    /// refresh token that no longer works).
    pub fn error_response_with_cookie(
        &self,
        cookie: actix_web::cookie::Cookie<'static>,
    ) -> HttpResponse {
        let mut response = self.error_response();
        let _ = response.add_cookie(&cookie);
        response
    }

    /// The problem body, worded in the language of the request being
    /// served.
    pub fn problem(&self) -> Problem {
        let lang = i18n::current();
        Problem {
            problem_type: format!("urn:stages:problem:{}", self.code),
            title: self.title.to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.as_ref().map(|d| d.worded(lang)),
            code: self.code.to_owned(),
            violations: self.violations.iter().map(|v| v.worded(lang)).collect(),
        }
    }
}

/// One domain violation as the API reports it.
pub fn problem_violation(v: &Violation, lang: Lang) -> ProblemViolation {
    ProblemViolation {
        rule: v.rule.clone(),
        field: v.field.clone(),
        severity: v.severity,
        message: i18n::message(lang, &v.message_key, &v.args),
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.title, self.status)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {}", detail.worded(Lang::En))?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if let Some(secs) = self.retry_after_secs {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        response.json(self.problem())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        // SQLite interrupted the request's work at its deadline. Within a
        // write it rolls the transaction back itself, and diesel's own
        // rollback then fails in its place ("no transaction is active"):
        // whatever the error, past the deadline it is that one.
        if !matches!(err, Error::NotFound) && stages_sqlite_deadline::passed() {
            tracing::warn!(%err, "work stopped at the request's deadline");
            return Self::unavailable(Text::DatabaseSlow);
        }
        match err {
            Error::NotFound => Self::not_found(),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::info!(message = info.message(), "duplicate key");
                Self::refusal(&stages_domain::requests::duplicate_record())
            }
            // SQLite refuses a second writer that could not get the lock
            // within busy_timeout (or whose read snapshot went stale): the
            // request may simply be sent again.
            Error::DatabaseError(_, info) if info.message().contains("database is locked") => {
                tracing::warn!(message = info.message(), "database busy");
                Self::unavailable(Text::DatabaseBusy)
            }
            // PostgreSQL cut a statement at the connection's
            // statement_timeout, or broke a deadlock: the database is
            // swamped, and the request may simply be sent again. (Matched on
            // the English and French server messages: diesel does not give
            // the SQLSTATE of these.)
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, info) => {
                tracing::warn!(message = info.message(), "transaction conflict");
                Self::unavailable(Text::DatabaseConflict)
            }
            // SQLite stopped a statement at the request's deadline
            // (`stages_sqlite_deadline`).
            Error::DatabaseError(_, info) if info.message() == "interrupted" => {
                tracing::warn!("statement stopped at the request's deadline");
                Self::unavailable(Text::DatabaseSlow)
            }
            Error::DatabaseError(_, info) if is_transient(info.message()) => {
                tracing::warn!(message = info.message(), "statement cut or deadlock");
                Self::unavailable(Text::DatabaseSlow)
            }
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => {
                tracing::warn!(message = info.message(), "database connection lost");
                Self::unavailable(Text::DatabaseLost)
            }
            other => Self::internal(other),
        }
    }
}

/// PostgreSQL's messages for a statement cut by its time limit or by a
/// lock wait, and for a deadlock broken, in English and French.
fn is_transient(message: &str) -> bool {
    [
        "canceling statement",
        "deadlock detected",
        "annulation de la requête",
        "blocage mortel",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl From<crate::db::RepoError> for ApiError {
    fn from(err: crate::db::RepoError) -> Self {
        use crate::db::RepoError;
        match err {
            RepoError::NotFound => Self::not_found(),
            RepoError::Stale => Self::precondition_failed(Text::ChangedWhileSaving),
            RepoError::CreatedConcurrently => Self::precondition_failed(Text::CreatedWhileSaving),
            RepoError::Busy => Self::unavailable(Text::KeepsChanging),
            RepoError::Corrupt(cause) => Self::internal(cause),
            RepoError::Query(err) => err.into(),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(err: diesel::r2d2::PoolError) -> Self {
        // r2d2 reports the last connection error it met while waiting.
        tracing::warn!(%err, "no database connection within the pool's wait");
        Self::unavailable(Text::DatabaseDown)
    }
}

impl From<crate::db::checkout::ConnectionError> for ApiError {
    fn from(err: crate::db::checkout::ConnectionError) -> Self {
        use crate::db::checkout::ConnectionError;
        match err {
            ConnectionError::Pool(err) => err.into(),
            ConnectionError::Lost(err) => {
                tracing::warn!(%err, "no pooled database connection answers");
                Self::unavailable(Text::DatabaseLost)
            }
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        Self::internal(err)
    }
}

/// Turns actix's JSON extractor failures into problems naming the field.
pub fn json_error_handler(
    err: actix_web::error::JsonPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::JsonPayloadError;
    match err {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::payload_too_large(limit).into(),
        JsonPayloadError::ContentType => ApiError::unsupported_media_type().into(),
        JsonPayloadError::Deserialize(e) => {
            let field = serde_field_name(&e.to_string()).unwrap_or_default();
            ApiError::bad_request(requests::body_invalid(&field, e.to_string())).into()
        }
        other => ApiError::bad_request(requests::body_invalid("", other.to_string())).into(),
    }
}

/// The same for form bodies (the CAS server's back-channel logout).
pub fn form_error_handler(
    err: actix_web::error::UrlencodedError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::UrlencodedError;
    match err {
        UrlencodedError::Overflow { limit, .. } => ApiError::payload_too_large(limit).into(),
        UrlencodedError::ContentType => ApiError::unsupported_media_type().into(),
        UrlencodedError::Parse(e) => {
            let field = serde_field_name(&e.to_string()).unwrap_or_default();
            ApiError::bad_request(requests::body_invalid(&field, e.to_string())).into()
        }
        other => ApiError::bad_request(requests::body_invalid("", other.to_string())).into(),
    }
}

/// serde names the offending field between backticks ("missing field `x`",
/// "unknown field `y`"); surface it as the violation's field.
pub(crate) fn serde_field_name(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_names_the_field_serde_complains_about() {
        assert_eq!(
            serde_field_name("missing field `password` at line 1 column 20"),
            Some("password".to_owned())
        );
        assert_eq!(serde_field_name("expected value"), None);
    }

    #[test]
    fn problem_type_follows_the_code() {
        let problem = ApiError::not_found().problem();
        assert_eq!(problem.problem_type, "urn:stages:problem:not_found");
        assert_eq!(problem.status, 404);
    }
}
