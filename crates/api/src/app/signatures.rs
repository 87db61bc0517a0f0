//! The signature circuits of a convention (issue 17): its agreement's,
//! opened when the convention is validated, and one per amendment, opened
//! when the amendment is validated. Each is sent for signature with the
//! exact document every signer sees (the agreement, or the amendment),
//! signed by each party (on paper, recorded by staff with the signed
//! scan), and voided when the validation is withdrawn.
//!
//! Every use case here names its circuit by the convention and, for an
//! amendment's, the amendment (`amendment: Option<i64>`); all run in the
//! convention's transaction, at the convention's version, so that the
//! agreement's and the amendments' circuits change one at a time.
//!
//! The domain's [`Circuit`] decides; this module supplies the stored
//! circuit, the agreement's bytes and the evidence, and writes the result
//! in the convention's transaction.

use crate::app::conventions::{load_visible, transition};
use crate::auth::Caller;
use crate::db::conventions::Loaded;
use crate::db::signatures::{self as repo, NewSignature, StoredCircuit};
use crate::db::{AnyConnection, RepoError, centres};
use crate::documents::seal::Seal;
use crate::documents::{self, SignatureLine, SignaturePage};
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::mail;
use crate::state::AppState;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use sha2::{Digest, Sha256};
use stages_api_types::conventions::ConventionView;
use stages_api_types::signatures::{CircuitAmendment, CircuitView, PartyView, SignatureView};
use stages_domain::lifecycle::Refusal;
use stages_domain::permissions::{Decision, Relation};
use stages_domain::requests;
use stages_domain::signature::{self, Circuit, CircuitStatus, Method, Party, Signature};

/// The largest signed scan accepted: a few pages scanned at 300 dpi.
pub const MAX_SCAN_BYTES: usize = 10 * 1024 * 1024;

/// The hex SHA-256 of `bytes`: how evidence names a document.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Who `party` is on this convention, as the agreement names them, and
/// where they are written to.
pub struct Signer {
    pub name: String,
    pub email: Option<String>,
    /// Whether a link may go to `email` as far as SIG-17 goes: staff
    /// vouched for it, or the party's address needs no vouching.
    pub vouched: bool,
}

impl Signer {
    /// SIG-16 and SIG-17: the address a link to `party` may go to.
    pub fn link_address(&self, party: Party) -> Result<&str, Refusal> {
        signature::check_link_address(party, self.email.is_some(), self.vouched)?;
        Ok(self.email.as_deref().unwrap_or_default())
    }
}

/// The signer of `party` on the convention `loaded` (for an amendment's
/// circuit, `loaded` as [`signing_parties`] gives it).
pub fn signer(conn: &mut AnyConnection, loaded: &Loaded, party: Party) -> Result<Signer, ApiError> {
    let mut signer = named(conn, loaded, party)?;
    if signature::link_needs_vouched_address(party)
        && let Some(address) = &signer.email
    {
        signer.vouched = crate::db::vouched_addresses::is_vouched(conn, address)?;
    }
    Ok(signer)
}

/// [`signer`] before SIG-17: every address taken as vouched for.
fn named(conn: &mut AnyConnection, loaded: &Loaded, party: Party) -> Result<Signer, ApiError> {
    let content = &loaded.content;
    let contact = |c: Option<&stages_domain::model::Contact>| Signer {
        name: c
            .map(|c| format!("{} {}", c.first_name, c.last_name))
            .unwrap_or_default(),
        email: c
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().to_owned()),
        vouched: true,
    };
    Ok(match party {
        Party::Student => {
            let s = &content.student.student;
            Signer {
                name: format!("{} {}", s.first_name, s.last_name),
                email: s
                    .university_email
                    .as_ref()
                    .or(content.student.personal_email.as_ref())
                    .map(|e| e.as_str().to_owned()),
                vouched: true,
            }
        }
        Party::LegalRepresentative => contact(content.student.legal_representative.as_ref()),
        Party::HostSignatory => contact(content.signatory.as_ref()),
        Party::Tutor => contact(content.tutor.as_ref()),
        Party::Supervisor => {
            let s = content.supervisor.as_ref();
            Signer {
                name: s
                    .map(|s| format!("{} {}", s.first_name, s.last_name))
                    .unwrap_or_default(),
                email: s
                    .and_then(|s| s.email.as_ref())
                    .map(|e| e.as_str().to_owned()),
                vouched: true,
            }
        }
        Party::School => {
            let centre = centres::find_row(conn, loaded.row.centre_id)?;
            Signer {
                name: centre
                    .signatory_name
                    .unwrap_or_else(|| loaded.centre_name.clone()),
                email: centre.email,
                vouched: true,
            }
        }
    })
}

