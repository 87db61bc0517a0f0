//! Offers (Offres de stage et d'emploi) as stored: one row per offer, its
//! number (`OF-2026-0001`, a counter per year), its words indexed for the
//! students' search. What an offer must say and how its status moves are
//! the domain's ([`stages_domain::offer`]); the use cases are
//! [`crate::app::offers`].

use crate::db::schema::{conventions, offer_counters, offers, organisations};
use crate::db::search::{self, Kind};
use crate::db::{AnyConnection, Backend, RepoError, RepoResult, check_written, codec};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use stages_domain::ids::{Country, Email, PostalCode};
use stages_domain::model::{ContractType, Offer, OfferKind, OfferStatus};
use std::collections::HashMap;

/// An offer as the table holds it (and as the audit log records it).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = offers)]
pub struct OfferRow {
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub organisation_id: i64,
    pub city: String,
    pub postal_code: Option<String>,
    pub country_code: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub status: String,
    pub centre_id: Option<i64>,
    pub created_by: Option<i64>,
    #[serde(serialize_with = "crate::timestamps::utc_option")]
    pub published_at: Option<NaiveDateTime>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: NaiveDateTime,
    pub contract: Option<String>,
    pub paid: Option<bool>,
    pub disability_friendly: bool,
    pub department: Option<String>,
    #[serde(serialize_with = "crate::timestamps::utc_option")]
    pub closed_at: Option<NaiveDateTime>,
}

impl OfferRow {
    pub fn status(&self) -> RepoResult<OfferStatus> {
        codec::from_code(&self.status)
    }

    /// The offer as the domain reads it.
    pub fn to_domain(&self) -> RepoResult<Offer> {
        Ok(Offer {
            kind: codec::from_code(&self.kind)?,
            title: self.title.clone(),
            description: self.description.clone(),
            city: self.city.clone(),
            postal_code: self.postal_code.clone(),
            country: Country::parse(&self.country_code).map_err(RepoError::corrupt)?,
            contract: self.contract.as_deref().map(codec::from_code).transpose()?,
            start: self.start_date,
            end: self.end_date,
            paid: self.paid,
            disability_friendly: self.disability_friendly,
            contact_name: self.contact_name.clone(),
            contact_email: self
                .contact_email
                .as_deref()
                .map(Email::parse)
                .transpose()
                .map_err(RepoError::corrupt)?,
        })
    }
}

/// The name and town of each of the hosts `organisations`, by id.
pub fn hosts(
    conn: &mut AnyConnection,
    organisations: &[i64],
) -> QueryResult<HashMap<i64, (String, String)>> {
    Ok(organisations::table
        .filter(organisations::id.eq_any(organisations))
        .select((organisations::id, organisations::name, organisations::city))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(id, name, city)| (id, (name, city)))
        .collect())
}

/// How many conventions name each of the offers `ids` (none: absent).
pub fn linked_conventions(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    Ok(conventions::table
        .filter(conventions::offer_id.eq_any(ids))
        .group_by(conventions::offer_id)
        .select((
            conventions::offer_id.assume_not_null(),
            diesel::dsl::count_star(),
        ))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect())
}

/// The offer; [`RepoError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: i64) -> RepoResult<OfferRow> {
    offers::table
        .find(id)
        .select(OfferRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}

/// The offer of this number (case and spaces ignored).
pub fn find_by_number(conn: &mut AnyConnection, number: &str) -> QueryResult<Option<OfferRow>> {
    let number: String = number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    offers::table
        .filter(offers::number.eq(number))
        .select(OfferRow::as_select())
        .first(conn)
        .optional()
}

