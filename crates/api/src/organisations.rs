//! Host organisations (établissements d'accueil), their services and
//! contacts: the records a convention's steps 2, 3, 4 and 7 select.

use crate::audit::Entity;
use crate::db::AnyConnection;
use crate::db::RepoResult;
use crate::db::schema::{audit_log, contacts, conventions, host_services, organisations};
use crate::error::ApiError;
use crate::fields::Fields;
use crate::i18n::Lang;
use crate::search::{self, Kind};
use crate::word_ids;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use stages_domain::ids::{Country, Email, NafCode, Phone, PostalCode, Siret};
use stages_domain::model::{Address, Contact, HostService, Organisation as DomainOrganisation};
use stages_domain::references;

pub const MAX_NAME: usize = 150;
pub const MAX_TEXT: usize = 255;

/// A row of the table as the repository reads it; the wire shape is
/// [`OrganisationRow`], which leaves out who created it.
#[derive(Debug, Clone, Serialize, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRecord {
    pub id: i64,
    pub name: String,
    pub siret: Option<String>,
    pub siren: Option<String>,
    pub naf_code: Option<String>,
    pub activity: Option<String>,
    pub headcount: i32,
    pub kind: String,
    pub legal_status_code: Option<String>,
    pub legal_status_label: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub department: Option<String>,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Deactivated organisations stay on the conventions that name them but
    /// are no longer offered.
    pub active: bool,
    #[serde(skip)]
    pub created_by: Option<i64>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: NaiveDateTime,
}

