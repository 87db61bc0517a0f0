//! The addresses staff vouched for (SIG-17), for administrators: listed,
//! and withdrawn when vouched for by mistake.

use crate::app::vouched_addresses as cases;
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::pagination::{Page, PageParams};
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, delete, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

pub use stages_api_types::signatures::VouchedAddress;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VouchedQuery {
    /// Part of the address, any case (254 characters at most).
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Lists the addresses staff vouched for, in address order.
#[utoipa::path(
    tag = "admin",
    operation_id = "list_vouched_addresses",
    security(("bearer" = [])),
    params(VouchedQuery),
    responses(
        (status = 200, description = "One page of addresses", body = Page<VouchedAddress>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/vouched-addresses")]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<VouchedQuery>,
) -> Result<HttpResponse, ApiError> {
    let VouchedQuery { q, limit, cursor } = query.into_inner();
    let page = cases::list(&state, caller, q, PageParams { limit, cursor }).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Withdraws the vouch for an address: no signing or evaluation link goes
/// there any more, and the unspent ones that went stop working.
#[utoipa::path(
    tag = "admin",
    operation_id = "withdraw_vouched_address",
    security(("bearer" = [])),
    params(("address" = String, Path, description = "The address, any case")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 400, description = "Address too long", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Nobody vouched for that address", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/vouched-addresses/{address}")]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: Caller,
    address: Path<String>,
) -> Result<HttpResponse, ApiError> {
    cases::withdraw(&state, caller, address.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
