//! The student registry as callers may see it (step 1 of the wizard).

use crate::app::caller;
use crate::auth::{Caller, Credentials};
use crate::db::students::{self as repo, Student, StudentOrder};
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::pagination::{Page, PageParams};
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use stages_domain::requests;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StudentQuery {
    /// Student number, or words of the name ("mart cam").
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Where a page of students starts, as its cursor holds it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Position {
    /// The previous page's last (last name, first name, id), when listing
    /// by name.
    Name(String, String, i64),
    /// The previous page's last id, when words are searched (newest first).
    Newest(i64),
}

/// A students search as its query asks it.
struct Asked {
    number: Option<String>,
    words: Vec<String>,
    order: StudentOrder,
    limit: i64,
}

/// Reads the query: a number or words, the page's size and where it starts.
fn asked(query: StudentQuery) -> Result<Asked, ApiError> {
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<Position> = page.after()?;
    let number = query
        .q
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned);
    let words = match &number {
        Some(_) => Vec::new(),
        None => crate::fields::search_words("q", query.q.as_deref())?,
    };
    let order = match (!words.is_empty(), after) {
        (false, None) => StudentOrder::Name(None),
        (false, Some(Position::Name(last, first, id))) => {
            StudentOrder::Name(Some((last, first, id)))
        }
        (true, None) => StudentOrder::Newest(None),
        (true, Some(Position::Newest(id))) => StudentOrder::Newest(Some(id)),
        _ => return Err(ApiError::bad_request(requests::page_cursor())),
    };
    Ok(Asked {
        number,
        words,
        order,
        limit,
    })
}

/// Searches the students the caller may see, by number or name.
///
/// Words of the name list the newest first; a number, or nothing, lists by
/// name.
#[utoipa::path(
    tag = "students",
    operation_id = "search_students",
    security(("bearer" = [])),
    params(StudentQuery),
    responses(
        (status = 200, description = "One page of students: newest first when words are searched, by name otherwise", body = Page<Student>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/students")]
pub async fn list(
    state: web::Data<AppState>,
    credentials: Credentials,
    query: crate::extract::Query<StudentQuery>,
) -> Result<HttpResponse, ApiError> {
    let (credentials, asked) = state
        .search_query(credentials, asked(query.into_inner()))
        .await?;
    let Asked {
        number,
        words,
        order,
        limit,
    } = asked;
    let newest = !words.is_empty();
    let students = state
        .search_as(credentials, move |conn, caller| {
            let ctx = caller::load(conn, caller)?;
            let rows = repo::search(
                conn,
                &ctx,
                repo::Search {
                    number,
                    words,
                    order,
                    limit: limit + 1,
                },
            )?;
            let page = crate::pagination::from_rows(rows, limit, |s| {
                if newest {
                    Position::Newest(s.id)
                } else {
                    Position::Name(s.last_name.clone(), s.first_name.clone(), s.id)
                }
            });
            let items = repo::with_enrolments_all(conn, page.items)?;
            Ok(Page {
                items,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(students))
}

/// Returns a student with their enrolments; 404 when the caller may not see
/// them, so that existence does not leak.
#[utoipa::path(
    tag = "students",
    operation_id = "get_student",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Student id")),
    responses(
        (status = 200, description = "The student", body = Student),
        NotSignedIn,
        (status = 404, description = "No such student, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/students/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let student = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let row = repo::find_visible(conn, &ctx, id)?.ok_or_else(ApiError::not_found)?;
            Ok(repo::with_enrolments(conn, row)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(student))
}
