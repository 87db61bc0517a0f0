//! The JSON the API and the SPA exchange: snake_case, identifiers as their
//! canonical strings, money in cents, and parsers on the way in.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::json;
use stages_domain::model::Convention;

#[test]
fn a_convention_round_trips_with_snake_case_fields() {
    let c = convention();
    let json = serde_json::to_value(&c).unwrap();
    let i = &json["internship"];
    assert_eq!(i["convention_type"], "initial_mandatory");
    assert_eq!(i["weekly_minutes"], 2100);
    assert_eq!(i["days_per_week"], 5.0);
    assert_eq!(i["start"], "2026-04-13");
    assert_eq!(
        i["interruptions"][0],
        json!({"start": "2026-05-11", "end": "2026-05-15"})
    );
    assert_eq!(i["stipend"]["amount_cents"], 69_300);
    assert_eq!(i["stipend"]["currency"], "EUR");
    assert_eq!(i["stipend"]["unit"], "month");
    assert_eq!(json["organisation"]["siret"], "73282932000074");
    assert_eq!(json["organisation"]["naf"], "62.01Z");
    assert_eq!(json["organisation"]["kind"], "private_company");
    assert_eq!(json["student"]["enrolment"]["academic_year"], "2025-2026");
    assert_eq!(json["student"]["mobile_phone"], "0612345678");
    let back: Convention = serde_json::from_value(json).unwrap();
    assert_eq!(back, c);
}

#[test]
fn an_invalid_identifier_cannot_cross_the_boundary() {
    let mut json = serde_json::to_value(convention()).unwrap();
    json["organisation"]["siret"] = json!("73282932000075");
    assert!(serde_json::from_value::<Convention>(json.clone()).is_err());
    json["organisation"]["siret"] = json!("732 829 320 00074");
    let parsed: Convention = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(
        parsed.organisation.unwrap().siret.unwrap().as_str(),
        "73282932000074"
    );
    json["organisation"]["naf"] = json!("62.01M");
    assert!(serde_json::from_value::<Convention>(json).is_err());
}

#[test]
fn a_draft_may_omit_what_it_does_not_have_yet() {
    assert_eq!(
        serde_json::from_value::<Convention>(json!({})).unwrap(),
        Convention::default()
    );
    let draft: Convention = serde_json::from_value(json!({
        "student": {"address": {"city": "Nancy"}},
        "internship": {"start": "2026-04-13", "regular_schedule": true, "weekly_minutes": 2100}
    }))
    .unwrap();
    assert_eq!(draft.student.address.city, "Nancy");
    assert_eq!(draft.internship.start, Some(d(2026, 4, 13)));
    assert!(draft.internship.schedule().is_some());
}
