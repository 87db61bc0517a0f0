//! Host organisations, their services and contacts (seed §4.2, steps 2, 3,
//! 4 and 7): what a request may write, checked by the domain's parsers and
//! rules, and the use cases that create and correct them with an audit
//! trail. Anyone signed in with a role records a host; staff correct any
//! record, others only one they created and nobody else changed
//! ([`access::may_edit_host_record`]).

use crate::auth::{Caller, Credentials};
use crate::concurrency;
use crate::db::audit::{self, AuditEntry, Entity};
use crate::db::organisations::{
    self as repo, ContactColumns, ContactRecord, HostServiceColumns, HostServiceRecord,
    OrganisationColumns, OrganisationRecord, OrganisationSearch,
};
use crate::db::{AnyConnection, RepoResult, nomenclatures};
use crate::error::ApiError;
use crate::fields::Fields;
use crate::state::AppState;
use serde::Serialize;
use stages_api_types::organisations::{ContactInput, HostServiceInput, OrganisationInput};
use stages_domain::ids::{Country, Email, NafCode, Phone, PostalCode, Siret};
use stages_domain::model::{Address, Organisation as DomainOrganisation};
use stages_domain::{access, references, requests};

pub const MAX_NAME: usize = 150;
pub const MAX_TEXT: usize = 255;

/// A checked organisation: the domain's view (what a convention
/// snapshots) and the columns to store.
pub struct CheckedOrganisation {
    pub domain: DomainOrganisation,
    pub columns: OrganisationColumns,
}

/// Parses and checks an organisation: identifiers through the domain's
/// parsers, then the domain's step-2 rules; every problem at once.
pub fn check(input: &OrganisationInput) -> Result<CheckedOrganisation, ApiError> {
    let mut f = Fields::new();
    let name = f.text("name", &input.name, MAX_NAME);
    let country = match input
        .country_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(code) => f.id("country_code", code, Country::parse),
        None => Some(Country::france()),
    };
    let in_france = country.as_ref().is_none_or(Country::is_french_territory);
    let siret = f.optional_id("siret", input.siret.as_deref(), Siret::parse);
    let naf = f.optional_id("naf_code", input.naf_code.as_deref(), NafCode::parse);
    let activity = f.optional_text("activity", input.activity.as_deref(), MAX_TEXT);
    let street = f.text("street", &input.street, MAX_TEXT);
    let street2 = f.optional_text("street2", input.street2.as_deref(), MAX_TEXT);
    let postal_code = if in_france {
        f.id("postal_code", &input.postal_code, PostalCode::parse)
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()
    } else {
        f.optional_text("postal_code", Some(&input.postal_code), 16)
            .unwrap_or_default()
    };
    let city = f.text("city", &input.city, MAX_TEXT);
    let phone = f.optional_id("phone", input.phone.as_deref(), Phone::parse);
    let email = f.optional_id("email", input.email.as_deref(), Email::parse);
    let website = f.optional_text("website", input.website.as_deref(), MAX_TEXT);
    let legal_status_code =
        f.optional_text("legal_status_code", input.legal_status_code.as_deref(), 32);
    let domain = DomainOrganisation {
        name: name.clone(),
        siret: siret.clone(),
        naf: naf.clone(),
        main_activity: activity.clone(),
        headcount: input.headcount,
        kind: input.kind,
        legal_status: None,
        address: Address {
            street: street.clone(),
            building: street2.clone(),
            postal_code: postal_code.clone(),
            city: city.clone(),
            country: country.clone(),
        },
        phone: phone.clone(),
        email: email.clone(),
        website: website.clone(),
    };
    // Fields that failed to parse are already reported; keep the domain's
    // "required" findings for the others only.
    let reported: Vec<String> = f.violations().iter().map(|v| v.field.clone()).collect();
    let domain_findings = stages_domain::rules::check_organisation(&domain)
        .into_iter()
        .map(|mut v| {
            v.field = match v.field.as_str() {
                "naf" => "naf_code".to_owned(),
                "address.street" => "street".to_owned(),
                "address.postal_code" => "postal_code".to_owned(),
                "address.city" => "city".to_owned(),
                "address.country" => "country_code".to_owned(),
                "kind" | "headcount" | "phone" | "siret" | "name" => v.field,
                other => other.to_owned(),
            };
            v
        })
        .filter(|v| !reported.contains(&v.field))
        .collect::<Vec<_>>();
    f.extend(domain_findings);
    f.finish()?;
    let kind = input
        .kind
        .and_then(|k| serde_json::to_value(k).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let columns = OrganisationColumns {
        department: if in_france {
            PostalCode::parse(&postal_code).ok().map(|p| p.department())
        } else {
            None
        },
        siren: siret.as_ref().map(|s| s.siren().as_str().to_owned()),
        siret: siret.map(|s| s.as_str().to_owned()),
        naf_code: naf.map(|n| n.as_str().to_owned()),
        activity,
        headcount: input
            .headcount
            .and_then(|h| i32::try_from(h).ok())
            .unwrap_or_default(),
        kind,
        legal_status_code,
        street,
        street2,
        postal_code,
        city,
        country_code: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        phone: phone.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        email: email.map(|e| e.as_str().to_owned()),
        website,
        name,
        legal_status_label: None,
    };
    Ok(CheckedOrganisation { domain, columns })
}