/// The convention whose parties sign in `stored`: for an amendment's
/// circuit, the convention as this amendment (and the validated ones
/// before it) make it: a new tutor signs, not the one replaced.
pub fn signing_parties(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    stored: &StoredCircuit,
) -> Result<Loaded, ApiError> {
    match stored.amendment_id {
        None => Ok(loaded.clone()),
        Some(amendment) => amended_by(conn, loaded, amendment),
    }
}

/// `loaded` as the validated amendments up to `amendment` make it.
fn amended_by(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    amendment: i64,
) -> Result<Loaded, ApiError> {
    let list = crate::db::amendments::amendments_of(conn, loaded.row.id)?;
    let upto = list
        .iter()
        .position(|(row, _)| row.id == amendment)
        .ok_or_else(ApiError::not_found)?;
    let applied: Vec<_> = list[..=upto].iter().map(|(_, a)| a.clone()).collect();
    let mut effective = loaded.clone();
    effective.content = stages_domain::amendment::apply(&loaded.content, &applied).convention;
    Ok(effective)
}

/// Who signs a circuit opened now for `loaded` (the convention, or the
/// convention an amendment makes).
fn signers_of(loaded: &Loaded) -> signature::Signers {
    signature::Signers {
        minor: loaded.content.intern_is_minor(),
        tutor_is_signatory: loaded.parties.tutor_id.is_some()
            && loaded.parties.tutor_id == loaded.parties.signatory_id,
    }
}

/// Opens the convention's circuit once it is validated (all its levels
/// given), with its centre's parties and the intern's age on the first
/// day. Called in the validation's transaction; a convention that already
/// has an open circuit keeps it.
pub fn open_if_validated(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    if loaded.status() != stages_domain::lifecycle::Status::Validated
        || repo::open_circuit(conn, loaded.row.id, None)?.is_some()
    {
        return Ok(());
    }
    let circuit = Circuit::for_convention(&loaded.settings.signature, signers_of(loaded), today);
    repo::insert(conn, loaded.row.id, None, &circuit, now)?;
    Ok(())
}

/// Opens the circuit of `amendment`, just validated, in its validation's
/// transaction: the parties of the convention it makes sign it, as the
/// centre's circuit says. `loaded` has the amendment's parties already.
pub fn open_for_amendment(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    amendment: i64,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let effective = amended_by(conn, loaded, amendment)?;
    let circuit =
        Circuit::for_convention(&loaded.settings.signature, signers_of(&effective), today);
    match repo::insert(conn, loaded.row.id, Some(amendment), &circuit, now) {
        Err(RepoError::CreatedConcurrently) => Ok(()),
        other => Ok(other.map(|_| ())?),
    }
}

/// What withdrawing a validation does to the circuits, in the
/// withdrawal's transaction: a fully signed agreement or amendment refuses
/// (SIG-09); otherwise each circuit is closed and kept as evidence, and
/// each party who had signed is told that their signature no longer
/// counts.
pub fn void(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    for stored in repo::open_circuits(conn, loaded.row.id)? {
        let voided = stored
            .circuit
            .withdraw()
            .map_err(|r| ApiError::refusal(&r))?;
        close(conn, loaded, &stored, &voided, public_url, now)?;
    }
    Ok(())
}

/// What a centre's new number of validation levels does to the circuits
/// of a convention whose status it changed: validated now, its circuit
/// opens; no longer validated, its partial circuits are voided as a
/// withdrawal voids them. A circuit every party signed stays (the signed
/// agreement is evidence, and serves again when the convention is
/// validated again).
pub fn follow_status(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    public_url: &str,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    if loaded.status() == stages_domain::lifecycle::Status::Validated {
        return open_if_validated(conn, loaded, today, now);
    }
    for stored in repo::open_circuits(conn, loaded.row.id)? {
        if let Ok(voided) = stored.circuit.withdraw() {
            close(conn, loaded, &stored, &voided, public_url, now)?;
        }
    }
    Ok(())
}

