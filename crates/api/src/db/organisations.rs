//! Host organisations (établissements d'accueil), their services and
//! contacts: the records a convention's steps 2, 3, 4 and 7 select. Rows
//! in and out; the checks of what a request writes are
//! [`crate::app::organisations`]'s.

use crate::db::audit::Entity;
use crate::db::schema::{audit_log, contacts, conventions, host_services, organisations};
use crate::db::search::{self, Kind};
use crate::db::{AnyConnection, Backend, RepoError, RepoResult, check_written, vouched_addresses};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use stages_api_types::organisations::{ContactRow, HostServiceRow, OrganisationRow};
use stages_domain::model::{Contact, HostService, Organisation as DomainOrganisation};

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

/// The columns a request writes: the same for a creation and a
/// correction (`legal_status_label` is the reference table's, looked up
/// when the code is checked).
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = organisations, treat_none_as_null = true)]
pub struct OrganisationColumns {
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
}

/// The organisation; [`RepoError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: i64) -> RepoResult<OrganisationRecord> {
    lookup(conn, id)?.ok_or(RepoError::NotFound)
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

/// The active organisation other than `except` that has this SIRET.
pub fn active_with_siret(
    conn: &mut AnyConnection,
    siret: &str,
    except: Option<i64>,
) -> QueryResult<Option<i64>> {
    let mut q = organisations::table
        .filter(organisations::siret.eq(siret))
        .filter(organisations::active.eq(true))
        .select(organisations::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(organisations::id.ne(id));
    }
    q.first::<i64>(conn).optional()
}

/// Stores a checked organisation and indexes its words.
pub fn insert(
    conn: &mut AnyConnection,
    c: &OrganisationColumns,
    actor: i64,
) -> RepoResult<OrganisationRecord> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(organisations::table)
        .values((
            c,
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

/// Rewrites the organisation read at `version` with checked content
/// ([`RepoError::Stale`] when another request saved first) and indexes its
/// new words.
pub fn update_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &OrganisationColumns,
) -> RepoResult<OrganisationRecord> {
    let written = diesel::update(
        organisations::table
            .find(id)
            .filter(organisations::version.eq(version)),
    )
    .set((
        c,
        organisations::version.eq(version + 1),
        organisations::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)?;
    let row = find(conn, id)?;
    reindex(conn, &row)?;
    Ok(row)
}

/// Deactivates the organisation read at `version` (it stays, with its
/// history and the conventions that name it).
pub fn deactivate_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
) -> RepoResult<OrganisationRecord> {
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
    check_written(written)?;
    find(conn, id)
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
    pub order: OrganisationOrder,
    pub limit: i64,
}

/// The order of a page of organisations, and where the page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganisationOrder {
    /// By name, after the (name, id) of the previous page's last row.
    Name(Option<(String, i64)>),
    /// Newest first, below the previous page's last id. A word search is
    /// ordered so: the engine then hands over its newest matches and the
    /// page is read, where by name every namesake in the country (20,000
    /// for a common surname at a million conventions) would be read and
    /// sorted for the first 25.
    Newest(Option<i64>),
}