/// Parses and checks a service of a host organisation.
pub fn check_service(input: &HostServiceInput) -> Result<HostServiceColumns, ApiError> {
    let mut f = Fields::new();
    let name = f.text("name", &input.name, MAX_NAME);
    let street = f.text("street", &input.street, MAX_TEXT);
    let city = f.text("city", &input.city, MAX_TEXT);
    let country = match input
        .country_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(code) => f.id("country_code", code, Country::parse),
        None => Some(Country::france()),
    };
    let postal_code = if country.as_ref().is_none_or(Country::is_french_territory) {
        f.id("postal_code", &input.postal_code, PostalCode::parse)
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()
    } else {
        f.optional_text("postal_code", Some(&input.postal_code), 16)
            .unwrap_or_default()
    };
    let phone = f.optional_id("phone", input.phone.as_deref(), Phone::parse);
    f.finish()?;
    Ok(HostServiceColumns {
        name,
        street,
        postal_code,
        city,
        country_code: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        phone: phone.map(|p| p.as_str().to_owned()),
    })
}

/// Parses and checks a contact (tutor or signatory) of a service.
pub fn check_contact(input: &ContactInput) -> Result<ContactColumns, ApiError> {
    let mut f = Fields::new();
    let last_name = f.text("last_name", &input.last_name, 50);
    let first_name = f.text("first_name", &input.first_name, 50);
    let position = f.text("position", &input.position, 100);
    let email = f.id("email", &input.email, Email::parse);
    let phone = f.id("phone", &input.phone, Phone::parse);
    f.finish()?;
    Ok(ContactColumns {
        civility: input
            .civility
            .and_then(|c| serde_json::to_value(c).ok())
            .and_then(|v| v.as_str().map(str::to_owned)),
        last_name,
        first_name,
        position,
        email: email.map(|e| e.as_str().to_owned()).unwrap_or_default(),
        phone: phone.map(|p| p.as_str().to_owned()).unwrap_or_default(),
    })
}

/// Completes the columns with the legal status's label, refusing a code
/// that is not an active value of its table (422).
pub fn label_legal_status(
    conn: &mut AnyConnection,
    columns: &mut OrganisationColumns,
) -> Result<(), ApiError> {
    columns.legal_status_label = match columns.legal_status_code.as_deref() {
        None => None,
        Some(code) => Some(
            nomenclatures::label(conn, "legal_status", code)?.ok_or_else(|| {
                ApiError::invalid(vec![requests::not_in_table("legal_status_code", code)])
            })?,
        ),
    };
    Ok(())
}

/// Refuses a second active organisation with the same SIRET (409).
fn ensure_siret_free(
    conn: &mut AnyConnection,
    siret: Option<&str>,
    except: Option<i64>,
) -> Result<(), ApiError> {
    let Some(siret) = siret else {
        return Ok(());
    };
    match repo::active_with_siret(conn, siret, except)? {
        Some(existing) => Err(ApiError::refusal(&references::siret_taken(siret, existing))),
        None => Ok(()),
    }
}

/// Refuses a change of a host record the caller may not make (403): the
/// domain decides from who created it, who changed it since and whether a
/// submitted convention names it.
fn may_edit(
    conn: &mut AnyConnection,
    caller: &Caller,
    entity: Entity,
    id: i64,
    created_by: Option<i64>,
) -> Result<(), ApiError> {
    let facts = repo::host_record_facts(conn, entity, id, created_by, caller.user_id)?;
    access::may_edit_host_record(&caller.roles, facts).map_err(|r| ApiError::refusal(&r))
}

/// What a host record says of itself to a correction.
trait HostRecord: Serialize + Send + 'static {
    fn created_by(&self) -> Option<i64>;
    fn version(&self) -> i32;
}

