//! Signature circuits in the database: the open circuit of a convention
//! and those of its amendments, their signatures with their evidence, the agreement sent (its exact
//! bytes) and the sealed final PDF.
//!
//! Every change to a circuit first bumps its version over the version read
//! ([`claim`]), so on PostgreSQL two signatures of one circuit at the same
//! moment are decided one after the other; the unique key on
//! (circuit, party) makes "each party signs once" hold even so.

use crate::db::codec;
use crate::db::error::{decode, encode};
use crate::db::schema::{signature_circuits, signature_requests, signatures, users};
use crate::db::{AnyConnection, RepoError, RepoResult};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use stages_domain::signature::{Circuit, Method, Party, Signature};

/// One signature as stored, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureRecord {
    pub id: i64,
    pub signature: Signature,
    /// The signer as the agreement names them.
    pub signer_name: String,
    /// The staff member who recorded a paper signature.
    pub recorded_by: Option<(i64, String)>,
    pub address: Option<String>,
    pub user_agent: Option<String>,
    /// SHA-256 of the PDF signed (electronic), or of the agreement sent.
    pub document_sha256: Option<String>,
    pub scan_sha256: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// A circuit as stored: the domain's circuit and what surrounds it.
#[derive(Debug, Clone)]
pub struct StoredCircuit {
    pub id: i64,
    pub convention_id: i64,
    /// The amendment the circuit is for; `None` for the agreement.
    pub amendment_id: Option<i64>,
    /// Not withdrawn.
    pub open: bool,
    pub version: i32,
    pub circuit: Circuit,
    pub document_sha256: Option<String>,
    pub has_signed_document: bool,
    pub signatures: Vec<SignatureRecord>,
}

/// What recording one signature writes.
#[derive(Debug, Clone)]
pub struct NewSignature<'a> {
    pub signature: Signature,
    pub signer_name: &'a str,
    pub recorded_by: Option<i64>,
    pub address: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub document_sha256: Option<&'a str>,
    pub scan: Option<(&'a [u8], &'a str)>,
    pub now: NaiveDateTime,
}

/// The columns of [`CircuitColumns`], in its order (the selection's type
/// is spelled once, here).
macro_rules! circuit_columns {
    () => {
        (
            signature_circuits::id,
            signature_circuits::convention_id,
            signature_circuits::amendment_id,
            signature_circuits::withdrawn_at.is_null(),
            signature_circuits::parties,
            signature_circuits::signing_order,
            signature_circuits::opened_on,
            signature_circuits::sent_on,
            signature_circuits::document_sha256,
            signature_circuits::signed_document.is_not_null(),
            signature_circuits::version,
        )
    };
}

type CircuitColumns = (
    i64,
    i64,
    Option<i64>,
    bool,
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<String>,
    bool,
    i32,
);

/// The open circuit of `convention`'s agreement (`amendment` `None`) or of
/// its amendment `amendment`, if it has one.
pub fn open_circuit(
    conn: &mut AnyConnection,
    convention: i64,
    amendment: Option<i64>,
) -> RepoResult<Option<StoredCircuit>> {
    let of = signature_circuits::table
        .filter(signature_circuits::convention_id.eq(convention))
        .filter(signature_circuits::withdrawn_at.is_null())
        .into_boxed();
    let of = match amendment {
        Some(amendment) => of.filter(signature_circuits::amendment_id.eq(amendment)),
        None => of.filter(signature_circuits::amendment_id.is_null()),
    };
    let row: Option<CircuitColumns> = of.select(circuit_columns!()).first(conn).optional()?;
    row.map(|row| restore(conn, row)).transpose()
}

/// Every open circuit of `convention`: its agreement's, then its
/// amendments' in the order they were opened (validated).
pub fn open_circuits(conn: &mut AnyConnection, convention: i64) -> RepoResult<Vec<StoredCircuit>> {
    let rows: Vec<CircuitColumns> = signature_circuits::table
        .filter(signature_circuits::convention_id.eq(convention))
        .filter(signature_circuits::withdrawn_at.is_null())
        .order(signature_circuits::id)
        .select(circuit_columns!())
        .load(conn)?;
    let mut circuits = rows
        .into_iter()
        .map(|row| restore(conn, row))
        .collect::<RepoResult<Vec<_>>>()?;
    circuits.sort_by_key(|c| c.amendment_id.is_some());
    Ok(circuits)
}

