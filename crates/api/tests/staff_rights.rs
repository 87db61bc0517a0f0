//! A centre's managers act within the rights an administrator gave each of
//! them there: the validation levels, printing before the print condition,
//! evaluations, tickets, statistics and alert mails. On both backends.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, account_id, rules, submitted, version};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Only the administrative validation: no other level, no printing before
/// the condition, no evaluations, tickets, statistics or alert mails.
fn administrative_only() -> Value {
    json!({
        "validate_pedagogical": false,
        "validate_administrative_check": false,
        "validate_administrative": true,
        "print": false,
        "evaluations": false,
        "tickets": false,
        "statistics": false,
        "alerts": false,
    })
}

fn every_right() -> Value {
    serde_json::to_value(stages_domain::staff::StaffRights::ALL).unwrap()
}

fn refused_rule(problem: &Value) -> String {
    problem["rule"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| rules(problem).first().cloned())
        .unwrap_or_default()
}

async fn a_manager_acts_within_their_rights(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    // Before anything is submitted: the Sciences centre gets a second
    // manager, `gestionnaire2`, with the administrative level only.
    let (_, centres) = admin.get("/api/centres").await;
    let sciences = centres
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Centre de gestion UFR Sciences et Technologies")
        .unwrap()
        .clone();
    let path = format!("/api/centres/{}/organisation", sciences["id"]);
    let first = account_id(&admin, "gestionnaire").await;
    let second = account_id(&admin, "gestionnaire2").await;
    let (status, centre) = admin
        .put(
            &path,
            version(&sciences),
            json!({
                "staff": [
                    {"user_id": first, "rights": every_right()},
                    {"user_id": second, "rights": administrative_only()},
                ],
                "routes": sciences["routes"],
            }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{centre}");
    let staff = centre["staff"].as_array().unwrap();
    let rights_of = |id: i64| staff.iter().find(|s| s["user_id"] == id).unwrap()["rights"].clone();
    assert_eq!(rights_of(first)["validate_pedagogical"], true, "{centre}");
    assert_eq!(rights_of(second), administrative_only());

    // A list past its bound, or naming someone twice, is refused with the
    // field named.
    let twice = json!([
        {"user_id": first, "rights": every_right()},
        {"user_id": first, "rights": administrative_only()},
    ]);
    let (status, problem) = admin
        .put(
            &path,
            version(&centre),
            json!({"staff": twice, "routes": []}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["rule"], "FORM-04", "{problem}");
    let many: Vec<Value> = (0..501)
        .map(|i| json!({"user_id": i, "rights": every_right()}))
        .collect();
    let (status, problem) = admin
        .put(
            &path,
            version(&centre),
            json!({"staff": many, "routes": []}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "staff", "{problem}");
    assert_eq!(problem["violations"][0]["rule"], "FORM-03", "{problem}");

    let (id, conv) = submitted(app).await;
    // The alert mail "to validate" went to the manager with alerts only.
    {
        use stages_api::db::schema::outbox;
        let to_validate: Vec<String> = outbox::table
            .filter(outbox::event.eq("convention-to-validate"))
            .filter(outbox::convention_id.eq(id))
            .select(outbox::recipient)
            .load(&mut app.pool.get().unwrap())
            .unwrap();
        assert_eq!(
            to_validate,
            vec!["geraldine.baviere@univ-demo.fr".to_owned()]
        );
    }

    let limited = As::new(app, "gestionnaire2").await;
    let convention = format!("/api/conventions/{id}");
    let (status, seen) = limited.get(&convention).await;
    assert_eq!(status, StatusCode::OK, "a manager of the centre sees it");
    let decision = |view: &Value, level: &str| {
        view["permissions"]["validate"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["level"] == level)
            .unwrap()["decision"]
            .clone()
    };
    assert_eq!(
        decision(&seen, "pedagogical")["reason"]["rule"],
        "PERM-16",
        "{seen}"
    );
    assert_eq!(seen["permissions"]["print"]["reason"]["rule"], "PERM-16");
    let (status, problem) = limited
        .post(
            &format!("{convention}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");

    // The full manager gives the pedagogical level, the limited one the
    // administrative level.
    let full = As::new(app, "gestionnaire").await;
    let (status, conv) = full
        .post(
            &format!("{convention}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let (status, conv) = limited
        .post(
            &format!("{convention}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["status"], "validated", "{conv}");

    // No tutor link, statistics or ticket answer without those rights.
    let (status, problem) = limited
        .post(&format!("{convention}/evaluation-links"), None, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
    let (status, _) = full
        .post(&format!("{convention}/evaluation-links"), None, None)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let statistics = format!(
        "/api/statistics?centre_id={}&academic_year=2026-2027",
        sciences["id"]
    );
    let (status, problem) = limited.get(&statistics).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
    let (status, _) = full.get(&statistics).await;
    assert_eq!(status, StatusCode::OK);

    let student = As::new(app, "etudiant").await;
    let (status, ticket) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Question", "body": "Où signer ?", "convention_id": id})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ticket}");
    let answer = format!("/api/tickets/{}/answer", ticket["id"]);
    let (status, _) = limited.get(&format!("/api/tickets/{}", ticket["id"])).await;
    assert_eq!(status, StatusCode::OK, "a manager of its centre reads it");
    let (status, problem) = limited
        .post(
            &answer,
            Some(version(&ticket)),
            Some(json!({"answer": "Au secrétariat."})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
    let close = format!("/api/tickets/{}/close", ticket["id"]);
    let (status, problem) = limited.post(&close, Some(version(&ticket)), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
    let (status, answered) = full
        .post(
            &answer,
            Some(version(&ticket)),
            Some(json!({"answer": "Au secrétariat."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answered}");

    // Nor the agreements of the whole centre, nor the centre's levels,
    // which decide what the rights mean.
    let (status, problem) = limited
        .get(&format!(
            "/api/centres/{}/conventions.zip?academic_year=2026-2027",
            sciences["id"]
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
    let (_, centre) = limited
        .get(&format!("/api/centres/{}", sciences["id"]))
        .await;
    let mut input = centre.clone();
    for field in ["id", "staff", "routes", "has_logo", "version"] {
        input.as_object_mut().unwrap().remove(field);
    }
    input["settings"]["validation_levels"] = json!(["administrative"]);
    let (status, problem) = limited
        .put(
            &format!("/api/centres/{}", sciences["id"]),
            version(&centre),
            input,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(refused_rule(&problem), "PERM-16", "{problem}");
}

on_both_backends!(a_manager_acts_within_their_rights);