/// Closes `stored` (kept as evidence), revokes its links, and tells each
/// party in `voided` that their signature no longer counts.
fn close(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    stored: &StoredCircuit,
    voided: &[Signature],
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    repo::withdraw(conn, stored.id, now)?;
    repo::revoke_requests(conn, stored.id, now)?;
    let parties = signing_parties(conn, loaded, stored)?;
    for signature in voided {
        let to = signer(conn, &parties, signature.party)?;
        if let Some(address) = to.email {
            mail::events::signature_voided(
                conn,
                &crate::app::conventions::mail_context(loaded, public_url),
                &address,
                &to.name,
            )?;
        }
    }
    Ok(())
}

/// The open circuit as the convention's page shows it.
pub struct Shown {
    pub view: CircuitView,
    pub circuit: Circuit,
}

/// The circuits as the convention's page shows them to `relation`: the
/// agreement's, and its amendments'. Only a validated convention has open
/// circuits: the others are not looked up.
pub fn view(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    relation: Relation,
) -> Result<(Option<Shown>, Vec<Shown>), ApiError> {
    if !loaded.workflow.is_validated(&loaded.settings) {
        return Ok((None, Vec::new()));
    }
    let mut agreement = None;
    let mut amendments = Vec::new();
    for stored in repo::open_circuits(conn, loaded.row.id)? {
        let shown = Shown {
            view: circuit_view(conn, loaded, &stored, relation)?,
            circuit: stored.circuit,
        };
        if stored.amendment_id.is_some() {
            amendments.push(shown);
        } else {
            agreement = Some(shown);
        }
    }
    Ok((agreement, amendments))
}

/// SIG-15 for the convention `convention`: whether an amendment may be
/// written or validated now, given its open circuits.
pub fn amendable(
    conn: &mut AnyConnection,
    convention: i64,
) -> Result<Result<(), stages_domain::lifecycle::Refusal>, ApiError> {
    let circuits = repo::open_circuits(conn, convention)?;
    Ok(signature::check_amendable(
        circuits.iter().map(|stored| &stored.circuit),
    ))
}

/// The amendment `id` as circuits name it.
pub(crate) fn amendment_ref(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<CircuitAmendment, ApiError> {
    let row = crate::db::amendments::find(conn, id)?;
    Ok(CircuitAmendment {
        id,
        position: row.position,
        title: row.title,
    })
}

/// One circuit as the convention's page shows it to `relation`.
fn circuit_view(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    stored: &StoredCircuit,
    relation: Relation,
) -> Result<CircuitView, ApiError> {
    let parties_of = signing_parties(conn, loaded, stored)?;
    let evidence = signature::may_read_evidence(relation);
    let awaited = stored.circuit.awaited();
    let mut parties = Vec::with_capacity(stored.circuit.parties().len());
    for &party in stored.circuit.parties() {
        let record = stored
            .signatures
            .iter()
            .find(|s| s.signature.party == party);
        let who = signer(conn, &parties_of, party)?;
        parties.push(PartyView {
            party,
            name: who.name,
            address_vouched: (evidence
                && who.email.is_some()
                && signature::link_needs_vouched_address(party))
            .then_some(who.vouched),
            email: who.email.filter(|_| evidence),
            awaited: awaited.contains(&party),
            signature: record.map(|r| SignatureView {
                id: r.id,
                signed_on: r.signature.signed_on,
                method: r.signature.method,
                signer_name: r.signer_name.clone(),
                recorded_by: r.recorded_by.as_ref().map(|(_, name)| name.clone()),
                address: r.address.clone().filter(|_| evidence),
                user_agent: r.user_agent.clone().filter(|_| evidence),
                document_sha256: r.document_sha256.clone(),
                scan: r.scan_sha256.is_some(),
                recorded_at: r.recorded_at.and_utc(),
            }),
        });
    }
    Ok(CircuitView {
        id: stored.id,
        amendment: stored
            .amendment_id
            .map(|id| amendment_ref(conn, id))
            .transpose()?,
        status: stored.circuit.status(),
        order: stored.circuit.order(),
        opened_on: stored.circuit.opened_on(),
        sent_on: stored.circuit.sent_on(),
        document_sha256: stored.document_sha256.clone(),
        signed_document: stored.has_signed_document,
        parties,
        manage: Decision::from(signature::may_manage(relation)),
    })
}

/// The open circuit of `loaded`'s agreement or of its `amendment`, or
/// SIG-02 when it has none (not validated).
fn open_circuit(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    amendment: Option<i64>,
) -> Result<StoredCircuit, ApiError> {
    repo::open_circuit(conn, loaded.row.id, amendment)?
        .ok_or_else(|| ApiError::refusal(&signature::not_open()))
}

/// The document as sent for signature (the agreement, or the amendment):
/// rendered once, and kept byte for byte, so that every signer sees (and
/// the evidence names) one document.
fn agreement(
    conn: &mut AnyConnection,
    institution: &str,
    loaded: &Loaded,
    stored: &StoredCircuit,
    today: NaiveDate,
) -> Result<(Vec<u8>, String), ApiError> {
    let rendered = match stored.amendment_id {
        None => {
            let doc = crate::app::documents::convention_document(conn, institution, loaded, today)?;
            crate::documents::render_convention(&doc)
        }
        Some(amendment) => {
            let doc = crate::app::documents::amendment_document(
                conn,
                institution,
                loaded,
                amendment,
                today,
            )?;
            crate::documents::render_amendment(&doc)
        }
    };
    let bytes = rendered.map_err(crate::app::documents::rendering_failed)?;
    let sha = sha256_hex(&bytes);
    Ok((bytes, sha))
}

/// Sends the circuit of the convention's agreement or of its `amendment`
/// out (SIG-02, SIG-03, SIG-11), with the document every signer will see.
pub async fn send(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    amendment: Option<i64>,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    let institution = state.config.institution_name.clone();
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "send_for_signature",
        move |conn, _, loaded, relation| {
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))?;
            let stored = open_circuit(conn, loaded, amendment)?;
            stored
                .circuit
                .send(loaded.status(), today)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let (bytes, sha) = match &stored.document_sha256 {
                // Paper signatures collected before sending were for it.
                Some(sha) => (repo::document(conn, stored.id)?, sha.clone()),
                None => agreement(conn, &institution, loaded, &stored, today)?,
            };
            repo::mark_sent(conn, stored.id, today, &bytes, &sha)?;
            let now = chrono::Utc::now().naive_utc();
            let parties = signing_parties(conn, loaded, &stored)?;
            crate::app::signing::ask_awaited(conn, &parties, stored.id, &public_url, now)?;
            Ok(())
        },
    )
    .await
}

