//! Headers every response carries for the browser's protection, and the
//! refusal of a path that hides control characters.
//!
//! The SPA runs under a Content-Security-Policy without `'unsafe-inline'`:
//! the only inline script is Trunk's loader in `index.html`, allowed by its
//! SHA-256, read from the built file at start-up; WebAssembly needs
//! `'wasm-unsafe-eval'`. API responses allow nothing at all.

use crate::error::ApiError;
use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use stages_domain::requests;

/// The policy of API responses (JSON, PDF, files): they run nothing.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of the API reference (Swagger UI): its own scripts and styles.
pub const DOCS_CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of the static guides (`/docs/…`): plain pages with their
/// own inline style sheet, no script at all.
pub const GUIDES_CSP: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
     script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of the SPA: its own files, its loader by hash, WebAssembly.
/// (The hash is read from `index.html` at start-up: restart the server
/// after installing a new build.)
pub fn spa_csp(index_html: &str) -> String {
    let hashes: String = inline_scripts(index_html)
        .iter()
        .map(|script| {
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of the inline `<script>` elements of a page (those without
/// `src`), as the browser hashes them: the exact text between the tags.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + tag_end];
        let body_start = start + tag_end + 1;
        let Some(body_len) = rest[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&rest[body_start..body_start + body_len]);
        }
        rest = &rest[body_start + body_len..];
    }
    scripts
}

/// A `Content-Type`'s media type without its parameters, lowercase
/// (`Application/JSON; charset=utf-8` → `application/json`).
pub fn media_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a file name carries a content hash (Trunk names its outputs
/// `stages-web-<16 hex digits>.js`, `…_bg.wasm`, `main-<hash>.css`): such a
/// file never changes under its name, so browsers may keep it for a year.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Paths whose answers hold a session or who the person is: never stored
/// by a browser or a proxy.
fn is_private(path: &str) -> bool {
    path.starts_with("/api/auth/")
        || path == "/api/me"
        || path.starts_with("/api/me/")
        // A signing page and the agreement it shows, opened on a shared
        // computer, stay out of its cache.
        || path.starts_with("/api/signing/")
}

/// A control character hidden in the path by percent-encoding (`%00`):
/// refused before any handler, whose database could not store it.
fn path_control_character(path: &str) -> Option<char> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    requests::forbidden_character(&decoded)
}

/// The headers of one response, by the path it answers.
pub fn apply(path: &str, spa_csp: &HeaderValue, res: &mut ServiceResponse<BoxBody>) {
    let success = res.status().is_success();
    let headers = res.headers_mut();
    let csp = if path.starts_with("/api/docs") {
        HeaderValue::from_static(DOCS_CSP)
    } else if path.starts_with("/api/") {
        HeaderValue::from_static(API_CSP)
    } else if path.starts_with("/docs/") {
        HeaderValue::from_static(GUIDES_CSP)
    } else {
        spa_csp.clone()
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let cache = if is_private(path) {
        Some("no-store")
    } else if !path.starts_with("/api/") && is_hashed_asset(path) && success {
        Some("public, max-age=31536000, immutable")
    } else if !path.starts_with("/api/") {
        // index.html and unhashed files: checked with the server each time,
        // so that a new release is picked up at once.
        Some("no-cache")
    } else {
        None
    };
    if let Some(cache) = cache {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
}

/// The request, unless its path hides a control character: then the
/// answer to send instead.
pub fn check_path(req: ServiceRequest) -> Result<ServiceRequest, Box<ServiceResponse<BoxBody>>> {
    if let Some(character) = path_control_character(req.path()) {
        let problem = ApiError::bad_request(requests::control_character("path", character));
        Err(Box::new(req.into_response(
            actix_web::ResponseError::error_response(&problem),
        )))
    } else {
        Ok(req)
    }
}

/// The response with its headers. (Handlers' and extractors' errors are
/// already responses here; an error of another middleware passes as is.)
pub fn finish(
    path: &str,
    spa_csp: &HeaderValue,
    result: Result<ServiceResponse<BoxBody>, actix_web::Error>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let mut res = result?;
    apply(path, spa_csp, &mut res);
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_of_the_spa_is_allowed_by_its_hash() {
        let html = "<html><head><script type=\"module\">import init from '/a.js';init();</script>\
                    <script src=\"/x.js\"></script></head></html>";
        assert_eq!(
            inline_scripts(html),
            vec!["import init from '/a.js';init();"]
        );
        let csp = spa_csp(html);
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest("import init from '/a.js';init();"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/stages-web-5c8a9c3f2d4b1e7a.js"));
        assert!(is_hashed_asset("/stages-web-5c8a9c3f2d4b1e7a_bg.wasm"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/docs/guide-utilisateur.html"));
        assert!(!is_hashed_asset("/"));
    }

    #[test]
    fn control_characters_hidden_in_a_path_are_found() {
        assert!(path_control_character("/api/nomenclatures/theme/a%00b").is_some());
        assert!(path_control_character("/api/x/%1b%5B").is_some());
        assert!(path_control_character("/api/organisations/12").is_none());
        assert!(path_control_character("/api/x/caf%C3%A9").is_none());
    }
}
