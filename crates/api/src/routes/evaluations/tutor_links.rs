//! The workplace tutor's link to their questionnaire: sent, revoked.

use super::*;
use crate::extract::Path;
use crate::problems::NotSignedIn;

/// Makes a new link for the convention's workplace tutor (staff); the
/// scheduler mails one at the end of the internship by itself.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "create_tutor_link",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 201, description = "The link", body = TutorLink),
        NotSignedIn,
        (status = 403, description = "Staff only (PERM-12), or without the evaluations right (PERM-16)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/evaluation-links")]
pub async fn create_link(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let app = state.clone();
    let link = state
        .db(move |conn| {
            let (ctx, loaded, relation) = load_visible(conn, &caller, id)?;
            access::may_do_staff_work(&ctx.roles).map_err(|r| ApiError::refusal(&r))?;
            if !matches!(relation, Relation::CentreManager(_) | Relation::Admin) {
                return Err(ApiError::not_found());
            }
            permissions::may_manage_evaluations(relation).map_err(|r| ApiError::refusal(&r))?;
            loaded
                .workflow
                .check_evaluations_open(&loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            let now = chrono::Utc::now().naive_utc();
            let (token, expires_at) = links::create(
                conn,
                &app.links,
                id,
                loaded.parties.tutor_id,
                Some(ctx.user_id),
                now,
            )?;
            Ok(TutorLink {
                url: format!(
                    "{}/evaluation/tutor/{token}",
                    app.config.public_url.trim_end_matches('/')
                ),
                token,
                expires_at: expires_at.and_utc(),
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(link))
}

/// Withdraws every tutor link of a convention (staff).
#[utoipa::path(
    tag = "evaluations",
    operation_id = "revoke_tutor_links",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 204, description = "Withdrawn"),
        NotSignedIn,
        (status = 403, description = "Staff only (PERM-12), or without the evaluations right (PERM-16)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/conventions/{id}/evaluation-links")]
pub async fn revoke_links(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db(move |conn| {
            let (ctx, _, relation) = load_visible(conn, &caller, id)?;
            access::may_do_staff_work(&ctx.roles).map_err(|r| ApiError::refusal(&r))?;
            if !matches!(relation, Relation::CentreManager(_) | Relation::Admin) {
                return Err(ApiError::not_found());
            }
            permissions::may_manage_evaluations(relation).map_err(|r| ApiError::refusal(&r))?;
            crate::db::evaluations::revoke_links(conn, id, chrono::Utc::now().naive_utc())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
