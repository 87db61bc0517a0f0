//! The whole life of a convention through HTTP, on both backends: the
//! student fills the eight steps, creates it, the supervisor and the
//! manager validate it, it freezes, an amendment extends it.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{
    As, fill_a_convention, internship, rules, save_step, submit, validate, version,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn a_convention_lives_from_draft_to_amendment(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    assert_eq!(
        conv["completion"]["incomplete"],
        json!([]),
        "{}",
        conv["violations"]
    );
    let errors: Vec<&Value> = conv["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    // Step 8: create. A stale version is refused, then the number comes.
    let (status, _) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv) - 1),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    let (status, _) = student
        .post(&format!("/api/conventions/{id}/submit"), None, None)
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, conv) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let number = conv["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with("20") && number.len() == 11, "{number}");
    assert_eq!(conv["status"], "created");

    // A student never validates their own convention.
    let (status, problem) = student
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), vec!["PERM-02"]);

    // The manager of another centre and another student do not see it.
    for outsider in ["gestionnaire2", "etudiant2"] {
        let other = As::new(app, outsider).await;
        let (status, _) = other.get(&format!("/api/conventions/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{outsider}");
        let (_, found) = other.get(&format!("/api/conventions?q={number}")).await;
        assert_eq!(found["items"], json!([]), "{outsider}");
    }

    // The manager finds it by number, by student number and by name.
    let manager = As::new(app, "gestionnaire").await;
    for q in [number.as_str(), "22401234", "martin cam"] {
        let (status, found) = manager
            .get(&format!("/api/conventions?q={}", q.replace(' ', "%20")))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(found["items"][0]["id"], id, "query {q}");
    }

    // Levels go in the centre's order: administrative waits for pedagogical.
    let (status, problem) = manager
        .post(
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), vec!["WF-03"]);

    let supervisor = As::new(app, "enseignant").await;
    let (status, conv) = supervisor
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["status"], "in_validation");

    // Once a level is given the student can no longer edit.
    let (status, problem) = student
        .put(
            &format!("/api/conventions/{id}/internship"),
            version(&conv),
            internship(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), vec!["PERM-05"]);

    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["status"], "validated");

    // Validated: deleting is refused with the reason; amendments open.
    let (status, problem) = student
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert!(
        status == StatusCode::CONFLICT || status == StatusCode::FORBIDDEN,
        "{status} {problem}"
    );
    assert!(!problem["detail"].as_str().unwrap_or("").is_empty());
    let (_, student_view) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(
        student_view["permissions"]["create_amendment"]["decision"],
        "allowed"
    );

    let (status, conv) = student
        .post(
            &format!("/api/conventions/{id}/amendments"),
            Some(version(&conv)),
            Some(json!({
                "title": "Prolongation du stage",
                "reason": "Le projet a pris deux semaines de retard.",
                "changes": [{"kind": "dates", "start": "2027-01-04", "end": "2027-04-09"}]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conv}");
    let (_, list) = student
        .get(&format!("/api/conventions/{id}/amendments"))
        .await;
    let amendment = list[0].clone();
    assert_eq!(amendment["title"], "Prolongation du stage");
    assert_eq!(amendment["permissions"]["print"]["decision"], "denied");
    let amendment_id = amendment["id"].as_i64().unwrap();

    // With an amendment, no level can be withdrawn (AVN-04).
    let (status, problem) = manager
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), vec!["AVN-04"]);

    let (status, _) = student
        .post(
            &format!("/api/amendments/{amendment_id}/validate"),
            Some(version(&amendment)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, validated) = manager
        .post(
            &format!("/api/amendments/{amendment_id}/validate"),
            Some(version(&amendment)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{validated}");
    assert_eq!(validated["permissions"]["print"]["decision"], "allowed");

    // The effective convention ends two weeks later; the signed one does not.
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(conv["content"]["internship"]["end"], "2027-03-26");
    assert_eq!(conv["effective"]["internship"]["end"], "2027-04-09");
    // Fourteen weeks of 35 h, less Easter Monday (29 March 2027).
    assert_eq!(conv["figures"]["effective_minutes"], 2100 * 14 - 7 * 60);

    let (_, history) = manager.get(&format!("/api/conventions/{id}/history")).await;
    let actions: Vec<&str> = history["validations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["validate", "validate"]);
    assert!(history["changes"].as_array().unwrap().len() >= 10);
}

async fn a_rejected_convention_goes_back_to_the_student_with_the_reason(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let (_, conv) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    let manager = As::new(app, "gestionnaire").await;
    let (status, problem) = manager
        .post(
            &format!("/api/conventions/{id}/reject"),
            Some(version(&conv)),
            Some(json!({"reason": "  "})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), vec!["WF-09"]);
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/reject"),
            Some(version(&conv)),
            Some(json!({"reason": "Le sujet doit être précisé."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let (_, mine) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(mine["status"], "rejected");
    assert_eq!(
        mine["workflow"]["rejection"]["reason"],
        "Le sujet doit être précisé."
    );
    assert_eq!(mine["permissions"]["edit"]["decision"], "allowed");
    // While nothing is validated the student may delete it.
    let (status, _) = student
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}"),
            Some(version(&mine)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn steps_report_rules_at_their_fields(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let (_, conv) = student
        .post(
            "/api/conventions",
            None,
            Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
        )
        .await;
    let id = conv["id"].as_i64().unwrap();
    let mut bad = internship();
    bad["weekly_minutes"] = json!(85 * 60);
    bad["end"] = json!("2026-12-01");
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/internship"),
            version(&conv),
            bad,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "a draft keeps what was typed");
    let found: Vec<(String, String, String)> = conv["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["rule"].as_str().unwrap().to_owned(),
                v["field"].as_str().unwrap().to_owned(),
                v["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        found
            .iter()
            .any(|(r, f, s)| r == "DUR-05" && f == "internship.weekly_minutes" && s == "error"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, f, s)| r == "DUR-05" && f.starts_with("internship.end") && s == "error"),
        "{found:?}"
    );
    // Creating with broken rules is refused with every violation.
    let (status, problem) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(rules(&problem).contains(&"DUR-05".to_owned()));
    // A malformed identifier names its field and rule.
    let (status, problem) = student
        .put(
            &format!("/api/conventions/{id}/student"),
            version(&conv),
            json!({
                "address": {"street": "x", "postal_code": "25000", "city": "y"},
                "personal_email": "not-an-email",
                "health_insurance": {"fund": "CPAM"}
            }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "personal_email");
    assert_eq!(problem["violations"][0]["rule"], "FMT-01");
}

/// A convention with its first validation given is not deleted, by the
/// manager or the administrator (409 WF-15): it stays, whole. Once the
/// validation is withdrawn (audited), the manager may delete it.
async fn a_partly_validated_convention_is_not_deleted(app: &TestApp) {
    let (id, conv) = common::flows::submitted(app).await;
    let manager = As::new(app, "gestionnaire").await;
    let (status, conv) = manager
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_ne!(conv["status"], "validated", "one level of two: {conv}");
    assert_eq!(
        conv["permissions"]["delete"]["reason"]["rule"], "WF-15",
        "{}",
        conv["permissions"]
    );
    for who in ["gestionnaire", "admin", "etudiant"] {
        let (status, problem) = As::new(app, who)
            .await
            .send(
                reqwest::Method::DELETE,
                &format!("/api/conventions/{id}"),
                Some(version(&conv)),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{who}: {problem}");
        assert_eq!(rules(&problem), vec!["WF-15"], "{who}");
        assert!(!problem["detail"].as_str().unwrap_or("").is_empty());
    }
    let (status, still) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(version(&still), version(&conv), "nothing was written");

    let (status, undone) = manager
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{undone}");
    let (status, _) = manager
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{id}"),
            Some(version(&undone)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

/// GRAT-02 for a year whose rate the program does not know yet (2027):
/// 1.00 € an hour is refused against the latest known rate, named in the
/// message; the legal amount only warns that the year's rate is unknown.
/// The convention's violations of `rule`, as (severity, message).
fn findings(conv: &Value, rule: &str) -> Vec<(String, String)> {
    conv["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["rule"] == rule)
        .map(|v| {
            (
                v["severity"].as_str().unwrap().to_owned(),
                v["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn a_stipend_in_a_year_without_a_rate_meets_the_latest_known(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let grat_02 = |conv: &Value| findings(conv, "GRAT-02");
    let legal = grat_02(&conv);
    assert_eq!(legal.len(), 1, "{legal:?}");
    assert_eq!(legal[0].0, "warning");
    let mut cheap = internship();
    cheap["stipend"]["unit"] = json!("hour");
    cheap["stipend"]["amount_cents"] = json!(100);
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/internship"),
            version(&conv),
            cheap,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let found = grat_02(&conv);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "error");
    assert!(
        found[0].1.contains("2026") && (found[0].1.contains("4,50") || found[0].1.contains("4.50")),
        "{}",
        found[0].1
    );
    let (status, problem) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(rules(&problem).contains(&"GRAT-02".to_owned()), "{problem}");
}

/// GRAT-02 as data: the seeded table is the release's; a student reads it,
/// only an administrator changes it, in sequence and never downwards; a
/// year entered is then the one the checks and the figures read (700 € a
/// month at 35 h is 4,5454… € an hour: above 2026's 4,50 as a floor for
/// 2027, below a 2027 rate of 4,62, at or above one of 4,54); a correction needs the version read; every
/// change is in the audit log; removing the year brings back the floor.
async fn an_administrator_enters_a_years_rate_and_the_checks_read_it(app: &TestApp) {
    use diesel::prelude::*;
    use stages_api::db::schema::audit_log;
    let student = As::new(app, "etudiant").await;
    let admin = As::new(app, "admin").await;
    let (status, seeded) = student.get("/api/hourly-rates").await;
    assert_eq!(status, StatusCode::OK, "{seeded}");
    let seeded: Vec<(i32, i64)> = seeded
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert!(!r["source"].as_str().unwrap().is_empty());
            (
                i32::try_from(r["year"].as_i64().unwrap()).unwrap(),
                r["cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seeded,
        stages_domain::stipend::MIN_HOURLY_RATES_CENTS.to_vec(),
        "the migration seeds the release's rates"
    );

    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let grat_02 = |conv: &Value| findings(conv, "GRAT-02");
    let before = grat_02(&conv);
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0].0, "warning", "2027 unknown: a warning only");
    assert_eq!(
        conv["figures"]["legal_minimum_cents"],
        json!(189_000),
        "420 h at 4,50"
    );

    let rate =
        |cents: i64| json!({"cents": cents, "source": "15 % du plafond horaire 2027 : 30,80 €"});
    let (status, problem) = student
        .post("/api/hourly-rates/2027", None, Some(rate(462)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    for (year, cents, expected) in [
        (2027, 449, StatusCode::UNPROCESSABLE_ENTITY),
        (2028, 470, StatusCode::UNPROCESSABLE_ENTITY),
        (2027, 99_999, StatusCode::UNPROCESSABLE_ENTITY),
        (2026, 450, StatusCode::CONFLICT),
    ] {
        let (status, problem) = admin
            .post(
                &format!("/api/hourly-rates/{year}"),
                None,
                Some(rate(cents)),
            )
            .await;
        assert_eq!(status, expected, "{year} at {cents}: {problem}");
        assert_eq!(rules(&problem), ["GRAT-02"], "{problem}");
    }
    let (status, problem) = admin
        .post(
            "/api/hourly-rates/2027",
            None,
            Some(json!({"cents": 462, "source": " "})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "source", "{problem}");
    let (status, entered) = admin
        .post("/api/hourly-rates/2027", None, Some(rate(462)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{entered}");

    let (_, conv) = student.get(&format!("/api/conventions/{id}")).await;
    let after = grat_02(&conv);
    assert_eq!(after.len(), 1, "{after:?}");
    assert_eq!(after[0].0, "error", "{after:?}");
    assert!(
        (after[0].1.contains("4,62") || after[0].1.contains("4.62")) && after[0].1.contains("2027"),
        "{}",
        after[0].1
    );
    assert_eq!(
        conv["figures"]["legal_minimum_cents"],
        json!(194_040),
        "420 h at 4,62"
    );

    let (status, problem) = admin
        .send(
            reqwest::Method::PUT,
            "/api/hourly-rates/2027",
            None,
            Some(rate(454)),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{problem}");
    let (status, problem) = admin
        .put("/api/hourly-rates/2027", version(&entered) + 1, rate(454))
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{problem}");
    let (status, corrected) = admin
        .put("/api/hourly-rates/2027", version(&entered), rate(454))
        .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    let (_, conv) = student.get(&format!("/api/conventions/{id}")).await;
    assert!(
        grat_02(&conv)
            .iter()
            .all(|(severity, _)| severity != "error"),
        "4,5454… meets a 2027 rate of 4,54: {:?}",
        grat_02(&conv)
    );

    let (status, problem) = admin
        .send(
            reqwest::Method::DELETE,
            "/api/hourly-rates/2023",
            Some(1),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a gap: {problem}");
    let (status, _) = admin
        .send(
            reqwest::Method::DELETE,
            "/api/hourly-rates/2027",
            Some(version(&corrected)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, conv) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(grat_02(&conv), before, "back to 2026's rate as a floor");

    let actions: Vec<String> = audit_log::table
        .filter(audit_log::entity.eq("hourly_rate"))
        .filter(audit_log::entity_id.eq(2027))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(actions, ["create", "update", "delete"]);
}

/// DUR-03 through HTTP: after Camille's validated internship at the DSI
/// (11 January – 2 April 2027, 82 days: 28 days of waiting, so 1 May at
/// the earliest), a second one there from 26 April is a question for
/// staff, not a subject comparison: validation refused (and the question
/// shown as what blocks it) until a manager answers with a reason; "the same post" makes it an error; an
/// early end of the first at the intern's own initiative (on 1 April, so
/// that the dates alone would still owe a wait) waives the waiting period;
/// the answer "another post" lets validation through. A termination must
/// say who asked for it. (The demo's internship at the DSI ends on 26
/// March: its wait is over by 26 April.)
async fn an_earlier_intern_at_the_same_service_is_reviewed_before_validation(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;
    let with_dates = |start: &str, end: &str| {
        let mut step = internship();
        step["start"] = json!(start);
        step["end"] = json!(end);
        step
    };
    let submitted = |step: Value| {
        let student = &student;
        async move {
            let conv = fill_a_convention(student).await;
            let id = conv["id"].as_i64().unwrap();
            let (status, conv) = student
                .put(
                    &format!("/api/conventions/{id}/internship"),
                    version(&conv),
                    step,
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{conv}");
            let (status, conv) = student
                .post(
                    &format!("/api/conventions/{id}/submit"),
                    Some(version(&conv)),
                    None,
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{conv}");
            (id, conv)
        }
    };
    let (first, first_view) = submitted(with_dates("2027-01-11", "2027-04-02")).await;
    let first_view = common::flows::validate(app, first, first_view).await;
    let (id, _) = submitted(with_dates("2027-04-26", "2027-05-21")).await;
    let dur_03 = |conv: &Value| -> Option<(String, String)> {
        conv["violations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["rule"] == "DUR-03")
            .map(|v| {
                let message = v["message"].as_str().unwrap();
                // The question to staff names the manager; the waiting
                // period itself does not.
                let key = if message.contains("gestionnaire") {
                    "dur-03-same-post-to-review"
                } else {
                    "dur-03-waiting-period"
                };
                (v["severity"].as_str().unwrap().to_owned(), key.to_owned())
            })
    };
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(
        dur_03(&conv),
        Some(("error".into(), "dur-03-same-post-to-review".into())),
        "{}",
        conv["violations"]
    );
    assert_eq!(conv["permissions"]["review_post"]["decision"], "allowed");
    let (status, problem) = manager
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "unreviewed: {problem}");
    assert_eq!(rules(&problem), ["WF-06"]);

    let review = |same_post: bool, reason: &str| json!({"same_post": same_post, "reason": reason});
    let path = format!("/api/conventions/{id}/post-review");
    let (status, problem) = student
        .put(&path, version(&conv), review(false, "Je pense que non"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (status, problem) = manager
        .put(&path, version(&conv), review(false, "  "))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "reason", "{problem}");
    let (status, conv) = manager
        .put(&path, version(&conv), review(true, "Même fiche de poste"))
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["post_review"]["same_post"], true);
    let (_, seen) = student.get(&format!("/api/conventions/{id}")).await;
    assert!(
        seen["post_review"].is_null(),
        "the reason is staff's: {}",
        seen["post_review"]
    );
    assert_eq!(
        dur_03(&conv),
        Some(("error".into(), "dur-03-waiting-period".into()))
    );

    // The first internship ends early at Camille's own initiative: no
    // waiting period is owed. A termination must say who asked.
    let amendments = format!("/api/conventions/{first}/amendments");
    let termination = |who: Option<&str>| {
        let mut change = json!({"kind": "termination", "date": "2027-04-01", "comment": "Démission de l'étudiante"});
        if let Some(who) = who {
            change["initiated_by"] = json!(who);
        }
        json!({"title": "Rupture", "reason": "Départ anticipé", "changes": [change]})
    };
    let (status, problem) = manager
        .post(
            &amendments,
            Some(version(&first_view)),
            Some(termination(None)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(
        problem["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["field"] == "amendment.changes[0].initiated_by"),
        "{problem}"
    );
    let (status, created) = manager
        .post(
            &amendments,
            Some(version(&first_view)),
            Some(termination(Some("intern"))),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (_, list) = manager.get(&amendments).await;
    let amendment = list[0].clone();
    let (status, validated) = manager
        .post(
            &format!("/api/amendments/{}/validate", amendment["id"]),
            Some(version(&amendment)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{validated}");
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(dur_03(&conv), None, "waived: {}", conv["violations"]);

    let (status, conv) = manager
        .put(
            &path,
            version(&conv),
            review(false, "Autre poste : exploitation"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let conv = common::flows::validate(app, id, conv).await;
    assert_eq!(conv["post_review"]["same_post"], false);
    let (status, problem) = manager
        .put(&path, version(&conv), review(true, "Trop tard"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "validated: {problem}");
}

/// SAF-07 from the registry: the birth date imported with the enrolments
/// (French format here; a malformed one is refused naming the column)
/// goes into the conventions the student starts; Camille, born on 15
/// January 2009, is 17 on 4 January 2027, so 40 h a week is refused
/// (its 8 h days are the most a minor may do, not more).
async fn a_minor_from_the_registry_is_held_to_the_minors_limits(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    // A draft begun before the registry knew the birth date takes it when
    // step 1 is saved again.
    let early = fill_a_convention(&As::new(app, "etudiant").await).await;
    let csv = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours;birth_date\n\
               22401234;Martin;Camille;camille.martin@etu.univ-demo.fr;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450;15/01/2009\n\
               31000009;Roux;Léa;;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450;2009-13-01\n";
    let report: Value = app
        .client
        .post(app.url("/api/admin/enrolments"))
        .bearer_auth(&admin.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["students_updated"], 1, "{report}");
    assert_eq!(report["errors"][0]["line"], 3, "{report}");
    assert_eq!(report["errors"][0]["field"], "birth_date", "{report}");

    let student = As::new(app, "etudiant").await;
    let early = save_step(
        &student,
        &early,
        "student",
        json!({
            "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
            "personal_email": "camille.martin@example.org",
            "health_insurance": {"fund": "CPAM du Doubs"}
        }),
    )
    .await;
    assert_eq!(
        early["content"]["student"]["student"]["birth_date"],
        "2009-01-15"
    );
    let conv = fill_a_convention(&student).await;
    assert_eq!(
        conv["content"]["student"]["student"]["birth_date"],
        "2009-01-15"
    );
    let saf_07 = |conv: &Value| -> Vec<String> {
        conv["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["rule"] == "SAF-07")
            .map(|v| format!("{} {}", v["severity"], v["field"]))
            .collect()
    };
    // A minor's draft asks for the legal representative and the answer
    // about night work; submitting without them is refused.
    assert_eq!(
        saf_07(&conv),
        [
            "\"warning\" \"student.legal_representative\"",
            "\"warning\" \"internship.night_work\""
        ]
    );
    let id = conv["id"].as_i64().unwrap();
    let (status, problem) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(rules(&problem).contains(&"SAF-07".to_owned()), "{problem}");
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/student"),
            version(&conv),
            json!({
                "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
                "personal_email": "camille.martin@example.org",
                "mobile_phone": "06 12 34 56 78",
                "health_insurance": {"fund": "CPAM du Doubs"},
                "legal_representative": {
                    "civility": "ms", "last_name": "Martin", "first_name": "Sophie",
                    "email": "sophie.martin@example.org", "phone": "06 98 76 54 32",
                    "position": "Mère"
                }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let mut at_night = internship();
    at_night["night_work"] = json!(true);
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/internship"),
            version(&conv),
            at_night,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(saf_07(&conv), ["\"error\" \"internship.night_work\""]);
    let mut by_day = internship();
    by_day["night_work"] = json!(false);
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/internship"),
            version(&conv),
            by_day,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert!(
        saf_07(&conv).is_empty(),
        "35 h over 5 days: {:?}",
        saf_07(&conv)
    );
    let mut longer = internship();
    longer["weekly_minutes"] = json!(40 * 60);
    longer["night_work"] = json!(false);
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{}/internship", conv["id"]),
            version(&conv),
            longer,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        saf_07(&conv),
        ["\"error\" \"internship.weekly_minutes\""],
        "40 h over 5 days: 8 h a day is the most, not more"
    );
}

/// ENC-03 per calendar week, through HTTP: with its headcount set to 5
/// the host takes 3 interns a week. Three short internships follow one
/// another in the week of 4 January 2027 (never two on one day); a fourth
/// that week is refused, naming the week; the week after is free.
async fn a_host_full_for_a_calendar_week_refuses_one_more(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;
    // A host with no other intern: the student's own organisation step
    // names "ingénierie"; a copy of it with 5 people is made for the test.
    let (_, found) = student.get("/api/organisations?name=ingenierie").await;
    let org = found["items"][0].clone();
    let mut input = json!({});
    for field in [
        "name",
        "naf_code",
        "activity",
        "kind",
        "legal_status_code",
        "street",
        "street2",
        "postal_code",
        "city",
        "country_code",
        "phone",
        "email",
        "website",
    ] {
        input[field] = org[field].clone();
    }
    input["name"] = json!("Bureau d'études du test ENC-03");
    input["siret"] = json!("41867032900014");
    input["headcount"] = json!(5);
    let (status, host) = manager.post("/api/organisations", None, Some(input)).await;
    assert_eq!(status, StatusCode::CREATED, "{host}");
    let host_id = host["id"].as_i64().unwrap();
    let (_, services) = manager
        .get(&format!("/api/organisations/{}/services", org["id"]))
        .await;
    let service = services[0].clone();
    let (status, new_service) = manager
        .post(
            &format!("/api/organisations/{host_id}/services"),
            None,
            Some(json!({
                "name": service["name"], "street": service["street"],
                "postal_code": service["postal_code"], "city": service["city"],
                "country_code": service["country_code"]
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{new_service}");
    let service_id = new_service["id"].as_i64().unwrap();
    let (status, tutor) = manager
        .post(
            &format!("/api/services/{service_id}/contacts"),
            None,
            Some(json!({
                "civility": "ms", "last_name": "Durand", "first_name": "Alice",
                "position": "Cheffe de projet", "email": "alice.durand@example.org",
                "phone": "03 81 00 00 01"
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{tutor}");
    let tutor_id = tutor["id"].as_i64().unwrap();

    // One convention of `start`..`end` at that host; submitted when asked.
    let convention = |start: &'static str, end: &'static str, submit: bool| {
        let student = &student;
        async move {
            let conv = fill_a_convention(student).await;
            let id = conv["id"].as_i64().unwrap();
            let mut conv = conv;
            for (step, body) in [
                ("organisation", json!({"organisation_id": host_id})),
                ("host-service", json!({"host_service_id": service_id})),
                ("tutor", json!({"contact_id": tutor_id})),
                ("signatory", json!({"contact_id": tutor_id})),
            ] {
                let (status, next) = student
                    .put(
                        &format!("/api/conventions/{id}/{step}"),
                        version(&conv),
                        body,
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{step}: {next}");
                conv = next;
            }
            let mut dates = internship();
            dates["start"] = json!(start);
            dates["end"] = json!(end);
            dates["leave_days"] = json!(0);
            // Another post each time: the waiting period (DUR-03) is not
            // what this test is about.
            dates["subject"] = json!(format!("Étude commencée le {start}"));
            let (status, next) = student
                .put(
                    &format!("/api/conventions/{id}/internship"),
                    version(&conv),
                    dates,
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{next}");
            conv = next;
            if submit {
                let (status, next) = student
                    .post(
                        &format!("/api/conventions/{id}/submit"),
                        Some(version(&conv)),
                        None,
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{start}: {next}");
                conv = next;
            }
            conv
        }
    };
    convention("2027-01-04", "2027-01-05", true).await;
    convention("2027-01-06", "2027-01-06", true).await;
    convention("2027-01-07", "2027-01-08", true).await;
    let enc_03 = |conv: &Value| -> Vec<Value> {
        conv["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["rule"] == "ENC-03")
            .cloned()
            .collect()
    };
    // Saturday of that week: the fourth intern of the week.
    let fourth = convention("2027-01-09", "2027-01-29", false).await;
    let found = enc_03(&fourth);
    assert_eq!(found.len(), 1, "{}", fourth["violations"]);
    assert_eq!(found[0]["severity"], "error");
    assert!(
        found[0]["message"].as_str().unwrap().contains("2027"),
        "the message names the week: {}",
        found[0]["message"]
    );
    // From the Monday after, the host is free again.
    let later = convention("2027-01-11", "2027-01-29", false).await;
    assert!(enc_03(&later).is_empty(), "{}", later["violations"]);
}

/// ABR-03 through HTTP, at the demo's host in Berlin. From 4 January to
/// 5 July 2027 is past six months (the last day covered is 3 July) and
/// 700 € a month at 35 h is above 4.50 € an hour: both are named at the
/// host-cover field, and submitting is refused, until the host insures the
/// intern. Within the conditions the convention goes through; an amendment
/// extending it past six months is refused unless it states the host's
/// cover.
async fn an_internship_abroad_keeps_the_french_cover_only_within_its_conditions(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let path = |step: &str| format!("/api/conventions/{id}/{step}");
    let (_, found) = student.get("/api/organisations?name=B%C3%A4ckerei").await;
    let org = found["items"][0]["id"].as_i64().unwrap();
    let conv = save_step(
        &student,
        &conv,
        "organisation",
        json!({"organisation_id": org}),
    )
    .await;
    let (_, services) = student
        .get(&format!("/api/organisations/{org}/services"))
        .await;
    let service = services[0]["id"].as_i64().unwrap();
    let conv = save_step(
        &student,
        &conv,
        "host-service",
        json!({"host_service_id": service}),
    )
    .await;
    let (_, contacts) = student
        .get(&format!("/api/services/{service}/contacts"))
        .await;
    let contact = json!({"contact_id": contacts[0]["id"]});
    let conv = save_step(&student, &conv, "tutor", contact.clone()).await;
    let conv = save_step(&student, &conv, "signatory", contact).await;

    let abr_03 = |conv: &Value| -> Vec<String> {
        conv["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["rule"] == "ABR-03")
            .map(|v| {
                format!(
                    "{} {}",
                    v["severity"].as_str().unwrap(),
                    v["field"].as_str().unwrap()
                )
            })
            .collect()
    };
    let mut long = internship();
    long["end"] = json!("2027-07-05");
    let (status, conv) = student
        .put(&path("internship"), version(&conv), long.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        abr_03(&conv),
        [
            "warning internship.host_accident_cover",
            "warning internship.host_accident_cover"
        ],
        "{}",
        conv["violations"]
    );
    let (status, problem) = student
        .post(&path("submit"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(rules(&problem).contains(&"ABR-03".to_owned()), "{problem}");
    long["host_accident_cover"] = json!(true);
    let (_, insured) = student.put(&path("internship"), version(&conv), long).await;
    assert_eq!(abr_03(&insured), Vec::<String>::new());

    // Within the conditions: to 2 July, 693 € a month (4.50 € an hour).
    let mut within = internship();
    within["end"] = json!("2027-07-02");
    within["stipend"]["amount_cents"] = json!(69_300);
    let (_, conv) = student
        .put(&path("internship"), version(&insured), within)
        .await;
    assert_eq!(
        abr_03(&conv),
        Vec::<String>::new(),
        "{}",
        conv["violations"]
    );
    let (status, conv) = student
        .post(&path("submit"), Some(version(&conv)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let conv = validate(app, id, conv).await;

    let manager = As::new(app, "gestionnaire").await;
    let amendment = |changes: Value| json!({"title": "Prolongation", "reason": "Projet prolongé", "changes": changes});
    let extend = json!({"kind": "dates", "start": "2027-01-04", "end": "2027-07-09"});
    let (status, problem) = manager
        .post(
            &path("amendments"),
            Some(version(&conv)),
            Some(amendment(json!([extend.clone()]))),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(rules(&problem).contains(&"ABR-03".to_owned()), "{problem}");
    let (status, created) = manager
        .post(
            &path("amendments"),
            Some(version(&conv)),
            Some(amendment(json!([
                extend,
                {"kind": "accident_cover", "host_insures": true}
            ]))),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
}

/// DUR-03 the other way through HTTP: Camille's internship at the DSI
/// from 7 June to 30 July 2027 is validated first; another there from 26
/// April to 28 May (33 days, 11 days of waiting: the post is free from 9
/// June) ends too close to it. The question is asked at its end date and
/// blocks validation until a manager answers; "another post" lets it
/// through.
async fn a_later_intern_agreed_first_is_reviewed_before_validation(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;
    let submitted = |start: &str, end: &str| {
        let student = &student;
        let mut step = internship();
        step["start"] = json!(start);
        step["end"] = json!(end);
        async move {
            let conv = fill_a_convention(student).await;
            let conv = save_step(student, &conv, "internship", step).await;
            (conv["id"].as_i64().unwrap(), submit(student, &conv).await)
        }
    };
    let (later, later_view) = submitted("2027-06-07", "2027-07-30").await;
    validate(app, later, later_view).await;
    let (id, _) = submitted("2027-04-26", "2027-05-28").await;
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let dur_03: Vec<(String, String)> = conv["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["rule"] == "DUR-03")
        .map(|v| {
            (
                v["severity"].as_str().unwrap().to_owned(),
                v["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        dur_03,
        [("error".to_owned(), "internship.end".to_owned())],
        "{}",
        conv["violations"]
    );
    let message = conv["violations"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (status, problem) = manager
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "unreviewed: {problem}; {message}"
    );
    let (status, conv) = manager
        .put(
            &format!("/api/conventions/{id}/post-review"),
            version(&conv),
            json!({"same_post": false, "reason": "Deux projets distincts de l'équipe"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    validate(app, id, conv).await;
}

on_both_backends!(
    a_convention_lives_from_draft_to_amendment,
    a_rejected_convention_goes_back_to_the_student_with_the_reason,
    steps_report_rules_at_their_fields,
    a_partly_validated_convention_is_not_deleted,
    a_stipend_in_a_year_without_a_rate_meets_the_latest_known,
    a_host_full_for_a_calendar_week_refuses_one_more,
    an_administrator_enters_a_years_rate_and_the_checks_read_it,
    an_earlier_intern_at_the_same_service_is_reviewed_before_validation,
    a_minor_from_the_registry_is_held_to_the_minors_limits,
    an_internship_abroad_keeps_the_french_cover_only_within_its_conditions,
    a_later_intern_agreed_first_is_reviewed_before_validation,
);
