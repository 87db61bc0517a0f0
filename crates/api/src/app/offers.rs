//! Offers (Offres de stage et d'emploi, seed §1): the centres' staff write,
//! publish, take back and close offers; students read the published ones.
//! What an offer must say and how its status moves are the domain's
//! ([`stages_domain::offer`]); these use cases load the facts, ask, store
//! and audit.

use crate::app::caller;
use crate::auth::{Caller, Credentials};
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::offers::{self as repo, OfferRow, OfferSearch};
use crate::db::{AnyConnection, codec};
use crate::error::{ApiError, problem_violation};
use crate::i18n::Lang;
use crate::pagination::Page;
use crate::state::AppState;
use stages_api_types::offers::{OfferHost, OfferInput, OfferView};
use stages_domain::model::{Offer, OfferAction, OfferStatus};
use stages_domain::offer::{check_editable, check_offer, is_visible_to_students, transition};
use stages_domain::rules::CheckMode;
use stages_domain::{Violation, access};
use std::collections::HashMap;

/// The offer as the API sends it: staff also see how many conventions
/// name it and what it still lacks to be published, worded in `lang`.
/// The views of `rows`, with one query for their hosts and, for staff,
/// one for their conventions, whatever the number of rows: a page of 25
/// offers took 26 to 51 queries when each view read its own.
fn views(
    conn: &mut AnyConnection,
    rows: &[OfferRow],
    staff: bool,
    lang: Lang,
) -> Result<Vec<OfferView>, ApiError> {
    let organisations: Vec<i64> = rows.iter().map(|r| r.organisation_id).collect();
    let hosts = repo::hosts(conn, &organisations)?;
    let linked = if staff {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        repo::linked_conventions(conn, &ids)?
    } else {
        HashMap::new()
    };
    rows.iter()
        .map(|row| {
            let host = hosts
                .get(&row.organisation_id)
                .ok_or(crate::db::RepoError::NotFound)?;
            let offer = row.to_domain()?;
            let violations = if staff {
                check_offer(&offer, CheckMode::Complete)
                    .iter()
                    .map(|v| problem_violation(v, lang))
                    .collect()
            } else {
                Vec::new()
            };
            Ok(OfferView {
                id: row.id,
                number: row.number.clone(),
                status: row.status()?,
                organisation: OfferHost {
                    id: row.organisation_id,
                    name: host.0.clone(),
                    city: host.1.clone(),
                },
                offer,
                centre_id: row.centre_id,
                published_at: row.published_at.map(|at| at.and_utc()),
                closed_at: row.closed_at.map(|at| at.and_utc()),
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                version: row.version,
                conventions: linked.get(&row.id).copied().unwrap_or(0),
                violations,
            })
        })
        .collect()
}

/// The view of one offer.
fn view(
    conn: &mut AnyConnection,
    row: OfferRow,
    staff: bool,
    lang: Lang,
) -> Result<OfferView, ApiError> {
    views(conn, std::slice::from_ref(&row), staff, lang)?
        .pop()
        .ok_or_else(|| crate::db::RepoError::NotFound.into())
}

/// 422 when the domain finds errors in the offer at this stage.
fn refuse_errors(found: Vec<Violation>) -> Result<(), ApiError> {
    if stages_domain::violation::has_errors(&found) {
        Err(ApiError::invalid(found))
    } else {
        Ok(())
    }
}

/// The host an offer names must exist and be active (422 otherwise).
fn ensure_host(conn: &mut AnyConnection, id: i64) -> Result<(), ApiError> {
    let active = repo::organisation_active(conn, id)?;
    stages_domain::references::organisation(active, |active| *active, "organisation_id")
        .map(|_| ())
        .map_err(|v| ApiError::invalid(vec![v]))
}