/// The circuit `id`, open or withdrawn.
pub fn find(conn: &mut AnyConnection, id: i64) -> RepoResult<StoredCircuit> {
    let row: CircuitColumns = signature_circuits::table
        .find(id)
        .select(circuit_columns!())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)?;
    restore(conn, row)
}

fn restore(conn: &mut AnyConnection, row: CircuitColumns) -> RepoResult<StoredCircuit> {
    let (
        id,
        convention_id,
        amendment_id,
        open,
        parties,
        order,
        opened_on,
        sent_on,
        sha,
        signed,
        version,
    ) = row;
    let signatures = signatures_of(conn, id)?;
    let circuit = Circuit::restore(
        decode::<Vec<Party>>(&parties)?,
        codec::from_code(&order)?,
        opened_on,
        sent_on,
        signatures.iter().map(|s| s.signature).collect(),
    )
    .map_err(RepoError::corrupt)?;
    Ok(StoredCircuit {
        id,
        convention_id,
        amendment_id,
        open,
        version,
        circuit,
        document_sha256: sha,
        has_signed_document: signed,
        signatures,
    })
}

type SignatureColumns = (
    i64,
    String,
    NaiveDate,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    NaiveDateTime,
);

fn signatures_of(conn: &mut AnyConnection, circuit: i64) -> RepoResult<Vec<SignatureRecord>> {
    let rows: Vec<SignatureColumns> = signatures::table
        .left_join(users::table.on(users::id.nullable().eq(signatures::recorded_by)))
        .filter(signatures::circuit_id.eq(circuit))
        .order(signatures::id)
        .select((
            signatures::id,
            signatures::party,
            signatures::signed_on,
            signatures::method,
            signatures::signer_name,
            signatures::recorded_by,
            users::display_name.nullable(),
            signatures::address,
            signatures::user_agent,
            signatures::document_sha256,
            signatures::scan_sha256,
            signatures::recorded_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, party, signed_on, method, name, by, by_name, address, agent, sha, scan, at)| {
                Ok(SignatureRecord {
                    id,
                    signature: Signature {
                        party: codec::from_code(&party)?,
                        signed_on,
                        method: codec::from_code::<Method>(&method)?,
                    },
                    signer_name: name,
                    recorded_by: by.map(|id| (id, by_name.unwrap_or_default())),
                    address,
                    user_agent: agent,
                    document_sha256: sha,
                    scan_sha256: scan,
                    recorded_at: at,
                })
            },
        )
        .collect()
}

/// Opens `circuit` for `convention`'s agreement, or for its amendment
/// `amendment`. A concurrent opening loses on the unique keys of open
/// circuits ([`RepoError::CreatedConcurrently`]).
pub fn insert(
    conn: &mut AnyConnection,
    convention: i64,
    amendment: Option<i64>,
    circuit: &Circuit,
    now: NaiveDateTime,
) -> RepoResult<i64> {
    let inserted = diesel::insert_into(signature_circuits::table)
        .values((
            signature_circuits::convention_id.eq(convention),
            signature_circuits::amendment_id.eq(amendment),
            signature_circuits::parties.eq(encode(&circuit.parties())?),
            signature_circuits::signing_order.eq(codec::to_code(circuit.order())),
            signature_circuits::opened_on.eq(circuit.opened_on()),
            signature_circuits::version.eq(0),
            signature_circuits::created_at.eq(now),
        ))
        .returning(signature_circuits::id)
        .get_result(conn);
    match inserted {
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(RepoError::CreatedConcurrently)
        }
        other => Ok(other?),
    }
}

