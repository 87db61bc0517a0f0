//! The problem responses most operations share, declared once for the
//! OpenAPI document: an operation lists them by name in its
//! `responses(...)` next to its own. (They document `ApiError`s; nothing
//! builds them.)

use crate::error::Problem;
use utoipa::IntoResponses;

/// 400: a path, query or body value that does not parse or is out of its
/// bounds, with the rule and the field.
#[derive(IntoResponses)]
#[response(
    status = 400,
    description = "Malformed request",
    content_type = "application/problem+json"
)]
pub struct Malformed(pub Problem);

/// 401: no valid access token, API token or session.
#[derive(IntoResponses)]
#[response(
    status = 401,
    description = "Not signed in",
    content_type = "application/problem+json"
)]
pub struct NotSignedIn(pub Problem);

/// 412: the `If-Match` version is not the stored one.
#[derive(IntoResponses)]
#[response(
    status = 412,
    description = "Stale version",
    content_type = "application/problem+json"
)]
pub struct Stale(pub Problem);

/// 428: a change sent without `If-Match`.
#[derive(IntoResponses)]
#[response(
    status = 428,
    description = "If-Match missing",
    content_type = "application/problem+json"
)]
pub struct IfMatchMissing(pub Problem);
