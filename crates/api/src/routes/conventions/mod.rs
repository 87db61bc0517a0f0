//! Conventions (seed §4, §6, §8–10): create a draft, read the summary,
//! create it with a number, search, delete, validate, un-validate, reject,
//! history. Each handler extracts the request, calls one use case of
//! `crate::app::conventions` and answers.

mod create;
mod delete;
mod list;
mod read;
mod validation;

pub use create::*;
pub use delete::*;
pub use list::*;
pub use read::*;
pub use validation::*;

use crate::concurrency;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use stages_api_types::conventions::ConventionView;

/// The convention with its version as ETag.
pub fn respond(status: StatusCode, view: &ConventionView) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(concurrency::etag(view.version))
        .json(view)
}