/// Sends `party` a new signing link, when theirs was lost, expired, or
/// locked itself after wrong codes (SIG-12): their earlier links stop
/// working, and the new one starts with no wrong tries. Staff who run the
/// circuit only (SIG-11), for a party it awaits now (SIG-04 to SIG-07)
/// that has an address (SIG-16) staff vouched for where it must (SIG-17).
pub async fn renew_link(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    amendment: Option<i64>,
    party: Party,
) -> Result<ConventionView, ApiError> {
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "signature_link_renewed",
        move |conn, _, loaded, relation| {
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))?;
            let stored = open_circuit(conn, loaded, amendment)?;
            stored
                .circuit
                .check_new_link(party)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let now = chrono::Utc::now().naive_utc();
            repo::revoke_party_requests(conn, stored.id, party, now)?;
            let parties = signing_parties(conn, loaded, &stored)?;
            crate::app::signing::ask(conn, &parties, stored.id, party, &public_url, now)?
                .map_err(|r| ApiError::refusal(&r))
        },
    )
    .await
}

/// Staff vouch for the address of the host's signatory, the tutor or a
/// minor's legal representative the convention names (SIG-17), having
/// checked it belongs to them: links may go there from now on, on any
/// convention. A party of the circuit too (a tutor the circuit leaves out
/// gets the link to the evaluation form there), or one who signed. When
/// the circuit is out and awaits the party, who has no link yet, theirs
/// is mailed at once. Staff who run the circuit only (SIG-11).
pub async fn vouch_address(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    amendment: Option<i64>,
    party: Party,
) -> Result<ConventionView, ApiError> {
    let public_url = state.config.public_url.clone();
    let by = caller.user_id;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "signature_address_vouched",
        move |conn, _, loaded, relation| {
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))?;
            signature::check_vouchable(party).map_err(|r| ApiError::refusal(&r))?;
            let stored = open_circuit(conn, loaded, amendment)?;
            let parties = signing_parties(conn, loaded, &stored)?;
            let Some(address) = signer(conn, &parties, party)?.email else {
                return Err(ApiError::refusal(&signature::no_address()));
            };
            let now = chrono::Utc::now().naive_utc();
            crate::db::vouched_addresses::vouch(conn, &address, Some(by), now)?;
            let now = now.with_nanosecond(0).unwrap_or(now);
            // The circuit as read, or 412: a signature given meanwhile may
            // have made the party awaited, and asked nobody.
            repo::claim(conn, stored.id, stored.version)?;
            let asked_now = stored.circuit.awaited().contains(&party)
                && !repo::has_open_request(conn, stored.id, party, now)?;
            if asked_now {
                crate::app::signing::ask(conn, &parties, stored.id, party, &public_url, now)?
                    .map_err(|r| ApiError::refusal(&r))?;
            }
            Ok(())
        },
    )
    .await
}

