//! The signature circuit of a convention (issue 17): opened when the
//! convention is validated, sent for signature with the exact agreement
//! every signer sees, signed by each party (on paper, recorded by staff
//! with the signed scan), voided when the validation is withdrawn.
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
use chrono::{NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};
use stages_api_types::conventions::ConventionView;
use stages_api_types::signatures::{CircuitView, PartyView, SignatureView};
use stages_domain::permissions::{Decision, Relation};
use stages_domain::requests;
use stages_domain::signature::{self, Circuit, CircuitStatus, Method, Party, Signature};

/// The largest signed scan accepted: a few pages scanned at 300 dpi.
pub const MAX_SCAN_BYTES: usize = 10 * 1024 * 1024;

/// The hex SHA-256 of `bytes`: how evidence names a document.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Who `party` is on this convention, as the agreement names them, and
/// where they are written to.
pub struct Signer {
    pub name: String,
    pub email: Option<String>,
}

/// The signer of `party` on the convention `loaded`.
pub fn signer(conn: &mut AnyConnection, loaded: &Loaded, party: Party) -> Result<Signer, ApiError> {
    let content = &loaded.content;
    let contact = |c: Option<&stages_domain::model::Contact>| Signer {
        name: c
            .map(|c| format!("{} {}", c.first_name, c.last_name))
            .unwrap_or_default(),
        email: c
            .and_then(|c| c.email.as_ref())
            .map(|e| e.as_str().to_owned()),
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
            }
        }
        Party::School => {
            let centre = centres::find_row(conn, loaded.row.centre_id)?;
            Signer {
                name: centre
                    .signatory_name
                    .unwrap_or_else(|| loaded.centre_name.clone()),
                email: centre.email,
            }
        }
    })
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
        || repo::open_circuit(conn, loaded.row.id)?.is_some()
    {
        return Ok(());
    }
    let signers = signature::Signers {
        minor: loaded.content.intern_is_minor(),
        tutor_is_signatory: loaded.parties.tutor_id.is_some()
            && loaded.parties.tutor_id == loaded.parties.signatory_id,
    };
    let circuit = Circuit::for_convention(&loaded.settings.signature, signers, today);
    repo::insert(conn, loaded.row.id, &circuit, now)?;
    Ok(())
}

