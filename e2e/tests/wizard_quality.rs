//! The wizard's quality bar in a real browser: step 1 done with the
//! keyboard alone; after a failed submit the focus is on the first error;
//! bad input on step 5 shows the domain rule's message next to its field,
//! in French and, after the switch, in English; abroad, step 5 asks about
//! the host's accident cover.

#![allow(clippy::unwrap_used)]

use fantoccini::key::Key;
use serde_json::json;
use stages_e2e::{Browser, Server};

/// Opens the wizard of a new convention as the student, past the
/// instructions, with the keyboard.
async fn start_with_the_keyboard(browser: &Browser, server: &Server) {
    browser.sign_in(server, "etudiant").await;
    browser.open(server, "/conventions/new").await;
    browser.wait_for("#instructions-next").await;
    browser.tab_to("instructions-next", 40).await;
    browser.keys(&Key::Enter.to_string()).await;
    browser
        .wait_for_text("#student-name", "Camille Martin")
        .await;
}

#[tokio::test]
async fn step_one_with_the_keyboard_only_and_the_focus_on_the_first_error() {
    let server = Server::start();
    let browser = Browser::start().await;
    start_with_the_keyboard(&browser, &server).await;
    let (tab, enter) = (Key::Tab.to_string(), Key::Enter.to_string());

    // "Valider" with nothing entered: the focus moves to the first error,
    // the enrolment to choose.
    browser.tab_to("step-validate", 60).await;
    browser.keys(&enter).await;
    browser.wait_for(".error-summary").await;
    browser
        .wait_for_text("#student-enrolment-messages", "Ce champ est obligatoire.")
        .await;
    assert_eq!(browser.focused_id().await, "student-enrolment");
    browser.screenshot("wizard-failed-submit").await;

    // The enrolment with the space bar, then each field with Tab.
    browser.keys(" ").await;
    browser.keys(&tab).await;
    browser.tab_to("student-address-street", 5).await;
    browser.keys("4 rue des Jardins").await;
    browser.tab_to("student-address-postal_code", 5).await;
    browser.keys("25000").await;
    browser.tab_to("student-address-city", 3).await;
    browser.keys("Besançon").await;
    browser.tab_to("student-personal_email", 5).await;
    browser.keys("camille.martin@example.org").await;
    browser.tab_to("student-mobile_phone", 4).await;
    browser.keys("06 12 34 56 78").await;
    browser.tab_to("student-health_insurance-fund", 4).await;
    browser.keys("CPAM du Doubs").await;
    browser.keys(&enter).await;

    // The recap takes the focus; the confirmation is a Tab away.
    browser.wait_for_text("#step-recap", "CPAM du Doubs").await;
    assert_eq!(browser.focused_id().await, "step-recap");
    browser.tab_to("step-confirm", 5).await;
    browser.keys(&enter).await;

    // The offer question takes the focus; "Non" goes on to step 2.
    browser.wait_for("#offer-no").await;
    browser.tab_to("offer-no", 5).await;
    browser.keys(&enter).await;
    browser
        .wait_for_path("step 2", |p| p.ends_with("/steps/organisation"))
        .await;
    browser.tab_to("search-name", 60).await;
    browser.keys("Générale").await;
    browser.keys(&enter).await;
    browser
        .wait_for_text(".results", "Société Générale d'Ingénierie")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn bad_input_on_step_five_shows_the_rule_next_to_the_field() {
    let server = Server::start();
    let browser = Browser::start().await;
    // Camille has no convention yet: step 1 creates the draft.
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

    // The end before the start: DUR-05, worded by the domain, under the
    // end date, as soon as it is typed.
    browser.set_value("#internship-start", "2027-03-01").await;
    browser.set_value("#internship-end", "2027-02-01").await;
    browser
        .wait_for_text(
            "#internship-end-messages",
            "La date de fin précède la date de début.",
        )
        .await;
    assert_eq!(
        browser
            .attribute("#internship-end", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    // 90 hours a week: above the 84-hour cap.
    browser.click("#internship-regular_schedule").await;
    browser.fill("#internship-weekly_minutes", "90").await;
    browser
        .wait_for_text(
            "#internship-weekly_minutes-messages",
            "90 h par semaine : la durée hebdomadaire ne peut dépasser 84 h.",
        )
        .await;
    // A part-time percentage that is not a number.
    browser
        .select("#internship-working_time", "part_time")
        .await;
    browser
        .fill("#internship-part_time_percentage", "beaucoup")
        .await;
    browser
        .wait_for_text(
            "#internship-part_time_percentage-messages",
            "Saisissez un nombre.",
        )
        .await;

    // "Valider": the focus goes to the first field in error.
    browser.click("#step-validate").await;
    browser.wait_for(".error-summary").await;
    let focused = browser.focused_id().await;
    assert!(focused.starts_with("internship-"), "{focused:?}");
    assert_eq!(
        browser
            .attribute(&format!("#{focused}"), "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    browser.scroll_to("#internship-end").await;
    browser.screenshot("wizard-step5-bad-input").await;
    browser.check_accessibility("step 5 with errors").await;

    // The same rule, re-worded when the reader switches to English.
    browser.click("#lang-switch").await;
    browser
        .wait_for_text(
            "#internship-end-messages",
            "The end date is before the start date.",
        )
        .await;
    browser.close().await;
}

/// ABR-03 on screen: for a draft at the demo's host in Berlin, step 5 asks
/// whether the host insures the intern against work accidents (a question
/// an internship in France never shows). From 4 January to 5 July 2027 is
/// past the six months of the French cover: the reason is shown at the
/// question as soon as the dates are typed, and "Oui" clears it.
#[tokio::test]
async fn abroad_step_five_asks_whether_the_host_insures_the_intern() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "etudiant").await;
    let conv = browser
        .api_ok(
            "POST",
            "/api/conventions",
            None,
            Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
        )
        .await;
    let id = conv["id"].as_i64().unwrap();
    let found = browser
        .api_ok("GET", "/api/organisations?name=B%C3%A4ckerei", None, None)
        .await;
    let org = found["items"][0]["id"].clone();
    let conv = browser
        .api_ok(
            "PUT",
            &format!("/api/conventions/{id}/organisation"),
            conv["version"].as_i64(),
            Some(json!({"organisation_id": org})),
        )
        .await;
    let services = browser
        .api_ok(
            "GET",
            &format!("/api/organisations/{org}/services"),
            None,
            None,
        )
        .await;
    browser
        .api_ok(
            "PUT",
            &format!("/api/conventions/{id}/host-service"),
            conv["version"].as_i64(),
            Some(json!({"host_service_id": services[0]["id"]})),
        )
        .await;

    browser
        .open(&server, &format!("/conventions/{id}/steps/internship"))
        .await;
    browser.set_value("#internship-start", "2027-01-04").await;
    browser.set_value("#internship-end", "2027-07-05").await;
    browser
        .wait_for_text(
            "#internship-host_accident_cover-messages",
            "dure plus de 6 mois, prolongations comprises",
        )
        .await;
    browser.scroll_to("#internship-host_accident_cover").await;
    browser.screenshot("wizard-step5-abroad-cover").await;
    browser.click("#internship-host_accident_cover").await;
    let start = std::time::Instant::now();
    while browser
        .exists("#internship-host_accident_cover-messages p")
        .await
    {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the host's cover does not clear ABR-03"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    browser.close().await;
}
