//! Serving the built SPA: static assets, and `index.html` for every client
//! route so that deep links and reloads work.
//!
//! The build compresses each asset once (`cargo xtask` writes `name.br`
//! and `name.gz` beside `name`, see `xtask/src/precompress.rs`): a file at
//! the root of the SPA (the module, its loader, the style sheet) is served
//! as the brotli or gzip file the request accepts, so that the 2.5 MB
//! module is not compressed again for every visitor. Files without a
//! compressed sibling are served as they are (and compressed on the fly by
//! the server's middleware).

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use std::path::{Path, PathBuf};

/// Where the built SPA is.
#[derive(Debug, Clone)]
struct WebDir(PathBuf);

/// The SPA's routes: the files at its root (with their compressed forms),
/// then every other file, and `index.html` for the client's routes.
pub fn configure(cfg: &mut web::ServiceConfig, web_dir: &Path) {
    let index: PathBuf = web_dir.join("index.html");
    cfg.service(
        web::resource("/{name:[A-Za-z0-9][A-Za-z0-9._-]*}")
            .app_data(web::Data::new(WebDir(web_dir.to_path_buf())))
            .route(web::get().to(root_file))
            .route(web::head().to(root_file)),
    )
    .service(
        Files::new("/", web_dir)
            .index_file("index.html")
            .default_handler(fn_service(move |req: ServiceRequest| {
                let index = index.clone();
                async move {
                    let (req, _) = req.into_parts();
                    let file = NamedFile::open(&index)?;
                    let res = file.into_response(&req);
                    Ok(ServiceResponse::new(req, res))
                }
            })),
    );
}

/// The encodings `req` accepts among those kept beside the assets, best
/// first (a `q=0` refuses one).
fn accepted(req: &HttpRequest) -> Vec<ContentEncoding> {
    let Some(header) = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Vec::new();
    };
    let offered: Vec<&str> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next()?;
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (!refused).then_some(name)
        })
        .collect();
    [
        ("br", ContentEncoding::Brotli),
        ("gzip", ContentEncoding::Gzip),
    ]
    .into_iter()
    .filter(|(name, _)| offered.iter().any(|o| o.eq_ignore_ascii_case(name)))
    .map(|(_, encoding)| encoding)
    .collect()
}

/// The extension of the compressed sibling of a file in `encoding`.
fn extension(encoding: ContentEncoding) -> &'static str {
    match encoding {
        ContentEncoding::Brotli => "br",
        _ => "gz",
    }
}

/// A file at the root of the SPA, in the best encoding kept and accepted;
/// `index.html` when no such file exists (a client route like `/login`).
async fn root_file(
    req: HttpRequest,
    name: web::Path<String>,
    dir: web::Data<WebDir>,
) -> actix_web::Result<HttpResponse> {
    let path = dir.0.join(name.as_str());
    if !path.is_file() {
        return Ok(NamedFile::open(dir.0.join("index.html"))?.into_response(&req));
    }
    let kept: Vec<(ContentEncoding, PathBuf)> = [ContentEncoding::Brotli, ContentEncoding::Gzip]
        .into_iter()
        .map(|e| (e, dir.0.join(format!("{name}.{}", extension(e)))))
        .filter(|(_, sibling)| sibling.is_file())
        .collect();
    let chosen = accepted(&req)
        .into_iter()
        .find_map(|wanted| kept.iter().find(|(e, _)| *e == wanted));
    let mut res = match chosen {
        Some((encoding, sibling)) => NamedFile::open(sibling)?
            .set_content_type(mime_guess::from_path(&path).first_or_octet_stream())
            .set_content_encoding(*encoding)
            .disable_content_disposition()
            .into_response(&req),
        None => NamedFile::open(&path)?.into_response(&req),
    };
    if !kept.is_empty() {
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::{App, test};

    /// A built SPA with one asset kept in its three forms.
    fn web_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("stages-spa-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("index.html"), "<html>index</html>").expect("index");
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm raw").expect("wasm");
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm.br"), b"brotli bytes").expect("br");
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm.gz"), b"gzip bytes").expect("gz");
        std::fs::write(dir.join("plain.css"), b"body{}").expect("css");
        dir
    }

    #[actix_web::test]
    async fn assets_are_served_in_the_encoding_kept_and_accepted() {
        let dir = web_dir();
        let app = test::init_service(App::new().configure(|cfg| configure(cfg, &dir))).await;
        let get = |accept: Option<&'static str>, path: &'static str| {
            let mut req = test::TestRequest::get().uri(path);
            if let Some(accept) = accept {
                req = req.insert_header((header::ACCEPT_ENCODING, accept));
            }
            req.to_request()
        };
        let wasm = "/app-0123456789abcdef_bg.wasm";
        for (accept, body, encoding) in [
            (Some("gzip, deflate, br, zstd"), "brotli bytes", Some("br")),
            (Some("gzip;q=1.0, br;q=0"), "gzip bytes", Some("gzip")),
            (Some("identity"), "\0asm raw", None),
            (None, "\0asm raw", None),
        ] {
            let res = test::call_service(&app, get(accept, wasm)).await;
            assert!(res.status().is_success(), "{accept:?}");
            let headers = res.headers().clone();
            assert_eq!(
                headers
                    .get(header::CONTENT_ENCODING)
                    .and_then(|v| v.to_str().ok()),
                encoding,
                "{accept:?}"
            );
            assert_eq!(
                headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok()),
                Some("application/wasm"),
                "{accept:?}"
            );
            assert_eq!(
                headers.get(header::VARY).and_then(|v| v.to_str().ok()),
                Some("accept-encoding")
            );
            let bytes = test::read_body(res).await;
            assert_eq!(bytes.as_ref(), body.as_bytes(), "{accept:?}");
        }
        // No compressed sibling: the file as it is.
        let res = test::call_service(&app, get(Some("br"), "/plain.css")).await;
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(test::read_body(res).await.as_ref(), b"body{}");
        // A client route, at the root or deeper: the SPA's page.
        for route in ["/login", "/conventions/12"] {
            let res = test::call_service(&app, get(None, route)).await;
            assert!(res.status().is_success(), "{route}");
            assert_eq!(test::read_body(res).await.as_ref(), b"<html>index</html>");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