macro_rules! host_record {
    ($($ty:ty),*) => {$(
        impl HostRecord for $ty {
            fn created_by(&self) -> Option<i64> {
                self.created_by
            }
            fn version(&self) -> i32 {
                self.version
            }
        }
    )*};
}
host_record!(OrganisationRecord, HostServiceRecord, ContactRecord);

/// Which record a correction changes, at the version the caller read.
struct Correction {
    entity: Entity,
    id: i64,
    expected: i32,
}

/// Corrects a host record in one transaction: the caller may change it
/// (the domain decides), the version is still the one read, `write` stores
/// the new content, and the change is audited with both states.
async fn correct<R, W>(
    state: &AppState,
    caller: Caller,
    c: Correction,
    find: fn(&mut AnyConnection, i64) -> RepoResult<R>,
    write: W,
) -> Result<R, ApiError>
where
    R: HostRecord,
    W: FnOnce(&mut AnyConnection, &R) -> Result<R, ApiError> + Send + 'static,
{
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = find(conn, c.id)?;
                may_edit(conn, &caller, c.entity, c.id, before.created_by())?;
                concurrency::check_version(c.expected, before.version())?;
                let after = write(conn, &before)?;
                audit::record(
                    conn,
                    c.entity,
                    c.id,
                    "update",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(after)
            })
        })
        .await
}

/// The organisations that match, one page at a time; inactive ones only
/// for staff.
pub async fn search(
    state: &AppState,
    credentials: Credentials,
    mut criteria: OrganisationSearch,
) -> Result<Vec<OrganisationRecord>, ApiError> {
    state
        .search_as(credentials, move |conn, caller| {
            criteria.include_inactive &= access::is_staff(&caller.roles);
            Ok(repo::search(conn, criteria)?)
        })
        .await
}

/// One organisation (404 when there is none).
pub async fn get(state: &AppState, id: i64) -> Result<OrganisationRecord, ApiError> {
    state.db(move |conn| Ok(repo::find(conn, id)?)).await
}

/// Records a host organisation; `dry_run` checks everything a creation
/// checks and records nothing (`None`).
pub async fn create(
    state: &AppState,
    caller: Caller,
    input: OrganisationInput,
    dry_run: bool,
) -> Result<Option<OrganisationRecord>, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let mut c = check(&input)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                label_legal_status(conn, &mut c.columns)?;
                ensure_siret_free(conn, c.columns.siret.as_deref(), None)?;
                if dry_run {
                    return Ok(None);
                }
                let row = repo::insert(conn, &c.columns, caller.user_id)?;
                audit::record(
                    conn,
                    Entity::Organisation,
                    row.id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                Ok::<_, ApiError>(Some(row))
            })
        })
        .await
}

/// Corrects the organisation read at version `expected`.
pub async fn update(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    input: OrganisationInput,
) -> Result<OrganisationRecord, ApiError> {
    let correction = Correction {
        entity: Entity::Organisation,
        id,
        expected,
    };
    correct(
        state,
        caller,
        correction,
        repo::find,
        move |conn, before| {
            let mut c = check(&input)?;
            label_legal_status(conn, &mut c.columns)?;
            if before.active {
                ensure_siret_free(conn, c.columns.siret.as_deref(), Some(id))?;
            }
            Ok(repo::update_at_version(
                conn,
                id,
                before.version,
                &c.columns,
            )?)
        },
    )
    .await
}

/// Deactivates the organisation read at version `expected` (staff).
pub async fn deactivate(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
) -> Result<(), ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find(conn, id)?;
                concurrency::check_version(expected, before.version)?;
                let after = repo::deactivate_at_version(conn, id, before.version)?;
                audit::record(
                    conn,
                    Entity::Organisation,
                    id,
                    "deactivate",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(())
            })
        })
        .await
}

/// The changes made to an organisation, oldest first (staff).
pub async fn history(
    state: &AppState,
    caller: Caller,
    id: i64,
) -> Result<Vec<AuditEntry>, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    state
        .db(move |conn| {
            repo::find(conn, id)?;
            Ok(audit::history(conn, Entity::Organisation, id)?)
        })
        .await
}

/// The organisation's services, by name.
pub async fn services(
    state: &AppState,
    organisation: i64,
) -> Result<Vec<HostServiceRecord>, ApiError> {
    state
        .db(move |conn| {
            repo::find(conn, organisation)?;
            Ok(repo::services_of(conn, organisation)?)
        })
        .await
}

