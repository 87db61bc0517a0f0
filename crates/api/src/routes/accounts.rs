//! Administration of people's accounts: search, deactivate, reactivate,
//! administrator rights, password reset.

use crate::app::accounts;
use crate::auth::Caller;
use crate::db::users;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::pagination::{Page, PageParams};
use crate::problems::{Malformed, NotSignedIn};
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use stages_api_types::accounts::{Account, AccountChangeRequest, AccountChanged};
use stages_domain::access;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountQuery {
    /// Words of the name or the start of the username ("bav", "gbav").
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Searches the accounts, by username.
#[utoipa::path(
    tag = "admin",
    operation_id = "search_accounts",
    security(("bearer" = [])),
    params(AccountQuery),
    responses(
        (status = 200, description = "One page of accounts, by username", body = Page<Account>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Administrators only (PERM-11)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/users")]
pub async fn search(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<AccountQuery>,
) -> Result<HttpResponse, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let query = query.into_inner();
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor,
    };
    let limit = page.limit()?;
    let after: Option<String> = page.after()?;
    let words = crate::fields::search_words("q", query.q.as_deref())?;
    let mapping = state.config.affiliation_roles.clone();
    let found = state
        .search(move |conn| {
            let rows = users::search_accounts(conn, &words, after.as_deref(), limit + 1)?;
            let page = crate::pagination::from_rows(rows, limit, |u| u.username.clone());
            Ok(page.map(|user| accounts::view(user, &mapping)))
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Changes an account: deactivate (its sessions end), reactivate, grant
/// or revoke the administrator rights, or reset its local password (the
/// temporary password is in this answer only; its owner must replace it
/// at the next sign-in).
#[utoipa::path(
    tag = "admin",
    operation_id = "change_account",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Account id")),
    request_body = AccountChangeRequest,
    responses(
        (status = 200, description = "Changed", body = AccountChanged),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Administrators only (PERM-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Your own account (ADMIN-01), the last active administrator (ADMIN-02), or a password reset of a directory or SSO account (AUTH-05)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users/{id}/changes")]
pub async fn change(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
    body: Json<AccountChangeRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let AccountChangeRequest { change } = body.into_inner();
    let mapping = state.config.affiliation_roles.clone();
    let changed: AccountChanged = state
        .db(move |conn| accounts::change(conn, &caller, id, change, &mapping))
        .await?;
    Ok(HttpResponse::Ok().json(changed))
}
