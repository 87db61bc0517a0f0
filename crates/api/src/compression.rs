//! Compression of the responses built per request (the API's JSON, the
//! exports, the documentation page): gzip at its fastest level, when the
//! client accepts it and the body is text worth compressing.
//!
//! Never brotli here. actix's own middleware prefers it, and its encoder
//! takes a 4 MiB window for each response, which glibc maps and unmaps
//! every time: with eight clients the page faults and the TLB shootdowns
//! they cause on both cores cost more than the searches themselves
//! (organisations at 100k, p95 29.4 → 18.5 ms with gzip; BENCHMARKS.md).
//! The SPA's files are compressed once when built, brotli included
//! ([`crate::spa`]): those sent compressed carry their `Content-Encoding`
//! and pass through; the others are treated like any answer.
//!
//! Answers held whole in memory and not larger than 64 KiB (every search
//! page, every record) are compressed on the spot with the thread's own
//! compressor ([`in_place`]); the others by actix's encoder.

mod in_place;

use crate::headers;
use actix_http::encoding::Encoder;
use actix_web::body::{BodySize, EitherBody, MessageBody};
use actix_web::dev::{ResponseHead, ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue,
};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;

/// Bodies smaller than this go as they are: gzip's framing and the trip
/// of a larger body to a blocking thread cost more than they save.
const MIN_BYTES: u64 = 1024;

/// The middleware (`middleware::from_fn(compression::gzip)`).
pub async fn gzip(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    // A HEAD answer's body is dropped: compressing it would be wasted.
    let accepts = accepts_gzip(&req) && req.method() != Method::HEAD;
    let res = next.call(req).await?;
    Ok(res.map_body(move |head, body| {
        let compress = accepts && worth_compressing(head, body.size());
        // The encoder names the encoding and adds `Vary` when it applies
        // one; otherwise, when another request may get this compressed
        // (or a cache revalidates it), caches must know, once.
        if compress {
            // Either encoder adds its own `Vary: accept-encoding`: the
            // handler's other names are kept, that one would be twice.
            let others: Vec<HeaderValue> = head
                .headers
                .get_all(header::VARY)
                .filter_map(without_encoding)
                .collect();
            head.headers.remove(header::VARY);
            for value in others {
                head.headers.append(header::VARY, value);
            }
        } else if may_vary(head) && !varies_by_encoding(head) {
            head.headers
                .append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        if !compress {
            return EitherBody::left(Encoder::response(ContentEncoding::Identity, head, body));
        }
        if !fits_in_place(body.size()) {
            return EitherBody::left(Encoder::response(ContentEncoding::Gzip, head, body));
        }
        match body.try_into_bytes() {
            Ok(bytes) => {
                head.headers
                    .append(header::VARY, HeaderValue::from_static("accept-encoding"));
                match in_place::gzip(&bytes) {
                    Ok(packed) => {
                        head.headers
                            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                        EitherBody::right(packed)
                    }
                    // Never seen; the answer is still right as it is.
                    Err(_) => EitherBody::right(bytes),
                }
            }
            // A body of known size that is not held whole (a file).
            Err(body) => EitherBody::left(Encoder::response(ContentEncoding::Gzip, head, body)),
        }
    }))
}

/// Whether a body is small enough to be compressed where it was produced
/// ([`in_place`]).
fn fits_in_place(size: BodySize) -> bool {
    matches!(size, BodySize::Sized(bytes) if bytes <= in_place::MAX_BYTES)
}

/// Whether the same URL may be answered compressed to another request:
/// text not encoded by its handler, or a revalidation, whose `Vary` must
/// be the full answer's.
fn may_vary(head: &ResponseHead) -> bool {
    head.status == StatusCode::NOT_MODIFIED
        || (!head.headers.contains_key(header::CONTENT_ENCODING) && has_text(head))
}

/// Whether the handler said already that the answer varies by encoding
/// (the SPA's files kept compressed).
fn varies_by_encoding(head: &ResponseHead) -> bool {
    head.headers.get_all(header::VARY).any(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',')
                .any(|name| names_encoding(name) || name.trim() == "*")
        })
    })
}

fn names_encoding(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case("accept-encoding")
}

/// A `Vary` value without `accept-encoding` (`origin, accept-encoding`
/// keeps `origin`); `None` when nothing else is left. A value that is not
/// text is kept as it is.
fn without_encoding(value: &HeaderValue) -> Option<HeaderValue> {
    let Ok(text) = value.to_str() else {
        return Some(value.clone());
    };
    let others: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty() && !names_encoding(name))
        .collect();
    if others.is_empty() {
        None
    } else {
        HeaderValue::from_str(&others.join(", ")).ok()
    }
}

fn has_text(head: &ResponseHead) -> bool {
    head.headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_text)
}

/// Whether the request accepts gzip (a missing or unreadable
/// `Accept-Encoding` does not ask for it).
fn accepts_gzip(req: &ServiceRequest) -> bool {
    AcceptEncoding::parse(req)
        .is_ok_and(|accept| accept.negotiate([Encoding::gzip()].iter()) == Some(Encoding::gzip()))
}

/// Text not encoded yet nor cut to a range, large enough or of a size not
/// known in advance.
fn worth_compressing(head: &ResponseHead, size: BodySize) -> bool {
    let large = match size {
        BodySize::Sized(bytes) => bytes >= MIN_BYTES,
        BodySize::Stream => true,
        BodySize::None => false,
    };
    large
        && head.status != StatusCode::PARTIAL_CONTENT
        && !head.headers.contains_key(header::CONTENT_ENCODING)
        && has_text(head)
}

