//! Reading a convention and its history.

use super::respond;
use crate::app::conventions as app;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::i18n::Lang;
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use stages_api_types::conventions::{ConventionHistory, ConventionView};

/// Returns a convention with its summary (récapitulatif): content, figures,
/// violations, permissions, amendments.
#[utoipa::path(
    tag = "conventions",
    operation_id = "get_convention",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The convention", body = ConventionView, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such convention, or not visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let view = state
        .db(move |conn| {
            let (_, loaded, relation) = app::load_visible(conn, &caller, id)?;
            app::view(conn, &loaded, relation, today, lang)
        })
        .await?;
    Ok(respond(StatusCode::OK, &view))
}

/// The convention's validation history and change log.
#[utoipa::path(
    tag = "conventions",
    operation_id = "get_convention_history",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "History, oldest first", body = ConventionHistory),
        NotSignedIn,
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let history = state
        .db(move |conn| app::history(conn, &caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(history))
}
