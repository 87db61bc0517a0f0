//! Évaluations des stages in a real browser, the server pretending the
//! demo internship (4 January – 26 March 2027) has ended: the student
//! finds their convention in Rechercher une évaluation, is told what is
//! missing, saves a draft, submits (read-only afterwards) and downloads
//! the PDF; a manager makes the workplace tutor's link, withdraws it and
//! makes another; signed out, the tutor is told the first no longer works,
//! fills in the second and submits, after which the link refuses a second
//! submission. Each screen is checked by axe-core and kept as a
//! screenshot.

use serde_json::{Value, json};
use stages_e2e::{Browser, Server};

/// The Monday after the demo internship's end.
const AFTER_THE_END: &str = "2027-03-29";

fn version(v: &Value) -> Option<i64> {
    v["version"].as_i64()
}

/// What the screens under test need in place, through the API: the demo
/// student's convention (as in the API's own tests), submitted, then
/// validated at both levels by the centre's manager. Leaves the manager
/// signed in; returns the convention's id.
async fn a_validated_convention(browser: &Browser, server: &Server) -> i64 {
    browser.sign_in(server, "etudiant").await;
    let (status, mut conv) = browser
        .api(
            "POST",
            "/api/conventions",
            None,
            Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
        )
        .await;
    assert_eq!(status, 201, "{conv}");
    let id = conv["id"].as_i64().unwrap_or_default();
    let (_, found) = browser
        .api("GET", "/api/organisations?name=ingenierie", None, None)
        .await;
    let org = found["items"][0]["id"].as_i64().unwrap_or_default();
    let (_, services) = browser
        .api(
            "GET",
            &format!("/api/organisations/{org}/services"),
            None,
            None,
        )
        .await;
    let service = |name: &str| {
        services
            .as_array()
            .and_then(|all| all.iter().find(|s| s["name"] == name))
            .and_then(|s| s["id"].as_i64())
            .unwrap_or_else(|| panic!("no service {name} in {services}"))
    };
    let (dsi, direction) = (
        service("Direction des systèmes d'information"),
        service("Direction générale"),
    );
    let (_, tutors) = browser
        .api("GET", &format!("/api/services/{dsi}/contacts"), None, None)
        .await;
    let (_, signatories) = browser
        .api(
            "GET",
            &format!("/api/services/{direction}/contacts"),
            None,
            None,
        )
        .await;
    // Whichever directory the server uses (built-in, or the test LDAP
    // server in CI), the supervisor is found as step 6 finds them.
    let (_, supervisors) = browser
        .api("GET", "/api/supervisors?q=Durand", None, None)
        .await;
    let supervisor = supervisors[0]["uid"].clone();
    let steps = [
        (
            "student",
            json!({
                "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
                "personal_email": "camille.martin@example.org",
                "mobile_phone": "06 12 34 56 78",
                "health_insurance": {"fund": "CPAM du Doubs"}
            }),
        ),
        ("organisation", json!({"organisation_id": org})),
        ("host-service", json!({"host_service_id": dsi})),
        ("tutor", json!({"contact_id": tutors[0]["id"]})),
        ("internship", internship()),
        ("supervisor", json!({"uid": supervisor})),
        ("signatory", json!({"contact_id": signatories[0]["id"]})),
    ];
    for (step, body) in steps {
        let (status, next) = browser
            .api(
                "PUT",
                &format!("/api/conventions/{id}/{step}"),
                version(&conv),
                Some(body),
            )
            .await;
        assert_eq!(status, 200, "{step}: {next}");
        conv = next;
    }
    let (status, submitted) = browser
        .api(
            "POST",
            &format!("/api/conventions/{id}/submit"),
            version(&conv),
            None,
        )
        .await;
    assert_eq!(status, 200, "{submitted}");
    conv = submitted;
    browser.sign_out().await;

    browser.sign_in(server, "gestionnaire").await;
    for level in ["pedagogical", "administrative"] {
        let (status, next) = browser
            .api(
                "POST",
                &format!("/api/conventions/{id}/validations/{level}"),
                version(&conv),
                None,
            )
            .await;
        assert_eq!(status, 200, "{level}: {next}");
        conv = next;
    }
    assert_eq!(conv["status"], "validated", "{conv}");
    id
}

