//! Client flows shared by the integration tests: calls as a signed-in
//! user, and filling a convention's steps as the demo student.

use super::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A signed-in user's client calls.
pub struct As<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl<'a> As<'a> {
    pub async fn new(app: &'a TestApp, username: &str) -> Self {
        Self {
            app,
            token: app.login(username).await,
        }
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let res = self
            .app
            .client
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        version: Option<i64>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(&self.token);
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

    pub async fn put(&self, path: &str, version: i64, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PUT, path, Some(version), Some(body))
            .await
    }

    pub async fn post(
        &self,
        path: &str,
        version: Option<i64>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.send(reqwest::Method::POST, path, version, body).await
    }
}

pub fn version(v: &Value) -> i64 {
    v["version"].as_i64().unwrap()
}

pub fn rules(problem: &Value) -> Vec<String> {
    problem["violations"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| v["rule"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

pub fn internship() -> Value {
    json!({
        "convention_type": "initial_mandatory",
        "theme": {"code": "computing", "label": "ignored: the server takes the table's label"},
        "language": "fr",
        "subject": "Refonte de l'outil de suivi des chantiers",
        "tasks": "Analyse des besoins, développement d'une application web, tests.",
        "skills": "Conduite de projet, développement web, travail en équipe.",
        "start": "2027-01-04",
        "end": "2027-03-26",
        "interruptions": [],
        "regular_schedule": true,
        "weekly_minutes": 2100,
        "days_per_week": 5,
        "schedule_periods": [],
        "working_time": "full_time",
        "presence_type": "continuous",
        "leave_days": 5,
        "stipend_paid": true,
        "stipend": {"amount_cents": 70000, "currency": "EUR", "basis": "gross", "unit": "month", "payment_mode": "bank_transfer"},
        "supervision_mode": "Point hebdomadaire avec le tuteur, visite de l'enseignant à mi-parcours.",
        "work_to_deliver": {"code": "report", "label": ""},
        "validation_mode": {"code": "defence", "label": ""},
        "confidentiality": "none",
        "night_sunday_holiday_work": "Aucun",
        "found_through": "spontaneous_application",
        "benefits": "Titres-restaurant"
    })
}

/// Saves one wizard step of `conv` (`"host-service"`, …) and returns the
/// convention, which must have been accepted.
pub async fn save_step(who: &As<'_>, conv: &Value, step: &str, body: Value) -> Value {
    let path = format!("/api/conventions/{}/{step}", conv["id"]);
    let (status, saved) = who.put(&path, version(conv), body).await;
    assert_eq!(status, StatusCode::OK, "{step}: {saved}");
    saved
}

/// Fills the seven data steps of a new draft as the student; returns the
/// convention.
pub async fn fill_a_convention(student: &As<'_>) -> Value {
    let (status, conv) = student
        .post(
            "/api/conventions",
            None,
            Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conv}");
    assert_eq!(conv["status"], "draft");
    assert_eq!(
        conv["centre"]["name"],
        "Centre de gestion UFR Sciences et Technologies"
    );
    assert_eq!(conv["content"]["student"]["student"]["last_name"], "Martin");
    let id = conv["id"].as_i64().unwrap();
    let path = |step: &str| format!("/api/conventions/{id}/{step}");

    let (status, conv) = student
        .put(
            &path("student"),
            version(&conv),
            json!({
                "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
                "personal_email": "camille.martin@example.org",
                "mobile_phone": "06 12 34 56 78",
                "health_insurance": {"fund": "CPAM du Doubs"}
            }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");

    let (_, found) = student.get("/api/organisations?name=ingenierie").await;
    let org = found["items"][0]["id"].as_i64().unwrap();
    let (status, conv) = student
        .put(
            &path("organisation"),
            version(&conv),
            json!({"organisation_id": org}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        conv["content"]["organisation"]["name"],
        "Société Générale d'Ingénierie"
    );

    let (_, services) = student
        .get(&format!("/api/organisations/{org}/services"))
        .await;
    let service_id = |name: &str| {
        services
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let dsi = service_id("Direction des systèmes d'information");
    let (status, conv) = student
        .put(
            &path("host-service"),
            version(&conv),
            json!({"host_service_id": dsi}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");

    let (_, contacts) = student.get(&format!("/api/services/{dsi}/contacts")).await;
    let tutor = contacts[0]["id"].as_i64().unwrap();
    let (status, conv) = student
        .put(&path("tutor"), version(&conv), json!({"contact_id": tutor}))
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");

    let (status, conv) = student
        .put(&path("internship"), version(&conv), internship())
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(
        conv["content"]["internship"]["theme"]["label"],
        "Informatique, numérique"
    );
    // 12 weeks of 35 h without public holidays: 420 h, above 308 h.
    assert_eq!(conv["figures"]["effective_minutes"], 420 * 60);
    assert_eq!(conv["figures"]["stipend_mandatory"], true);

    let (_, people) = student.get("/api/supervisors?q=dur").await;
    assert_eq!(people[0]["uid"], "enseignant");
    let (status, conv) = student
        .put(
            &path("supervisor"),
            version(&conv),
            json!({"uid": "enseignant"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");

    let direction = service_id("Direction générale");
    let (_, contacts) = student
        .get(&format!("/api/services/{direction}/contacts"))
        .await;
    let signatory = contacts[0]["id"].as_i64().unwrap();
    let (status, conv) = student
        .put(
            &path("signatory"),
            version(&conv),
            json!({"contact_id": signatory}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    conv
}

/// A filled convention submitted by the student (it has its number).
pub async fn submitted(app: &super::TestApp) -> (i64, Value) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    (id, submit(&student, &conv).await)
}

/// Submits `conv` as `who`, which must be accepted; the convention.
pub async fn submit(who: &As<'_>, conv: &Value) -> Value {
    let path = format!("/api/conventions/{}/submit", conv["id"]);
    let (status, submitted) = who.post(&path, Some(version(conv)), None).await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    submitted
}

/// The same, then validated at both levels by the centre's manager.
pub async fn validated(app: &super::TestApp) -> (i64, Value) {
    let (id, conv) = submitted(app).await;
    (id, validate(app, id, conv).await)
}

/// Validates a submitted convention at both levels (the centre's manager).
pub async fn validate(app: &super::TestApp, id: i64, mut conv: Value) -> Value {
    let manager = As::new(app, "gestionnaire").await;
    for level in ["pedagogical", "administrative"] {
        let (status, next) = manager
            .post(
                &format!("/api/conventions/{id}/validations/{level}"),
                Some(version(&conv)),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{next}");
        conv = next;
    }
    assert_eq!(conv["status"], "validated", "{conv}");
    conv
}

/// Answers every question of a national questionnaire.
pub fn national_answers(kind: stages_domain::model::EvaluationKind) -> Value {
    use stages_domain::model::QuestionKind;
    let mut answers = serde_json::Map::new();
    let sheet = stages_api::app::evaluations::defaults::form(kind);
    for question in sheet.sections.iter().flat_map(|s| &s.questions) {
        let answer = match &question.kind {
            QuestionKind::YesNo => json!({"type": "yes_no", "value": true}),
            QuestionKind::SingleChoice { options } => {
                json!({"type": "choice", "value": options[0]})
            }
            QuestionKind::MultiChoice { options } => {
                json!({"type": "choices", "value": [options[0], options[1]]})
            }
            QuestionKind::Text => json!({"type": "text", "value": "Très bonne expérience."}),
            QuestionKind::Scale => json!({"type": "scale", "value": 2}),
        };
        answers.insert(question.code.clone(), answer);
    }
    Value::Object(answers)
}

/// The id of the account named `username`, as the search finds it.
pub async fn account_id(admin: &As<'_>, username: &str) -> i64 {
    let (status, page) = admin
        .get(&format!("/api/admin/users?q={username}&limit=5"))
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["username"] == username)
        .unwrap_or_else(|| panic!("{username} not found: {page}"))["id"]
        .as_i64()
        .unwrap()
}
