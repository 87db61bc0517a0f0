//! Optimistic concurrency: every mutable resource has a version, sent as a
//! strong ETag; an update must carry it in `If-Match`, so two people editing
//! the same record cannot silently overwrite each other.

use crate::error::ApiError;
use crate::texts::Text;
use actix_web::HttpRequest;
use actix_web::http::header::{ETAG, IF_MATCH};

/// The ETag of a version: `"7"`.
pub fn etag(version: i32) -> (actix_web::http::header::HeaderName, String) {
    (ETAG, format!("\"{version}\""))
}

/// The version the client read, from `If-Match`; 428 when absent, 412 when
/// unreadable.
pub fn expected_version(req: &HttpRequest) -> Result<i32, ApiError> {
    let value = req
        .headers()
        .get(IF_MATCH)
        .ok_or_else(ApiError::precondition_required)?
        .to_str()
        .map_err(|_| ApiError::precondition_failed(Text::IfMatchUnreadable))?;
    value
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map_err(|_| ApiError::version_unknown(value))
}

/// Refuses an update based on another version than the stored one.
pub fn check_version(expected: i32, current: i32) -> Result<(), ApiError> {
    if expected == current {
        Ok(())
    } else {
        Err(ApiError::version_changed(expected, current))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn if_match_is_required_and_read() {
        let req = TestRequest::default().to_http_request();
        assert_eq!(
            expected_version(&req)
                .expect_err("missing")
                .problem()
                .status,
            428
        );
        let req = TestRequest::default()
            .insert_header((IF_MATCH, "\"3\""))
            .to_http_request();
        assert_eq!(expected_version(&req).ok(), Some(3));
        assert_eq!(
            check_version(3, 4).expect_err("stale").problem().status,
            412
        );
        assert_eq!(
            ApiError::from(crate::db::check_written(0).expect_err("lost race"))
                .problem()
                .status,
            412
        );
    }
}