/// Staff vouch for the tutor's address where the evaluation scheduler
/// mails the link to their form: the tutor contact's own, which may differ
/// from the convention's copy the circuit shows. The next reminder carries
/// the link. Staff who run the circuit only (SIG-11), as for the circuit's
/// addresses.
pub async fn vouch_tutor_address(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
) -> Result<ConventionView, ApiError> {
    let by = caller.user_id;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "tutor_address_vouched",
        move |conn, _, loaded, relation| {
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))?;
            let Some((address, _)) =
                crate::app::evaluations::scheduler::tutor_address(conn, loaded)?
            else {
                return Err(ApiError::refusal(&signature::no_address()));
            };
            let now = chrono::Utc::now().naive_utc();
            crate::db::vouched_addresses::vouch(conn, &address, Some(by), now)?;
            Ok(())
        },
    )
    .await
}

/// A paper signature as staff record it.
pub struct PaperSignature {
    /// The amendment signed; `None` for the agreement.
    pub amendment: Option<i64>,
    pub party: Party,
    pub signed_on: NaiveDate,
    /// The signed scan, a PDF.
    pub scan: Vec<u8>,
}

/// SIG-11 before a scan is read: only staff who run the circuit send one
/// (reading and parsing 10 MB costs), so the others are refused before
/// their body is.
pub async fn check_may_record(state: &AppState, caller: &Caller, id: i64) -> Result<(), ApiError> {
    let caller = caller.clone();
    state
        .db(move |conn| {
            let (_, _, relation) = load_visible(conn, &caller, id)?;
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))
        })
        .await
}

/// FMT-05: the scan must be a PDF with at least one page. Parsing it is
/// the content check: a renamed image or a truncated file is refused. The
/// parser recurses on nested arrays and dictionaries and follows the
/// chain of cross-reference sections: a file nested too deep or whose
/// chain loops is refused before it is parsed ([`crate::documents::scan`]).
pub fn check_scan(scan: &[u8]) -> Result<(), ApiError> {
    let readable = scan.starts_with(b"%PDF-")
        && crate::documents::scan::parsable(scan)
        && lopdf::Document::load_mem(scan).is_ok_and(|pdf| !pdf.get_pages().is_empty());
    if readable {
        Ok(())
    } else {
        Err(ApiError::invalid(vec![requests::scan_format("scan")]))
    }
}

/// Records a party's paper signature with its scan (SIG-04..08, SIG-11);
/// the last one produces the sealed signed agreement.
pub async fn record_paper(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    paper: PaperSignature,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    let institution = state.config.institution_name.clone();
    let public_url = state.config.public_url.clone();
    let seal = state.seal.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "record_signature",
        move |conn, ctx, loaded, relation| {
            signature::may_manage(relation).map_err(|r| ApiError::refusal(&r))?;
            let stored = open_circuit(conn, loaded, paper.amendment)?;
            stored
                .circuit
                .record(paper.party, Method::Paper, paper.signed_on, today)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let sha = match &stored.document_sha256 {
                Some(sha) => sha.clone(),
                None => {
                    let (bytes, sha) = agreement(conn, &institution, loaded, &stored, today)?;
                    repo::keep_document(conn, stored.id, &bytes, &sha)?;
                    sha
                }
            };
            let parties = signing_parties(conn, loaded, &stored)?;
            let name = signer(conn, &parties, paper.party)?.name;
            let scan_sha = sha256_hex(&paper.scan);
            let now = chrono::Utc::now().naive_utc();
            insert_signature(
                conn,
                stored.id,
                &NewSignature {
                    signature: Signature {
                        party: paper.party,
                        signed_on: paper.signed_on,
                        method: Method::Paper,
                    },
                    signer_name: &name,
                    recorded_by: Some(ctx.user_id),
                    address: None,
                    user_agent: None,
                    document_sha256: Some(&sha),
                    scan: Some((&paper.scan, &scan_sha)),
                    now,
                },
            )?;
            // Signed on paper, the party's link stops working and is no
            // longer reminded.
            repo::revoke_party_requests(conn, stored.id, paper.party, now)?;
            if stored.circuit.sent_on().is_some() {
                crate::app::signing::ask_awaited(conn, &parties, stored.id, &public_url, now)?;
            }
            finish_if_signed(conn, &seal, &institution, loaded, stored.id, today)?;
            Ok(())
        },
    )
    .await
}

