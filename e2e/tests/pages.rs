//! Every screen outside the wizard in a real browser, each checked by
//! axe-core and kept as a screenshot: search, organisations with their
//! services and contacts, Documents utiles (files served), the report
//! form linked to the page it came from, staff administration; English by
//! the switch; and a server that stops answering shows a message and a
//! retry, never a blank page.

#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};
use stages_e2e::{Browser, Server};

#[tokio::test]
async fn staff_screens_pass_the_accessibility_check() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "admin").await;

    browser.open(&server, "/conventions").await;
    browser.wait_for("#search-results").await;
    browser.screenshot("page-conventions").await;
    browser.check_accessibility("conventions").await;

    // A demo convention in validation: its page and validation panel.
    browser.fill("#search-q", "Łucja").await;
    browser.click("#search-submit").await;
    browser
        .wait_for_text("#search-results", "Łucja Nguyễn")
        .await;
    browser
        .click("#search-results a[href^='/conventions/']")
        .await;
    browser.wait_for("#validation").await;
    browser.screenshot("page-convention-in-validation").await;
    browser
        .check_accessibility("convention in validation")
        .await;

    browser.open(&server, "/organisations").await;
    browser.fill("#search-name", "Ingénierie").await;
    browser.click("#org-search-submit").await;
    browser
        .click("button[aria-label=\"Voir la fiche : Société Générale d'Ingénierie\"]")
        .await;
    browser
        .wait_for_text("h1", "Société Générale d'Ingénierie")
        .await;
    browser
        .click("button[aria-label=\"Voir les contacts : Direction des systèmes d'information\"]")
        .await;
    browser
        .wait_for_text("#contacts-title", "Direction des systèmes")
        .await;
    browser.wait_for_text("main", "Sophie Lefèvre").await;
    browser.wait_for_text("main", "Hugo Garcia").await;
    browser.screenshot("page-organisation").await;
    browser.check_accessibility("organisation").await;

    browser.open(&server, "/centres").await;
    browser
        .wait_for_text("table", "Sciences et Technologies")
        .await;
    browser.screenshot("page-centres").await;
    browser.check_accessibility("centres").await;
    browser.click("a[href^='/centres/']").await;
    browser.wait_for("#centre-save").await;
    browser.screenshot("page-centre").await;
    browser.check_accessibility("centre").await;

    browser.open(&server, "/nomenclatures").await;
    browser.wait_for_text("table", "Thématiques de stage").await;
    browser.check_accessibility("reference tables").await;
    browser.open(&server, "/nomenclatures/theme").await;
    browser.wait_for_text("table", "computing").await;
    browser.screenshot("page-nomenclature").await;
    browser.check_accessibility("reference table").await;

    browser.open(&server, "/documents").await;
    browser
        .wait_for_text(".documents", "Guide d'utilisation")
        .await;
    browser.screenshot("page-documents").await;
    browser.check_accessibility("documents").await;

    // English by the switch, on a screen with forms.
    browser.open(&server, "/organisations").await;
    browser.click("#lang-switch").await;
    browser.wait_for_text("h1", "Host organisations").await;
    browser
        .check_accessibility("organisations, in English")
        .await;
    browser.screenshot("page-organisations-en").await;
    browser.click("#lang-switch").await;
    browser
        .wait_for_text("h1", "Établissements d'accueil")
        .await;
    browser.close().await;
}

