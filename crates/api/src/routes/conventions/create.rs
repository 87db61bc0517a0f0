//! Starting a convention.

use super::respond;
use crate::app::conventions as app;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::problems::{Malformed, NotSignedIn};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use stages_api_types::conventions::{ConventionView, NewConvention};

/// Starts a convention (step 1 of the wizard) for one of the student's
/// enrolments; the enrolment decides the management centre.
#[utoipa::path(
    tag = "conventions",
    operation_id = "create_convention_draft",
    security(("bearer" = [])),
    request_body = NewConvention,
    responses(
        (status = 201, description = "The new draft", body = ConventionView, headers(("ETag" = String, description = "Version"))),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The centre does not let students create conventions, or the role may not", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such student", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an enrolment of the student, or no centre manages it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions")]
pub async fn create_draft(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    body: Json<NewConvention>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let today = state.today();
    let view = state
        .db(move |conn| app::create_draft(conn, &caller, input, today, lang))
        .await?;
    Ok(respond(StatusCode::CREATED, &view))
}
