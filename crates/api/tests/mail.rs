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
    };
    assert!(enqueue(&mut conn, &mail).unwrap());
    assert!(!enqueue(&mut conn, &mail).unwrap());
    assert_eq!(pending(&mut conn).unwrap(), before + 1);
    drop(conn);
    app.stop().await;
}
