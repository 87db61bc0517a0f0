//! Serving the built SPA: static assets, and `index.html` for every client
//! route so that deep links and reloads work.

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use std::path::{Path, PathBuf};

pub fn service(web_dir: &Path) -> Files {
    let index: PathBuf = web_dir.join("index.html");
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
        }))
}
