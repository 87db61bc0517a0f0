//! Evaluations through HTTP: when each questionnaire opens, drafts then a
//! read-only submission, the tutor's link, the centre's own questions,
//! Rechercher une évaluation, exports, and the scheduler's requests and
//! reminders through the real SMTP server.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, national_answers, rules, submitted, validate, validated};
use common::mailbox::{smtp_url, wait_for};
use common::{Backend, TestApp};
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use stages_api::app::evaluations::scheduler;
use stages_api::db::schema::evaluation_answers;
use stages_api::mail::worker::{Sender, drain_once};
use stages_domain::model::EvaluationKind;

/// The day after the demo internship ends (2027-03-26).
fn after_the_end() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 3, 29).unwrap()
}

/// Answers every question of a sheet as returned by the API.
fn answers_for(sheet: &Value) -> Value {
    let mut answers = serde_json::Map::new();
    for question in sheet["form"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap())
    {
        let options = &question["kind"]["options"];
        let answer = match question["kind"]["type"].as_str().unwrap() {
            "yes_no" => json!({"type": "yes_no", "value": false}),
            "single_choice" => json!({"type": "choice", "value": options[0]}),
            "multi_choice" => json!({"type": "choices", "value": [options[0]]}),
            "text" => json!({"type": "text", "value": "RAS"}),
            _ => json!({"type": "scale", "value": 1}),
        };
        answers.insert(question["code"].as_str().unwrap().to_owned(), answer);
    }
    Value::Object(answers)
}

async fn put_answers(
    who: &As<'_>,
    path: &str,
    version: i64,
    answers: Value,
) -> (StatusCode, Value) {
    who.put(path, version, json!({"answers": answers})).await
}