/// Takes the circuit for this transaction if it is still at `version`
/// (else [`RepoError::Stale`]), and moves its version on.
pub fn claim(conn: &mut AnyConnection, id: i64, version: i32) -> RepoResult<()> {
    let written = diesel::update(
        signature_circuits::table
            .find(id)
            .filter(signature_circuits::version.eq(version))
            .filter(signature_circuits::withdrawn_at.is_null()),
    )
    .set(signature_circuits::version.eq(version + 1))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// Takes the row lock of the convention of `circuit` without changing it:
/// a transaction that goes on to write the circuit's rows (its requests,
/// the circuit) takes the convention's first, as staff's actions do, and
/// PostgreSQL cannot deadlock the two.
pub fn lock_convention(conn: &mut AnyConnection, circuit: i64) -> RepoResult<()> {
    use crate::db::schema::conventions;
    let of = signature_circuits::table
        .filter(signature_circuits::id.eq(circuit))
        .select(signature_circuits::convention_id);
    let locked = diesel::update(conventions::table.filter(conventions::id.eq_any(of)))
        .set(conventions::version.eq(conventions::version))
        .execute(conn)?;
    crate::db::check_written(locked)
}

/// Records that the circuit went out on `sent_on` with `document`, the
/// exact agreement every signer is shown.
pub fn mark_sent(
    conn: &mut AnyConnection,
    id: i64,
    sent_on: NaiveDate,
    document: &[u8],
    sha256: &str,
) -> RepoResult<()> {
    diesel::update(signature_circuits::table.find(id))
        .set((
            signature_circuits::sent_on.eq(sent_on),
            signature_circuits::document.eq(document),
            signature_circuits::document_sha256.eq(sha256),
        ))
        .execute(conn)?;
    Ok(())
}

/// Keeps the agreement collected on paper before the circuit was sent:
/// the text the paper signatures are for.
pub fn keep_document(
    conn: &mut AnyConnection,
    id: i64,
    document: &[u8],
    sha256: &str,
) -> RepoResult<()> {
    diesel::update(
        signature_circuits::table
            .find(id)
            .filter(signature_circuits::document.is_null()),
    )
    .set((
        signature_circuits::document.eq(document),
        signature_circuits::document_sha256.eq(sha256),
    ))
    .execute(conn)?;
    Ok(())
}

/// Records one signature; a second signature of the same party (even a
/// concurrent one) is [`RepoError::CreatedConcurrently`].
pub fn insert_signature(
    conn: &mut AnyConnection,
    circuit: i64,
    new: &NewSignature<'_>,
) -> RepoResult<i64> {
    let inserted = diesel::insert_into(signatures::table)
        .values((
            signatures::circuit_id.eq(circuit),
            signatures::party.eq(codec::to_code(new.signature.party)),
            signatures::signed_on.eq(new.signature.signed_on),
            signatures::method.eq(codec::to_code(new.signature.method)),
            signatures::signer_name.eq(new.signer_name),
            signatures::recorded_by.eq(new.recorded_by),
            signatures::address.eq(new.address),
            signatures::user_agent.eq(new.user_agent),
            signatures::document_sha256.eq(new.document_sha256),
            signatures::scan.eq(new.scan.map(|(bytes, _)| bytes)),
            signatures::scan_sha256.eq(new.scan.map(|(_, sha)| sha)),
            signatures::recorded_at.eq(new.now),
        ))
        .returning(signatures::id)
        .get_result(conn);
    match inserted {
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(RepoError::CreatedConcurrently)
        }
        other => Ok(other?),
    }
}