/// The minimum hourly rates (GRAT-02) kept from their screen: an
/// administrator enters 2027's rate, a year out of sequence is refused
/// with the domain's reason beside the field, and the wizard's live
/// figures read the new rate (10 days of 7 h in March 2027 at 4,62 € make
/// 323,40 €, where 2026's rate as a floor made 315,00 €).
#[tokio::test]
async fn the_hourly_rates_are_kept_on_screen_and_the_wizard_reads_them() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "admin").await;
    browser.open(&server, "/nomenclatures").await;
    browser.click("#hourly-rates-link").await;
    browser.wait_for_text("#hourly-rates", "2026").await;
    browser.wait_for_text("#hourly-rates", "4,50").await;

    browser.fill("#rate-year", "2029").await;
    browser.fill("#rate-cents", "4,70").await;
    browser
        .fill("#rate-source", "15 % du plafond horaire 2029")
        .await;
    browser.click("#new-rate button[type=submit]").await;
    browser
        .wait_for_text("#rate-year-messages", "entre 2018 et 2027")
        .await;

    browser.fill("#rate-year", "2027").await;
    browser.fill("#rate-cents", "4,62").await;
    browser
        .fill("#rate-source", "15 % du plafond horaire 2027 : 30,80 €")
        .await;
    browser.click("#new-rate button[type=submit]").await;
    browser.wait_for_text("#hourly-rates", "4,62").await;

    // Removing the last year is asked twice.
    browser.fill("#rate-year", "2028").await;
    browser.fill("#rate-cents", "4,70").await;
    browser
        .fill("#rate-source", "15 % du plafond horaire 2028")
        .await;
    browser.click("#new-rate button[type=submit]").await;
    browser.wait_for_text("#hourly-rates", "4,70").await;
    browser
        .click("#hourly-rates button[aria-label='Retirer : 2028']")
        .await;
    browser
        .wait_for_text("#hourly-rates", "Retirer le taux de 2028 ?")
        .await;
    browser.click("#hourly-rates .button.danger").await;
    let start = std::time::Instant::now();
    while browser.text("#hourly-rates").await.contains("4,70") {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the 2028 rate stays after its removal was confirmed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    browser.screenshot("page-hourly-rates").await;
    browser.check_accessibility("hourly rates").await;
    browser.sign_out().await;

    browser.sign_in(&server, "etudiant").await;
    browser.open(&server, "/conventions/new").await;
    browser.click("#instructions-next").await;
    browser.click("#student-enrolment").await;
    browser
        .fill("#student-address-street", "4 rue des Jardins")
        .await;
    browser.fill("#student-address-postal_code", "25000").await;
    browser.fill("#student-address-city", "Besançon").await;
    browser
        .fill("#student-personal_email", "camille.martin@example.org")
        .await;
    browser
        .fill("#student-health_insurance-fund", "CPAM du Doubs")
        .await;
    browser.click("#step-validate").await;
    browser.click("#step-confirm").await;
    browser.click("#offer-no").await;
    let step2 = browser
        .wait_for_path("step 2", |p| p.ends_with("/steps/organisation"))
        .await;
    browser
        .open(&server, &step2.replace("/organisation", "/internship"))
        .await;
    browser.set_value("#internship-start", "2027-03-01").await;
    browser.set_value("#internship-end", "2027-03-12").await;
    browser.click("#internship-regular_schedule").await;
    browser.fill("#internship-weekly_minutes", "35").await;
    browser.wait_for_text("#figures-hours", "70").await;
    browser.wait_for_text("#figures-minimum", "323,40").await;
    browser.close().await;
}