/// Media types that shrink when compressed (PDFs, spreadsheets and images
/// are compressed already; the SPA's module, when served without its
/// compressed siblings, is not).
fn is_text(content_type: &str) -> bool {
    let essence = headers::media_essence(content_type);
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(
            essence.as_str(),
            "application/json"
                | "application/javascript"
                | "application/xml"
                | "application/wasm"
                | "image/svg+xml"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test as served;
    use actix_web::{App, HttpResponse, middleware, web};

    /// Two kilobytes of text, with the status and headers of `kind`.
    async fn answer(kind: web::Path<String>) -> HttpResponse {
        let text = "stage ".repeat(400);
        match kind.as_str() {
            // The SPA's file kept compressed, sent as it is to a client
            // accepting none of its encodings.
            "kept" => HttpResponse::Ok()
                .content_type("text/javascript")
                .insert_header((header::VARY, "accept-encoding"))
                .body(text),
            // A handler whose answer varies by more than the encoding.
            "listed" => HttpResponse::Ok()
                .content_type("text/plain")
                .insert_header((header::VARY, "origin, Accept-Encoding"))
                .body(text),
            // Over what is compressed in place: actix's encoder.
            "large" => HttpResponse::Ok()
                .content_type("application/json")
                .body("stage ".repeat(20_000)),
            "revalidated" => HttpResponse::NotModified().finish(),
            "range" => HttpResponse::PartialContent()
                .content_type("text/plain")
                .body(text),
            _ => HttpResponse::Ok().content_type("text/plain").body(text),
        }
    }

    async fn served(method: Method, path: &str, accept: &str) -> ServiceResponse<impl MessageBody> {
        let app = served::init_service(
            App::new()
                .wrap(middleware::from_fn(gzip))
                .route("/{kind}", web::route().to(answer)),
        )
        .await;
        let req = served::TestRequest::default()
            .method(method)
            .uri(path)
            .insert_header((header::ACCEPT_ENCODING, accept))
            .to_request();
        served::call_service(&app, req).await
    }

    /// What `path` gets when `method` asks with `accept` for encodings:
    /// its `Content-Encoding` and its `Vary` headers.
    async fn ask(method: Method, path: &str, accept: &str) -> (Option<String>, Vec<String>) {
        let res = served(method, path, accept).await;
        let text = |v: &HeaderValue| v.to_str().unwrap_or_default().to_owned();
        (
            res.headers().get(header::CONTENT_ENCODING).map(text),
            res.headers().get_all(header::VARY).map(text).collect(),
        )
    }

    #[actix_web::test]
    async fn caches_are_told_once_that_an_answer_varies_by_encoding() {
        let vary = vec!["accept-encoding".to_owned()];
        assert_eq!(
            ask(Method::GET, "/text", "gzip").await,
            (Some("gzip".into()), vary.clone())
        );
        assert_eq!(
            ask(Method::GET, "/text", "identity").await,
            (None, vary.clone())
        );
        assert_eq!(
            ask(Method::GET, "/kept", "identity").await,
            (None, vary.clone())
        );
        // A kept file sent as it is (the SPA read no encoding it keeps in
        // the request) and gzipped here: still one `Vary`.
        assert_eq!(
            ask(Method::GET, "/kept", "gzip").await,
            (Some("gzip".into()), vary.clone())
        );
        assert_eq!(
            ask(Method::GET, "/listed", "gzip").await,
            (
                Some("gzip".into()),
                vec!["origin".into(), "accept-encoding".into()]
            )
        );
        assert_eq!(
            ask(Method::GET, "/listed", "identity").await,
            (None, vec!["origin, Accept-Encoding".into()])
        );
        assert_eq!(
            ask(Method::GET, "/revalidated", "gzip").await,
            (None, vary.clone())
        );
        // A range is of the bytes as they are; a HEAD's body is dropped.
        assert_eq!(
            ask(Method::GET, "/range", "gzip").await,
            (None, vary.clone())
        );
        assert_eq!(ask(Method::HEAD, "/text", "gzip").await, (None, vary));
    }

    #[actix_web::test]
    async fn small_and_large_answers_unpack_to_what_the_handler_wrote() {
        use std::io::Read;
        // The small one in place, the large one by actix's encoder; each
        // twice, so that the thread's compressor serves again.
        for (path, text) in [
            ("/text", "stage ".repeat(400)),
            ("/large", "stage ".repeat(20_000)),
            ("/text", "stage ".repeat(400)),
            ("/large", "stage ".repeat(20_000)),
        ] {
            let res = served(Method::GET, path, "gzip").await;
            assert_eq!(
                res.headers()
                    .get(header::CONTENT_ENCODING)
                    .map(HeaderValue::as_bytes),
                Some(&b"gzip"[..]),
                "{path}"
            );
            let packed = served::read_body(res).await;
            assert!(packed.len() * 20 < text.len(), "{path}: {}", packed.len());
            let mut unpacked = String::new();
            flate2::read::GzDecoder::new(&packed[..])
                .read_to_string(&mut unpacked)
                .expect("gzip");
            assert_eq!(unpacked, text, "{path}");
        }
    }

    #[test]
    fn text_is_compressed_and_compressed_formats_are_not() {
        for text in [
            "application/json",
            "application/problem+json",
            "text/csv; charset=utf-8",
            "text/html",
            "image/svg+xml",
            "application/javascript",
            "application/wasm",
        ] {
            assert!(is_text(text), "{text}");
        }
        for packed in [
            "application/pdf",
            "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "image/png",
        ] {
            assert!(!is_text(packed), "{packed}");
        }
    }
}