/// Sets the last number given in `year` (a bulk load that numbered its
/// offers itself).
pub fn set_counter(conn: &mut AnyConnection, year: i32, last: i64) -> QueryResult<()> {
    let updated = diesel::update(offer_counters::table.find(year))
        .set(offer_counters::last_value.eq(last))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(offer_counters::table)
            .values((
                offer_counters::year.eq(year),
                offer_counters::last_value.eq(last),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The next number of `year`, in the caller's transaction.
fn next_number(conn: &mut AnyConnection, year: i32) -> RepoResult<String> {
    let updated = diesel::update(offer_counters::table.find(year))
        .set(offer_counters::last_value.eq(offer_counters::last_value + 1))
        .returning(offer_counters::last_value)
        .get_result::<i64>(conn)
        .optional()?;
    let value = match updated {
        Some(value) => value,
        None => {
            diesel::insert_into(offer_counters::table)
                .values((
                    offer_counters::year.eq(year),
                    offer_counters::last_value.eq(1_i64),
                ))
                .execute(conn)?;
            1
        }
    };
    Ok(format!("OF-{year}-{value:04}"))
}

/// The department of a French place of work.
fn department(offer: &Offer) -> Option<String> {
    if !offer.country.is_french_territory() {
        return None;
    }
    offer
        .postal_code
        .as_deref()
        .and_then(|p| PostalCode::parse(p).ok())
        .map(|p| p.department())
}

fn contract_code(contract: Option<ContractType>) -> Option<String> {
    contract.map(codec::to_code)
}

/// Records a new draft offer.
pub fn insert(
    conn: &mut AnyConnection,
    offer: &Offer,
    organisation_id: i64,
    centre_id: Option<i64>,
    created_by: i64,
    today: NaiveDate,
) -> RepoResult<OfferRow> {
    use chrono::Datelike;
    let now = chrono::Utc::now().naive_utc();
    let number = next_number(conn, today.year())?;
    diesel::insert_into(offers::table)
        .values((
            offers::number.eq(&number),
            offers::kind.eq(codec::to_code(offer.kind)),
            offers::title.eq(offer.title.trim()),
            offers::description.eq(offer.description.trim()),
            offers::organisation_id.eq(organisation_id),
            offers::city.eq(offer.city.trim()),
            offers::postal_code.eq(offer.postal_code.as_deref().map(str::trim)),
            offers::country_code.eq(offer.country.as_str()),
            offers::department.eq(department(offer)),
            offers::start_date.eq(offer.start),
            offers::end_date.eq(offer.end),
            offers::contract.eq(contract_code(offer.contract)),
            offers::paid.eq(offer.paid),
            offers::disability_friendly.eq(offer.disability_friendly),
            offers::contact_name.eq(offer.contact_name.as_deref().map(str::trim)),
            offers::contact_email.eq(offer.contact_email.as_ref().map(|e| e.as_str())),
            offers::status.eq(codec::to_code(OfferStatus::Draft)),
            offers::centre_id.eq(centre_id),
            offers::created_by.eq(created_by),
            offers::version.eq(1),
            offers::created_at.eq(now),
            offers::updated_at.eq(now),
        ))
        .execute(conn)?;
    let row = find_by_number(conn, &number)?.ok_or(RepoError::NotFound)?;
    reindex(conn, &row)?;
    Ok(row)
}

/// Replaces what an offer says (its status and number stay).
pub fn update(
    conn: &mut AnyConnection,
    row: &OfferRow,
    offer: &Offer,
    organisation_id: i64,
) -> RepoResult<OfferRow> {
    let written = diesel::update(
        offers::table
            .find(row.id)
            .filter(offers::version.eq(row.version)),
    )
    .set((
        offers::kind.eq(codec::to_code(offer.kind)),
        offers::title.eq(offer.title.trim()),
        offers::description.eq(offer.description.trim()),
        offers::organisation_id.eq(organisation_id),
        offers::city.eq(offer.city.trim()),
        offers::postal_code.eq(offer.postal_code.as_deref().map(str::trim)),
        offers::country_code.eq(offer.country.as_str()),
        offers::department.eq(department(offer)),
        offers::start_date.eq(offer.start),
        offers::end_date.eq(offer.end),
        offers::contract.eq(contract_code(offer.contract)),
        offers::paid.eq(offer.paid),
        offers::disability_friendly.eq(offer.disability_friendly),
        offers::contact_name.eq(offer.contact_name.as_deref().map(str::trim)),
        offers::contact_email.eq(offer.contact_email.as_ref().map(|e| e.as_str())),
        offers::version.eq(row.version + 1),
        offers::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)?;
    let row = find(conn, row.id)?;
    reindex(conn, &row)?;
    Ok(row)
}

/// Moves the offer to `status`, stamping publication and closing.
pub fn set_status(
    conn: &mut AnyConnection,
    row: &OfferRow,
    status: OfferStatus,
) -> RepoResult<OfferRow> {
    let now = chrono::Utc::now().naive_utc();
    let published_at = match status {
        OfferStatus::Published => Some(now),
        OfferStatus::Draft => None,
        OfferStatus::Filled | OfferStatus::Withdrawn => row.published_at,
    };
    let closed_at = matches!(status, OfferStatus::Filled | OfferStatus::Withdrawn).then_some(now);
    let written = diesel::update(
        offers::table
            .find(row.id)
            .filter(offers::version.eq(row.version)),
    )
    .set((
        offers::status.eq(codec::to_code(status)),
        offers::published_at.eq(published_at),
        offers::closed_at.eq(closed_at),
        offers::version.eq(row.version + 1),
        offers::updated_at.eq(now),
    ))
    .execute(conn)?;
    check_written(written)?;
    find(conn, row.id)
}

/// Indexes the words students search: title, description and host name
/// as keywords; town, postcode, department and country as the place.
pub fn reindex(conn: &mut AnyConnection, row: &OfferRow) -> QueryResult<()> {
    let host: String = organisations::table
        .find(row.organisation_id)
        .select(organisations::name)
        .first(conn)?;
    search::index(
        conn,
        Kind::Offer,
        row.id,
        &[&row.title, &row.description, &host],
    )?;
    search::index(
        conn,
        Kind::OfferPlace,
        row.id,
        &[
            &row.city,
            row.postal_code.as_deref().unwrap_or(""),
            row.department.as_deref().unwrap_or(""),
            &row.country_code,
        ],
    )
}

/// What a search of offers asks; every criterion given must match.
pub struct OfferSearch {
    pub status: Option<OfferStatus>,
    pub kind: Option<OfferKind>,
    pub keywords: Vec<String>,
    pub place: Vec<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub number: Option<String>,
    pub centre_id: Option<i64>,
    pub after: Option<i64>,
    pub limit: i64,
}

/// The offers that match, newest first; `limit` rows at most. A keyword
/// search is led by the engine ([`search::newest_first`]).
pub fn search(conn: &mut AnyConnection, s: OfferSearch) -> QueryResult<Vec<OfferRow>> {
    if !s.keywords.is_empty() {
        let newest = offers::table
            .select(diesel::dsl::max(offers::id))
            .first(conn)?;
        let walk = search::Walk {
            kind: Kind::Offer,
            words: &s.keywords,
            access: None,
            newest,
            before: s.after,
            limit: s.limit,
        };
        return search::newest_first(
            conn,
            walk,
            |o: &OfferRow| o.id,
            |conn, ids| filtered(conn, &s).filter(offers::id.eq_any(ids)).load(conn),
        );
    }
    let mut q = filtered(conn, &s);
    if let Some(after) = s.after {
        q = q.filter(offers::id.lt(after));
    }
    q.order(offers::id.desc()).limit(s.limit).load(conn)
}

type Boxed = offers::BoxedQuery<
    'static,
    Backend,
    diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<OfferRow, Backend>>,
>;

/// The offers meeting every criterion of `s` but its order, page and
/// keywords (the engine applies those: [`search`]).
fn filtered(conn: &AnyConnection, s: &OfferSearch) -> Boxed {
    let mut q = offers::table.select(OfferRow::as_select()).into_boxed();
    if let Some(status) = s.status {
        q = q.filter(offers::status.eq(codec::to_code(status)));
    }
    if let Some(kind) = s.kind {
        q = q.filter(offers::kind.eq(codec::to_code(kind)));
    }
    if let Some(m) = search::matching(conn, "offers.id", Kind::OfferPlace, &s.place) {
        q = q.filter(m);
    }
    if let Some(from) = s.from {
        q = q.filter(offers::end_date.is_null().or(offers::end_date.ge(from)));
    }
    if let Some(until) = s.until {
        q = q.filter(
            offers::start_date
                .is_null()
                .or(offers::start_date.le(until)),
        );
    }
    if let Some(number) = s.number.clone() {
        q = q.filter(offers::number.eq(number));
    }
    if let Some(centre) = s.centre_id {
        q = q.filter(offers::centre_id.eq(centre));
    }
    q
}

/// Whether the organisation is active (`None`: it does not exist).
pub fn organisation_active(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<bool>> {
    organisations::table
        .find(id)
        .select(organisations::active)
        .first(conn)
        .optional()
}
