//! Evaluations by completion (Rechercher une évaluation) and their
//! export.

use super::*;
use crate::problems::NotSignedIn;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationQuery {
    pub centre_id: Option<i64>,
    /// `2026-2027`
    pub academic_year: Option<String>,
    /// Only conventions whose questionnaire of this kind has this status
    /// (`not_started`, `draft`, `submitted`).
    pub kind: Option<EvaluationKind>,
    pub status: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Rechercher une évaluation: the validated conventions the caller may
/// see, with the completion of their three questionnaires; newest first.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "search_evaluations",
    security(("bearer" = [])),
    params(EvaluationQuery),
    responses(
        (status = 200, description = "One page", body = Page<EvaluationRow>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/evaluations")]
pub async fn search(
    state: web::Data<AppState>,
    credentials: Credentials,
    query: crate::extract::Query<EvaluationQuery>,
) -> Result<HttpResponse, ApiError> {
    let (credentials, (query, progress, after, limit)) = state
        .search_query(credentials, asked(query.into_inner()))
        .await?;
    let page = state
        .search_as(credentials, move |conn, caller| {
            let ctx = caller::load(conn, caller)?;
            let criteria = crate::db::evaluations::EvaluationSearch {
                centre_id: query.centre_id,
                academic_year: query
                    .academic_year
                    .as_deref()
                    .map(|y| y.trim().replace('/', "-")),
                progress,
                after,
                limit: limit + 1,
            };
            let rows = crate::db::evaluations::search(conn, visible_filter(&ctx), criteria)?;
            let page = crate::pagination::from_rows(rows, limit, |r| r.0);
            let names =
                crate::db::students::names_of(conn, page.items.iter().map(|row| row.2).collect())?;
            let mut items = Vec::with_capacity(page.items.len());
            for (id, number, student, year, end) in page.items {
                let name = names
                    .iter()
                    .find(|n| n.id == student)
                    .ok_or(crate::db::RepoError::NotFound)?;
                let status = |conn: &mut AnyConnection, kind| -> Result<_, ApiError> {
                    Ok(status_of(
                        evaluations::find_answers(conn, id, kind)?.as_ref(),
                    ))
                };
                items.push(EvaluationRow {
                    convention_id: id,
                    number,
                    student_number: name.student_number.clone(),
                    student_name: format!("{} {}", name.first_name, name.last_name),
                    academic_year: year,
                    end_date: end,
                    student: status(conn, EvaluationKind::Student)?,
                    supervisor: status(conn, EvaluationKind::Supervisor)?,
                    tutor: status(conn, EvaluationKind::Tutor)?,
                });
            }
            Ok(Page {
                items,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// What an evaluations search asks: the query, the questionnaire and
/// completion to keep, where the page starts and its size.
type Asked = (
    EvaluationQuery,
    Option<(EvaluationKind, EvaluationProgress)>,
    Option<i64>,
    i64,
);

/// Reads the query: a completion needs its questionnaire.
fn asked(query: EvaluationQuery) -> Result<Asked, ApiError> {
    let progress = match query.status.as_deref() {
        None => None,
        Some(status) => Some(
            crate::db::codec::from_query::<EvaluationProgress>(status).ok_or_else(|| {
                ApiError::bad_request(requests::query_one_of(
                    "status",
                    &["not_started", "draft", "submitted"],
                ))
            })?,
        ),
    };
    let progress = match (query.kind, progress) {
        (_, None) => None,
        (Some(kind), Some(progress)) => Some((kind, progress)),
        (None, Some(_)) => {
            return Err(ApiError::bad_request(requests::query_needs(
                "kind", "status",
            )));
        }
    };
    let params = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = params.limit()?;
    let after: Option<i64> = params.after()?;
    Ok((query, progress, after, limit))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    pub centre_id: i64,
    /// `2026-2027`
    pub academic_year: String,
    pub kind: EvaluationKind,
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
}

/// Exports the submitted answers of one questionnaire for a centre's year
/// (its staff): one line per convention, one column per question.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "export_evaluations",
    security(("bearer" = [])),
    params(ExportQuery),
    responses(
        (status = 200, description = "CSV (UTF-8, semicolons) or XLSX", content_type = "text/csv", body = String),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations/export")]
pub async fn export(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let format = crate::exports::parse_format(query.format.as_deref())?;
    let year = crate::exports::academic_year(&query.academic_year)?.to_string();
    let name = format!("evaluations-{}-{}", kind_code(query.kind), year);
    let table = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, query.centre_id)?;
            access::may_do_centre_work(
                &ctx.roles,
                ctx.rights_in(query.centre_id),
                |r| r.evaluations,
                Right::Evaluations,
            )
            .map_err(|r| ApiError::refusal(&r))?;
            evaluations::export::table(conn, query.centre_id, &year, query.kind)
        })
        .await?;
    crate::exports::respond(&[table], format, &name)
}