/// What withdrawing a validation does to the circuit, in the withdrawal's
/// transaction: a fully signed agreement refuses (SIG-09); otherwise the
/// circuit is closed and kept as evidence, and each party who had signed
/// is told that their signature no longer counts.
pub fn void(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let Some(stored) = repo::open_circuit(conn, loaded.row.id)? else {
        return Ok(());
    };
    let voided = stored
        .circuit
        .withdraw()
        .map_err(|r| ApiError::refusal(&r))?;
    repo::withdraw(conn, stored.id, now)?;
    repo::revoke_requests(conn, stored.id, now)?;
    for signature in voided {
        let to = signer(conn, loaded, signature.party)?;
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

/// The circuit as the convention's page shows it to `relation`. Only a
/// validated convention has an open circuit: the others are not looked up.
pub fn view(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    relation: Relation,
) -> Result<Option<Shown>, ApiError> {
    if !loaded.workflow.is_validated(&loaded.settings) {
        return Ok(None);
    }
    let Some(stored) = repo::open_circuit(conn, loaded.row.id)? else {
        return Ok(None);
    };
    let evidence = signature::may_read_evidence(relation);
    let awaited = stored.circuit.awaited();
    let mut parties = Vec::with_capacity(stored.circuit.parties().len());
    for &party in stored.circuit.parties() {
        let record = stored
            .signatures
            .iter()
            .find(|s| s.signature.party == party);
        parties.push(PartyView {
            party,
            name: signer(conn, loaded, party)?.name,
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
    Ok(Some(Shown {
        view: CircuitView {
            id: stored.id,
            status: stored.circuit.status(),
            order: stored.circuit.order(),
            opened_on: stored.circuit.opened_on(),
            sent_on: stored.circuit.sent_on(),
            document_sha256: stored.document_sha256.clone(),
            signed_document: stored.has_signed_document,
            parties,
            manage: Decision::from(signature::may_manage(relation)),
        },
        circuit: stored.circuit,
    }))
}

/// The open circuit of `loaded`, or SIG-02 when it has none (not
/// validated).
fn open_circuit(conn: &mut AnyConnection, loaded: &Loaded) -> Result<StoredCircuit, ApiError> {
    repo::open_circuit(conn, loaded.row.id)?
        .ok_or_else(|| ApiError::refusal(&signature::not_open()))
}

/// The agreement as sent for signature: rendered once, and kept byte for
/// byte, so that every signer sees (and the evidence names) one document.
fn agreement(
    conn: &mut AnyConnection,
    institution: &str,
    loaded: &Loaded,
    today: NaiveDate,
) -> Result<(Vec<u8>, String), ApiError> {
    let doc = crate::app::documents::convention_document(conn, institution, loaded, today)?;
    let bytes = crate::documents::render_convention(&doc)
        .map_err(crate::app::documents::rendering_failed)?;
    let sha = sha256_hex(&bytes);
    Ok((bytes, sha))
}

/// Sends the convention's circuit out (SIG-02, SIG-03, SIG-11), with the
/// agreement every signer will see.
pub async fn send(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
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
            let stored = open_circuit(conn, loaded)?;
            stored
                .circuit
                .send(loaded.status(), today)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let (bytes, sha) = match stored.document_sha256 {
                // Paper signatures collected before sending were for it.
                Some(sha) => (repo::document(conn, stored.id)?, sha),
                None => agreement(conn, &institution, loaded, today)?,
            };
            repo::mark_sent(conn, stored.id, today, &bytes, &sha)?;
            let now = chrono::Utc::now().naive_utc();
            crate::app::signing::ask_awaited(conn, loaded, stored.id, &public_url, now)?;
            Ok(())
        },
    )
    .await
}

/// Sends `party` a new signing link, when theirs was lost, expired, or
/// locked itself after wrong codes (SIG-12): their earlier links stop
/// working, and the new one starts with no wrong tries. Staff who run the
/// circuit only (SIG-11), for a party it awaits now (SIG-04 to SIG-07)
/// that has an address (SIG-16).
pub async fn renew_link(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
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
            let stored = open_circuit(conn, loaded)?;
            stored
                .circuit
                .check_new_link(party)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let now = chrono::Utc::now().naive_utc();
            repo::revoke_party_requests(conn, stored.id, party, now)?;
            if !crate::app::signing::ask(conn, loaded, stored.id, party, &public_url, now)? {
                return Err(ApiError::refusal(&signature::no_address()));
            }
            Ok(())
        },
    )
    .await
}

/// A paper signature as staff record it.
pub struct PaperSignature {
    pub party: Party,
    pub signed_on: NaiveDate,
    /// The signed scan, a PDF.
    pub scan: Vec<u8>,
}

/// FMT-05: the scan must be a PDF with at least one page. Parsing it is
/// the content check: a renamed image or a truncated file is refused.
pub fn check_scan(scan: &[u8]) -> Result<(), ApiError> {
    let readable = scan.starts_with(b"%PDF-")
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
            let stored = open_circuit(conn, loaded)?;
            stored
                .circuit
                .record(paper.party, Method::Paper, paper.signed_on, today)
                .map_err(|r| ApiError::refusal(&r))?;
            repo::claim(conn, stored.id, stored.version)?;
            let sha = match stored.document_sha256 {
                Some(sha) => sha,
                None => {
                    let (bytes, sha) = agreement(conn, &institution, loaded, today)?;
                    repo::keep_document(conn, stored.id, &bytes, &sha)?;
                    sha
                }
            };
            let name = signer(conn, loaded, paper.party)?.name;
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
            if stored.circuit.sent_on().is_some() {
                crate::app::signing::ask_awaited(conn, loaded, stored.id, &public_url, now)?;
            }
            finish_if_signed(conn, &seal, &institution, loaded, stored.id, today)?;
            Ok(())
        },
    )
    .await
}

/// Once every party signed, the signed agreement: the agreement sent,
/// then a page listing each signature with its evidence, sealed with the
/// institution's key.
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
    let reason = format!("Convention {}", page.number);
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

/// A file of the convention's open circuit, for anyone who may see the
/// convention; 404 when it does not exist.
pub async fn file(
    state: &AppState,
    caller: Caller,
    id: i64,
    which: File,
) -> Result<(Vec<u8>, String), ApiError> {
    state
        .db(move |conn| {
            let (_, loaded, _) = load_visible(conn, &caller, id)?;
            let stored = repo::open_circuit(conn, id)?.ok_or_else(ApiError::not_found)?;
            let number = loaded
                .workflow
                .number()
                .map(|n| n.to_string())
                .unwrap_or_default();
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
