//! The signature circuit of a convention (issue 17), on both backends:
//! validation opens it, staff send it with the agreement every signer
//! sees, record paper signatures with their scans, and the last signature
//! produces the signed agreement sealed with the institution's key, which
//! `pdfsig` (poppler) checks; withdrawing a validation voids a partial
//! circuit and is refused once every party signed.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, rules, validated, version};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::process::Command;

/// A raw request as `who`, with an optional body of bytes.
async fn raw(
    who: &As<'_>,
    method: reqwest::Method,
    path: &str,
    version: Option<i64>,
    body: Option<Vec<u8>>,
) -> (StatusCode, Vec<u8>) {
    let mut req = who
        .app
        .client
        .request(method, who.app.url(path))
        .bearer_auth(&who.token);
    if let Some(v) = version {
        req = req.header("If-Match", format!("\"{v}\""));
    }
    if let Some(body) = body {
        req = req.header("Content-Type", "application/pdf").body(body);
    }
    let res = req.send().await.unwrap();
    (res.status(), res.bytes().await.unwrap().to_vec())
}

/// Records `party`'s paper signature dated `on` with `scan`.
async fn paper(
    who: &As<'_>,
    id: i64,
    conv: &Value,
    party: &str,
    on: &str,
    scan: Vec<u8>,
) -> (StatusCode, Value) {
    let base = format!("/api/conventions/{id}/signature");
    paper_at(who, &base, conv, party, on, scan).await
}