impl OrganisationRecord {
    /// The record as the API sends it.
    pub fn wire(&self) -> OrganisationRow {
        OrganisationRow {
            id: self.id,
            name: self.name.clone(),
            siret: self.siret.clone(),
            siren: self.siren.clone(),
            naf_code: self.naf_code.clone(),
            activity: self.activity.clone(),
            headcount: self.headcount,
            kind: self.kind.clone(),
            legal_status_code: self.legal_status_code.clone(),
            legal_status_label: self.legal_status_label.clone(),
            street: self.street.clone(),
            street2: self.street2.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country_code: self.country_code.clone(),
            department: self.department.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            website: self.website.clone(),
            active: self.active,
            version: self.version,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }

    /// The domain's view, as a convention snapshots it.
    pub fn to_domain(&self) -> DomainOrganisation {
        self.wire().to_domain()
    }
}

pub use stages_api_types::organisations::{OrganisationInput, OrganisationRow};

/// A checked organisation, ready to store.
pub struct CheckedOrganisation {
    pub domain: DomainOrganisation,
    pub name: String,
    pub siret: Option<String>,
    pub siren: Option<String>,
    pub naf_code: Option<String>,
    pub activity: Option<String>,
    pub headcount: i32,
    pub kind: String,
    pub legal_status_code: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub department: Option<String>,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// Parses and checks an organisation: identifiers through the domain's
/// parsers, then the domain's step-2 rules; every problem at once.
pub fn check(input: &OrganisationInput, lang: Lang) -> Result<CheckedOrganisation, ApiError> {
    let mut f = Fields::new(lang);
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
    Ok(CheckedOrganisation {
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
        domain,
        name,
    })
}

pub fn find(conn: &mut AnyConnection, id: i64) -> Result<OrganisationRecord, ApiError> {
    lookup(conn, id)?.ok_or_else(ApiError::not_found)
}

/// The organisation, or `None` when there is none with this id (a
/// reference in a request: the caller answers 422, not 404).
pub fn lookup(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<OrganisationRecord>> {
    organisations::table
        .find(id)
        .select(OrganisationRecord::as_select())
        .first(conn)
        .optional()
}

/// The label of a legal status, checked against the reference table.
pub fn legal_status_label(
    conn: &mut AnyConnection,
    code: Option<&str>,
    lang: Lang,
) -> Result<Option<String>, ApiError> {
    let Some(code) = code else {
        return Ok(None);
    };
    crate::nomenclature::label(conn, "legal_status", code)?
        .map(Some)
        .ok_or_else(|| crate::nomenclature::unknown("legal_status_code", code, lang))
}

/// Refuses a second active organisation with the same SIRET (409).
pub fn ensure_siret_free(
    conn: &mut AnyConnection,
    siret: Option<&str>,
    except: Option<i64>,
) -> Result<(), ApiError> {
    let Some(siret) = siret else {
        return Ok(());
    };
    let mut q = organisations::table
        .filter(organisations::siret.eq(siret))
        .filter(organisations::active.eq(true))
        .select(organisations::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(organisations::id.ne(id));
    }
    match q.first::<i64>(conn).optional()? {
        Some(existing) => Err(ApiError::refusal(&references::siret_taken(siret, existing))),
        None => Ok(()),
    }
}

/// Stores a checked organisation and indexes its words.
pub fn insert(
    conn: &mut AnyConnection,
    c: &CheckedOrganisation,
    legal_status_label: Option<&str>,
    actor: i64,
) -> Result<OrganisationRecord, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(organisations::table)
        .values((
            organisations::name.eq(&c.name),
            organisations::siret.eq(&c.siret),
            organisations::siren.eq(&c.siren),
            organisations::naf_code.eq(&c.naf_code),
            organisations::activity.eq(&c.activity),
            organisations::headcount.eq(c.headcount),
            organisations::kind.eq(&c.kind),
            organisations::legal_status_code.eq(&c.legal_status_code),
            organisations::legal_status_label.eq(&legal_status_label),
            organisations::street.eq(&c.street),
            organisations::street2.eq(&c.street2),
            organisations::postal_code.eq(&c.postal_code),
            organisations::city.eq(&c.city),
            organisations::country_code.eq(&c.country_code),
            organisations::department.eq(&c.department),
            organisations::phone.eq(&c.phone),
            organisations::email.eq(&c.email),
            organisations::website.eq(&c.website),
            organisations::active.eq(true),
            organisations::created_by.eq(actor),
            organisations::version.eq(1),
            organisations::created_at.eq(now),
            organisations::updated_at.eq(now),
        ))
        .returning(organisations::id)
        .get_result(conn)?;
    let row = find(conn, id)?;
    reindex(conn, &row)?;
    Ok(row)
}

/// Rewrites the organisation read at `version` with checked content.
pub fn update_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &CheckedOrganisation,
    legal_status_label: Option<&str>,
) -> RepoResult<()> {
    let written = diesel::update(
        organisations::table
            .find(id)
            .filter(organisations::version.eq(version)),
    )
    .set((
        organisations::name.eq(&c.name),
        organisations::siret.eq(&c.siret),
        organisations::siren.eq(&c.siren),
        organisations::naf_code.eq(&c.naf_code),
        organisations::activity.eq(&c.activity),
        organisations::headcount.eq(c.headcount),
        organisations::kind.eq(&c.kind),
        organisations::legal_status_code.eq(&c.legal_status_code),
        organisations::legal_status_label.eq(legal_status_label),
        organisations::street.eq(&c.street),
        organisations::street2.eq(&c.street2),
        organisations::postal_code.eq(&c.postal_code),
        organisations::city.eq(&c.city),
        organisations::country_code.eq(&c.country_code),
        organisations::department.eq(&c.department),
        organisations::phone.eq(&c.phone),
        organisations::email.eq(&c.email),
        organisations::website.eq(&c.website),
        organisations::version.eq(version + 1),
        organisations::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// Deactivates the organisation read at `version` (it stays, with its
/// history and the conventions that name it).
pub fn deactivate_at_version(conn: &mut AnyConnection, id: i64, version: i32) -> RepoResult<()> {
    let written = diesel::update(
        organisations::table
            .find(id)
            .filter(organisations::version.eq(version)),
    )
    .set((
        organisations::active.eq(false),
        organisations::version.eq(version + 1),
        organisations::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// What a search of host organisations asks; every criterion given must
/// match. `siret` holds 14 digits (a SIRET) or 9 (a SIREN); `naf` a code
/// or its beginning.
pub struct OrganisationSearch {
    pub include_inactive: bool,
    pub name: Vec<String>,
    pub address: Vec<String>,
    pub service: Vec<String>,
    pub department: Option<String>,
    pub siret: Option<String>,
    pub naf: Option<String>,
    pub phone: Option<String>,
    pub after: Option<(String, i64)>,
    pub limit: i64,
}

/// The organisations that match, by name; `limit` rows at most.
pub fn search(
    conn: &mut AnyConnection,
    s: OrganisationSearch,
) -> QueryResult<Vec<OrganisationRecord>> {
    let mut q = organisations::table
        .select(OrganisationRecord::as_select())
        .into_boxed();
    if !s.include_inactive {
        q = q.filter(organisations::active.eq(true));
    }
    for word in &s.name {
        q = q.filter(organisations::id.eq_any(word_ids!(Kind::Organisation, word)));
    }
    for word in &s.address {
        q = q.filter(organisations::id.eq_any(word_ids!(Kind::OrganisationAddress, word)));
    }
    for word in &s.service {
        q = q.filter(
            organisations::id.eq_any(
                host_services::table
                    .filter(host_services::id.eq_any(word_ids!(Kind::HostService, word)))
                    .select(host_services::organisation_id),
            ),
        );
    }
    if let Some(department) = s.department {
        q = q.filter(organisations::department.eq(department));
    }
    match s.siret {
        Some(siret) if siret.len() == 14 => q = q.filter(organisations::siret.eq(siret)),
        Some(siren) => q = q.filter(organisations::siren.eq(siren)),
        None => {}
    }
    if let Some(naf) = s.naf {
        q = q.filter(
            organisations::naf_code
                .ge(naf.clone())
                .and(organisations::naf_code.lt(crate::text::prefix_end(&naf))),
        );
    }
    if let Some(phone) = s.phone {
        q = q.filter(organisations::phone.eq(phone));
    }
    if let Some((name, id)) = s.after {
        q = q.filter(
            organisations::name
                .gt(name.clone())
                .or(organisations::name.eq(name).and(organisations::id.gt(id))),
        );
    }
    q.order((organisations::name, organisations::id))
        .limit(s.limit)
        .load(conn)
}

/// Keeps the name and address words searchable.
pub fn reindex(conn: &mut AnyConnection, row: &OrganisationRecord) -> QueryResult<()> {
    search::index(conn, Kind::Organisation, row.id, &[&row.name])?;
    search::index(
        conn,
        Kind::OrganisationAddress,
        row.id,
        &[
            &row.street,
            row.street2.as_deref().unwrap_or(""),
            &row.postal_code,
            &row.city,
        ],
    )
}

/// What the rules need to know of a host record before someone changes
/// it ([`stages_domain::access::may_edit_host_record`]). A record is named
/// by a created convention through its parties, or through an amendment
/// of one (a new service or tutor, validated or not).
pub fn host_record_facts(
    conn: &mut AnyConnection,
    entity: Entity,
    id: i64,
    creator: Option<i64>,
    caller: i64,
) -> QueryResult<stages_domain::access::HostRecordFacts> {
    use crate::db::schema::{amendments, conventions};
    let submitted = conventions::table.filter(conventions::submitted_at.is_not_null());
    let named: i64 = match entity {
        Entity::Organisation => submitted
            .filter(conventions::organisation_id.eq(id))
            .count()
            .get_result(conn)?,
        Entity::HostService => submitted
            .filter(conventions::host_service_id.eq(id))
            .count()
            .get_result(conn)?,
        Entity::Contact => submitted
            .filter(
                conventions::tutor_id
                    .eq(id)
                    .or(conventions::signatory_id.eq(id)),
            )
            .count()
            .get_result(conn)?,
        _ => 0,
    };
    // Amendments exist only for created conventions.
    let by_amendment: i64 = match entity {
        Entity::HostService => amendments::table
            .filter(amendments::host_service_id.eq(id))
            .count()
            .get_result(conn)?,
        Entity::Contact => amendments::table
            .filter(amendments::tutor_id.eq(id))
            .count()
            .get_result(conn)?,
        _ => 0,
    };
    Ok(stages_domain::access::HostRecordFacts {
        created_by_caller: creator == Some(caller),
        changed_by_someone_else: changed_by_someone_else(conn, entity, id, creator)?,
        named_by_submitted_convention: named + by_amendment > 0,
    })
}

/// Whether someone other than `creator` changed the record since its
/// creation (the audit log tells).
pub fn changed_by_someone_else(
    conn: &mut AnyConnection,
    entity: Entity,
    id: i64,
    creator: Option<i64>,
) -> QueryResult<bool> {
    let others: i64 = audit_log::table
        .filter(audit_log::entity.eq(entity.as_str()))
        .filter(audit_log::entity_id.eq(id))
        .filter(audit_log::action.ne("create"))
        .filter(
            audit_log::actor_id
                .ne(creator.unwrap_or(-1))
                .or(audit_log::actor_id.is_null()),
        )
        .count()
        .get_result(conn)?;
    Ok(others > 0)
}

/// A row of the table as the repository reads it; the wire shape is
/// [`HostServiceRow`], which leaves out who created it.
#[derive(Debug, Clone, Serialize, Queryable, Selectable)]
#[diesel(table_name = host_services)]
pub struct HostServiceRecord {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: Option<String>,
    #[serde(skip)]
    pub created_by: Option<i64>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: NaiveDateTime,
}

impl HostServiceRecord {
    /// The record as the API sends it.
    pub fn wire(&self) -> HostServiceRow {
        HostServiceRow {
            id: self.id,
            organisation_id: self.organisation_id,
            name: self.name.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            country_code: self.country_code.clone(),
            phone: self.phone.clone(),
            version: self.version,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }

    /// The domain's view, as a convention snapshots it.
    pub fn to_domain(&self) -> HostService {
        self.wire().to_domain()
    }
}

pub use stages_api_types::organisations::{HostServiceInput, HostServiceRow};

pub struct CheckedHostService {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: Option<String>,
}

pub fn check_service(input: &HostServiceInput, lang: Lang) -> Result<CheckedHostService, ApiError> {
    let mut f = Fields::new(lang);
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
    Ok(CheckedHostService {
        name,
        street,
        postal_code,
        city,
        country_code: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        phone: phone.map(|p| p.as_str().to_owned()),
    })
}

/// Stores a checked service of `organisation` and indexes its name.
pub fn insert_service(
    conn: &mut AnyConnection,
    organisation: i64,
    c: &CheckedHostService,
    actor: i64,
) -> Result<HostServiceRecord, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(host_services::table)
        .values((
            host_services::organisation_id.eq(organisation),
            host_services::name.eq(&c.name),
            host_services::street.eq(&c.street),
            host_services::postal_code.eq(&c.postal_code),
            host_services::city.eq(&c.city),
            host_services::country_code.eq(&c.country_code),
            host_services::phone.eq(&c.phone),
            host_services::created_by.eq(actor),
            host_services::version.eq(1),
            host_services::created_at.eq(now),
            host_services::updated_at.eq(now),
        ))
        .returning(host_services::id)
        .get_result(conn)?;
    let row = find_service(conn, id)?;
    search::index(conn, Kind::HostService, id, &[&row.name])?;
    Ok(row)
}

pub fn find_service(conn: &mut AnyConnection, id: i64) -> Result<HostServiceRecord, ApiError> {
    lookup_service(conn, id)?.ok_or_else(ApiError::not_found)
}

/// The service, or `None` when there is none with this id.
pub fn lookup_service(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<HostServiceRecord>> {
    host_services::table
        .find(id)
        .select(HostServiceRecord::as_select())
        .first(conn)
        .optional()
}

/// A row of the table as the repository reads it; the wire shape is
/// [`ContactRow`], which leaves out who created it.
#[derive(Debug, Clone, Serialize, Queryable, Selectable)]
#[diesel(table_name = contacts)]
pub struct ContactRecord {
    pub id: i64,
    pub host_service_id: i64,
    pub civility: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
    #[serde(skip)]
    pub created_by: Option<i64>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::timestamps::utc")]
    pub updated_at: NaiveDateTime,
}

impl ContactRecord {
    /// The record as the API sends it.
    pub fn wire(&self) -> ContactRow {
        ContactRow {
            id: self.id,
            host_service_id: self.host_service_id,
            civility: self.civility.clone(),
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            position: self.position.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            version: self.version,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }

    /// The domain's view, as a convention snapshots it.
    pub fn to_domain(&self) -> Contact {
        self.wire().to_domain()
    }
}

pub use stages_api_types::organisations::{ContactInput, ContactRow};

pub struct CheckedContact {
    pub civility: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

pub fn check_contact(input: &ContactInput, lang: Lang) -> Result<CheckedContact, ApiError> {
    let mut f = Fields::new(lang);
    let last_name = f.text("last_name", &input.last_name, 50);
    let first_name = f.text("first_name", &input.first_name, 50);
    let position = f.text("position", &input.position, 100);
    let email = f.id("email", &input.email, Email::parse);
    let phone = f.id("phone", &input.phone, Phone::parse);
    f.finish()?;
    Ok(CheckedContact {
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

/// Stores a checked contact of `service`.
pub fn insert_contact(
    conn: &mut AnyConnection,
    service: i64,
    c: &CheckedContact,
    actor: i64,
) -> Result<ContactRecord, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(contacts::table)
        .values((
            contacts::host_service_id.eq(service),
            contacts::civility.eq(&c.civility),
            contacts::last_name.eq(&c.last_name),
            contacts::first_name.eq(&c.first_name),
            contacts::position.eq(&c.position),
            contacts::email.eq(&c.email),
            contacts::phone.eq(&c.phone),
            contacts::created_by.eq(actor),
            contacts::version.eq(1),
            contacts::created_at.eq(now),
            contacts::updated_at.eq(now),
        ))
        .returning(contacts::id)
        .get_result(conn)?;
    let row = find_contact(conn, id)?;
    Ok(row)
}

pub fn find_contact(conn: &mut AnyConnection, id: i64) -> Result<ContactRecord, ApiError> {
    lookup_contact(conn, id)?.ok_or_else(ApiError::not_found)
}

/// The contact, or `None` when there is none with this id.
pub fn lookup_contact(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ContactRecord>> {
    contacts::table
        .find(id)
        .select(ContactRecord::as_select())
        .first(conn)
        .optional()
}

/// The organisation's services, by name.
pub fn services_of(
    conn: &mut AnyConnection,
    organisation: i64,
) -> QueryResult<Vec<HostServiceRecord>> {
    host_services::table
        .filter(host_services::organisation_id.eq(organisation))
        .order((host_services::name, host_services::id))
        .select(HostServiceRecord::as_select())
        .load(conn)
}

/// Rewrites a service if it is still at `version` ([`crate::db::RepoError::Stale`]
/// otherwise), bumping the version, and indexes its new name.
pub fn update_service_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &CheckedHostService,
) -> RepoResult<()> {
    let written = diesel::update(
        host_services::table
            .find(id)
            .filter(host_services::version.eq(version)),
    )
    .set((
        host_services::name.eq(&c.name),
        host_services::street.eq(&c.street),
        host_services::postal_code.eq(&c.postal_code),
        host_services::city.eq(&c.city),
        host_services::country_code.eq(&c.country_code),
        host_services::phone.eq(&c.phone),
        host_services::version.eq(version + 1),
        host_services::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)?;
    search::index(conn, Kind::HostService, id, &[&c.name])?;
    Ok(())
}

/// What still names a service: its contacts and the conventions.
pub struct ServiceUsage {
    pub contacts: i64,
    pub conventions: i64,
}

pub fn service_usage(conn: &mut AnyConnection, id: i64) -> QueryResult<ServiceUsage> {
    Ok(ServiceUsage {
        contacts: contacts::table
            .filter(contacts::host_service_id.eq(id))
            .count()
            .get_result(conn)?,
        conventions: conventions::table
            .filter(conventions::host_service_id.eq(id))
            .count()
            .get_result(conn)?,
    })
}

/// Deletes a service and its search terms.
pub fn delete_service(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    search::index(conn, Kind::HostService, id, &[])?;
    diesel::delete(host_services::table.find(id)).execute(conn)?;
    Ok(())
}

/// The service's contacts, by name.
pub fn contacts_of(conn: &mut AnyConnection, service: i64) -> QueryResult<Vec<ContactRecord>> {
    contacts::table
        .filter(contacts::host_service_id.eq(service))
        .order((contacts::last_name, contacts::first_name, contacts::id))
        .select(ContactRecord::as_select())
        .load(conn)
}

/// Rewrites a contact if it is still at `version` ([`crate::db::RepoError::Stale`]
/// otherwise), bumping the version.
pub fn update_contact_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &CheckedContact,
) -> RepoResult<()> {
    let written = diesel::update(
        contacts::table
            .find(id)
            .filter(contacts::version.eq(version)),
    )
    .set((
        contacts::civility.eq(&c.civility),
        contacts::last_name.eq(&c.last_name),
        contacts::first_name.eq(&c.first_name),
        contacts::position.eq(&c.position),
        contacts::email.eq(&c.email),
        contacts::phone.eq(&c.phone),
        contacts::version.eq(version + 1),
        contacts::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)
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
        let problem = check(&input, Lang::Fr)
            .err()
            .map(|e| e.problem())
            .expect("invalid");
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
