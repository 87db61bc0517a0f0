//! What one request costs the database, counted by diesel's
//! instrumentation: every statement any connection of this test process
//! starts. A change that adds queries to the busiest requests (a wizard
//! step saved, a convention read) fails here; lower the figures when a
//! change saves queries.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, fill_a_convention, internship, version};
use common::{Backend, TestApp};
use diesel::connection::{Instrumentation, InstrumentationEvent, set_default_instrumentation};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicUsize, Ordering};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

fn counting() -> Option<Box<dyn Instrumentation>> {
    Some(Box::new(|event: InstrumentationEvent<'_>| {
        if matches!(event, InstrumentationEvent::StartQuery { .. }) {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }))
}

/// Statements run while `request` runs (nothing else uses the database
/// meanwhile: the mail worker and the scheduler run only when a test asks).
async fn statements_of<T>(request: impl std::future::Future<Output = T>) -> (usize, T) {
    let before = STATEMENTS.load(Ordering::SeqCst);
    let out = request.await;
    (STATEMENTS.load(Ordering::SeqCst) - before, out)
}

/// Statements of saving step 5 of a complete draft (the rules then need
/// every fact: other conventions of the student, the tutor's interns, the
/// host's hours) and of reading the convention back. The counting is set
/// before the server's connections are opened.
async fn a_step_save_and_a_read_stay_within_their_budget(backend: Backend) {
    set_default_instrumentation(counting).unwrap();
    let app = TestApp::spawn(backend).await;
    let student = As::new(&app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let path = format!("/api/conventions/{id}/internship");

    let (saved, (status, conv)) =
        statements_of(student.put(&path, version(&conv), internship())).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let (read, (status, _)) = statements_of(student.get(&format!("/api/conventions/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    println!("{backend:?}: step save {saved} statements, read {read}");
    assert!(
        saved <= STEP_SAVE,
        "a step save runs {saved} statements (budget {STEP_SAVE})"
    );
    assert!(
        read <= READ,
        "a read runs {read} statements (budget {READ})"
    );
    app.stop().await;
}

/// Every statement counts: the caller's account, the transaction's BEGIN
/// and COMMIT, the facts, the writes. Measured on 2026-12-03 on both
/// backends: 40 for the step save and 24 for the read before the use-case
/// layer of issue 14; 29 and 18 since (the saved convention is answered
/// from memory instead of read back, its amendments are read once, the
/// rules' facts once for both strictness levels); 30 and 19 once the
/// minimum hourly rates became data the rules read (issue 15); 31 and 20
/// once DUR-03 also reads the later interns at the service or with the
/// tutor (its own query, so that each direction keeps its nearest 20).
const STEP_SAVE: usize = 31;
const READ: usize = 20;

#[actix_web::test]
async fn sqlite() {
    a_step_save_and_a_read_stay_within_their_budget(Backend::Sqlite).await;
}

#[actix_web::test]
async fn postgres() {
    a_step_save_and_a_read_stay_within_their_budget(Backend::Postgres).await;
}