/// Closes the open circuit `id`; it stays, with its signatures, as
/// evidence.
pub fn withdraw(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> RepoResult<()> {
    let written = diesel::update(
        signature_circuits::table
            .find(id)
            .filter(signature_circuits::withdrawn_at.is_null()),
    )
    .set(signature_circuits::withdrawn_at.eq(now))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// The agreement sent for signature in circuit `id`.
pub fn document(conn: &mut AnyConnection, id: i64) -> RepoResult<Vec<u8>> {
    signature_circuits::table
        .find(id)
        .select(signature_circuits::document)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten()
        .ok_or(RepoError::NotFound)
}

/// Stores the sealed final PDF of circuit `id`, every party having signed
/// by `signed_on` (what searches read for CONV-03).
pub fn set_signed_document(
    conn: &mut AnyConnection,
    id: i64,
    pdf: &[u8],
    signed_on: NaiveDate,
) -> RepoResult<()> {
    diesel::update(signature_circuits::table.find(id))
        .set((
            signature_circuits::signed_document.eq(pdf),
            signature_circuits::signed_on.eq(signed_on),
        ))
        .execute(conn)?;
    Ok(())
}

/// The sealed final PDF of circuit `id`.
pub fn signed_document(conn: &mut AnyConnection, id: i64) -> RepoResult<Vec<u8>> {
    signature_circuits::table
        .find(id)
        .select(signature_circuits::signed_document)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten()
        .ok_or(RepoError::NotFound)
}

/// The scan of signature `id` in circuit `circuit`.
pub fn scan(conn: &mut AnyConnection, circuit: i64, id: i64) -> RepoResult<Vec<u8>> {
    signatures::table
        .filter(signatures::id.eq(id))
        .filter(signatures::circuit_id.eq(circuit))
        .select(signatures::scan)
        .first::<Option<Vec<u8>>>(conn)
        .optional()?
        .flatten()
        .ok_or(RepoError::NotFound)
}

/// One party's signing link, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = signature_requests)]
pub struct RequestRow {
    pub id: i64,
    pub circuit_id: i64,
    pub party: String,
    pub email: String,
    pub signer_name: String,
    pub jti: String,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub used_at: Option<NaiveDateTime>,
    pub code_nonce: Option<String>,
    pub code_sent_at: Option<NaiveDateTime>,
    pub code_expires_at: Option<NaiveDateTime>,
    pub code_attempts: i32,
    pub reminders: i32,
    pub reminded_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// What a new signing link records.
pub struct NewRequest<'a> {
    pub circuit: i64,
    pub party: Party,
    pub email: &'a str,
    pub signer_name: &'a str,
    pub jti: &'a str,
    pub expires_at: NaiveDateTime,
    pub now: NaiveDateTime,
}

pub fn insert_request(conn: &mut AnyConnection, new: &NewRequest<'_>) -> RepoResult<i64> {
    Ok(diesel::insert_into(signature_requests::table)
        .values((
            signature_requests::circuit_id.eq(new.circuit),
            signature_requests::party.eq(codec::to_code(new.party)),
            signature_requests::email.eq(new.email),
            signature_requests::signer_name.eq(new.signer_name),
            signature_requests::jti.eq(new.jti),
            signature_requests::expires_at.eq(new.expires_at),
            signature_requests::code_attempts.eq(0),
            signature_requests::created_at.eq(new.now),
        ))
        .returning(signature_requests::id)
        .get_result(conn)?)
}

pub fn find_request(conn: &mut AnyConnection, id: i64) -> RepoResult<RequestRow> {
    signature_requests::table
        .find(id)
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}

pub fn request_by_jti(conn: &mut AnyConnection, jti: &str) -> RepoResult<Option<RequestRow>> {
    Ok(signature_requests::table
        .filter(signature_requests::jti.eq(jti))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

/// Whether `party` of `circuit` holds a link that still works.
pub fn has_open_request(
    conn: &mut AnyConnection,
    circuit: i64,
    party: Party,
    now: NaiveDateTime,
) -> RepoResult<bool> {
    let n: i64 = signature_requests::table
        .filter(signature_requests::circuit_id.eq(circuit))
        .filter(signature_requests::party.eq(codec::to_code(party)))
        .filter(signature_requests::revoked_at.is_null())
        .filter(signature_requests::used_at.is_null())
        .filter(signature_requests::expires_at.gt(now))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Stores a new code's nonce, if the last code was sent at least
/// `spacing_before` ago (`false` otherwise): the check is part of the
/// write, so two requests at once send one code. Wrong tries are counted
/// over the link's life, not per code: a new code does not buy new tries.
pub fn set_code(
    conn: &mut AnyConnection,
    id: i64,
    nonce: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
    spacing_before: NaiveDateTime,
) -> RepoResult<bool> {
    let written = diesel::update(
        signature_requests::table
            .find(id)
            .filter(signature_requests::used_at.is_null())
            .filter(
                signature_requests::code_sent_at
                    .is_null()
                    .or(signature_requests::code_sent_at.le(spacing_before)),
            ),
    )
    .set((
        signature_requests::code_nonce.eq(nonce),
        signature_requests::code_sent_at.eq(now),
        signature_requests::code_expires_at.eq(expires_at),
    ))
    .execute(conn)?;
    Ok(written == 1)
}

/// Takes one try of the link's code, if it has tries left (`false` when
/// not). Taken before the code is compared: on PostgreSQL concurrent tries
/// wait for each other on the row and each sees the count the one before
/// left, so no more than `max` codes are ever compared.
pub fn take_try(conn: &mut AnyConnection, id: i64, max: i32) -> RepoResult<bool> {
    let written = diesel::update(
        signature_requests::table
            .find(id)
            .filter(signature_requests::code_attempts.lt(max)),
    )
    .set(signature_requests::code_attempts.eq(signature_requests::code_attempts + 1))
    .execute(conn)?;
    Ok(written == 1)
}

/// Spends the link: `false` when it was spent meanwhile (single use,
/// decided by the write).
pub fn spend(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> RepoResult<bool> {
    let written = diesel::update(
        signature_requests::table
            .find(id)
            .filter(signature_requests::used_at.is_null())
            .filter(signature_requests::revoked_at.is_null()),
    )
    .set(signature_requests::used_at.eq(now))
    .execute(conn)?;
    Ok(written == 1)
}

/// Revokes every unspent link of `circuit` (its validation withdrawn).
pub fn revoke_requests(
    conn: &mut AnyConnection,
    circuit: i64,
    now: NaiveDateTime,
) -> RepoResult<()> {
    diesel::update(
        signature_requests::table
            .filter(signature_requests::circuit_id.eq(circuit))
            .filter(signature_requests::used_at.is_null())
            .filter(signature_requests::revoked_at.is_null()),
    )
    .set(signature_requests::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Revokes every unspent link of `party` in `circuit` (a new one is sent).
pub fn revoke_party_requests(
    conn: &mut AnyConnection,
    circuit: i64,
    party: Party,
    now: NaiveDateTime,
) -> RepoResult<()> {
    diesel::update(
        signature_requests::table
            .filter(signature_requests::circuit_id.eq(circuit))
            .filter(signature_requests::party.eq(codec::to_code(party)))
            .filter(signature_requests::used_at.is_null())
            .filter(signature_requests::revoked_at.is_null()),
    )
    .set(signature_requests::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// The links still waiting for their signature (not spent, revoked or
/// expired) in open circuits, with their convention.
pub fn pending_requests(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
) -> RepoResult<Vec<(RequestRow, i64)>> {
    Ok(signature_requests::table
        .inner_join(signature_circuits::table)
        .filter(signature_circuits::withdrawn_at.is_null())
        .filter(signature_requests::used_at.is_null())
        .filter(signature_requests::revoked_at.is_null())
        .filter(signature_requests::expires_at.gt(now))
        .order(signature_requests::id)
        .select((RequestRow::as_select(), signature_circuits::convention_id))
        .load(conn)?)
}

/// Counts one more reminder of request `id`, if no one counted it since
/// `reminders` was read (of two schedulers, one sends it) and the link
/// still works: one revoked or spent since it was read is not reminded.
pub fn claim_reminder(
    conn: &mut AnyConnection,
    id: i64,
    reminders: i32,
    now: NaiveDateTime,
) -> RepoResult<bool> {
    let written = diesel::update(
        signature_requests::table
            .find(id)
            .filter(signature_requests::reminders.eq(reminders))
            .filter(signature_requests::revoked_at.is_null())
            .filter(signature_requests::used_at.is_null()),
    )
    .set((
        signature_requests::reminders.eq(reminders + 1),
        signature_requests::reminded_at.eq(now),
    ))
    .execute(conn)?;
    Ok(written == 1)
}
