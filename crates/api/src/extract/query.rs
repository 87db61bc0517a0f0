//! The query string of a request, bounded before it is read: each
//! parameter's length and characters are checked and a refusal names the
//! parameter. Search terms have their own, tighter limits
//! ([`crate::db::search::words`]).

use crate::error::ApiError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Either, LocalBoxFuture};
use serde::de::DeserializeOwned;
use stages_domain::requests;
use std::future::{Ready, ready};

/// Longest whole query string, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Longest value of one parameter, in characters (an opaque cursor holds
/// a name and an id; free text is held to less by the search).
pub const MAX_PARAMETER_CHARS: usize = 1024;

/// A query string read into `T`, after [`check`].
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Query<T> {
    type Error = ApiError;
    type Future =
        Either<Ready<Result<Self, ApiError>>, LocalBoxFuture<'static, Result<Self, ApiError>>>;

    /// Ready when the query reads; a refusal waits for the credentials'
    /// check ([`crate::auth::refused_content`]).
    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        match parse(req.query_string()) {
            Ok(query) => Either::Left(ready(Ok(Query(query)))),
            Err(refusal) => {
                let req = req.clone();
                Either::Right(Box::pin(async move {
                    Err(crate::auth::refused_content(req, refusal).await)
                }))
            }
        }
    }
}

/// Reads the query string into `T`. A value that does not read
/// (`limit=many`) is named by the path serde was at
/// (`serde_path_to_error`, as for JSON bodies); a missing or unknown
/// parameter by serde's own message.
fn parse<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    check(query)?;
    let parameters = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(parameters).map_err(|e| {
        let message = e.inner().to_string();
        let field = match e.path().to_string() {
            at_root if at_root == "." => {
                crate::error::serde_field_name(&message).unwrap_or_default()
            }
            path => path,
        };
        ApiError::bad_request(requests::query_invalid(&field, message))
    })
}

/// Refuses a query string that is too long, a parameter too long, or a
/// control character in a name or a value, naming the parameter.
pub fn check(query: &str) -> Result<(), ApiError> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(ApiError::bad_request(requests::query_too_long(
            MAX_QUERY_BYTES,
        )));
    }
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query)
        .map_err(|e| ApiError::bad_request(requests::query_invalid("", e.to_string())))?;
    for (name, value) in &pairs {
        if let Some(c) =
            requests::forbidden_character(name).or_else(|| requests::forbidden_character(value))
        {
            return Err(ApiError::bad_request(requests::control_character(name, c)));
        }
        if value.chars().count() > MAX_PARAMETER_CHARS {
            return Err(ApiError::bad_request(requests::parameter_too_long(
                name,
                MAX_PARAMETER_CHARS,
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Search {
        q: Option<String>,
        limit: Option<i64>,
    }

    fn refused(query: &str) -> (String, String) {
        let problem = parse::<Search>(query).expect_err(query).problem();
        assert_eq!(problem.status, 400, "{query}");
        let v = &problem.violations[0];
        (v.field.clone(), v.rule.clone())
    }

    #[test]
    fn parameters_are_bounded_and_named() {
        assert!(parse::<Search>("q=Cœur%20de%20lion&limit=5").is_ok());
        assert_eq!(refused("q=a%00b"), ("q".into(), "TEXT-01".into()));
        assert_eq!(refused("limit=1&q=%1B"), ("q".into(), "TEXT-01".into()));
        let long = format!("q={}", "a".repeat(MAX_PARAMETER_CHARS + 1));
        assert_eq!(refused(&long), ("q".into(), "QUERY-02".into()));
        let huge = format!("q={}", "a+".repeat(MAX_QUERY_BYTES));
        assert_eq!(refused(&huge), (String::new(), "QUERY-02".into()));
        // The rule of a query string that does not read, as the domain
        // names it.
        let unreadable = requests::query_invalid("", "").rule.to_string();
        assert_eq!(refused("limit=x"), ("limit".into(), unreadable.clone()));
        assert_eq!(refused("q=a&limit=-"), ("limit".into(), unreadable));
    }
}
