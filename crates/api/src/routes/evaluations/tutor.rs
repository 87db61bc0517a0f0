//! What the workplace tutor reaches through their link, without an
//! account: their questionnaire, saved and submitted.

use super::*;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, Malformed, Stale};

fn tutor_sheet(
    conn: &mut AnyConnection,
    link: &links::OpenLink,
    today: NaiveDate,
) -> Result<TutorSheet, ApiError> {
    let loaded = repo::load(conn, link.convention)?;
    let effective = repo::effective(conn, &loaded)?;
    let submitted = link.used || is_submitted(conn, link.convention, EvaluationKind::Tutor)?;
    let fill = fill_decision(
        &loaded,
        Relation::Tutor,
        EvaluationKind::Tutor,
        effective.convention.internship.end,
        today,
        submitted,
    );
    let c = &loaded.content;
    Ok(TutorSheet {
        student: format!(
            "{} {}",
            c.student.student.first_name, c.student.student.last_name
        ),
        organisation: c
            .organisation
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        start: effective.convention.internship.start,
        end: effective.convention.internship.end,
        sheet: sheet(conn, &loaded, EvaluationKind::Tutor, fill)?,
    })
}

/// The tutor opens the link: the questionnaire and its answers so far. No
/// account: the link is the credential.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "open_tutor_evaluation",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "The questionnaire", body = TutorSheet, headers(("ETag" = String, description = "Version"))),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/tutor-evaluation/{token}")]
pub async fn tutor_open(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let today = state.today();
    let app = state.clone();
    let view = state
        .db(move |conn| {
            let link = links::open(conn, &app.links, &token, chrono::Utc::now().naive_utc())?;
            tutor_sheet(conn, &link, today)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.sheet.version))
        .json(view))
}

async fn tutor_save(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: String,
    answers: BTreeMap<String, Answer>,
    submit: bool,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let today = state.today();
    let app = state.clone();
    let view = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let now = chrono::Utc::now().naive_utc();
                let link = links::open(conn, &app.links, &token, now)?;
                stages_domain::rules::check_still_open(link.used)
                    .map_err(|r| ApiError::refusal(&r))?;
                let loaded = repo::load(conn, link.convention)?;
                let end = repo::effective(conn, &loaded)?.convention.internship.end;
                loaded
                    .workflow
                    .check_evaluation(
                        Relation::Tutor,
                        EvaluationKind::Tutor,
                        end,
                        today,
                        &loaded.settings,
                    )
                    .map_err(|r| ApiError::refusal(&r))?;
                let change = Change {
                    kind: EvaluationKind::Tutor,
                    answers,
                    expected,
                    submit,
                };
                save_answers(conn, &loaded, change, "tutor")?;
                if submit {
                    // Another submission through the same link spent it
                    // first: this one is refused as a closed questionnaire.
                    let spent_by_another = !crate::db::evaluations::spend_link(conn, link.id, now)?;
                    stages_domain::rules::check_still_open(spent_by_another)
                        .map_err(|r| ApiError::refusal(&r))?;
                }
                let link = links::OpenLink {
                    used: submit,
                    ..link
                };
                tutor_sheet(conn, &link, today)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.sheet.version))
        .json(view))
}

/// The tutor saves a draft through the link.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "save_tutor_evaluation",
    params(
        ("token" = String, Path, description = "The link's token"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Saved", body = TutorSheet),
        Malformed,
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, or the convention is not validated", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "An answer does not fit its question", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/tutor-evaluation/{token}")]
pub async fn tutor_draft(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: Path<String>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    tutor_save(
        state,
        req,
        token.into_inner(),
        body.into_inner().answers,
        false,
    )
    .await
}

/// The tutor submits; the link is spent.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "submit_tutor_evaluation",
    params(
        ("token" = String, Path, description = "The link's token"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Submitted", body = TutorSheet),
        Malformed,
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, or the convention is not validated", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Unanswered required questions, or answers that do not fit", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/tutor-evaluation/{token}/submit")]
pub async fn tutor_submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: Path<String>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    tutor_save(
        state,
        req,
        token.into_inner(),
        body.into_inner().answers,
        true,
    )
    .await
}