fn internship() -> Value {
    json!({
        "convention_type": "initial_mandatory",
        "theme": {"code": "computing", "label": ""},
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

/// Answers every question of the questionnaire on the page as a person
/// would: the first choice of each group, a sentence in each text box.
async fn answer_every_question(browser: &Browser) {
    browser.wait_for(".questionnaire fieldset.question").await;
    browser
        .client
        .execute(
            "document.querySelectorAll('.questionnaire fieldset.question').forEach(f => {\
               const first = f.querySelector('input');\
               if (first && !first.checked) first.click();\
             });\
             document.querySelectorAll('.questionnaire textarea').forEach(t => {\
               t.value = 'Très bonne expérience.';\
               t.dispatchEvent(new Event('input', {bubbles: true}));\
             });",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("answer the questions: {e}"));
}

#[tokio::test]
async fn a_student_fills_and_submits_their_evaluation_after_the_end() {
    let server = Server::start_on(AFTER_THE_END);
    let browser = Browser::start().await;
    let id = a_validated_convention(&browser, &server).await;
    browser.sign_out().await;
    browser.sign_in(&server, "etudiant").await;

    // Rechercher une évaluation: the convention, nothing answered yet.
    browser.open(&server, "/evaluations").await;
    browser
        .wait_for_text("#evaluation-results", "Camille Martin")
        .await;
    browser.screenshot("evaluations-search-student").await;
    browser.check_accessibility("evaluations, student").await;
    browser
        .click(&format!("#evaluation-results a[href='/evaluations/{id}']"))
        .await;

    // The three questionnaires: the student's is open; the tutor's is not
    // theirs to fill, and the page says why.
    browser.wait_for("#evaluation-fill-student").await;
    let reason = browser.text("#evaluation-reason-tutor").await;
    assert!(!reason.is_empty());
    browser.screenshot("evaluations-convention-student").await;
    browser
        .check_accessibility("a convention's evaluations")
        .await;
    browser.click("#evaluation-fill-student").await;

    // Submitting with nothing answered: the domain's message by each
    // required question, the focus on the first.
    browser.click("#evaluation-submit").await;
    browser.wait_for(".error-summary").await;
    assert!(!browser.text("#answers-ETU-1-1-messages").await.is_empty());
    browser.screenshot("evaluations-questionnaire-errors").await;
    browser
        .check_accessibility("questionnaire with errors")
        .await;

    answer_every_question(&browser).await;
    browser.click("#evaluation-save").await;
    browser
        .wait_for_text("#evaluation-state", "Brouillon enregistré")
        .await;
    browser.scroll_to("h1").await;
    browser.screenshot("evaluations-questionnaire-draft").await;
    browser.check_accessibility("questionnaire, draft").await;
    browser.click("#evaluation-submit").await;
    browser
        .wait_for_text("#evaluation-state", "soumis le")
        .await;
    // Read-only afterwards.
    assert!(!browser.exists("#evaluation-submit").await);
    assert_eq!(
        browser
            .attribute(".questionnaire input", "disabled")
            .await
            .as_deref(),
        Some("true")
    );
    browser.click("#evaluation-pdf").await;
    browser
        .wait_for_text(".download-done", "Fichier téléchargé")
        .await;
    let (status, content_type, head) = browser
        .fetch_from_page(&format!("/api/conventions/{id}/evaluations/student/pdf"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/pdf");
    assert!(head.starts_with("%PDF"), "{head:?}");
    browser.scroll_to("h1").await;
    browser
        .screenshot("evaluations-questionnaire-submitted")
        .await;
    browser
        .check_accessibility("questionnaire, submitted")
        .await;

    // Its completion in the search.
    browser.open(&server, "/evaluations").await;
    browser
        .wait_for_text("#evaluation-results", "Soumise")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_tutor_answers_through_the_link_once() {
    let server = Server::start_on(AFTER_THE_END);
    let browser = Browser::start().await;
    let id = a_validated_convention(&browser, &server).await;

    // The manager's view: the search with its exports, then the link.
    browser.open(&server, "/evaluations").await;
    browser
        .wait_for_text("#evaluation-results", "Camille Martin")
        .await;
    browser.wait_for("#evaluation-export-help").await;
    browser.screenshot("evaluations-search-manager").await;
    browser.check_accessibility("evaluations, manager").await;

    browser.open(&server, &format!("/evaluations/{id}")).await;
    browser.click("#tutor-link-create").await;
    let withdrawn = link_shown(&browser).await;
    browser.screenshot("evaluations-tutor-link").await;
    browser.check_accessibility("tutor link made").await;
    browser.click("#tutor-link-revoke").await;
    browser.click("#tutor-link-revoke-confirm").await;
    browser.wait_for("#tutor-link-revoked").await;
    browser.click("#tutor-link-create").await;
    let link = link_shown(&browser).await;
    assert_ne!(link, withdrawn);
    browser.sign_out().await;

    // Signed out: the withdrawn link is refused in words.
    browser.open(&server, &withdrawn).await;
    browser
        .wait_for_text("#tutor-link-refused", "n'est plus valable")
        .await;
    browser.screenshot("evaluations-tutor-link-refused").await;
    browser.check_accessibility("tutor link refused").await;

    browser.open(&server, &link).await;
    browser
        .wait_for_text("#tutor-intern", "Camille Martin")
        .await;
    answer_every_question(&browser).await;
    browser.scroll_to("h1").await;
    browser.screenshot("evaluations-tutor-form").await;
    browser.check_accessibility("tutor's questionnaire").await;
    browser.click("#evaluation-submit").await;
    browser
        .wait_for_text("#evaluation-state", "soumis le")
        .await;
    browser.scroll_to("h1").await;
    browser.screenshot("evaluations-tutor-submitted").await;
    browser
        .check_accessibility("tutor's questionnaire, submitted")
        .await;

    // The link is spent: it shows the answers, and a second submission
    // is refused.
    browser.open(&server, &link).await;
    browser
        .wait_for_text("#evaluation-state", "soumis le")
        .await;
    assert!(!browser.exists("#evaluation-submit").await);
    let token = link.trim_start_matches("/evaluation/tutor/");
    let status = browser
        .client
        .execute_async(
            "const [path, done] = arguments;\
             fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json', 'If-Match': '\"1\"'},\
                          body: JSON.stringify({answers: {}})})\
               .then(r => done(r.status)).catch(() => done(0));",
            vec![format!("/api/tutor-evaluation/{token}/submit").into()],
        )
        .await
        .unwrap_or_else(|e| panic!("second submission: {e}"));
    let status = status.as_u64().unwrap_or_default();
    assert!((400..500).contains(&status), "second submission: {status}");
    browser.close().await;
}

/// The link the page shows, as a path of this server.
async fn link_shown(browser: &Browser) -> String {
    browser.wait_for("#tutor-link-url").await;
    let url = browser
        .client
        .execute(
            "return document.querySelector('#tutor-link-url').value;",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("the link: {e}"));
    let url = url.as_str().unwrap_or_default().to_owned();
    url.find("/evaluation/tutor/")
        .map(|at| url[at..].to_owned())
        .unwrap_or_else(|| panic!("not a tutor link: {url:?}"))
}

#[tokio::test]
async fn a_centre_adds_its_own_question_to_the_students_questionnaire() {
    let server = Server::start_on(AFTER_THE_END);
    let browser = Browser::start().await;
    let id = a_validated_convention(&browser, &server).await;
    let (_, centres) = browser.api("GET", "/api/centres", None, None).await;
    let centre = centres
        .as_array()
        .and_then(|all| {
            all.iter().find(|c| {
                c["name"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("Sciences et Technologies")
            })
        })
        .and_then(|c| c["id"].as_i64())
        .unwrap_or_else(|| panic!("no Sciences centre in {centres}"));

    browser.open(&server, &format!("/centres/{centre}")).await;
    browser
        .wait_for_text("#forms-title", "Questionnaires")
        .await;
    browser.click("#form-question-new-0").await;
    browser.fill("#forms-sections-0-new-code", "ST-1").await;
    browser
        .fill(
            "#forms-sections-0-new-text",
            "Le stage a-t-il utilisé des outils libres ?",
        )
        .await;
    browser.click("#form-question-add-0").await;
    browser.click("#form-save").await;
    browser
        .wait_for_text("#form-saved", "Modifications enregistrées")
        .await;
    browser.scroll_to("#forms-title").await;
    browser.screenshot("evaluations-centre-questionnaire").await;
    browser
        .check_accessibility("a centre's questionnaires")
        .await;
    browser.sign_out().await;

    // The student's questionnaire, not started yet, is the centre's.
    browser.sign_in(&server, "etudiant").await;
    browser
        .open(&server, &format!("/evaluations/{id}/student"))
        .await;
    browser
        .wait_for_text(".questionnaire", "outils libres")
        .await;
    browser.close().await;
}