/// Fills and creates a convention as the signed-in demo student through
/// the API (the wizard has its own journey), at the DSI of the demo's
/// Société Générale d'Ingénierie with its first contact as tutor, from
/// `start` to `end`; returns its id.
async fn created_through_the_api(browser: &Browser, start: &str, end: &str) -> i64 {
    let call = |method: &'static str, path: String, version: Option<i64>, body: Option<Value>| async move {
        browser.api_ok(method, &path, version, body).await
    };
    let conv = call(
        "POST",
        "/api/conventions".into(),
        None,
        Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
    )
    .await;
    let id = conv["id"].as_i64().unwrap();
    let mut version = conv["version"].as_i64();
    let found = call(
        "GET",
        "/api/organisations?name=ingenierie".into(),
        None,
        None,
    )
    .await;
    let org = found["items"][0]["id"].as_i64().unwrap();
    let services = call(
        "GET",
        format!("/api/organisations/{org}/services"),
        None,
        None,
    )
    .await;
    let service = |name: &str| {
        services
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let dsi = service("Direction des systèmes d'information");
    let tutor =
        call("GET", format!("/api/services/{dsi}/contacts"), None, None).await[0]["id"].clone();
    let signatory = call(
        "GET",
        format!("/api/services/{}/contacts", service("Direction générale")),
        None,
        None,
    )
    .await[0]["id"]
        .clone();
    // The directory in use (built-in, or the test LDAP) names Paul Durand.
    let supervisor =
        call("GET", "/api/supervisors?q=durand".into(), None, None).await[0]["uid"].clone();
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
        ("tutor", json!({"contact_id": tutor})),
        (
            "internship",
            json!({
                "convention_type": "initial_mandatory",
                "theme": {"code": "computing", "label": ""},
                "language": "fr",
                "subject": "Exploitation des serveurs de supervision",
                "tasks": "Supervision, scripts d'exploitation, documentation.",
                "skills": "Administration système, travail en équipe.",
                "start": start,
                "end": end,
                "interruptions": [],
                "regular_schedule": true,
                "weekly_minutes": 2100,
                "days_per_week": 5,
                "schedule_periods": [],
                "working_time": "full_time",
                "presence_type": "continuous",
                "leave_days": 2,
                "stipend_paid": true,
                "stipend": {"amount_cents": 70000, "currency": "EUR", "basis": "gross", "unit": "month", "payment_mode": "bank_transfer"},
                "supervision_mode": "Point hebdomadaire avec le tuteur.",
                "work_to_deliver": {"code": "report", "label": ""},
                "validation_mode": {"code": "defence", "label": ""},
                "confidentiality": "none",
                "night_sunday_holiday_work": "Aucun",
                "found_through": "spontaneous_application",
                "benefits": "Titres-restaurant"
            }),
        ),
        ("supervisor", json!({"uid": supervisor})),
        ("signatory", json!({"contact_id": signatory})),
    ];
    for (step, body) in steps {
        let saved = call(
            "PUT",
            format!("/api/conventions/{id}/{step}"),
            version,
            Some(body),
        )
        .await;
        version = saved["version"].as_i64();
    }
    call(
        "POST",
        format!("/api/conventions/{id}/submit"),
        version,
        None,
    )
    .await;
    id
}

