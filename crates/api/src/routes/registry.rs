//! Importing the student registry (administrators), the same as
//! `stages import enrolments FILE.csv`.

use crate::app::registry::{self, ImportError, ImportReport};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::i18n::Lang;
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use stages_domain::access;
use stages_domain::requests;

/// Imports students and their enrolments from the student information
/// system's CSV export (header line naming the columns; `;` or `,`).
/// Lines with an error are reported and skipped; the others go in.
#[utoipa::path(
    tag = "admin",
    operation_id = "import_enrolments",
    security(("bearer" = [])),
    request_body(
        content = String,
        content_type = "text/csv",
        description = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours",
        example = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours;birth_date\n22401234;Martin;Camille;camille.martin@etu.univ-demo.fr;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450;14/04/2004\n"
    ),
    responses(
        (status = 200, description = "What was imported, and every refused line", body = ImportReport),
        (status = 400, description = "Not CSV, or a required column is missing", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "File too large", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/enrolments")]
pub async fn import(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let text = String::from_utf8(body.to_vec())
        .map_err(|e| ApiError::bad_request(requests::csv_invalid(e.to_string())))?;
    let today = state.today();
    let report = state
        .db(move |conn| {
            registry::import(conn, &text, lang, today).map_err(|e| match e {
                ImportError::Db(e) => ApiError::from(e),
                other => ApiError::bad_request(requests::csv_invalid(other.to_string())),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}
