//! The one error type of every handler, rendered as an RFC 9457
//! `application/problem+json` body so that clients can act on `code` and on
//! each violation's `rule` and `field` instead of parsing prose.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::{self, Lang};
use stages_domain::{Refusal, RefusalKind, Violation};

/// `Retry-After` of a 503 unless it says otherwise.
pub const DEFAULT_RETRY_AFTER_SECS: u64 = 5;

/// Media type of every error response.
pub const PROBLEM_JSON: &str = "application/problem+json";

pub use stages_api_types::{Problem, ProblemViolation};

#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: Option<String>,
    violations: Vec<ProblemViolation>,
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

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Malformed input: one field broke one rule.
    pub fn bad_request(field: &str, rule: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut err = Self::new(StatusCode::BAD_REQUEST, "bad_request", "Malformed request")
            .with_detail(message.clone());
        err.violations.push(ProblemViolation {
            rule: rule.to_owned(),
            field: field.to_owned(),
            severity: stages_domain::Severity::Error,
            message,
        });
        err
    }

    /// Well-formed input that breaks business rules.
    pub fn unprocessable(violations: Vec<ProblemViolation>) -> Self {
        let mut err = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "The request breaks one or more rules",
        );
        err.violations = violations;
        err
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
        )
        .with_detail(detail)
    }

    pub fn forbidden(rule: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut err = Self::new(StatusCode::FORBIDDEN, "forbidden", "Not allowed")
            .with_detail(message.clone());
        err.violations.push(ProblemViolation {
            rule: rule.to_owned(),
            field: String::new(),
            severity: stages_domain::Severity::Error,
            message,
        });
        err
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "Not found")
    }

    pub fn conflict(rule: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut err =
            Self::new(StatusCode::CONFLICT, "conflict", "Conflict").with_detail(message.clone());
        err.violations.push(ProblemViolation {
            rule: rule.to_owned(),
            field: String::new(),
            severity: stages_domain::Severity::Error,
            message,
        });
        err
    }

    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        let mut err = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "Too many attempts",
        )
        .with_detail(format!("Try again in {retry_after_secs} s."));
        err.retry_after_secs = Some(retry_after_secs);
        err
    }

    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Unsupported media type",
        )
        .with_detail("Send the body as application/json.")
    }

    pub fn payload_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "Request body too large",
        )
        .with_detail(format!("The body must not exceed {limit} bytes."))
    }

    /// A dependency (database, directory, relay) does not answer, or the
    /// server sheds load: always with `Retry-After`, so that clients and
    /// proxies back off rather than hammer it.
    pub fn unavailable(detail: impl Into<String>) -> Self {
        let mut err = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "Service unavailable",
        )
        .with_detail(detail);
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

    /// The domain's violations, worded in `lang`: 422 when any blocks.
    pub fn from_violations(violations: &[Violation], lang: Lang) -> Self {
        Self::unprocessable(
            violations
                .iter()
                .map(|v| problem_violation(v, lang))
                .collect(),
        )
    }

    /// One rule the domain found broken (a 422 naming its field).
    pub fn violation(violation: &Violation, lang: Lang) -> Self {
        Self::from_violations(std::slice::from_ref(violation), lang)
    }

    /// A transition or permission the domain refused: 403 when the caller
    /// may not, 409 when the record's state does not allow it, 422 when its
    /// content breaks rules (callers that have the violations send them
    /// instead, with [`ApiError::from_violations`]).
    pub fn refused(refusal: &Refusal, lang: Lang) -> Self {
        let message = i18n::message(lang, &refusal.message_key, &refusal.args);
        match refusal.kind {
            RefusalKind::Forbidden => Self::forbidden(&refusal.rule, message),
            RefusalKind::Conflict => Self::conflict(&refusal.rule, message),
            RefusalKind::Invalid => Self::unprocessable(vec![ProblemViolation {
                rule: refusal.rule.clone(),
                field: String::new(),
                severity: stages_domain::Severity::Error,
                message,
            }]),
        }
    }

    pub fn precondition_failed(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "precondition_failed",
            "Stale version",
        )
        .with_detail(detail)
    }

    pub fn precondition_required() -> Self {
        Self::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "If-Match required",
        )
        .with_detail("Send the ETag of the version you read in an If-Match header.")
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

    pub fn problem(&self) -> Problem {
        Problem {
            problem_type: format!("urn:stages:problem:{}", self.code),
            title: self.title.to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            violations: self.violations.clone(),
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
            write!(f, ": {detail}")?;
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
        match err {
            Error::NotFound => Self::not_found(),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => Self::conflict(
                "DB-UNIQUE",
                format!(
                    "A record with the same key already exists ({}).",
                    info.message()
                ),
            ),
            // SQLite refuses a second writer that could not get the lock
            // within busy_timeout (or whose read snapshot went stale): the
            // request may simply be sent again.
            Error::DatabaseError(_, info) if info.message().contains("database is locked") => {
                tracing::warn!(message = info.message(), "database busy");
                Self::unavailable("The database is busy: send the request again.")
            }
            // PostgreSQL cut a statement at the connection's
            // statement_timeout, or broke a deadlock: the database is
            // swamped, and the request may simply be sent again. (Matched on
            // the English and French server messages: diesel does not give
            // the SQLSTATE of these.)
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, info) => {
                tracing::warn!(message = info.message(), "transaction conflict");
                Self::unavailable("The database met a conflict: send the request again.")
            }
            Error::DatabaseError(_, info) if is_transient(info.message()) => {
                tracing::warn!(message = info.message(), "statement cut or deadlock");
                Self::unavailable("The database took too long to answer: try again shortly.")
            }
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => {
                tracing::warn!(message = info.message(), "database connection lost");
                Self::unavailable("The database connection was lost: send the request again.")
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
            RepoError::Stale => {
                Self::precondition_failed("The record changed while you were saving it: reload it.")
            }
            RepoError::Busy(detail) => Self::unavailable(detail),
            RepoError::Corrupt(cause) => Self::internal(cause),
            RepoError::Query(err) => err.into(),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(err: diesel::r2d2::PoolError) -> Self {
        // r2d2 reports the last connection error it met while waiting.
        tracing::warn!(%err, "no database connection within the pool's wait");
        Self::unavailable("The database does not answer.")
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
            ApiError::bad_request(&field, "JSON-01", format!("Invalid JSON body: {e}")).into()
        }
        other => ApiError::bad_request("", "JSON-01", format!("Invalid JSON body: {other}")).into(),
    }
}

/// serde names the offending field between backticks ("missing field `x`",
/// "unknown field `y`"); surface it as the violation's field.
pub(crate) fn serde_field_name(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

/// Turns malformed path segments (e.g. a non-numeric id) into problems.
pub fn path_error_handler(
    err: actix_web::error::PathError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    ApiError::bad_request("path", "PATH-01", format!("Invalid path parameter: {err}")).into()
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