/// DUR-03 on screen: the demo's intern at the DSI ended on 26 March 2027;
/// a new internship there from 6 April asks the manager whether it takes
/// that post. Validation waits for the answer; "another post" with its
/// reason lets it through. Then an early termination must say who asked.
#[tokio::test]
async fn a_manager_answers_the_waiting_period_question_and_validates() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "etudiant").await;
    let id = created_through_the_api(&browser, "2027-04-06", "2027-05-28").await;
    browser.sign_out().await;

    browser.sign_in(&server, "gestionnaire").await;
    browser.open(&server, &format!("/conventions/{id}")).await;
    browser.wait_for_text("#post-review", "même poste").await;
    browser.click("#validate-pedagogical").await;
    browser
        .wait_for_text("#validation", "bloque la validation")
        .await;
    browser.click("#post-review-submit").await;
    browser
        .wait_for_text("#post_review-reason-messages", "obligatoire")
        .await;
    browser.click("#post_review-same_post-no").await;
    browser
        .fill(
            "#post_review-reason",
            "Autre poste : exploitation, le précédent était en développement.",
        )
        .await;
    browser.screenshot("page-post-review").await;
    browser.check_accessibility("post review").await;
    browser.click("#post-review-submit").await;
    browser
        .wait_for_text("#post-review-answer", "autre poste")
        .await;
    browser.click("#validate-pedagogical").await;
    browser
        .wait_for_text("#level-pedagogical-state", "donnée")
        .await;
    browser.click("#validate-administrative").await;
    browser
        .wait_for_text("#level-administrative-state", "donnée")
        .await;

    browser
        .open(&server, &format!("/conventions/{id}/amendments/new"))
        .await;
    browser.fill("#amendment-title", "Rupture du stage").await;
    browser
        .fill("#amendment-reason", "L'étudiante a trouvé un emploi.")
        .await;
    browser.select("#amendment-new_change", "termination").await;
    browser.click("#amendment-add-change").await;
    browser
        .set_value("#amendment-changes-0-date", "2027-05-14")
        .await;
    browser
        .fill("#amendment-changes-0-comment", "Démission de l'étudiante")
        .await;
    browser.click("#amendment-submit").await;
    browser
        .wait_for_text("#amendment-changes-0-initiated_by-messages", "obligatoire")
        .await;
    browser
        .select("#amendment-changes-0-initiated_by", "intern")
        .await;
    browser.check_accessibility("termination amendment").await;
    browser.click("#amendment-submit").await;
    browser
        .wait_for_text("#amendment-1", "à l'initiative de l'étudiant")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn documents_are_files_and_a_report_names_its_page() {
    let server = Server::start();
    let browser = Browser::start().await;
    for file in [
        "notice-convention-fr.html",
        "notice-convention-en.html",
        "fiche-competences.html",
        "guide-utilisation.html",
    ] {
        browser.open(&server, &format!("/docs/{file}")).await;
        let title = browser.text("h1").await;
        assert!(!title.is_empty(), "{file} has no title");
    }
    browser.open(&server, "/docs/guide-utilisation.html").await;
    browser
        .wait_for_text("h1", "Guide d'utilisation de Stages")
        .await;
    browser.check_accessibility("user guide").await;

    // From an organisation's page, "Signaler un problème" names it.
    browser.sign_in(&server, "etudiant").await;
    browser.open(&server, "/organisations").await;
    browser.fill("#search-name", "Mairie").await;
    browser.click("#org-search-submit").await;
    browser
        .click("button[aria-label='Voir la fiche : Mairie de Besançon']")
        .await;
    browser.wait_for_text("h1", "Mairie de Besançon").await;
    let page = browser.path().await;
    browser.click(".top-menu a[href^='/tickets/new']").await;
    browser.wait_for_text("#report-page", &page).await;
    browser.click("#report-submit").await;
    browser
        .wait_for_text("#ticket-subject-messages", "Ce champ est obligatoire.")
        .await;
    assert_eq!(browser.focused_id().await, "ticket-subject");
    browser
        .fill("#ticket-subject", "Adresse de la mairie erronée")
        .await;
    browser
        .fill("#ticket-body", "La mairie a déménagé place du 8 Septembre.")
        .await;
    browser.click("#report-submit").await;
    browser
        .wait_for_text("#report-sent", "est enregistré")
        .await;
    browser
        .wait_for_text("#my-tickets + ul", "Adresse de la mairie erronée")
        .await;
    browser.screenshot("page-report").await;
    browser.check_accessibility("report a problem").await;
    browser.close().await;
}

#[tokio::test]
async fn a_server_that_stops_answering_shows_a_message_and_a_retry() {
    let mut server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "etudiant").await;
    browser.wait_for_text(".welcome", "Bienvenue").await;
    server.stop();
    // A page of the application, reached from its menu: its data cannot
    // load.
    browser.click(".side-menu a[href='/organisations']").await;
    browser.fill("#search-name", "Mairie").await;
    browser.click("#org-search-submit").await;
    browser
        .wait_for_text(".error-panel", "Le serveur ne répond pas")
        .await;
    browser.click(".side-menu a[href='/documents']").await;
    browser.wait_for_text("h1", "Documents utiles").await;
    browser.click(".side-menu a[href='/conventions']").await;
    browser
        .wait_for_text(".error-panel", "Le serveur ne répond pas")
        .await;
    browser
        .wait_for_text(".error-panel button", "Réessayer")
        .await;
    browser.screenshot("page-network-error").await;
    browser.close().await;
}
