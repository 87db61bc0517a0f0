//! Each centre says who signs its agreements and in which order (issue
//! 17's circuit, read by the domain); centres stored before the setting
//! read as the official model. On both backends.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, version};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The centre's details as `PUT /api/centres/{id}` takes them.
fn input_of(centre: &Value) -> Value {
    let mut input = centre.clone();
    for field in ["id", "staff", "routes", "has_logo", "version"] {
        input.as_object_mut().unwrap().remove(field);
    }
    input
}

async fn a_centre_sets_its_signature_circuit(app: &TestApp) {
    use stages_api::db::schema::centres;
    let admin = As::new(app, "admin").await;
    let (_, list) = admin.get("/api/centres").await;
    let id = list[0]["id"].as_i64().unwrap();
    // Stored before the setting existed.
    {
        let mut conn = app.pool.get().unwrap();
        let stored: String = centres::table
            .find(id)
            .select(centres::settings)
            .first(&mut conn)
            .unwrap();
        let mut settings: Value = serde_json::from_str(&stored).unwrap();
        settings.as_object_mut().unwrap().remove("signature");
        diesel::update(centres::table.find(id))
            .set(centres::settings.eq(settings.to_string()))
            .execute(&mut conn)
            .unwrap();
    }
    let path = format!("/api/centres/{id}");
    let (status, centre) = admin.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{centre}");
    assert_eq!(
        centre["settings"]["signature"],
        json!({"parties": ["student", "host_signatory", "tutor", "supervisor", "school"], "order": "sequential", "reminder_days": 7})
    );

    let mut input = input_of(&centre);
    input["settings"]["signature"] = json!({"parties": ["student", "student", "school"], "order": "parallel", "reminder_days": 61});
    let (status, problem) = admin.put(&path, version(&centre), input).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let rules: Vec<(&str, &str)> = problem["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["rule"].as_str().unwrap(), v["field"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rules,
        vec![
            ("SIG-01", "settings.signature.parties"),
            ("SIG-01", "settings.signature.parties"),
            ("SIG-14", "settings.signature.reminder_days")
        ],
        "a party twice, the host's signatory missing, reminders past 60 days"
    );

    let mut input = input_of(&centre);
    let wanted = json!({"parties": ["school", "student", "host_signatory", "supervisor"], "order": "parallel", "reminder_days": 0});
    input["settings"]["signature"] = wanted.clone();
    let (status, saved) = admin.put(&path, version(&centre), input).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["settings"]["signature"], wanted);
}

on_both_backends!(a_centre_sets_its_signature_circuit);