/// The organisations that match, in `s.order`; `limit` rows at most. A
/// search by name, newest first, is led by the engine
/// ([`search::newest_first`]).
pub fn search(
    conn: &mut AnyConnection,
    s: OrganisationSearch,
) -> QueryResult<Vec<OrganisationRecord>> {
    match s.order.clone() {
        OrganisationOrder::Newest(before) if !s.name.is_empty() => {
            let newest = organisations::table
                .select(diesel::dsl::max(organisations::id))
                .first(conn)?;
            let walk = search::Walk {
                kind: Kind::Organisation,
                words: &s.name,
                access: None,
                newest,
                before,
                limit: s.limit,
            };
            search::newest_first(
                conn,
                walk,
                |o: &OrganisationRecord| o.id,
                |conn, ids| {
                    filtered(conn, &s, false)
                        .filter(organisations::id.eq_any(ids))
                        .load(conn)
                },
            )
        }
        OrganisationOrder::Newest(before) => {
            let mut q = filtered(conn, &s, true);
            if let Some(id) = before {
                q = q.filter(organisations::id.lt(id));
            }
            q.order(organisations::id.desc()).limit(s.limit).load(conn)
        }
        OrganisationOrder::Name(after) => {
            let mut q = filtered(conn, &s, true);
            if let Some((name, id)) = after {
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
    }
}

type Boxed = organisations::BoxedQuery<
    'static,
    Backend,
    diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<OrganisationRecord, Backend>>,
>;

/// The organisations meeting every criterion of `s` but its order, and
/// its name words only when `names` (the engine applies them otherwise).
fn filtered(conn: &AnyConnection, s: &OrganisationSearch, names: bool) -> Boxed {
    let mut q = organisations::table
        .select(OrganisationRecord::as_select())
        .into_boxed();
    if !s.include_inactive {
        q = q.filter(organisations::active.eq(true));
    }
    if names
        && let Some(m) = search::matching(conn, "organisations.id", Kind::Organisation, &s.name)
    {
        q = q.filter(m);
    }
    let address = search::matching(
        conn,
        "organisations.id",
        Kind::OrganisationAddress,
        &s.address,
    );
    if let Some(m) = address {
        q = q.filter(m);
    }
    // A service's words must all be found in one service.
    let services = search::matching(conn, "host_services.id", Kind::HostService, &s.service);
    if let Some(m) = services {
        q = q.filter(
            organisations::id.eq_any(
                host_services::table
                    .filter(m)
                    .select(host_services::organisation_id),
            ),
        );
    }
    if let Some(department) = s.department.clone() {
        q = q.filter(organisations::department.eq(department));
    }
    match s.siret.clone() {
        Some(siret) if siret.len() == 14 => q = q.filter(organisations::siret.eq(siret)),
        Some(siren) => q = q.filter(organisations::siren.eq(siren)),
        None => {}
    }
    if let Some(naf) = s.naf.clone() {
        q = q.filter(
            organisations::naf_code
                .ge(naf.clone())
                .and(organisations::naf_code.lt(crate::text::prefix_end(&naf))),
        );
    }
    if let Some(phone) = s.phone.clone() {
        q = q.filter(organisations::phone.eq(phone));
    }
    q
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

/// The columns a request writes to a service.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = host_services, treat_none_as_null = true)]
pub struct HostServiceColumns {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: Option<String>,
}

/// Stores a checked service of `organisation` and indexes its name.
pub fn insert_service(
    conn: &mut AnyConnection,
    organisation: i64,
    c: &HostServiceColumns,
    actor: i64,
) -> RepoResult<HostServiceRecord> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(host_services::table)
        .values((
            c,
            host_services::organisation_id.eq(organisation),
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

/// The service; [`RepoError::NotFound`] when there is none.
pub fn find_service(conn: &mut AnyConnection, id: i64) -> RepoResult<HostServiceRecord> {
    lookup_service(conn, id)?.ok_or(RepoError::NotFound)
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

/// The columns a request writes to a contact.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = contacts, treat_none_as_null = true)]
pub struct ContactColumns {
    pub civility: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

/// Stores a checked contact of `service`; its address is vouched for when
/// `vouches` (staff entered it, SIG-17).
pub fn insert_contact(
    conn: &mut AnyConnection,
    service: i64,
    c: &ContactColumns,
    actor: i64,
    vouches: bool,
) -> RepoResult<ContactRecord> {
    let now = chrono::Utc::now().naive_utc();
    if vouches {
        vouched_addresses::vouch(conn, &c.email, Some(actor), now)?;
    }
    let id: i64 = diesel::insert_into(contacts::table)
        .values((
            c,
            contacts::host_service_id.eq(service),
            contacts::created_by.eq(actor),
            contacts::version.eq(1),
            contacts::created_at.eq(now),
            contacts::updated_at.eq(now),
        ))
        .returning(contacts::id)
        .get_result(conn)?;
    find_contact(conn, id)
}

/// The contact; [`RepoError::NotFound`] when there is none.
pub fn find_contact(conn: &mut AnyConnection, id: i64) -> RepoResult<ContactRecord> {
    lookup_contact(conn, id)?.ok_or(RepoError::NotFound)
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

/// Rewrites a service if it is still at `version` ([`RepoError::Stale`]
/// otherwise), bumping the version, and indexes its new name.
pub fn update_service_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &HostServiceColumns,
) -> RepoResult<HostServiceRecord> {
    let written = diesel::update(
        host_services::table
            .find(id)
            .filter(host_services::version.eq(version)),
    )
    .set((
        c,
        host_services::version.eq(version + 1),
        host_services::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)?;
    search::index(conn, Kind::HostService, id, &[&c.name])?;
    find_service(conn, id)
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

/// Rewrites a contact if it is still at `version` ([`RepoError::Stale`]
/// otherwise), bumping the version. Its new address is vouched for when
/// `vouched_by` staff corrected it (SIG-17); someone else's correction
/// leaves a new address waiting for staff.
pub fn update_contact_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &ContactColumns,
    vouched_by: Option<i64>,
) -> RepoResult<ContactRecord> {
    if let Some(actor) = vouched_by {
        vouched_addresses::vouch(conn, &c.email, Some(actor), chrono::Utc::now().naive_utc())?;
    }
    let written = diesel::update(
        contacts::table
            .find(id)
            .filter(contacts::version.eq(version)),
    )
    .set((
        c,
        contacts::version.eq(version + 1),
        contacts::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)?;
    find_contact(conn, id)
}
