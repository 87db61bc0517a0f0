//! The addresses staff vouched for (SIG-17), as administrators review
//! them: listed, and withdrawn when one was vouched for by mistake. A vouch
//! holds for every convention of every centre, so only administrators
//! withdraw one (PERM-11).

use crate::auth::Caller;
use crate::db::audit::{self, Entity};
use crate::db::codec;
use crate::db::vouched_addresses::{self as repo, Listed};
use crate::error::ApiError;
use crate::pagination::{Page, PageParams, from_rows};
use crate::state::AppState;
use stages_api_types::signatures::VouchedAddress;
use stages_domain::signature::{self, Party};
use stages_domain::{access, requests};

/// Longest address, or part of one, accepted (RFC 5321's path).
pub const MAX_ADDRESS: usize = 254;

fn view((address, vouched_by, vouched_at): Listed) -> VouchedAddress {
    VouchedAddress {
        address,
        vouched_by,
        vouched_at: vouched_at.and_utc(),
    }
}

fn check_length(field: &str, text: &str) -> Result<(), ApiError> {
    if text.chars().count() > MAX_ADDRESS {
        Err(ApiError::bad_request(requests::length(field, MAX_ADDRESS)))
    } else {
        Ok(())
    }
}

/// The vouched addresses containing `part` (any case), in address order.
pub async fn list(
    state: &AppState,
    caller: Caller,
    part: Option<String>,
    page: PageParams,
) -> Result<Page<VouchedAddress>, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let part = part.unwrap_or_default();
    check_length("q", &part)?;
    let limit = page.limit()?;
    let after: Option<String> = page.after()?;
    state
        .db(move |conn| {
            let rows = repo::list(conn, &part, after.as_deref(), limit + 1)?;
            let views = rows.into_iter().map(view).collect();
            Ok(from_rows(views, limit, |v: &VouchedAddress| {
                v.address.clone()
            }))
        })
        .await
}

/// Withdraws the vouch for `address`: no link goes there any more, and
/// those that went stop working. 404 when nobody had vouched for it.
pub async fn withdraw(state: &AppState, caller: Caller, address: String) -> Result<(), ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    check_length("address", &address)?;
    let now = chrono::Utc::now().naive_utc();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let needs_vouch = |party: &str| {
                    codec::from_code::<Party>(party)
                        .is_ok_and(signature::link_needs_vouched_address)
                };
                let withdrawn = repo::withdraw(conn, &address, now, needs_vouch)?
                    .ok_or_else(ApiError::not_found)?;
                audit::record(
                    conn,
                    Entity::User,
                    caller.user_id,
                    "vouch_withdraw",
                    Some(caller.user_id),
                    Some(&view(withdrawn)),
                    None::<&()>,
                )?;
                Ok(())
            })
        })
        .await
}