/// Records a service of an organisation.
pub async fn create_service(
    state: &AppState,
    caller: Caller,
    organisation: i64,
    input: HostServiceInput,
) -> Result<HostServiceRecord, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let c = check_service(&input)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::find(conn, organisation)?;
                let row = repo::insert_service(conn, organisation, &c, caller.user_id)?;
                audit::record(
                    conn,
                    Entity::HostService,
                    row.id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                Ok::<_, ApiError>(row)
            })
        })
        .await
}

/// Corrects the service read at version `expected`.
pub async fn update_service(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    input: HostServiceInput,
) -> Result<HostServiceRecord, ApiError> {
    let c = check_service(&input)?;
    let correction = Correction {
        entity: Entity::HostService,
        id,
        expected,
    };
    correct(
        state,
        caller,
        correction,
        repo::find_service,
        move |conn, before| {
            Ok(repo::update_service_at_version(
                conn,
                id,
                before.version,
                &c,
            )?)
        },
    )
    .await
}

/// Deletes a service that nothing names any more (the domain's
/// [`references::service_deletion`]).
pub async fn delete_service(state: &AppState, caller: Caller, id: i64) -> Result<(), ApiError> {
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find_service(conn, id)?;
                may_edit(conn, &caller, Entity::HostService, id, before.created_by)?;
                let usage = repo::service_usage(conn, id)?;
                references::service_deletion(usage.contacts, usage.conventions)
                    .map_err(|r| ApiError::refusal(&r))?;
                repo::delete_service(conn, id)?;
                audit::record(
                    conn,
                    Entity::HostService,
                    id,
                    "delete",
                    Some(caller.user_id),
                    Some(&before),
                    None::<&HostServiceRecord>,
                )?;
                Ok(())
            })
        })
        .await
}

/// The service's contacts, by name.
pub async fn contacts(state: &AppState, service: i64) -> Result<Vec<ContactRecord>, ApiError> {
    state
        .db(move |conn| {
            repo::find_service(conn, service)?;
            Ok(repo::contacts_of(conn, service)?)
        })
        .await
}

/// SIG-17: whether the address `caller` types in a contact is vouched for
/// (an admin, or a manager who runs a centre's circuits).
fn vouches_for_addresses(conn: &mut AnyConnection, caller: &Caller) -> Result<bool, ApiError> {
    let ctx = crate::app::caller::load(conn, caller)?;
    Ok(stages_domain::signature::vouches_for_addresses(
        &ctx.person(),
    ))
}

/// Records a contact of a service.
pub async fn create_contact(
    state: &AppState,
    caller: Caller,
    service: i64,
    input: ContactInput,
) -> Result<ContactRecord, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let c = check_contact(&input)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::find_service(conn, service)?;
                let vouches = vouches_for_addresses(conn, &caller)?;
                let row = repo::insert_contact(conn, service, &c, caller.user_id, vouches)?;
                audit::record(
                    conn,
                    Entity::Contact,
                    row.id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                Ok::<_, ApiError>(row)
            })
        })
        .await
}

/// Corrects the contact read at version `expected`.
pub async fn update_contact(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    input: ContactInput,
) -> Result<ContactRecord, ApiError> {
    let c = check_contact(&input)?;
    let corrector = caller.clone();
    let correction = Correction {
        entity: Entity::Contact,
        id,
        expected,
    };
    correct(
        state,
        caller,
        correction,
        repo::find_contact,
        move |conn, before| {
            // Staff who typed a new address vouch for it; saving a contact
            // whose address they left as it was (a student's) does not.
            let retyped = !before.email.eq_ignore_ascii_case(c.email.trim());
            let vouched_by =
                (retyped && vouches_for_addresses(conn, &corrector)?).then_some(corrector.user_id);
            Ok(repo::update_contact_at_version(
                conn,
                id,
                before.version,
                &c,
                vouched_by,
            )?)
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_missing_field_of_the_seed_is_reported() {
        let input = OrganisationInput {
            name: String::new(),
            siret: None,
            naf_code: None,
            activity: None,
            headcount: None,
            kind: None,
            legal_status_code: None,
            street: String::new(),
            street2: None,
            postal_code: String::new(),
            city: String::new(),
            country_code: None,
            phone: None,
            email: None,
            website: None,
        };
        let problem = check(&input).err().map(|e| e.problem()).expect("invalid");
        let fields: Vec<&str> = problem
            .violations
            .iter()
            .map(|v| v.field.as_str())
            .collect();
        for field in [
            "name",
            "siret",
            "naf_code",
            "headcount",
            "kind",
            "street",
            "postal_code",
            "city",
            "phone",
        ] {
            assert!(fields.contains(&field), "{field} not in {fields:?}");
        }
    }
}
