//! Each centre's questionnaires: read them, replace one.

use super::*;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};

/// Lists a centre's three questionnaires (the national sheets until the
/// centre changes them).
#[utoipa::path(
    tag = "evaluations",
    operation_id = "list_centre_evaluation_forms",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id")),
    responses(
        (status = 200, description = "Student, supervisor and tutor questionnaires", body = Vec<CentreForm>),
        NotSignedIn,
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/centres/{id}/evaluation-forms")]
pub async fn centre_forms(
    state: web::Data<AppState>,
    _caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let centre = id.into_inner();
    let forms = state
        .db(move |conn| {
            centres::find_row(conn, centre)?;
            defaults::KINDS
                .into_iter()
                .map(|kind| evaluations::centre_form(conn, centre, kind))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(forms))
}

/// Changes a centre's questionnaire (its managers): enable it or not,
/// order its sections, add questions. Conventions already started keep
/// the form they were answered with. `If-Match: "0"` for the national sheet.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "set_centre_evaluation_form",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Centre id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
        ("If-Match" = String, Header, description = "Version read (\"0\" for the national sheet)"),
    ),
    request_body = FormInput,
    responses(
        (status = 200, description = "Saved", body = CentreForm),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Empty, duplicated or incomplete questions", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/centres/{id}/evaluation-forms/{kind}")]
pub async fn set_centre_form(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: Path<(i64, EvaluationKind)>,
    body: Json<FormInput>,
) -> Result<HttpResponse, ApiError> {
    let (centre, kind) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let input = body.into_inner();
    rules::check_form_kind(kind, &input.form).map_err(ApiError::bad_request)?;
    let problems = rules::check_form(&input.form);
    if !problems.is_empty() {
        return Err(ApiError::invalid(problems.to_vec()));
    }
    let form = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, centre)?;
            access::may_do_centre_work(
                &ctx.roles,
                ctx.rights_in(centre),
                |r| r.evaluations,
                Right::Evaluations,
            )
            .map_err(|r| ApiError::refusal(&r))?;
            crate::db::transaction(conn, |conn| {
                evaluations::set_centre_form(conn, centre, input.enabled, &input.form, expected)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(form.version))
        .json(form))
}