/// [`paper`] in the circuit whose routes start with `base`.
async fn paper_at(
    who: &As<'_>,
    base: &str,
    conv: &Value,
    party: &str,
    on: &str,
    scan: Vec<u8>,
) -> (StatusCode, Value) {
    let path = format!("{base}/paper/{party}?signed_on={on}");
    let (status, body) = raw(
        who,
        reqwest::Method::POST,
        &path,
        Some(version(conv)),
        Some(scan),
    )
    .await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What `pdfsig` says of `pdf`.
fn pdfsig(pdf: &[u8], name: &str) -> String {
    let path = std::env::temp_dir().join(format!("{name}-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfsig").arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn pdftotext(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("text-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn every_party_signs_on_paper_and_the_agreement_is_sealed(app: &TestApp) {
    let (id, conv) = validated(app).await;
    let today = app.state.today().to_string();
    let circuit = &conv["signature"];
    assert_eq!(circuit["status"], "not_sent", "{circuit}");
    assert_eq!(circuit["opened_on"], today.as_str());
    let parties: Vec<&str> = circuit["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["party"].as_str().unwrap())
        .collect();
    assert_eq!(
        parties,
        ["student", "host_signatory", "tutor", "supervisor", "school"]
    );
    assert_eq!(circuit["manage"]["decision"], "allowed", "{circuit}");

    // Staff see where each link will go before sending: the host's
    // signatory's address comes from a contact anyone may have entered.
    let host = &circuit["parties"][1];
    assert!(
        host["email"].as_str().is_some_and(|e| e.contains('@')),
        "{host}"
    );

    // The student reads the circuit but does not run it, nor sees the
    // addresses.
    let student = As::new(app, "etudiant").await;
    let (_, seen) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(seen["signature"]["manage"]["decision"], "denied");
    assert_eq!(seen["signature"]["parties"][1]["email"], Value::Null);
    let send = format!("/api/conventions/{id}/signature/send");
    let (status, _) = student.post(&send, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let manager = As::new(app, "gestionnaire").await;
    let (status, conv) = manager.post(&send, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["signature"]["status"], "out_for_signature");
    assert_eq!(conv["signature"]["sent_on"], today.as_str());
    let (status, again) = manager.post(&send, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(rules(&again), ["SIG-03"]);

    // Out for signature, the agreement is not amended (SIG-15).
    let amend = format!("/api/conventions/{id}/amendments");
    let amendment = json!({
        "title": "Nouveau sujet",
        "reason": "Le projet a changé.",
        "changes": [{"kind": "subject", "subject": "Migration de l'outil de suivi"}]
    });
    let (status, problem) = student
        .post(&amend, Some(version(&conv)), Some(amendment.clone()))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-15"]);

    // Every signer is shown the same bytes, named by their hash.
    let (status, sent) = raw(
        &student,
        reqwest::Method::GET,
        &format!("/api/conventions/{id}/signature/document"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        conv["signature"]["document_sha256"].as_str().unwrap(),
        hex_sha256(&sent)
    );

    // The scan is a readable PDF of at most 10 MB.
    let (status, problem) = paper(
        &manager,
        id,
        &conv,
        "student",
        &today,
        b"\x89PNG not a pdf".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(rules(&problem), ["FMT-05"]);
    // A "PDF" nested deep enough to overflow the parser's stack is refused
    // before it is parsed; and only staff who run the circuit are read.
    let deep = format!("%PDF-1.5\ntrailer << /A {} >>", "[".repeat(1_000_000));
    let (status, problem) = paper(&manager, id, &conv, "student", &today, deep.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(rules(&problem), ["FMT-05"]);
    let (status, _) = paper(&student, id, &conv, "student", &today, sent.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = paper(
        &manager,
        id,
        &conv,
        "student",
        &today,
        vec![b'%'; 10 * 1024 * 1024 + 1],
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Dated before the validation.
    let yesterday = (app.state.today() - chrono::Days::new(1)).to_string();
    let (status, problem) = paper(&manager, id, &conv, "student", &yesterday, sent.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(rules(&problem), ["SIG-08"]);
    // Not a party of this circuit.
    let (status, problem) = paper(
        &manager,
        id,
        &conv,
        "legal_representative",
        &today,
        sent.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-05"]);

    let mut conv = conv;
    for party in ["student", "host_signatory", "tutor", "supervisor", "school"] {
        let (status, next) = paper(&manager, id, &conv, party, &today, sent.clone()).await;
        assert_eq!(status, StatusCode::OK, "{party}: {next}");
        conv = next;
    }
    let circuit = &conv["signature"];
    assert_eq!(circuit["status"], "signed", "{circuit}");
    assert_eq!(circuit["signed_document"], true);
    let first = &circuit["parties"][0]["signature"];
    assert_eq!(first["method"], "paper");
    assert!(first["recorded_by"].is_string(), "{first}");
    assert_eq!(first["scan"], true);

    // The scan comes back as uploaded.
    let (status, scan) = raw(
        &student,
        reqwest::Method::GET,
        &format!(
            "/api/conventions/{id}/signature/scans/{}",
            first["id"].as_i64().unwrap()
        ),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(scan, sent);

    // The signed agreement: the pages sent, a signature page, a seal that
    // pdfsig finds valid and that one changed byte breaks.
    let (status, signed) = raw(
        &student,
        reqwest::Method::GET,
        &format!("/api/conventions/{id}/signature/signed"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let report = pdfsig(&signed, "sealed");
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
    let text = pdftotext(&signed);
    assert!(text.contains("Page des signatures"), "{text}");
    assert!(text.contains(&hex_sha256(&sent)), "{text}");
    let mut tampered = signed.clone();
    // A byte of the agreement's text, well before the signature.
    let at = tampered.windows(6).position(|w| w == b"stream").unwrap() + 20;
    tampered[at] ^= 0x01;
    let report = pdfsig(&tampered, "tampered");
    assert!(!report.contains("Signature is Valid."), "{report}");

    // The centre's year in one ZIP holds the sealed agreement as kept, not
    // a new rendering.
    let centre = conv["centre"]["id"].as_i64().unwrap();
    let number = conv["number"].as_str().unwrap();
    let (status, zip) = raw(
        &manager,
        reqwest::Method::GET,
        &format!("/api/centres/{centre}/conventions.zip?academic_year=2026-2027"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let name = format!("convention-{number}-signee.pdf");
    assert!(
        zip.windows(name.len()).any(|w| w == name.as_bytes()),
        "{name}"
    );
    assert!(zip.windows(signed.len()).any(|w| w == signed.as_slice()));

    // A signed agreement is amended, not withdrawn.
    let (status, problem) = manager
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-09"]);
    let (_, conv) = student.get(&format!("/api/conventions/{id}")).await;
    let (status, amended) = student
        .post(&amend, Some(version(&conv)), Some(amendment))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{amended}");
}

async fn withdrawing_a_validation_voids_a_partial_circuit(app: &TestApp) {
    use stages_api::db::schema::outbox;
    let (id, conv) = validated(app).await;
    let today = app.state.today().to_string();
    let manager = As::new(app, "gestionnaire").await;
    // Paper signatures may come back before the circuit is sent: they are
    // for the agreement kept then.
    let scan = {
        let (_, pdf) = raw(
            &manager,
            reqwest::Method::GET,
            &format!("/api/conventions/{id}/pdf"),
            None,
            None,
        )
        .await;
        pdf
    };
    let (status, conv) = paper(&manager, id, &conv, "student", &today, scan).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["signature"]["status"], "not_sent");
    assert!(conv["signature"]["document_sha256"].is_string());

    let (status, conv) = manager
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert!(conv["signature"].is_null(), "{conv}");
    let voided: i64 = {
        let mut conn = app.pool.get().unwrap();
        outbox::table
            .filter(outbox::convention_id.eq(id))
            .filter(outbox::event.eq("signature-voided"))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(voided, 1, "the student is told");

    // Validated again: a new circuit, nothing signed.
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let circuit = &conv["signature"];
    assert_eq!(circuit["status"], "not_sent");
    assert!(
        circuit["parties"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["signature"].is_null()),
        "{circuit}"
    );
}

/// On PostgreSQL, two recordings of one party's signature released at
/// once: one is recorded, the other finds the version moved on.
async fn one_signature_per_party_under_concurrency(app: &TestApp) {
    let (id, conv) = validated(app).await;
    let today = app.state.today().to_string();
    let manager = As::new(app, "gestionnaire").await;
    let (_, scan) = raw(
        &manager,
        reqwest::Method::GET,
        &format!("/api/conventions/{id}/pdf"),
        None,
        None,
    )
    .await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(4));
    let mut runs = Vec::new();
    for _ in 0..4 {
        let barrier = barrier.clone();
        let conv = conv.clone();
        let scan = scan.clone();
        let manager = &manager;
        let today = today.clone();
        runs.push(async move {
            barrier.wait().await;
            paper(manager, id, &conv, "student", &today, scan).await.0
        });
    }
    let statuses = futures_util::future::join_all(runs).await;
    let recorded = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(recorded, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::PRECONDITION_FAILED),
        "{statuses:?}"
    );
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let signed = conv["signature"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["signature"].is_null())
        .count();
    assert_eq!(signed, 1);
}

/// The request of `party` in the convention's open circuit: its token and
/// the code of its current nonce, as the mail worker would write them.
fn link_of(app: &TestApp, id: i64, party: &str) -> (String, Option<String>) {
    use stages_api::db::schema::{signature_circuits, signature_requests};
    let mut conn = app.pool.get().unwrap();
    let request: i64 = signature_requests::table
        .inner_join(signature_circuits::table)
        .filter(signature_circuits::convention_id.eq(id))
        .filter(signature_circuits::withdrawn_at.is_null())
        .filter(signature_requests::party.eq(party))
        .order(signature_requests::id.desc())
        .select(signature_requests::id)
        .first(&mut conn)
        .unwrap();
    let row = stages_api::db::signatures::find_request(&mut conn, request).unwrap();
    let keys = &app.state.links.signing;
    let token = keys.token(&row).unwrap();
    let code = row.code_nonce.as_ref().map(|n| keys.code(&row.jti, n));
    (token, code)
}

async fn a_party_signs_by_link_with_a_mailed_code(app: &TestApp) {
    use stages_api::db::schema::outbox;
    let (id, conv) = validated(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/signature/send"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["signature"]["parties"][0]["awaited"], true);
    // The outbox holds a placeholder, never the link.
    let bodies: Vec<String> = {
        let mut conn = app.pool.get().unwrap();
        outbox::table
            .filter(outbox::convention_id.eq(id))
            .filter(outbox::event.eq("signature-requested"))
            .select(outbox::body)
            .load(&mut conn)
            .unwrap()
    };
    assert_eq!(bodies.len(), 1, "only the student, first in turn");
    assert!(
        bodies[0].contains("/signer/[[signature-link:"),
        "{}",
        bodies[0]
    );

    let (token, code) = link_of(app, id, "student");
    assert!(code.is_none());
    let anonymous = As {
        app,
        token: String::new(),
    };
    let page = format!("/api/signing/{token}");
    let (status, view) = anonymous.get(&page).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["state"], "awaiting");
    assert_eq!(view["party"], "student");
    let sha = view["document_sha256"].as_str().unwrap().to_owned();
    let (status, _) = anonymous.get("/api/signing/not-a-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let sign = format!("/api/signing/{token}/sign");
    let (status, problem) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": "000000", "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(rules(&problem), ["SIG-12"], "no code asked yet");

    let (status, view) = anonymous
        .post(&format!("/api/signing/{token}/code"), None, None)
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["code_sent"], true);
    let (status, _) = anonymous
        .post(&format!("/api/signing/{token}/code"), None, None)
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "one code a minute");
    let (_, code) = link_of(app, id, "student");
    let code = code.unwrap();
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let (status, problem) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": wrong, "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, problem) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": code, "document_sha256": "0".repeat(64)})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-13"]);
    let (status, view) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": code, "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["state"], "signed");
    // Spent.
    let (status, _) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": code, "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The evidence, for staff; the host's signatory is asked next.
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let student = &conv["signature"]["parties"][0];
    assert_eq!(student["signature"]["method"], "electronic", "{student}");
    assert_eq!(student["signature"]["address"], "127.0.0.1");
    assert_eq!(student["signature"]["document_sha256"], sha.as_str());
    assert_eq!(conv["signature"]["parties"][1]["awaited"], true);
    let (host_token, _) = link_of(app, id, "host_signatory");
    let (status, view) = anonymous.get(&format!("/api/signing/{host_token}")).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["state"], "awaiting");
}

/// A party who has not signed gets their link again after the centre's
/// delay, once per delay, however many schedulers run.
async fn a_pending_signer_is_reminded(app: &TestApp) {
    use stages_api::db::schema::{outbox, signature_requests};
    let (id, conv) = validated(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let (status, _) = manager
        .post(
            &format!("/api/conventions/{id}/signature/send"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut conn = app.pool.get().unwrap();
    let now = chrono::Utc::now().naive_utc();
    let remind = |conn: &mut stages_api::db::AnyConnection, at| {
        stages_api::app::signing::remind_due(conn, "http://stages.test", at).unwrap()
    };
    assert_eq!(remind(&mut conn, now), 0, "asked today");
    diesel::update(signature_requests::table)
        .set(signature_requests::created_at.eq(now - chrono::Duration::days(8)))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(remind(&mut conn, now), 1);
    assert_eq!(remind(&mut conn, now), 0, "reminded once per delay");
    let reminders: Vec<String> = outbox::table
        .filter(outbox::convention_id.eq(id))
        .filter(outbox::event.eq("signature-reminder"))
        .select(outbox::recipient)
        .load(&mut conn)
        .unwrap();
    assert_eq!(reminders, ["camille.martin@etu.univ-demo.fr"]);
    // A link revoked after the scheduler read it is not reminded.
    let request: i64 = signature_requests::table
        .select(signature_requests::id)
        .order(signature_requests::id.desc())
        .first(&mut conn)
        .unwrap();
    diesel::update(signature_requests::table.find(request))
        .set(signature_requests::revoked_at.eq(now))
        .execute(&mut conn)
        .unwrap();
    assert!(!stages_api::db::signatures::claim_reminder(&mut conn, request, 1, now).unwrap());
}

/// A validated convention sent for signature, and the student's link
/// with a code asked: (convention, SHA-256 of the agreement, the link's
/// token, the code mailed).
async fn student_holds_a_code(app: &TestApp) -> (i64, String, String, String) {
    let (id, conv) = validated(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let (_, conv) = manager
        .post(
            &format!("/api/conventions/{id}/signature/send"),
            Some(version(&conv)),
            None,
        )
        .await;
    let sha = conv["signature"]["document_sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    let (token, _) = link_of(app, id, "student");
    let anonymous = As {
        app,
        token: String::new(),
    };
    let (status, _) = anonymous
        .post(&format!("/api/signing/{token}/code"), None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, code) = link_of(app, id, "student");
    (id, sha, token, code.unwrap())
}

/// A signature by link and staff's action on the same circuit take the
/// rows in one order: the convention's, then the circuit's and its
/// links'. On PostgreSQL the one that comes second waits, then reads what
/// the first wrote; another order deadlocks and answers 503. Made certain
/// here: staff hold the convention's row until the signature waits for
/// it, then write the circuit and its links, as a new link or a withdrawal
/// does.
#[actix_web::test]
async fn a_signature_and_staff_take_the_rows_in_one_order() {
    use stages_api::db::schema::{conventions, signature_circuits, signature_requests};
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let (id, sha, token, code) = student_holds_a_code(&app).await;
    let mut conn = app.pool.get().unwrap();
    let mut watch = app.pool.get().unwrap();
    let (held, hold) = std::sync::mpsc::channel();
    let staff = std::thread::spawn(move || {
        conn.transaction(|conn| {
            diesel::sql_query("SET LOCAL lock_timeout = '5s'").execute(conn)?;
            diesel::update(conventions::table.find(id))
                .set(conventions::version.eq(conventions::version + 1))
                .execute(conn)?;
            held.send(()).unwrap();
            // Until the signature waits for a lock (at most 10 s).
            let waiting = diesel::sql_query(
                "SELECT count(*) > 0 AS waiting FROM pg_stat_activity \
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            );
            for _ in 0..500 {
                if waiting.clone().get_result::<Waiting>(&mut watch)?.waiting {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let circuits = signature_circuits::table
                .filter(signature_circuits::convention_id.eq(id))
                .select(signature_circuits::id);
            diesel::update(
                signature_circuits::table.filter(signature_circuits::convention_id.eq(id)),
            )
            .set(signature_circuits::version.eq(signature_circuits::version + 1))
            .execute(conn)?;
            diesel::update(
                signature_requests::table.filter(signature_requests::circuit_id.eq_any(circuits)),
            )
            .set(signature_requests::reminders.eq(signature_requests::reminders))
            .execute(conn)
        })
    });
    hold.recv().unwrap();
    let anonymous = As {
        app: &app,
        token: String::new(),
    };
    let (status, answer) = anonymous
        .post(
            &format!("/api/signing/{token}/sign"),
            None,
            Some(json!({"code": code, "document_sha256": sha})),
        )
        .await;
    let staff = staff.join().unwrap();
    assert!(staff.is_ok(), "staff's side went through: {staff:?}");
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["state"], "signed");
    app.stop().await;
}

/// Staff vouching for one address at once, on PostgreSQL: every one goes
/// through and the address is kept once, with the first voucher.
#[actix_web::test]
async fn staff_vouching_at_once_keep_the_address_once() {
    use stages_api::db::schema::vouched_addresses;
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(3));
    let vouchers: Vec<_> = (0..3)
        .map(|by| {
            let (pool, barrier) = (app.pool.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut conn = pool.get().unwrap();
                barrier.wait();
                stages_api::db::transaction(&mut conn, |conn| {
                    stages_api::db::vouched_addresses::vouch(
                        conn,
                        "Jo.Lemaire@host.example.org",
                        Some(by),
                        chrono::Utc::now().naive_utc(),
                    )
                })
            })
        })
        .collect();
    for voucher in vouchers {
        voucher.join().unwrap().unwrap();
    }
    let kept: Vec<String> = vouched_addresses::table
        .select(vouched_addresses::address)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(
        kept.iter().filter(|a| a.contains("lemaire")).count() == 1,
        "{kept:?}"
    );
    app.stop().await;
}

/// Administrators withdrawing one vouch at once, on PostgreSQL: one is
/// told it is withdrawn, the others that nobody vouches for it any more.
#[actix_web::test]
async fn withdrawals_at_once_count_once() {
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let address = "jo.lemaire@host.example.org";
    stages_api::db::vouched_addresses::vouch(
        &mut app.pool.get().unwrap(),
        address,
        None,
        chrono::Utc::now().naive_utc(),
    )
    .unwrap();
    let admin = As::new(&app, "admin").await;
    let at_once = 3;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(at_once));
    let sent = (0..at_once).map(|_| {
        let barrier = barrier.clone();
        let request = app
            .client
            .delete(app.url(&format!("/api/admin/vouched-addresses/{address}")))
            .bearer_auth(&admin.token);
        async move {
            barrier.wait().await;
            request.send().await.unwrap().status()
        }
    });
    let mut answers = futures_util::future::join_all(sent).await;
    answers.sort();
    assert_eq!(
        answers,
        [
            StatusCode::NO_CONTENT,
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND
        ]
    );
    app.stop().await;
}

/// Whether a backend waits for a lock, in
/// [`a_signature_and_staff_take_the_rows_in_one_order`].
#[derive(QueryableByName)]
struct Waiting {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    waiting: bool,
}

/// Ten wrong codes lock the link, whatever codes are asked after: a
/// guesser gets ten tries against a million codes.
async fn wrong_codes_lock_the_link(app: &TestApp) {
    let (id, sha, token, code) = student_holds_a_code(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let anonymous = As {
        app,
        token: String::new(),
    };
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let sign = format!("/api/signing/{token}/sign");
    for _ in 0..10 {
        let (status, _) = anonymous
            .post(
                &sign,
                None,
                Some(serde_json::json!({"code": wrong, "document_sha256": sha})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, problem) = anonymous
        .post(
            &sign,
            None,
            Some(serde_json::json!({"code": code, "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["SIG-12"]);

    // Staff send a new link: the locked one stops working, the new one
    // starts with no wrong tries. Only to a party awaited now.
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let renew = |party: &str| format!("/api/conventions/{id}/signature/links/{party}");
    let student = As::new(app, "etudiant").await;
    let (status, _) = student
        .post(&renew("student"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, problem) = manager
        .post(&renew("tutor"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-07"], "the tutor signs later");
    let (status, conv) = manager
        .post(&renew("student"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let (status, _) = anonymous.get(&format!("/api/signing/{token}")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (renewed, _) = link_of(app, id, "student");
    assert_ne!(renewed, token);
    let (status, _) = anonymous
        .post(&format!("/api/signing/{renewed}/code"), None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, code) = link_of(app, id, "student");
    let (status, signed) = anonymous
        .post(
            &format!("/api/signing/{renewed}/sign"),
            None,
            Some(serde_json::json!({"code": code.unwrap(), "document_sha256": sha})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{signed}");
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let (status, problem) = manager
        .post(&renew("student"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-06"]);
}

/// An amendment goes through its own circuit: opened by its validation,
/// sent with the amendment's text, signed by the parties, sealed; the
/// agreement's circuit is another one.
async fn an_amendment_is_signed_in_its_own_circuit(app: &TestApp) {
    let (id, conv) = validated(app).await;
    let today = app.state.today().to_string();
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;
    let amend = format!("/api/conventions/{id}/amendments");
    let (status, conv) = student
        .post(
            &amend,
            Some(version(&conv)),
            Some(json!({
                "title": "Nouveau sujet",
                "reason": "Le projet a changé.",
                "changes": [{"kind": "subject", "subject": "Migration de l'outil de suivi"}]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conv}");
    assert_eq!(conv["amendment_signatures"], json!([]), "not validated yet");
    let (_, list) = student.get(&amend).await;
    let amendment = list[0].clone();
    let aid = amendment["id"].as_i64().unwrap();
    let base = format!("/api/conventions/{id}/amendments/{aid}/signature");
    let (status, problem) = manager
        .post(&format!("{base}/send"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-02"]);

    let (status, validated) = manager
        .post(
            &format!("/api/amendments/{aid}/validate"),
            Some(version(&amendment)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{validated}");
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let circuit = &conv["amendment_signatures"][0];
    assert_eq!(circuit["amendment"]["id"], aid, "{circuit}");
    assert_eq!(circuit["amendment"]["position"], 1);
    assert_eq!(circuit["status"], "not_sent");
    assert_eq!(circuit["opened_on"], today.as_str());
    let names = |c: &Value| -> Vec<(String, String)> {
        c["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["party"].to_string(), p["name"].to_string()))
            .collect()
    };
    assert_eq!(names(circuit), names(&conv["signature"]));

    // Sending the amendment leaves the agreement's circuit alone.
    let (status, conv) = manager
        .post(&format!("{base}/send"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        conv["amendment_signatures"][0]["status"],
        "out_for_signature"
    );
    assert_eq!(conv["signature"]["status"], "not_sent");
    // The page says why no amendment can be written now.
    let denied = &conv["permissions"]["create_amendment"];
    assert_eq!(denied["decision"], "denied", "{denied}");
    assert!(denied.to_string().contains("SIG-15"), "{denied}");
    // While the amendment is out for signature, no other amendment is
    // written (SIG-15).
    let (status, problem) = student
        .post(
            &amend,
            Some(version(&conv)),
            Some(json!({
                "title": "Autre",
                "reason": "Autre changement.",
                "changes": [{"kind": "other", "description": "Horaires"}]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-15"]);

    // The student's link names the amendment; the document is its text.
    let (token, _) = link_of(app, id, "student");
    let anonymous = As {
        app,
        token: String::new(),
    };
    let (status, view) = anonymous.get(&format!("/api/signing/{token}")).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["amendment"]["position"], 1, "{view}");
    assert_eq!(view["amendment"]["title"], "Nouveau sujet");
    let (status, sent) = raw(
        &student,
        reqwest::Method::GET,
        &format!("{base}/document"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        conv["amendment_signatures"][0]["document_sha256"]
            .as_str()
            .unwrap(),
        hex_sha256(&sent)
    );
    assert_eq!(view["document_sha256"].as_str().unwrap(), hex_sha256(&sent));
    assert!(pdftotext(&sent).contains("Nouveau sujet"));

    let mut conv = conv;
    for party in ["student", "host_signatory", "tutor", "supervisor", "school"] {
        let (status, next) = paper_at(&manager, &base, &conv, party, &today, sent.clone()).await;
        assert_eq!(status, StatusCode::OK, "{party}: {next}");
        conv = next;
    }
    let circuit = &conv["amendment_signatures"][0];
    assert_eq!(circuit["status"], "signed", "{circuit}");
    assert_eq!(circuit["signed_document"], true);
    assert_eq!(conv["signature"]["status"], "not_sent");
    let (status, signed) = raw(
        &student,
        reqwest::Method::GET,
        &format!("{base}/signed"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let report = pdfsig(&signed, "sealed-amendment");
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
    let text = pdftotext(&signed);
    assert!(text.contains("Nouveau sujet"), "{text}");
    assert!(text.contains("Page des signatures"), "{text}");
    // An amendment of another convention, or none, has no circuit here.
    let (status, _) = raw(
        &student,
        reqwest::Method::GET,
        &format!(
            "/api/conventions/{id}/amendments/{}/signature/signed",
            aid + 1000
        ),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Wrong codes sent at once are each counted before they are compared:
/// with four tries left, eight guesses released together with a barrier
/// get four comparisons, and the link is locked with ten tries spent, not
/// fourteen (PostgreSQL runs them side by side).
async fn concurrent_guesses_get_no_extra_tries(app: &TestApp) {
    use stages_api::db::schema::signature_requests;
    let (_, sha, token, code) = student_holds_a_code(app).await;
    let anonymous = As {
        app,
        token: String::new(),
    };
    let tries = |conn: &mut stages_api::db::AnyConnection| -> i32 {
        signature_requests::table
            .filter(signature_requests::party.eq("student"))
            .order(signature_requests::id.desc())
            .select(signature_requests::code_attempts)
            .first(conn)
            .unwrap()
    };
    {
        let mut conn = app.pool.get().unwrap();
        diesel::update(signature_requests::table)
            .set(signature_requests::code_attempts.eq(6))
            .execute(&mut conn)
            .unwrap();
    }
    let sign = format!("/api/signing/{token}/sign");
    let barrier = tokio::sync::Barrier::new(8);
    let guesses = (0..8u32).map(|n| {
        let guess = format!("{:06}", (code.parse::<u32>().unwrap() + 1 + n) % 1_000_000);
        let (anonymous, sign, sha, barrier) = (&anonymous, &sign, &sha, &barrier);
        async move {
            barrier.wait().await;
            anonymous
                .post(
                    sign,
                    None,
                    Some(json!({"code": guess, "document_sha256": sha})),
                )
                .await
                .0
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let compared = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert_eq!(compared, 4, "{statuses:?}");
    let mut conn = app.pool.get().unwrap();
    assert_eq!(tries(&mut conn), 10);
}

/// The `party` row of the convention's circuit.
fn party_of<'a>(conv: &'a Value, party: &str) -> &'a Value {
    conv["signature"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == party)
        .unwrap()
}

/// The addresses the convention's signing requests went to.
fn requested(app: &TestApp, id: i64) -> Vec<(String, String)> {
    use stages_api::db::schema::{signature_circuits, signature_requests};
    let mut conn = app.pool.get().unwrap();
    signature_requests::table
        .inner_join(signature_circuits::table)
        .filter(signature_circuits::convention_id.eq(id))
        .order(signature_requests::id)
        .select((signature_requests::party, signature_requests::email))
        .load(&mut conn)
        .unwrap()
}

/// A new signing link for the host's signatory is refused while nobody
/// vouched for their address (SIG-17).
async fn no_new_link_to_the_host(manager: &As<'_>, base: &str, conv: &Value) {
    let (status, problem) = manager
        .post(
            &format!("{base}/links/host_signatory"),
            Some(version(conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["SIG-17"]);
}

/// The student, first in turn, signs the agreement sent on paper, as the
/// manager records it: the convention as it is then.
async fn the_student_signs_on_paper(
    app: &TestApp,
    manager: &As<'_>,
    id: i64,
    conv: &Value,
) -> Value {
    let (_, sent) = raw(
        manager,
        reqwest::Method::GET,
        &format!("/api/conventions/{id}/signature/document"),
        None,
        None,
    )
    .await;
    let today = app.state.today().to_string();
    let (status, conv) = paper(manager, id, conv, "student", &today, sent).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    conv
}

/// SIG-17: the host's signatory is a contact anyone may enter, a student
/// with their own address too. No link goes to an address the centre's
/// staff did not vouch for, until they do on the circuit; contacts staff
/// enter or correct are vouched for, a student's are not.
async fn host_links_wait_for_an_address_staff_vouched_for(app: &TestApp) {
    use stages_api::db::schema::vouched_addresses;
    let (id, conv) = validated(app).await;
    let host = conv["content"]["signatory"]["email"]
        .as_str()
        .unwrap()
        .to_owned();
    // As if the student had entered the signatory: nobody vouched for it.
    {
        let mut conn = app.pool.get().unwrap();
        diesel::delete(vouched_addresses::table)
            .execute(&mut conn)
            .unwrap();
    }
    let manager = As::new(app, "gestionnaire").await;
    let base = format!("/api/conventions/{id}/signature");
    let (status, conv) = manager
        .post(&format!("{base}/send"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(party_of(&conv, "host_signatory")["address_vouched"], false);
    assert_eq!(party_of(&conv, "tutor")["address_vouched"], false);
    assert_eq!(party_of(&conv, "student")["address_vouched"], Value::Null);
    // The student, first in turn, signs on paper: the host is awaited.
    let conv = the_student_signs_on_paper(app, &manager, id, &conv).await;
    assert_eq!(party_of(&conv, "host_signatory")["awaited"], true);
    assert!(
        requested(app, id)
            .iter()
            .all(|(party, _)| party == "student"),
        "no link to an address nobody vouched for: {:?}",
        requested(app, id)
    );
    no_new_link_to_the_host(&manager, &base, &conv).await;

    // Only staff who run the circuit vouch, for a party who has not
    // signed, and only for addresses typed in on the convention.
    let student = As::new(app, "etudiant").await;
    let vouch = format!("{base}/addresses/host_signatory");
    let (status, _) = student.post(&vouch, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for party in ["student", "supervisor"] {
        let (status, problem) = manager
            .post(
                &format!("{base}/addresses/{party}"),
                Some(version(&conv)),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{party}: {problem}");
        assert_eq!(rules(&problem), ["SIG-17"], "{party}");
    }
    assert_eq!(conv["tutor_evaluation_address"]["vouched"], false);
    let (_, seen) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(seen["tutor_evaluation_address"], Value::Null, "staff only");

    // Vouched for: the awaited signatory is mailed their link at once.
    let (status, conv) = manager.post(&vouch, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(party_of(&conv, "host_signatory")["address_vouched"], true);
    assert_eq!(
        requested(app, id).last().unwrap(),
        &("host_signatory".to_owned(), host.clone())
    );
    let (status, again) = manager.post(&vouch, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(requested(app, id).len(), 2, "one link, not one per vouch");
    // The tutor, not awaited yet, is vouched for without a link (as one
    // the circuit leaves out would be, for the evaluation's).
    let (status, conv) = manager
        .post(
            &format!("{base}/addresses/tutor"),
            Some(version(&again)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["tutor_evaluation_address"]["vouched"], true);
    assert_eq!(requested(app, id).len(), 2, "the tutor is not awaited yet");

    // A contact a student enters waits for staff; one staff enter does not.
    let (_, found) = student.get("/api/organisations?name=ingenierie").await;
    let organisation = found["items"][0]["id"].as_i64().unwrap();
    let (_, services) = student
        .get(&format!("/api/organisations/{organisation}/services"))
        .await;
    let service = services[0]["id"].as_i64().unwrap();
    let contacts = format!("/api/services/{service}/contacts");
    let contact = |email: &str| {
        json!({"last_name": "Lemaire", "first_name": "Jo", "position": "Directrice",
               "email": email, "phone": "03 81 00 00 00"})
    };
    let vouched = |address: &str| {
        let mut conn = app.pool.get().unwrap();
        vouched_addresses::table
            .filter(vouched_addresses::address.eq(address))
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap()
            == 1
    };
    let (status, mine) = student
        .post(&contacts, None, Some(contact("moi@example.org")))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{mine}");
    assert!(!vouched("moi@example.org"));
    let (status, theirs) = manager
        .post(
            &contacts,
            None,
            Some(contact("Jo.Lemaire@Host.example.org")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{theirs}");
    assert!(
        vouched("jo.lemaire@host.example.org"),
        "one mailbox whatever its case"
    );
    // Staff saving the student's contact with its address as it was do
    // not vouch for it; typing another one does.
    let mut kept = contact("moi@example.org");
    kept["phone"] = json!("03 81 00 00 01");
    let (status, saved) = manager
        .put(
            &format!("/api/contacts/{}", mine["id"]),
            mine["version"].as_i64().unwrap(),
            kept,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert!(!vouched("moi@example.org"));
    let (status, corrected) = manager
        .put(
            &format!("/api/contacts/{}", mine["id"]),
            saved["version"].as_i64().unwrap(),
            contact("jo.directrice@host.example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert!(vouched("jo.directrice@host.example.org"));
}

/// An administrator withdraws a vouch made by mistake: the host's
/// signing link that went there stops working, no new one goes, and only
/// administrators see or withdraw vouches.
async fn an_admin_withdraws_a_vouch(app: &TestApp) {
    use stages_api::db::schema::signature_requests;
    let (id, conv) = validated(app).await;
    let host = conv["content"]["signatory"]["email"]
        .as_str()
        .unwrap()
        .to_owned();
    let manager = As::new(app, "gestionnaire").await;
    let admin = As::new(app, "admin").await;
    let base = format!("/api/conventions/{id}/signature");
    let (status, conv) = manager
        .post(&format!("{base}/send"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    the_student_signs_on_paper(app, &manager, id, &conv).await;
    assert!(
        requested(app, id)
            .iter()
            .any(|(party, to)| party == "host_signatory" && *to == host),
        "{:?}",
        requested(app, id)
    );

    // Listed for administrators, by part of the address in any case.
    let domain = host.split('@').nth(1).unwrap().to_uppercase();
    let list = format!("/api/admin/vouched-addresses?q={domain}");
    let (status, _) = manager.get(&list).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, page) = admin.get(&list).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["address"] == host.to_lowercase()),
        "{page}"
    );
    let (status, none) = admin.get("/api/admin/vouched-addresses?q=%25").await;
    assert_eq!(status, StatusCode::OK, "{none}");
    assert_eq!(
        none["items"],
        json!([]),
        "a % is a character, not a wildcard"
    );
    let (status, problem) = admin
        .get(&format!(
            "/api/admin/vouched-addresses?q={}",
            "a".repeat(255)
        ))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");

    let withdraw = format!(
        "/api/admin/vouched-addresses/{}",
        host.to_uppercase().replace('@', "%40")
    );
    let (status, _) = manager
        .send(reqwest::Method::DELETE, &withdraw, None, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = admin
        .send(reqwest::Method::DELETE, &withdraw, None, None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = admin
        .send(reqwest::Method::DELETE, &withdraw, None, None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "withdrawn once");

    // The link that went is revoked; the circuit says the address waits
    // for staff again, and a new link is refused.
    let open: i64 = {
        let mut conn = app.pool.get().unwrap();
        signature_requests::table
            .filter(signature_requests::email.eq(&host))
            .filter(signature_requests::revoked_at.is_null())
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(open, 0, "the host's link stops working");
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(party_of(&conv, "host_signatory")["address_vouched"], false);
    no_new_link_to_the_host(&manager, &base, &conv).await;
    let (_, page) = admin.get(&list).await;
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["address"] != host.to_lowercase()),
        "{page}"
    );
}

on_both_backends!(
    host_links_wait_for_an_address_staff_vouched_for,
    an_admin_withdraws_a_vouch,
    concurrent_guesses_get_no_extra_tries,
    an_amendment_is_signed_in_its_own_circuit,
    wrong_codes_lock_the_link,
    a_pending_signer_is_reminded,
    a_party_signs_by_link_with_a_mailed_code,
    every_party_signs_on_paper_and_the_agreement_is_sealed,
    withdrawing_a_validation_voids_a_partial_circuit,
    one_signature_per_party_under_concurrency
);

/// The server on the demo internship's first day.
async fn on_first_day(backend: common::Backend) -> TestApp {
    TestApp::spawn_on(
        backend,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
    )
    .await
}

/// CONV-03 once a circuit exists: the first day came without every
/// signature; the page says it as an error, the search results flag it,
/// and the filter finds it.
async fn unsigned_on_the_first_day_is_flagged_and_found(app: &TestApp) {
    let (id, conv) = validated(app).await;
    assert!(
        rules(&serde_json::json!({"violations": conv["violations"]}))
            .contains(&"CONV-03".to_owned())
    );
    let late = conv["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rule"] == "CONV-03")
        .unwrap();
    assert_eq!(late["severity"], "error", "{late}");
    let manager = As::new(app, "gestionnaire").await;
    let (status, page) = manager.get("/api/conventions?unsigned_at_start=true").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let found: Vec<&Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == id)
        .collect();
    assert_eq!(found.len(), 1, "{page}");
    assert_eq!(found[0]["unsigned_at_start"], true);
    // The demo's conventions validated before circuits existed are not.
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["unsigned_at_start"] == true),
        "{page}"
    );
    // Unfiltered, each line says it of its own circuit, beside its
    // student's name (read in the same statement as the line).
    let (status, page) = manager.get("/api/conventions").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let items = page["items"].as_array().unwrap();
    let line = items.iter().find(|c| c["id"] == id).expect("listed");
    assert_eq!(line["unsigned_at_start"], true, "{line}");
    assert_eq!(line["student_last_name"], "Martin", "{line}");
    assert!(
        items
            .iter()
            .any(|c| c["id"] != id && c["unsigned_at_start"] == false),
        "{page}"
    );
}

on_both_backends!(with on_first_day; unsigned_on_the_first_day_is_flagged_and_found);

const PLATFORM_SECRET: &str = "a platform secret of at least 32 bytes";

/// A server that takes the reports of a platform named `esup-signature`.
async fn with_a_platform(backend: common::Backend) -> TestApp {
    TestApp::spawn_configured(backend, |config| {
        config.signature_platform = Some(("esup-signature".into(), PLATFORM_SECRET.into()));
    })
    .await
}

/// A validated convention sent for signature by its manager: its id and
/// its circuit.
async fn sent_for_signature(app: &TestApp) -> (i64, serde_json::Value) {
    let (id, conv) = validated(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let (_, conv) = manager
        .post(
            &format!("/api/conventions/{id}/signature/send"),
            Some(version(&conv)),
            None,
        )
        .await;
    (id, conv["signature"].clone())
}

/// The body of a platform's report of `party`'s signature of `circuit`.
fn platform_report(circuit: &serde_json::Value, party: &str, reference: &str) -> String {
    serde_json::json!({
        "circuit_id": circuit["id"],
        "party": party,
        "signer_name": "Camille Martin",
        "document_sha256": circuit["document_sha256"],
        "reference": reference,
    })
    .to_string()
}

/// A platform reports the student's signature through the webhook: only
/// with its signature over the timestamp and the body, fresh, for the
/// document sent, and each delivery once.
async fn a_platform_reports_a_signature(app: &TestApp) {
    let (id, circuit) = sent_for_signature(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let report_of = |party: &str| platform_report(&circuit, party, &format!("esup-{party}"));
    let report = report_of("student");
    let platform = stages_api::app::platforms::HmacPlatform::new("esup-signature", PLATFORM_SECRET);
    let now = || chrono::Utc::now().timestamp();
    let post = |path: &str, signature: String, body: String| {
        app.client
            .post(app.url(path))
            .header("Content-Type", "application/json")
            .header("X-Stages-Signature", signature)
            .body(body)
            .send()
    };
    let path = "/api/signature-platforms/esup-signature/reports";
    let res = post(path, format!("t={},sha256=00", now()), report.clone())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = post(
        "/api/signature-platforms/other/reports",
        platform.signature_of(now(), report.as_bytes()),
        report.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Signed ten minutes ago: a report taken from the wire, played again.
    let res = post(
        path,
        platform.signature_of(now() - 600, report.as_bytes()),
        report.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("5 minutes"),
        "{problem}"
    );
    // The host's signatory before the student: not their turn (SIG-07).
    let early = report_of("host_signatory");
    let early_signature = platform.signature_of(now(), early.as_bytes());
    let res = post(path, early_signature.clone(), early.clone())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["violations"][0]["rule"], "SIG-07", "{problem}");
    let res = post(
        path,
        platform.signature_of(now(), report.as_bytes()),
        report.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let student = &conv["signature"]["parties"][0]["signature"];
    assert_eq!(student["method"], "electronic", "{student}");
    assert_eq!(student["address"], "platform:esup-signature");
    assert_eq!(student["user_agent"], "esup-student");
    // Now the signatory's turn, but the refused delivery does not count
    // again: only one the platform signs anew.
    let res = post(path, early_signature, early.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert!(problem["violations"].is_null(), "not a rule's: {problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("déjà été reçu"),
        "{problem}"
    );
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    assert!(
        conv["signature"]["parties"][1]["signature"].is_null(),
        "{conv}"
    );
    // Had a student typed in the signatory's address, nobody would have
    // vouched for it: no platform signs for them then (SIG-17).
    {
        use stages_api::db::schema::vouched_addresses;
        let mut conn = app.pool.get().unwrap();
        diesel::delete(vouched_addresses::table)
            .execute(&mut conn)
            .unwrap();
    }
    let res = post(
        path,
        platform.signature_of(now() + 1, early.as_bytes()),
        early.clone(),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["violations"][0]["rule"], "SIG-17", "{problem}");
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/signature/addresses/host_signatory"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let res = post(
        path,
        platform.signature_of(now() + 2, early.as_bytes()),
        early,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // Once is enough.
    let res = post(
        path,
        platform.signature_of(now() + 3, report.as_bytes()),
        report,
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

/// Copies of one delivery sent at once: one is recorded, the others are
/// refused as copies, on PostgreSQL's parallel transactions too.
async fn copies_of_a_delivery_count_once(app: &TestApp) {
    let (_, circuit) = sent_for_signature(app).await;
    let report = platform_report(&circuit, "student", "esup-copies");
    let platform = stages_api::app::platforms::HmacPlatform::new("esup-signature", PLATFORM_SECRET);
    let signature = platform.signature_of(chrono::Utc::now().timestamp(), report.as_bytes());
    let copies = 6;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(copies));
    let sent = (0..copies).map(|_| {
        let barrier = barrier.clone();
        let request = app
            .client
            .post(app.url("/api/signature-platforms/esup-signature/reports"))
            .header("Content-Type", "application/json")
            .header("X-Stages-Signature", signature.clone())
            .body(report.clone());
        async move {
            barrier.wait().await;
            let res = request.send().await.unwrap();
            let status = res.status();
            let body = res.text().await.unwrap();
            (status, body)
        }
    });
    let answers = futures_util::future::join_all(sent).await;
    let recorded = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::NO_CONTENT)
        .count();
    // Refused as copies of the delivery, not by the rules: were two copies
    // let through to the circuit, the second would be refused as signed
    // already (SIG-06).
    let copies_refused = answers
        .iter()
        .filter(|(s, body)| *s == StatusCode::CONFLICT && !body.contains("SIG-06"))
        .count();
    assert_eq!((recorded, copies_refused), (1, copies - 1), "{answers:?}");
}

on_both_backends!(with with_a_platform; a_platform_reports_a_signature, copies_of_a_delivery_count_once);