/// The offer, when the caller manages its centre.
fn managed(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(caller::Context, OfferRow), ApiError> {
    let ctx = caller::load(conn, caller)?;
    let row = repo::find(conn, id)?;
    access::may_manage_offer(&ctx.roles, row.centre_id.is_some_and(|c| ctx.manages(c)))
        .map_err(|r| ApiError::refusal(&r))?;
    Ok((ctx, row))
}

/// One page of the offers that match, newest first. Staff see any status
/// (`asked`, or all) and may choose a centre; everyone else sees published
/// offers only.
pub async fn search(
    state: &AppState,
    credentials: Credentials,
    asked: Option<OfferStatus>,
    mut criteria: OfferSearch,
    lang: Lang,
) -> Result<Page<OfferView>, ApiError> {
    let limit = criteria.limit - 1;
    state
        .search_as(credentials, move |conn, caller| {
            let staff = access::is_staff(&caller.roles);
            criteria.status = stages_domain::offer::listed_status(staff, asked, "status")
                .map_err(ApiError::bad_request)?;
            criteria.centre_id = criteria.centre_id.filter(|_| staff);
            let rows = repo::search(conn, criteria)?;
            let page = crate::pagination::from_rows(rows, limit, |r| r.id);
            Ok(Page {
                items: views(conn, &page.items, staff, lang)?,
                next_cursor: page.next_cursor,
            })
        })
        .await
}

/// Records a draft offer for one of the caller's centres.
pub async fn create(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    input: OfferInput,
) -> Result<OfferView, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    refuse_errors(check_offer(&input.offer, CheckMode::Draft))?;
    let today = state.today();
    state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let centre = match input.centre_id {
                Some(c) => {
                    crate::db::centres::find_row(conn, c)?;
                    Some(c)
                }
                None => ctx.centre_keys().first().copied(),
            };
            access::may_manage_offer(&ctx.roles, centre.is_some_and(|c| ctx.manages(c)))
                .map_err(|r| ApiError::refusal(&r))?;
            crate::db::transaction(conn, |conn| {
                ensure_host(conn, input.organisation_id)?;
                let row = repo::insert(
                    conn,
                    &input.offer,
                    input.organisation_id,
                    centre,
                    ctx.user_id,
                    today,
                )?;
                audit::record(
                    conn,
                    Entity::Offer,
                    row.id,
                    "create",
                    Some(ctx.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                view(conn, row, true, lang)
            })
        })
        .await
}

/// One offer: students see published ones only (404 otherwise).
pub async fn get(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
) -> Result<OfferView, ApiError> {
    let staff = access::is_staff(&caller.roles);
    state
        .db(move |conn| {
            let row = repo::find(conn, id)?;
            if !staff && !is_visible_to_students(row.status()?) {
                return Err(ApiError::not_found());
            }
            view(conn, row, staff, lang)
        })
        .await
}

/// Rewrites what the offer read at version `expected` says; a published
/// offer must stay complete.
pub async fn update(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
    expected: i32,
    input: OfferInput,
) -> Result<OfferView, ApiError> {
    refuse_errors(check_offer(&input.offer, CheckMode::Draft))?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, before) = managed(conn, &caller, id)?;
                concurrency::check_version(expected, before.version)?;
                let status = before.status()?;
                check_editable(status).map_err(|r| ApiError::refusal(&r))?;
                if status == OfferStatus::Published {
                    refuse_errors(check_offer(&input.offer, CheckMode::Complete))?;
                }
                ensure_host(conn, input.organisation_id)?;
                let after = repo::update(conn, &before, &input.offer, input.organisation_id)?;
                audit::record(
                    conn,
                    Entity::Offer,
                    id,
                    "update",
                    Some(ctx.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                view(conn, after, true, lang)
            })
        })
        .await
}

/// Publishes, takes back or closes the offer read at version `expected`
/// (the domain's transitions); publishing needs a complete offer.
pub async fn change_status(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
    expected: i32,
    action: OfferAction,
) -> Result<OfferView, ApiError> {
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, before) = managed(conn, &caller, id)?;
                concurrency::check_version(expected, before.version)?;
                let next =
                    transition(before.status()?, action).map_err(|r| ApiError::refusal(&r))?;
                if next == OfferStatus::Published {
                    let offer: Offer = before.to_domain()?;
                    refuse_errors(check_offer(&offer, CheckMode::Complete))?;
                }
                let after = repo::set_status(conn, &before, next)?;
                audit::record(
                    conn,
                    Entity::Offer,
                    id,
                    &codec::to_code(action),
                    Some(ctx.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                view(conn, after, true, lang)
            })
        })
        .await
}