async fn before_the_end_only_the_student_waits(app: &TestApp) {
    let (id, conv) = submitted(app).await;
    let supervisor = As::new(app, "enseignant").await;
    let path = format!("/api/conventions/{id}/evaluations/supervisor");
    // Not validated yet: no questionnaire can be filled in.
    let (status, problem) = put_answers(&supervisor, &path, 0, json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");

    validate(app, id, conv).await;
    let student = As::new(app, "etudiant").await;
    let (status, list) = student
        .get(&format!("/api/conventions/{id}/evaluations"))
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "student")
        .unwrap();
    assert_eq!(mine["status"], "not_started");
    assert_eq!(mine["fill"]["reason"]["rule"], "PERM-08");
    let (status, problem) = put_answers(
        &student,
        &format!("/api/conventions/{id}/evaluations/student"),
        0,
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["PERM-08"]);

    // The supervisor's questionnaire is open once validated.
    let path = format!("/api/conventions/{id}/evaluations/supervisor");
    let (status, sheet) = put_answers(
        &supervisor,
        &path,
        0,
        json!({"ENS-1-1": {"type": "choices", "value": ["Courriel", "Visite sur place"]}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!(sheet["submitted"], false);
    // The student never reads the supervisor's assessment of them.
    let (status, problem) = student.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["PERM-09"]);
}

on_both_backends!(before_the_end_only_the_student_waits);

async fn the_student_drafts_then_submits(app: &TestApp) {
    let (id, conv) = validated(app).await;
    let number = conv["number"].as_str().unwrap().to_owned();
    let student = As::new(app, "etudiant").await;
    let path = format!("/api/conventions/{id}/evaluations/student");
    let (status, sheet) = student.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!(sheet["fill"]["decision"], "allowed");
    assert_eq!(sheet["version"], 0);
    assert_eq!(sheet["form"]["sections"][0]["title"], "Avant le départ");

    // A draft may be incomplete.
    let (status, sheet) = put_answers(
        &student,
        &path,
        0,
        json!({"ETU-1-1": {"type": "yes_no", "value": false}}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    let version = sheet["version"].as_i64().unwrap();
    // A stale version is refused.
    let (status, _) = put_answers(&student, &path, 0, json!({})).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);

    // Answers must fit their question.
    let mut wrong = national_answers(EvaluationKind::Student);
    wrong["ETU-2-1"] = json!({"type": "scale", "value": 7});
    wrong["ETU-1-2"] = json!({"type": "choice", "value": "Deux ans"});
    let (status, problem) = student
        .post(
            &format!("{path}/submit"),
            Some(version),
            Some(json!({"answers": wrong})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let fields: Vec<&str> = problem["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["answers.ETU-1-2", "answers.ETU-2-1"]);
    assert!(
        problem["violations"][1]["message"]
            .as_str()
            .unwrap()
            .contains("entre 1 et 5")
    );

    // Submission needs every required question.
    let mut missing = national_answers(EvaluationKind::Student);
    missing.as_object_mut().unwrap().remove("ETU-1-3");
    let (status, problem) = student
        .post(
            &format!("{path}/submit"),
            Some(version),
            Some(json!({"answers": missing})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "answers.ETU-1-3");
    assert_eq!(problem["violations"][0]["rule"], "EVAL-01");

    let (status, sheet) = student
        .post(
            &format!("{path}/submit"),
            Some(version),
            Some(json!({"answers": national_answers(EvaluationKind::Student)})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!(sheet["submitted"], true);
    assert_eq!(sheet["fill"]["reason"]["rule"], "EVAL-03");
    let version = sheet["version"].as_i64().unwrap();
    // Read-only afterwards.
    let (status, problem) = put_answers(&student, &path, version, json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["EVAL-03"]);

    // The supervisor does not read it; the centre does.
    let supervisor = As::new(app, "enseignant").await;
    let (status, _) = supervisor.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let manager = As::new(app, "gestionnaire").await;
    let (status, sheet) = manager.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(sheet["answers"]["ETU-2-1"]["value"], 2);

    // Rechercher une évaluation, for each role.
    let query = "/api/evaluations?kind=student&status=submitted";
    let (status, found) = manager.get(query).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let line = &found["items"][0];
    assert_eq!(line["convention_id"], id);
    assert_eq!(line["student"], "submitted");
    assert_eq!(line["supervisor"], "not_started");
    let (_, found) = student.get(query).await;
    assert_eq!(found["items"][0]["convention_id"], id);
    let other = As::new(app, "etudiant2").await;
    let (_, found) = other.get(query).await;
    assert_eq!(found["items"], json!([]));
    let (_, found) = manager
        .get("/api/evaluations?kind=student&status=not_started")
        .await;
    assert!(
        found["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["convention_id"] != id)
    );
    let (status, problem) = manager.get("/api/evaluations?status=submitted").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["violations"][0]["field"], "kind");

    // Exports: CSV for a spreadsheet, XLSX, and the sheet as a PDF.
    let centre = conv["centre"]["id"].as_i64().unwrap();
    let export = |format: &str| {
        format!(
            "/api/evaluations/export?centre_id={centre}&academic_year=2026-2027&kind=student&format={format}"
        )
    };
    // A year that is not one is refused, never echoed into the file name.
    let (status, problem) = manager
        .get(&format!(
            "/api/evaluations/export?centre_id={centre}&academic_year=20x6-2027&kind=student"
        ))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(problem["violations"][0]["rule"], "FMT-02");
    assert_eq!(problem["violations"][0]["field"], "academic_year");
    let res = app
        .client
        .get(app.url(&export("csv")))
        .bearer_auth(&manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("\u{feff}Convention;Étudiant;Organisme;Transmis le;ETU-1-1 "));
    let row = lines.next().unwrap();
    assert!(
        row.starts_with(&format!(
            "{number};Martin Camille;Société Générale d'Ingénierie;"
        )),
        "{row}"
    );
    assert!(row.contains(";oui;"), "{row}");
    let res = app
        .client
        .get(app.url(&export("xlsx")))
        .bearer_auth(&manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("evaluations-student-2026-2027.xlsx")
    );
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));
    let (status, problem) = student.get(&export("csv")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let res = app
        .client
        .get(app.url(&format!("{path}/pdf")))
        .bearer_auth(&student.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
}

/// Runs on the day after the internship ends, on both backends.
mod the_student_drafts_then_submits {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::the_student_drafts_then_submits(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::the_student_drafts_then_submits(&app).await;
        app.stop().await;
    }
}

async fn anonymous(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    version: Option<i64>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(v) = version {
        req = req.header("If-Match", format!("\"{v}\""));
    }
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The tutor needs no account: the link is the credential, spent by the
/// final submission, refused when tampered with, withdrawn or expired.
#[actix_web::test]
async fn the_tutor_answers_through_the_link() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (id, _) = validated(&app).await;
    let manager = As::new(&app, "gestionnaire").await;
    let student = As::new(&app, "etudiant").await;
    let (status, problem) = student
        .post(
            &format!("/api/conventions/{id}/evaluation-links"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (status, link) = manager
        .post(
            &format!("/api/conventions/{id}/evaluation-links"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{link}");
    let token = link["token"].as_str().unwrap().to_owned();
    assert_eq!(
        link["url"],
        format!("http://stages.test/evaluation/tutor/{token}")
    );
    let path = format!("/api/tutor-evaluation/{token}");

    let (status, view) = anonymous(&app, reqwest::Method::GET, &path, None, None).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["student"], "Camille Martin");
    assert_eq!(view["organisation"], "Société Générale d'Ingénierie");
    assert_eq!(view["sheet"]["fill"]["decision"], "allowed");
    let answers = answers_for(&view["sheet"]);

    let first = answers.as_object().unwrap().iter().next().unwrap();
    let (status, view) = anonymous(
        &app,
        reqwest::Method::PUT,
        &path,
        Some(0),
        Some(json!({"answers": {first.0: first.1}})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let version = view["sheet"]["version"].as_i64().unwrap();
    let (status, view) = anonymous(
        &app,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        Some(version),
        Some(json!({"answers": answers})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["sheet"]["submitted"], true);
    let version = view["sheet"]["version"].as_i64().unwrap();
    // Spent: it still shows the answers, read-only.
    let (status, problem) = anonymous(
        &app,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        Some(version),
        Some(json!({"answers": answers})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["EVAL-03"]);
    let (status, view) = anonymous(&app, reqwest::Method::GET, &path, None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["sheet"]["fill"]["reason"]["rule"], "EVAL-03");
    // The supervisor reads the tutor's assessment; the student does not.
    let supervisor = As::new(&app, "enseignant").await;
    let tutor_sheet = format!("/api/conventions/{id}/evaluations/tutor");
    assert_eq!(supervisor.get(&tutor_sheet).await.0, StatusCode::OK);
    assert_eq!(student.get(&tutor_sheet).await.0, StatusCode::FORBIDDEN);

    // A tampered token, a withdrawn link and an expired one are refused.
    let mut tampered = token.clone();
    tampered.pop();
    let (status, _) = anonymous(
        &app,
        reqwest::Method::GET,
        &format!("/api/tutor-evaluation/{tampered}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (_, second) = manager
        .post(
            &format!("/api/conventions/{id}/evaluation-links"),
            None,
            None,
        )
        .await;
    let second = format!(
        "/api/tutor-evaluation/{}",
        second["token"].as_str().unwrap()
    );
    assert_eq!(
        anonymous(&app, reqwest::Method::GET, &second, None, None)
            .await
            .0,
        StatusCode::OK
    );
    let res = app
        .client
        .delete(app.url(&format!("/api/conventions/{id}/evaluation-links")))
        .bearer_auth(&manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        anonymous(&app, reqwest::Method::GET, &second, None, None)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    let long_ago = chrono::Utc::now().naive_utc()
        - chrono::Duration::days(stages_api::app::evaluations::links::LIFETIME_DAYS + 1);
    let (expired, _) = stages_api::app::evaluations::links::create(
        &mut app.pool.get().unwrap(),
        &app.state.links,
        id,
        None,
        None,
        long_ago,
    )
    .unwrap();
    assert_eq!(
        anonymous(
            &app,
            reqwest::Method::GET,
            &format!("/api/tutor-evaluation/{expired}"),
            None,
            None
        )
        .await
        .0,
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

/// A centre reorders the national sheet, adds its own question and turns a
/// questionnaire off; new questionnaires follow, submitted ones keep theirs.
#[actix_web::test]
async fn a_centre_shapes_its_questionnaires() {
    let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
    let (id, conv) = validated(&app).await;
    let centre = conv["centre"]["id"].as_i64().unwrap();
    let manager = As::new(&app, "gestionnaire").await;
    let student = As::new(&app, "etudiant").await;
    let forms_path = format!("/api/centres/{centre}/evaluation-forms");
    let (status, forms) = manager.get(&forms_path).await;
    assert_eq!(status, StatusCode::OK, "{forms}");
    assert_eq!(forms.as_array().unwrap().len(), 3);
    let mut form = forms[0]["form"].clone();
    assert_eq!(form["kind"], "student");
    assert_eq!(forms[0]["version"], 0);

    form["sections"].as_array_mut().unwrap().reverse();
    form["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "code": "UFR-1",
            "text": "Recommanderiez-vous cet organisme aux promotions suivantes ?",
            "kind": {"type": "yes_no"},
            "required": true
        }));
    let (status, problem) = student
        .put(
            &format!("{forms_path}/student"),
            0,
            json!({"enabled": true, "form": form}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let mut duplicated = form.clone();
    duplicated["sections"][1]["questions"][0]["code"] = json!("UFR-1");
    let (status, problem) = manager
        .put(
            &format!("{forms_path}/student"),
            0,
            json!({"enabled": true, "form": duplicated}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["rule"], "EVAL-02");
    assert_eq!(
        problem["violations"][0]["field"],
        "form.sections[1].questions[0].code"
    );
    let (status, saved) = manager
        .put(
            &format!("{forms_path}/student"),
            0,
            json!({"enabled": true, "form": form}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["version"], 1);

    let path = format!("/api/conventions/{id}/evaluations/student");
    let (_, sheet) = student.get(&path).await;
    assert_eq!(sheet["form"]["sections"][0]["title"], "Après le stage");
    let (status, problem) = student
        .post(
            &format!("{path}/submit"),
            Some(0),
            Some(json!({"answers": national_answers(EvaluationKind::Student)})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "answers.UFR-1");
    let (status, sheet) = student
        .post(
            &format!("{path}/submit"),
            Some(0),
            Some(json!({"answers": answers_for(&sheet)})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{sheet}");

    // Turned off: the supervisor's questionnaire is not offered.
    let supervisor_form = forms[1]["form"].clone();
    let (status, _) = manager
        .put(
            &format!("{forms_path}/supervisor"),
            0,
            json!({"enabled": false, "form": supervisor_form}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let supervisor = As::new(&app, "enseignant").await;
    let (status, _) = supervisor
        .get(&format!("/api/conventions/{id}/evaluations/supervisor"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

fn requested(app: &TestApp, id: i64) -> Vec<(String, bool, i32)> {
    evaluation_answers::table
        .filter(evaluation_answers::convention_id.eq(id))
        .order(evaluation_answers::kind)
        .select((
            evaluation_answers::kind,
            evaluation_answers::requested_at.is_not_null(),
            evaluation_answers::reminders,
        ))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

/// SIG-17: the tutor's link lets its holder evaluate the intern, and a
/// student may have entered their own address as the tutor's. The tutor
/// is mailed only at an address staff vouched for: the first reminder
/// after they vouch carries the link.
async fn the_tutor_is_mailed_only_at_a_vouched_address(app: &TestApp) {
    use stages_api::db::schema::{contacts, evaluation_links, outbox, vouched_addresses};
    let (id, _) = validated(app).await;
    let tutor = "hugo.garcia@sgi-ingenierie.fr";
    let mut conn = app.pool.get().unwrap();
    diesel::delete(vouched_addresses::table)
        .execute(&mut conn)
        .unwrap();
    let to_tutor = |conn: &mut stages_api::db::AnyConnection, address: &str| -> Vec<String> {
        outbox::table
            .filter(outbox::convention_id.eq(id))
            .filter(outbox::recipient.eq(address))
            .select(outbox::subject)
            .load(conn)
            .unwrap()
    };
    assert_eq!(
        scheduler::tick(&app.state).unwrap(),
        2,
        "the student and the supervisor"
    );
    assert!(to_tutor(&mut conn, tutor).is_empty());
    let links: i64 = evaluation_links::table
        .filter(evaluation_links::convention_id.eq(id))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(links, 0, "no link made for an address nobody vouched for");

    // The convention's page tells staff what the scheduler does.
    let manager = As::new(app, "gestionnaire").await;
    let page = format!("/api/conventions/{id}");
    let (_, conv) = manager.get(&page).await;
    assert_eq!(
        conv["tutor_evaluation_address"],
        json!({"address": tutor, "vouched": false}),
        "{conv}"
    );

    // Staff correct the tutor's address: the one they typed is vouched
    // for, the page says so although the convention's copy keeps the old
    // one, and the reminder goes to it.
    let corrected = "h.garcia@sgi-ingenierie.fr";
    let (contact, version, last_name, first_name, position, phone): (
        i64,
        i32,
        String,
        String,
        String,
        String,
    ) = contacts::table
        .filter(contacts::email.eq(tutor))
        .select((
            contacts::id,
            contacts::version,
            contacts::last_name,
            contacts::first_name,
            contacts::position,
            contacts::phone,
        ))
        .first(&mut conn)
        .unwrap();
    let (status, saved) = manager
        .put(
            &format!("/api/contacts/{contact}"),
            i64::from(version),
            json!({"last_name": last_name, "first_name": first_name, "position": position,
                   "email": corrected, "phone": phone}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, conv) = manager.get(&page).await;
    assert_eq!(conv["content"]["tutor"]["email"], tutor);
    assert_eq!(
        conv["tutor_evaluation_address"],
        json!({"address": corrected, "vouched": true}),
        "{conv}"
    );

    let now = chrono::Utc::now().naive_utc();
    diesel::update(evaluation_answers::table.filter(evaluation_answers::convention_id.eq(id)))
        .set(evaluation_answers::requested_at.eq(now - chrono::Duration::days(8)))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(scheduler::tick(&app.state).unwrap(), 3);
    assert!(to_tutor(&mut conn, tutor).is_empty());
    let subjects = to_tutor(&mut conn, corrected);
    assert_eq!(subjects.len(), 1, "{subjects:?}");
    assert!(subjects[0].starts_with("Rappel"), "{subjects:?}");

    // An administrator withdraws the vouch: the link mailed stops working.
    let open_links = |conn: &mut stages_api::db::AnyConnection| -> i64 {
        evaluation_links::table
            .filter(evaluation_links::convention_id.eq(id))
            .filter(evaluation_links::revoked_at.is_null())
            .count()
            .get_result(conn)
            .unwrap()
    };
    assert_eq!(open_links(&mut conn), 1);
    let admin = As::new(app, "admin").await;
    let (status, _) = admin
        .send(
            reqwest::Method::DELETE,
            &format!("/api/admin/vouched-addresses/{corrected}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(open_links(&mut conn), 0);
    let (_, conv) = manager.get(&page).await;
    assert_eq!(conv["tutor_evaluation_address"]["vouched"], false, "{conv}");

    // Staff vouch again for the address the page shows, the contact's,
    // not the convention's copy; a student may not.
    let vouch = format!("{page}/evaluation-links/address");
    let student = As::new(app, "etudiant").await;
    let (status, _) = student
        .post(&vouch, Some(conv["version"].as_i64().unwrap()), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, conv) = manager
        .post(&vouch, Some(conv["version"].as_i64().unwrap()), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        conv["tutor_evaluation_address"],
        json!({"address": corrected, "vouched": true}),
        "{conv}"
    );
    assert!(
        !stages_api::db::vouched_addresses::is_vouched(&mut conn, tutor).unwrap(),
        "the convention's copy is not vouched for by it"
    );
}

mod the_tutor_is_mailed_only_at_a_vouched_address {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::the_tutor_is_mailed_only_at_a_vouched_address(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::the_tutor_is_mailed_only_at_a_vouched_address(&app).await;
        app.stop().await;
    }
}

/// The tutor's link queued while their address was vouched for is kept
/// back when the vouch is withdrawn before the worker sends it (an
/// administrator's withdrawal racing the scheduler), and goes once staff
/// vouch again.
async fn a_queued_link_waits_for_its_address_to_be_vouched_again(app: &TestApp) {
    use stages_api::db::schema::{outbox, vouched_addresses};
    let (id, _) = validated(app).await;
    let tutor = "hugo.garcia@sgi-ingenierie.fr";
    let sender = Sender::new(&smtp_url(), &app.mail_from())
        .unwrap()
        .with_links(app.state.links.clone());
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    assert_eq!(scheduler::tick(&app.state).unwrap(), 3);
    let mut conn = app.pool.get().unwrap();
    diesel::delete(vouched_addresses::table.filter(vouched_addresses::address.eq(tutor)))
        .execute(&mut conn)
        .unwrap();
    let before = common::mailbox::received_from(&app.mail_from()).len();
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    let mails = wait_for(&app.mail_from(), before + 2).await;
    assert!(
        mails[before..].iter().all(|m| !m.to.contains(tutor)),
        "{mails:#?}"
    );
    let kept_back = |conn: &mut stages_api::db::AnyConnection| {
        outbox::table
            .filter(outbox::convention_id.eq(id))
            .filter(outbox::recipient.eq(tutor))
            .select((outbox::sent_at.is_null(), outbox::last_error))
            .first::<(bool, Option<String>)>(conn)
            .unwrap()
    };
    let (unsent, error) = kept_back(&mut conn);
    assert!(unsent);
    assert!(
        error
            .as_deref()
            .unwrap_or_default()
            .contains("not checked this address"),
        "{error:?}"
    );

    // Vouched for again, the next try delivers it.
    stages_api::db::vouched_addresses::vouch(
        &mut conn,
        tutor,
        None,
        chrono::Utc::now().naive_utc(),
    )
    .unwrap();
    diesel::update(outbox::table.filter(outbox::recipient.eq(tutor)))
        .set(outbox::next_attempt_at.eq(chrono::Utc::now().naive_utc()))
        .execute(&mut conn)
        .unwrap();
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    let mails = wait_for(&app.mail_from(), before + 3).await;
    assert!(
        mails[before..].iter().any(|m| m.to.contains(tutor)),
        "{mails:#?}"
    );
    assert!(!kept_back(&mut conn).0);
}

mod a_queued_link_waits_for_its_address_to_be_vouched_again {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::a_queued_link_waits_for_its_address_to_be_vouched_again(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::a_queued_link_waits_for_its_address_to_be_vouched_again(&app).await;
        app.stop().await;
    }
}

/// At the end of the internship the three people are asked, once, even
/// with two schedulers; reminders follow after the configured delay.
async fn evaluations_are_requested_at_the_end(app: &TestApp) {
    let (id, _) = validated(app).await;
    let sender = Sender::new(&smtp_url(), &app.mail_from())
        .unwrap()
        .with_links(app.state.links.clone());
    // Queued before: the convention's own mails.
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    let before = common::mailbox::received_from(&app.mail_from()).len();

    let (a, b) = (app.state.clone(), app.state.clone());
    let first = std::thread::spawn(move || scheduler::tick(&a).unwrap());
    let second = std::thread::spawn(move || scheduler::tick(&b).unwrap());
    assert_eq!(first.join().unwrap() + second.join().unwrap(), 3);
    assert_eq!(scheduler::tick(&app.state).unwrap(), 0);
    assert_eq!(
        requested(app, id),
        [
            ("student".to_owned(), true, 0),
            ("supervisor".to_owned(), true, 0),
            ("tutor".to_owned(), true, 0)
        ]
    );
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    let mails = wait_for(&app.mail_from(), before + 3).await;
    let asked: Vec<_> = mails[before..].to_vec();
    assert_eq!(asked.len(), 3, "{asked:#?}");
    let to = |who: &str| {
        asked
            .iter()
            .find(|m| m.to.contains(who))
            .unwrap_or_else(|| panic!("nothing to {who}: {asked:#?}"))
    };
    let student = to("camille.martin@etu.univ-demo.fr");
    assert!(
        student
            .body
            .contains(&format!("http://stages.test/evaluations/{id}/student")),
        "{}",
        student.body
    );
    to("paul.durand@univ-demo.fr");
    let tutor = to("hugo.garcia@sgi-ingenierie.fr");
    let token = tutor
        .body
        .split("http://stages.test/evaluation/tutor/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    let (status, view) = anonymous(
        app,
        reqwest::Method::GET,
        &format!("/api/tutor-evaluation/{token}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the mailed link works: {view}");
    // The outbox kept a placeholder, never the token.
    let bodies: Vec<String> = stages_api::db::schema::outbox::table
        .select(stages_api::db::schema::outbox::body)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert!(bodies.iter().any(|b| b.contains("[[evaluation-link:")));
    assert!(bodies.iter().all(|b| !b.contains(token)), "{bodies:?}");

    // A week later nobody answered: one reminder each, once.
    let week_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(8);
    diesel::update(evaluation_answers::table.filter(evaluation_answers::convention_id.eq(id)))
        .set(evaluation_answers::requested_at.eq(week_ago))
        .execute(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(scheduler::tick(&app.state).unwrap(), 3);
    assert_eq!(scheduler::tick(&app.state).unwrap(), 0);
    assert!(
        requested(app, id)
            .iter()
            .all(|(_, _, reminders)| *reminders == 1)
    );
    while drain_once(&app.pool, &sender, "w").await.unwrap() > 0 {}
    let mails = wait_for(&app.mail_from(), before + 6).await;
    assert_eq!(mails.len(), before + 6);
    assert!(
        mails[before + 3..]
            .iter()
            .all(|m| m.subject.starts_with("Rappel")),
        "{mails:#?}"
    );
}

mod evaluations_are_requested_at_the_end {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::evaluations_are_requested_at_the_end(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::evaluations_are_requested_at_the_end(&app).await;
        app.stop().await;
    }
}
