//! Notifications through the real SMTP server `cargo xtask test` starts:
//! mails queued in the change's transaction, sent by the worker, kept while
//! the server is down, never sent twice, also by two workers at once.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, submitted, validated, version};
use common::mailbox::{smtp_url, wait_for};
use common::{Backend, TestApp};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::json;
use stages_api::db::schema::outbox;
use stages_api::mail::outbox::{Mail, enqueue, pending};
use stages_api::mail::worker::{Sender, drain_once};

fn sender(app: &TestApp, url: &str) -> Sender {
    Sender::new(url, &app.mail_from()).unwrap()
}

async fn drain(app: &TestApp, sender: &Sender, worker: &str) -> usize {
    drain_once(&app.pool, sender, worker).await.unwrap()
}

fn pending_count(app: &TestApp) -> i64 {
    pending(&mut app.pool.get().unwrap()).unwrap()
}

async fn the_life_of_a_convention_is_mailed(app: &TestApp) {
    let (id, conv) = submitted(app).await;
    let number = conv["number"].as_str().unwrap().to_owned();
    // Queued with the change, not sent by the request.
    assert_eq!(pending_count(app), 2);
    let supervisor = As::new(app, "enseignant").await;
    let (status, conv) = supervisor
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let manager = As::new(app, "gestionnaire").await;
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/reject"),
            Some(version(&conv)),
            Some(json!({"reason": "Le sujet doit être précisé."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");

    let smtp = sender(app, &smtp_url());
    assert_eq!(drain(app, &smtp, "w1").await, 4);
    assert_eq!(pending_count(app), 0);
    let mails = wait_for(&app.mail_from(), 4).await;
    let line = |subject: &str| {
        mails
            .iter()
            .find(|m| m.subject == subject)
            .unwrap_or_else(|| panic!("no mail {subject:?} in {mails:#?}"))
    };
    let created = line(&format!("Convention {number} créée"));
    assert!(created.to.contains("camille.martin@etu.univ-demo.fr"));
    assert!(
        created.body.contains("Société Générale d'Ingénierie"),
        "{}",
        created.body
    );
    assert!(
        created
            .body
            .contains(&format!("http://stages.test/conventions/{id}"))
    );
    let to_validate = line(&format!("Convention {number} à valider"));
    assert!(to_validate.to.contains("geraldine.baviere@univ-demo.fr"));
    assert!(to_validate.body.contains("Camille Martin"));
    let given = line(&format!(
        "Convention {number} : validation pédagogique donnée"
    ));
    assert!(given.to.contains("camille.martin@etu.univ-demo.fr"));
    let rejected = line(&format!("Convention {number} à corriger"));
    assert!(
        rejected.body.contains("« Le sujet doit être précisé. »"),
        "{}",
        rejected.body
    );

    // A second round finds nothing to send.
    assert_eq!(drain(app, &smtp, "w1").await, 0);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(common::mailbox::received_from(&app.mail_from()).len(), 4);
}

on_both_backends!(the_life_of_a_convention_is_mailed);

/// With the SMTP server unreachable, mails stay queued with the error and
/// a later retry; once it answers again they go out, once.
#[actix_web::test]
async fn mails_wait_while_the_smtp_server_is_down() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    submitted(&app).await;
    let port = common::free_port();
    let through_proxy = sender(&app, &format!("smtp://127.0.0.1:{port}"));

    assert_eq!(drain(&app, &through_proxy, "w1").await, 2);
    assert_eq!(pending_count(&app), 2);
    let rows: Vec<(i32, Option<String>, chrono::NaiveDateTime)> = outbox::table
        .select((
            outbox::attempts,
            outbox::last_error,
            outbox::next_attempt_at,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    let now = chrono::Utc::now().naive_utc();
    for (attempts, error, next) in &rows {
        assert_eq!(*attempts, 1);
        assert!(
            error.as_deref().unwrap_or_default().contains("onnection"),
            "{error:?}"
        );
        assert!(*next > now, "the retry waits");
    }
    // Not yet due: nothing is tried again at once.
    assert_eq!(drain(&app, &through_proxy, "w1").await, 0);

    // The server is back, and the retry is due.
    let target = smtp_url().trim_start_matches("smtp://").to_owned();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let forwarding = tokio::spawn(common::forward(listener, target));
    diesel::update(outbox::table)
        .set(outbox::next_attempt_at.eq(now))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(drain(&app, &through_proxy, "w1").await, 2);
    assert_eq!(pending_count(&app), 0);
    assert_eq!(wait_for(&app.mail_from(), 2).await.len(), 2);
    assert_eq!(drain(&app, &through_proxy, "w1").await, 0);
    forwarding.abort();
    app.stop().await;
}

/// Two workers (two `stages serve` replicas) drain one outbox: every mail
/// arrives exactly once.
async fn two_workers_send_each_mail_once(app: &TestApp) {
    const MAILS: usize = 60;
    {
        let mut conn = app.pool.get().unwrap();
        for i in 0..MAILS {
            enqueue(
                &mut conn,
                &Mail {
                    event: "test",
                    recipient: format!("person{i}@example.org"),
                    subject: format!("Message {i}"),
                    body: "Bonjour".into(),
                    convention_id: None,
                    dedupe_key: None,
                    link_id: None,
                    signature_request: None,
                },
            )
            .unwrap();
        }
    }
    let smtp = sender(app, &smtp_url());
    let work = |name: &'static str| {
        let (pool, smtp) = (app.pool.clone(), smtp.clone());
        async move {
            let mut sent = 0;
            loop {
                let n = drain_once(&pool, &smtp, name).await.unwrap();
                if n == 0 {
                    return sent;
                }
                sent += n;
            }
        }
    };
    let (a, b) = tokio::join!(work("replica-a"), work("replica-b"));
    assert_eq!(a + b, MAILS, "claimed {a} + {b}");
    assert_eq!(pending_count(app), 0);
    let mails = wait_for(&app.mail_from(), MAILS).await;
    let mut subjects: Vec<String> = mails.iter().map(|m| m.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(mails.len(), MAILS);
    assert_eq!(subjects.len(), MAILS, "a mail was sent twice");
}

on_both_backends!(two_workers_send_each_mail_once);

/// A relay that accepts connections and then says nothing (a hung
/// process): each send gives up within its bound, so a worker never
/// outlives the lease on its mails and two workers still try each mail
/// once. Once the relay sends again, the mails waiting out their back-off
/// go at once, each with the Message-ID it had on every attempt.
#[actix_web::test]
async fn a_stalled_relay_bounds_every_send_and_is_retried_once_back() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let queue = |subject: String| {
        enqueue(
            &mut app.pool.get().unwrap(),
            &Mail {
                event: "test",
                recipient: "tuteur@example.org".into(),
                subject,
                body: "Bonjour".into(),
                convention_id: None,
                dedupe_key: None,
                link_id: None,
                signature_request: None,
            },
        )
        .unwrap()
    };
    for i in 0..3 {
        queue(format!("En attente {i}"));
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let stall = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let bound = std::time::Duration::from_secs(2);
    let relay =
        Sender::with_timeout(&format!("smtp://127.0.0.1:{port}"), &app.mail_from(), bound).unwrap();
    let start = std::time::Instant::now();
    let (a, b) = tokio::join!(
        drain_once(&app.pool, &relay, "replica-a"),
        drain_once(&app.pool, &relay, "replica-b")
    );
    let elapsed = start.elapsed();
    assert_eq!(a.unwrap() + b.unwrap(), 3, "each mail claimed once");
    assert!(
        elapsed < bound * 3 + std::time::Duration::from_secs(3),
        "{elapsed:?}"
    );
    let now = chrono::Utc::now().naive_utc();
    type Row = (
        i32,
        Option<String>,
        Option<chrono::NaiveDateTime>,
        chrono::NaiveDateTime,
    );
    let rows: Vec<Row> = outbox::table
        .select((
            outbox::attempts,
            outbox::last_error,
            outbox::claimed_until,
            outbox::next_attempt_at,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    for (attempts, error, claimed_until, next) in &rows {
        assert_eq!(*attempts, 1);
        assert!(
            error.as_deref().unwrap_or_default().contains("within 2 s"),
            "{error:?}"
        );
        assert_eq!(*claimed_until, None, "the lease is given back");
        assert!(*next > now, "the retry waits");
    }
    stall.abort();
    let _ = stall.await;

    // The relay answers again on the same address: the first mail it takes
    // brings the waiting ones forward.
    let target = smtp_url().trim_start_matches("smtp://").to_owned();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let forwarding = tokio::spawn(common::forward(listener, target));
    queue("Nouveau".into());
    assert_eq!(drain(&app, &relay, "replica-a").await, 1);
    assert_eq!(drain(&app, &relay, "replica-a").await, 3);
    assert_eq!(pending_count(&app), 0);
    let mails = wait_for(&app.mail_from(), 4).await;
    assert_eq!(mails.len(), 4);
    let ids: Vec<(i64, chrono::NaiveDateTime)> = outbox::table
        .select((outbox::id, outbox::created_at))
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    let domain = app.mail_from().split_once('@').unwrap().1.to_owned();
    for (id, created_at) in ids {
        let expected = format!(
            "<stages.{id}.{}@{domain}>",
            created_at.and_utc().timestamp()
        );
        assert_eq!(
            mails.iter().filter(|m| m.message_id == expected).count(),
            1,
            "{expected} in {mails:?}"
        );
    }
    forwarding.abort();
    app.stop().await;
}

/// A link is signed into the mail it was queued with only: a placeholder
/// typed into a name the mail quotes (an organisation's, say) stays as
/// typed, so nobody mails themselves another convention's tutor link.
#[actix_web::test]
async fn only_the_mail_queued_with_a_link_carries_it() {
    use stages_api::app::evaluations::links;
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (id, _) = validated(&app).await;
    let mut conn = app.pool.get().unwrap();
    let now = chrono::Utc::now().naive_utc();
    let other = links::record(&mut conn, id, None, None, now).unwrap();
    let own = links::record(&mut conn, id, None, None, now).unwrap();
    let typed = links::placeholder(other.id);
    // A tutor's link goes only to an address staff vouched for (SIG-17).
    stages_api::db::vouched_addresses::vouch(&mut conn, "eve@example.org", None, now).unwrap();
    for (subject, link_id) in [("Sans lien", None), ("Avec lien", Some(own.id))] {
        enqueue(
            &mut conn,
            &Mail {
                event: "test",
                recipient: "eve@example.org".into(),
                subject: subject.into(),
                body: format!(
                    "Organisme : Acme {typed}\nLien : {}",
                    links::placeholder(own.id)
                ),
                convention_id: Some(id),
                dedupe_key: None,
                link_id,
                signature_request: None,
            },
        )
        .unwrap();
    }
    drop(conn);
    let smtp = sender(&app, &smtp_url()).with_links(app.state.links.clone());
    let mut sent = 0;
    loop {
        let n = drain(&app, &smtp, "w").await;
        if n == 0 {
            break;
        }
        sent += n;
    }
    let mails = wait_for(&app.mail_from(), sent).await;
    assert_eq!(mails.iter().filter(|m| m.to.contains("eve@")).count(), 2);
    let signed = links::token(&app.state.links, &own).unwrap();
    let forbidden = links::token(&app.state.links, &other).unwrap();
    for mail in mails.iter().filter(|m| m.to.contains("eve@")) {
        assert!(!mail.body.contains(&forbidden), "{}", mail.body);
        assert!(mail.body.contains(&typed), "{}", mail.body);
        assert_eq!(
            mail.body.contains(&signed),
            mail.subject == "Avec lien",
            "{}",
            mail.body
        );
    }
    app.stop().await;
}

/// A dedupe key queues a scheduled mail once, whoever queues it.
#[actix_web::test]
async fn a_scheduled_mail_is_queued_once() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (id, _) = validated(&app).await;
    let mut conn = app.pool.get().unwrap();
    let before = pending(&mut conn).unwrap();
    let mail = Mail {
        event: "evaluation-reminder",
        recipient: "camille.martin@etu.univ-demo.fr".into(),
        subject: "Rappel".into(),
        body: "Bonjour".into(),
        convention_id: Some(id),
        dedupe_key: Some(format!("eval-reminder:{id}:student:1")),
        link_id: None,
        signature_request: None,
    };
    assert!(enqueue(&mut conn, &mail).unwrap());
    assert!(!enqueue(&mut conn, &mail).unwrap());
    assert_eq!(pending(&mut conn).unwrap(), before + 1);
    drop(conn);
    app.stop().await;
}
