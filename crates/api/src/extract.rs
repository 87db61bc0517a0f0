//! Request extractors: a JSON body whose errors name the field (and the
//! domain rule when an identifier does not parse), the query string and
//! the path's segments (refused only after the credentials were checked),
//! and the caller's language.

use crate::error::{ApiError, ProblemViolation};
use crate::headers;
use crate::i18n::{self, Lang};
use crate::server::JSON_LIMIT_BYTES;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use stages_domain::requests;
use std::collections::BTreeMap;
use std::future::{Ready, ready};

mod path;
mod query;
mod shape;

pub use path::Path;
pub use query::Query;

/// A JSON request body. Unlike actix's, a failure reports the JSON path of
/// the offending field, and an identifier refused by the domain (`ID-01:
/// id-siret-checksum`) comes back as that rule's violation, worded.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + utoipa::ToSchema + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let lang = Lang::from_request(req);
        let is_json = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_json_media_type);
        let body = web::Bytes::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            match read_body::<T>(is_json, body, lang).await {
                Ok(value) => Ok(Json(value)),
                Err(refusal) => Err(crate::auth::refused_content(req, refusal).await),
            }
        })
    }
}

/// The body as `T`, or why it is refused.
async fn read_body<T: DeserializeOwned + utoipa::ToSchema>(
    is_json: bool,
    body: <web::Bytes as FromRequest>::Future,
    lang: Lang,
) -> Result<T, ApiError> {
    if !is_json {
        return Err(ApiError::unsupported_media_type());
    }
    let bytes = body
        .await
        .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
            Some(actix_web::error::PayloadError::Overflow) => {
                ApiError::payload_too_large(JSON_LIMIT_BYTES)
            }
            _ => ApiError::bad_request(requests::body_unreadable(e.to_string())),
        })?;
    let body = read(&bytes)?;
    check_characters(&body, &mut String::new())?;
    let value = deserialize(&body, lang)?;
    conforms::<T>(&body)?;
    Ok(value)
}

/// `application/json` or a structured `+json` type such as
/// `application/merge-patch+json`, parameters aside; not a longer name that
/// merely starts the same (`application/jsonfoo`).
fn is_json_media_type(content_type: &str) -> bool {
    let essence = headers::media_essence(content_type);
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.len() > "+json".len() && sub.ends_with("+json"))
}

/// Fields whose text is never printed: secrets may hold any letter.
fn is_secret(path: &str) -> bool {
    let field = path.rsplit('.').next().unwrap_or(path);
    field.contains("password") || field.contains("secret")
}