/// Once every party signed, the signed document: the agreement (or the
/// amendment) sent, then a page listing each signature with its evidence,
/// sealed with the institution's key.
pub(crate) fn finish_if_signed(
    conn: &mut AnyConnection,
    seal: &Seal,
    institution: &str,
    loaded: &Loaded,
    circuit: i64,
    today: NaiveDate,
) -> Result<(), ApiError> {
    let stored = repo::find(conn, circuit)?;
    if stored.circuit.status() != CircuitStatus::Signed {
        return Ok(());
    }
    let document = repo::document(conn, circuit)?;
    let (letterhead, _) =
        crate::app::documents::letterhead(conn, institution, loaded.row.centre_id)?;
    let page = SignaturePage {
        number: crate::app::documents::number_of(loaded)?,
        letterhead,
        language: crate::app::documents::language(loaded),
        document_sha256: stored.document_sha256.clone().unwrap_or_default(),
        signatures: stored
            .signatures
            .iter()
            .map(|r| SignatureLine {
                party: r.signature.party,
                signer_name: r.signer_name.clone(),
                signed_on: r.signature.signed_on,
                method: r.signature.method,
                recorded_by: r.recorded_by.as_ref().map(|(_, name)| name.clone()),
                address: r.address.clone(),
                user_agent: r.user_agent.clone(),
                scan_sha256: r.scan_sha256.clone(),
                recorded_at: r.recorded_at,
            })
            .collect(),
        institution: institution.to_owned(),
        sealed_on: today,
    };
    let appendix =
        documents::render_signature_page(&page).map_err(crate::app::documents::rendering_failed)?;
    let whole = documents::append(&document, &appendix).map_err(ApiError::internal)?;
    let reason = match stored.amendment_id {
        None => format!("Convention {}", page.number),
        Some(amendment) => format!(
            "Convention {} avenant {}",
            page.number,
            amendment_ref(conn, amendment)?.position
        ),
    };
    let sealed = seal
        .seal(&whole, &reason, chrono::Utc::now())
        .map_err(ApiError::internal)?;
    let signed_on = stored.circuit.signed_on().unwrap_or(today);
    repo::set_signed_document(conn, circuit, &sealed, signed_on)?;
    Ok(())
}

/// Inserts a signature the domain accepted; a concurrent signature of the
/// same party that committed first makes this one SIG-06.
pub(crate) fn insert_signature(
    conn: &mut AnyConnection,
    circuit: i64,
    new: &NewSignature<'_>,
) -> Result<i64, ApiError> {
    match repo::insert_signature(conn, circuit, new) {
        Err(RepoError::CreatedConcurrently) => Err(ApiError::refusal(&signature::already_signed())),
        other => Ok(other?),
    }
}

/// Which stored file of the circuit to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// The agreement sent for signature.
    Sent,
    /// The scan of one paper signature.
    Scan(i64),
    /// The sealed signed agreement.
    Signed,
}

/// A file of an open circuit of the convention (its agreement's, or its
/// `amendment`'s), for anyone who may see the convention; 404 when it
/// does not exist.
pub async fn file(
    state: &AppState,
    caller: Caller,
    id: i64,
    amendment: Option<i64>,
    which: File,
) -> Result<(Vec<u8>, String), ApiError> {
    state
        .db(move |conn| {
            let (_, loaded, _) = load_visible(conn, &caller, id)?;
            let stored =
                repo::open_circuit(conn, id, amendment)?.ok_or_else(ApiError::not_found)?;
            let number = loaded
                .workflow
                .number()
                .map(|n| n.to_string())
                .unwrap_or_default();
            let number = match amendment {
                None => number,
                Some(a) => format!("{number}-avenant-{}", amendment_ref(conn, a)?.position),
            };
            Ok(match which {
                File::Sent => (
                    repo::document(conn, stored.id)?,
                    format!("convention-{number}-a-signer.pdf"),
                ),
                File::Signed => (
                    repo::signed_document(conn, stored.id)?,
                    format!("convention-{number}-signee.pdf"),
                ),
                File::Scan(signature) => (
                    repo::scan(conn, stored.id, signature)?,
                    format!("convention-{number}-signature-{signature}.pdf"),
                ),
            })
        })
        .await
}
