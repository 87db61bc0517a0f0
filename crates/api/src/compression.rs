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
//! ([`crate::spa`]): they carry their `Content-Encoding` and pass through.

use actix_http::encoding::Encoder;
use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::{ResponseHead, ServiceRequest, ServiceResponse};
use actix_web::http::header::{
    self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue,
};
use actix_web::middleware::Next;

/// Bodies smaller than this go as they are: gzip's framing and the trip
/// of a larger body to a blocking thread cost more than they save.
const MIN_BYTES: u64 = 1024;

/// The middleware (`middleware::from_fn(compression::gzip)`).
pub async fn gzip(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let accepts = accepts_gzip(&req);
    let res = next.call(req).await?;
    Ok(res.map_body(move |head, body| {
        let worth = worth_compressing(head, body.size());
        if worth && !accepts {
            // Another client may get it compressed: caches must know.
            head.headers
                .append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        // The encoder names the encoding and adds `Vary` when it applies one.
        let encoding = if worth && accepts {
            ContentEncoding::Gzip
        } else {
            ContentEncoding::Identity
        };
        Encoder::response(encoding, head, body)
    }))
}

/// Whether the request accepts gzip (a missing or unreadable
/// `Accept-Encoding` does not ask for it).
fn accepts_gzip(req: &ServiceRequest) -> bool {
    AcceptEncoding::parse(req)
        .is_ok_and(|accept| accept.negotiate([Encoding::gzip()].iter()) == Some(Encoding::gzip()))
}

/// Text not encoded yet, large enough or of a size not known in advance.
fn worth_compressing(head: &ResponseHead, size: BodySize) -> bool {
    let large = match size {
        BodySize::Sized(bytes) => bytes >= MIN_BYTES,
        BodySize::Stream => true,
        BodySize::None => false,
    };
    large
        && !head.headers.contains_key(header::CONTENT_ENCODING)
        && head
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_text)
}

/// Media types that shrink when compressed (PDFs, spreadsheets and images
/// are compressed already; the SPA's module, when served without its
/// compressed siblings, is not).
fn is_text(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
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