/// Refuses a control character anywhere in the body, keys included, with
/// the JSON path of the string that holds it: PostgreSQL cannot store NUL,
/// and no field of Stages is meant to hold escapes or other controls.
/// Text that may be printed is also refused in a script the documents
/// cannot print as written (TEXT-02): everything but secrets.
fn check_characters(value: &serde_json::Value, path: &mut String) -> Result<(), ApiError> {
    let refuse = |path: &str, c: char| ApiError::bad_request(requests::control_character(path, c));
    match value {
        serde_json::Value::String(text) => {
            if let Some(c) = requests::forbidden_character(text) {
                return Err(refuse(path, c));
            }
            match requests::unprintable_script(text) {
                Some(c) if !is_secret(path) => Err(ApiError::bad_request(
                    requests::unprintable_character(path, c),
                )),
                _ => Ok(()),
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if let Some(c) = requests::forbidden_character(key) {
                    return Err(refuse(path, c));
                }
                check_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The body as JSON: one value, and nothing after it.
fn read(bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request(requests::body_invalid("", e.to_string())))
}

/// A body serde accepted must also be what the document describes
/// ([`shape`]): a JSON type it forbids is refused with the field's path.
fn conforms<T: utoipa::ToSchema>(body: &serde_json::Value) -> Result<(), ApiError> {
    let name = T::name();
    let schema = shape::schema(&name)
        .ok_or_else(|| ApiError::internal(format!("no schema {name} in the OpenAPI document")))?;
    shape::check(schema, body)
        .map_err(|m| ApiError::bad_request(requests::body_invalid(&m.field, m.message)))
}

/// Deserialises a body, turning a failure into a problem naming the field.
pub fn deserialize<T: DeserializeOwned>(
    body: &serde_json::Value,
    lang: Lang,
) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(body).map_err(|err| problem(err, lang))
}

fn problem(err: serde_path_to_error::Error<serde_json::Error>, lang: Lang) -> ApiError {
    let path = err.path().to_string();
    let inner = err.into_inner();
    let text = inner.to_string();
    // A missing field is reported at its parent: name the field itself.
    let missing = text
        .starts_with("missing field")
        .then(|| crate::error::serde_field_name(&text))
        .flatten();
    let field = match (path.as_str(), missing) {
        (".", Some(name)) => name,
        (".", None) => String::new(),
        (parent, Some(name)) => format!("{parent}.{name}"),
        (path, None) => path.to_owned(),
    };
    match domain_rule(&text) {
        Some((rule, key)) => ApiError::unprocessable(vec![ProblemViolation {
            rule: rule.to_owned(),
            field,
            severity: stages_domain::Severity::Error,
            message: i18n::message(lang, key, &BTreeMap::new()),
        }]),
        None => ApiError::bad_request(requests::body_invalid(&field, text)),
    }
}

/// The domain's parse errors read `RULE: message-key` (e.g. `ID-01:
/// id-siret-checksum`), possibly followed by serde's position.
fn domain_rule(text: &str) -> Option<(&str, &str)> {
    let (rule, rest) = text.split_once(": ")?;
    let key = rest.split(" at line ").next()?.trim();
    let is_rule = !rule.is_empty()
        && rule.contains('-')
        && rule
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    (is_rule && is_key).then_some((rule, key))
}

impl FromRequest for Lang {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(Ok(Lang::from_request(req)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: DeserializeOwned>(bytes: &[u8], lang: Lang) -> Result<T, ApiError> {
        deserialize(&read(bytes)?, lang)
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Org {
        siret: stages_domain::ids::Siret,
        inner: Inner,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        count: u32,
    }

    #[test]
    fn a_refused_identifier_is_the_domain_rule_on_its_field() {
        let err = parse::<Org>(
            br#"{"siret": "73282932000075", "inner": {"count": 1}}"#,
            Lang::Fr,
        )
        .expect_err("bad SIRET");
        let problem = err.problem();
        assert_eq!(problem.status, 422);
        assert_eq!(problem.violations[0].field, "siret");
        assert!(problem.violations[0].rule.starts_with("ID-"));
        assert!(problem.violations[0].message.contains("SIRET"));
    }

    #[test]
    fn a_missing_field_is_named_with_its_parents() {
        let err = parse::<Org>(br#"{"siret": "73282932000074", "inner": {}}"#, Lang::Fr)
            .expect_err("missing count");
        assert_eq!(err.problem().violations[0].field, "inner.count");
    }

    #[test]
    fn nothing_may_follow_the_body() {
        let err =
            parse::<Inner>(br#"{"count": 1} {"count": 2}"#, Lang::Fr).expect_err("two values");
        assert_eq!(err.problem().violations[0].rule, "JSON-01");
    }

    #[test]
    fn json_media_types_are_recognised_by_their_essence() {
        for ok in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
        ] {
            assert!(is_json_media_type(ok), "{ok}");
        }
        for refused in [
            "application/jsonfoo",
            "application/json-seq",
            "text/json+x",
            "application/+json",
            "text/plain",
        ] {
            assert!(!is_json_media_type(refused), "{refused}");
        }
    }

    #[test]
    fn a_control_character_is_refused_at_its_field() {
        let body: serde_json::Value = serde_json::from_str(
            r#"{"street": "ok", "changes": [{"title": "a\tb\nc"}, {"title": "x\u0000"}]}"#,
        )
        .expect("json");
        let err = check_characters(&body, &mut String::new()).expect_err("NUL");
        let problem = err.problem();
        assert_eq!(problem.status, 400);
        assert_eq!(problem.violations[0].field, "changes[1].title");
        assert_eq!(problem.violations[0].rule, "TEXT-01");
        assert!(problem.violations[0].message.contains("U+0000"));
        let fine: serde_json::Value =
            serde_json::from_str(r#"{"text": "Ligne 1\r\nLigne 2\tfin"}"#).expect("json");
        assert!(check_characters(&fine, &mut String::new()).is_ok());
    }

    #[test]
    fn a_name_in_a_script_the_agreements_cannot_print_is_refused_at_its_field() {
        let body = serde_json::json!({"student": {"last_name": "مرحبا"}, "password": "سر"});
        let err = check_characters(&body, &mut String::new()).expect_err("Arabic");
        let problem = err.problem();
        assert_eq!(problem.status, 400);
        assert_eq!(problem.violations[0].rule, "TEXT-02");
        assert_eq!(problem.violations[0].field, "student.last_name");
        let secret = serde_json::json!({"current_password": "سر", "name": "Łucja 北京"});
        assert!(check_characters(&secret, &mut String::new()).is_ok());
    }

    #[test]
    fn a_wrong_type_names_the_nested_field() {
        let err = parse::<Org>(
            br#"{"siret": "73282932000074", "inner": {"count": "x"}}"#,
            Lang::Fr,
        )
        .expect_err("bad count");
        let problem = err.problem();
        assert_eq!(problem.status, 400);
        assert_eq!(problem.violations[0].field, "inner.count");
        assert_eq!(problem.violations[0].rule, "JSON-01");
    }
}
