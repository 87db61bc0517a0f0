//! The life of a convention in a real browser (user guide §4–§10): a
//! student enters it through the eight steps, creating the host, its
//! service and the tutor on the way; a manager finds it, sends it back
//! with a reason the student reads, then validates it;
//! the student can then neither change nor delete it and writes an
//! amendment instead; the manager validates the amendment; the agreement
//! and the amendment download as PDFs; a manager of another centre does
//! not find it. A screenshot of each step is kept.

use stages_e2e::{Browser, Server};

/// A valid SIRET (Luhn) that no demo organisation has.
const NEW_SIRET: &str = "84123456000008";

/// Step 1 to step 8 as the student; returns the convention's number and
/// the path of its page.
async fn student_creates_a_convention(browser: &Browser, server: &Server) -> (String, String) {
    browser.sign_in(server, "etudiant").await;
    browser.open(server, "/conventions").await;
    browser.click("#convention-new").await;
    browser
        .wait_for_text("#instructions-title", "Avant de commencer")
        .await;
    browser.screenshot("convention-0-instructions").await;
    browser.check_accessibility("instructions").await;
    browser.click("#instructions-next").await;

    // Step 1: the registry's data, then what the student enters.
    browser
        .wait_for_text("#student-name", "Camille Martin")
        .await;
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
        .fill("#student-mobile_phone", "06 12 34 56 78")
        .await;
    browser
        .fill("#student-health_insurance-fund", "CPAM du Doubs")
        .await;
    browser.screenshot("convention-1-student").await;
    browser.check_accessibility("step 1").await;
    browser.click("#step-validate").await;
    // The recap, then the second confirmation.
    browser.wait_for_text("#step-recap", "CPAM du Doubs").await;
    browser.click("#step-confirm").await;

    // The offer question: no offer for this internship.
    browser.click("#offer-no").await;
    let step2 = browser
        .wait_for_path("step 2", |p| p.ends_with("/steps/organisation"))
        .await;
    let page = step2.trim_end_matches("/steps/organisation").to_owned();

    // Step 2: none fits, so the student creates the organisation.
    browser.fill("#search-name", "Atelier Numérique").await;
    browser.click("#org-search-submit").await;
    browser
        .wait_for_text(".results", "Aucun établissement ne correspond")
        .await;
    browser.click("#org-create").await;
    browser
        .fill("#organisation-name", "Atelier Numérique du Doubs")
        .await;
    browser.fill("#organisation-siret", NEW_SIRET).await;
    browser.fill("#organisation-headcount", "45").await;
    browser
        .select("#organisation-kind", "private_company")
        .await;
    browser.fill("#organisation-naf_code", "62.01Z").await;
    browser
        .fill("#organisation-street", "8 avenue de la Gare")
        .await;
    browser.fill("#organisation-postal_code", "25000").await;
    browser.fill("#organisation-city", "Besançon").await;
    browser.fill("#organisation-phone", "03 81 11 22 33").await;
    browser.screenshot("convention-2-organisation-form").await;
    browser
        .check_accessibility("step 2, creating an organisation")
        .await;
    browser.click("#org-save").await;
    browser
        .wait_for_text(".organisation-card", "Atelier Numérique du Doubs")
        .await;
    browser.screenshot("convention-2-organisation").await;
    browser.click("#org-select-continue").await;

    // Step 3: the new organisation has no service yet.
    browser
        .wait_for_path("step 3", |p| p.ends_with("/steps/host-service"))
        .await;
    browser.click("#service-create").await;
    browser.fill("#service-name", "Pôle développement").await;
    browser.fill("#service-street", "8 avenue de la Gare").await;
    browser.fill("#service-postal_code", "25000").await;
    browser.fill("#service-city", "Besançon").await;
    browser.screenshot("convention-3-service").await;
    browser.check_accessibility("step 3").await;
    browser.click("#service-save").await;

    // Step 4: the tutor, created in the new service.
    browser
        .wait_for_path("step 4", |p| p.ends_with("/steps/tutor"))
        .await;
    browser.click("[id^='contact-create-']").await;
    browser.select("#contact-civility", "ms").await;
    browser.fill("#contact-last_name", "Roussel").await;
    browser.fill("#contact-first_name", "Nadia").await;
    browser.fill("#contact-position", "Cheffe de projet").await;
    browser
        .fill("#contact-email", "nadia.roussel@atelier-numerique.fr")
        .await;
    browser.fill("#contact-phone", "03 81 11 22 34").await;
    browser.screenshot("convention-4-tutor").await;
    browser.check_accessibility("step 4").await;
    browser.click("#contact-save").await;

    // Step 5: every internship field; the figures follow the dates.
    browser
        .wait_for_path("step 5", |p| p.ends_with("/steps/internship"))
        .await;
    fill_internship(browser).await;
    browser.wait_for_text("#figures-hours", "h").await;
    browser
        .wait_for_text("#figures-stipend-due", "Obligatoire")
        .await;
    browser.scroll_to("#step-title").await;
    browser.screenshot("convention-5-internship").await;
    browser.check_accessibility("step 5").await;
    browser.click("#step-validate").await;
    browser
        .wait_for_text("#step-recap", "Application de suivi des stocks")
        .await;
    browser.click("#step-confirm").await;

    // Step 6: the supervisor, from the directory.
    browser
        .wait_for_path("step 6", |p| p.ends_with("/steps/supervisor"))
        .await;
    browser.fill("#supervisor-search", "Durand").await;
    browser.click("#supervisor-search-submit").await;
    browser.wait_for_text("table", "Paul Durand").await;
    browser.screenshot("convention-6-supervisor").await;
    browser.check_accessibility("step 6").await;
    browser
        .click("button[aria-label='Sélectionner et continuer : Paul Durand']")
        .await;

    // Step 7: the signatory among the contacts of the host's services.
    browser
        .wait_for_path("step 7", |p| p.ends_with("/steps/signatory"))
        .await;
    browser.click("#signatory-open").await;
    browser
        .click("button[aria-label='Voir les contacts : Pôle développement']")
        .await;
    browser
        .wait_for_text("#signatory-contacts", "Pôle développement")
        .await;
    browser.screenshot("convention-7-signatory").await;
    browser.check_accessibility("step 7").await;
    browser
        .click("button[aria-label='Sélectionner et continuer : Nadia Roussel']")
        .await;

    // Step 8: the summary, then creation with a number.
    browser
        .wait_for_path("step 8", |p| p.ends_with("/steps/summary"))
        .await;
    browser
        .wait_for_text(".recap", "Atelier Numérique du Doubs")
        .await;
    browser.check_accessibility("step 8").await;
    browser.click("#convention-submit").await;
    let created = browser
        .wait_for_text("#convention-created", "créée sous le numéro")
        .await;
    browser.screenshot("convention-8-summary").await;
    let number = created
        .split_whitespace()
        .find(|w| w.len() == 12 && w.as_bytes().get(4) == Some(&b'-'))
        .map(|w| w.trim_end_matches('.').to_owned())
        .unwrap_or_else(|| panic!("no number in {created:?}"));
    (number, page)
}

async fn fill_internship(browser: &Browser) {
    browser
        .select("#internship-convention_type", "initial_mandatory")
        .await;
    browser.select("#internship-theme", "computing").await;
    browser.select("#internship-language", "fr").await;
    browser
        .fill("#internship-subject", "Application de suivi des stocks")
        .await;
    browser
        .fill(
            "#internship-tasks",
            "Analyser les besoins, développer et tester l'application.",
        )
        .await;
    browser
        .fill(
            "#internship-skills",
            "Concevoir une application web ; conduire un projet.",
        )
        .await;
    browser.set_value("#internship-start", "2027-03-01").await;
    browser.set_value("#internship-end", "2027-06-30").await;
    browser.click("#internship-regular_schedule").await;
    browser.fill("#internship-weekly_minutes", "35").await;
    browser
        .select("#internship-working_time", "full_time")
        .await;
    browser.fill("#internship-leave_days", "5").await;
    browser.click("#internship-stipend_paid").await;
    browser
        .fill("#internship-stipend-amount_cents", "1000")
        .await;
    browser.select("#internship-stipend-unit", "month").await;
    browser.select("#internship-stipend-basis", "gross").await;
    browser
        .select("#internship-stipend-payment_mode", "bank_transfer")
        .await;
    browser
        .fill(
            "#internship-supervision_mode",
            "Points hebdomadaires avec la tutrice ; visite de l'enseignant.",
        )
        .await;
    browser
        .select("#internship-work_to_deliver", "report")
        .await;
    browser
        .select("#internship-validation_mode", "defence")
        .await;
    browser.select("#internship-confidentiality", "none").await;
    browser
        .select("#internship-found_through", "spontaneous_application")
        .await;
}

const REJECTION: &str = "Le sujet doit préciser le langage de programmation.";

/// The manager of the student's centre finds the convention by its number
/// and sends it back with a reason.
async fn manager_rejects(browser: &Browser, server: &Server, number: &str) {
    browser.sign_in(server, "gestionnaire").await;
    browser.open(server, "/conventions").await;
    browser.fill("#search-q", number).await;
    browser.click("#search-submit").await;
    browser.wait_for_text("#search-results", number).await;
    browser
        .wait_for_text("#search-results", "Camille Martin")
        .await;
    browser.screenshot("convention-9-search-manager").await;
    browser.check_accessibility("search results").await;
    browser
        .click("#search-results a[href^='/conventions/']")
        .await;
    browser.wait_for_text("#convention-status", "Créée").await;
    browser.fill("#rejection-reason", REJECTION).await;
    browser.click("#convention-reject").await;
    browser
        .wait_for_text("#convention-status", "Renvoyée à l'étudiant")
        .await;
    browser.sign_out().await;
}

/// The student reads the reason on the convention, which they may still
/// change.
async fn student_reads_the_rejection(browser: &Browser, server: &Server, page: &str) {
    browser.sign_in(server, "etudiant").await;
    browser.open(server, page).await;
    browser.wait_for_text("#rejection", REJECTION).await;
    assert_eq!(
        browser.attribute("#convention-edit", "disabled").await,
        None
    );
    browser.screenshot("convention-9-rejected").await;
    browser.sign_out().await;
}

/// The manager gives the centre's two levels in order.
async fn manager_validates(browser: &Browser, server: &Server, page: &str) {
    browser.sign_in(server, "gestionnaire").await;
    browser.open(server, page).await;
    browser
        .wait_for_text("#convention-status", "Renvoyée à l'étudiant")
        .await;
    browser.click("#validate-pedagogical").await;
    browser
        .wait_for_text("#level-pedagogical-state", "donnée")
        .await;
    browser.click("#validate-administrative").await;
    browser.wait_for_text("#convention-status", "Validée").await;
    browser.scroll_to("#validation").await;
    browser.screenshot("convention-10-validated").await;
    browser.check_accessibility("convention, manager").await;
    browser.sign_out().await;
}

/// Validated: the student can neither change nor delete it, and the page
/// says why; an amendment is the way, and the agreement prints.
async fn student_amends(browser: &Browser, server: &Server, page: &str) {
    browser.sign_in(server, "etudiant").await;
    browser.open(server, page).await;
    browser.wait_for_text("#convention-status", "Validée").await;
    assert_eq!(
        browser
            .attribute("#convention-edit", "disabled")
            .await
            .as_deref(),
        Some("true"),
        "editing a validated convention must be refused"
    );
    browser
        .wait_for_text(
            "#convention-edit-reason",
            "toute modification passe par un avenant",
        )
        .await;
    assert_eq!(
        browser
            .attribute("#convention-delete", "disabled")
            .await
            .as_deref(),
        Some("true"),
        "deleting a validated convention must be refused"
    );
    assert!(!browser.text("#convention-delete-reason").await.is_empty());
    browser.screenshot("convention-11-student-validated").await;
    browser.check_accessibility("convention, student").await;

    // The centre prints after the pedagogical validation: the PDF downloads.
    browser.click("#convention-print").await;
    browser
        .wait_for_text(".download-done", "Fichier téléchargé : convention-")
        .await;
    let id = page.trim_start_matches("/conventions/");
    let (status, content_type, head) = browser
        .fetch_from_page(&format!("/api/conventions/{id}/pdf"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/pdf");
    assert!(head.starts_with("%PDF"), "{head:?}");

    browser.click("#amendment-new").await;
    browser
        .fill("#amendment-title", "Prolongation du stage")
        .await;
    browser
        .fill(
            "#amendment-reason",
            "Le projet a pris deux semaines de retard.",
        )
        .await;
    browser.select("#amendment-new_change", "dates").await;
    browser.click("#amendment-add-change").await;
    browser
        .set_value("#amendment-changes-0-end", "2027-07-13")
        .await;
    browser.screenshot("convention-12-amendment").await;
    browser.check_accessibility("amendment").await;
    browser.click("#amendment-submit").await;
    browser.wait_for_path("the convention", |p| p == page).await;
    browser
        .wait_for_text("#amendment-1", "Prolongation du stage")
        .await;
    browser
        .wait_for_text("#amendment-1", "En attente de validation")
        .await;
    browser.sign_out().await;
}

/// The manager validates the amendment, which then prints.
async fn manager_validates_the_amendment(browser: &Browser, server: &Server, page: &str) {
    browser.sign_in(server, "gestionnaire").await;
    browser.open(server, page).await;
    browser.click("#amendment-validate-1").await;
    browser.wait_for_text("#amendment-1", "Validé le").await;
    // The effective convention now ends on the amendment's date.
    browser.wait_for_text(".recap", "13/07/2027").await;
    browser.click("#amendment-print-1").await;
    browser
        .wait_for_text(
            "#amendment-1 .download-done",
            "Fichier téléchargé : avenant-",
        )
        .await;
    browser.scroll_to("#amendments").await;
    browser
        .screenshot("convention-13-amendment-validated")
        .await;
    browser.sign_out().await;
}

/// The manager of another centre finds nothing, and the page itself says
/// it is not found.
async fn other_centre_does_not_find_it(
    browser: &Browser,
    server: &Server,
    number: &str,
    page: &str,
) {
    browser.sign_in(server, "gestionnaire2").await;
    browser.open(server, "/conventions").await;
    browser.fill("#search-q", number).await;
    browser.click("#search-submit").await;
    browser
        .wait_for_text("#search-empty", "Aucune convention ne correspond")
        .await;
    browser.open(server, page).await;
    browser.wait_for_text(".error-panel", "Introuvable").await;
    browser.sign_out().await;
}

#[tokio::test]
async fn a_convention_from_the_first_step_to_its_amendment() {
    let server = Server::start();
    let browser = Browser::start().await;

    let (number, page) = student_creates_a_convention(&browser, &server).await;
    browser.sign_out().await;
    manager_rejects(&browser, &server, &number).await;
    student_reads_the_rejection(&browser, &server, &page).await;
    manager_validates(&browser, &server, &page).await;
    student_amends(&browser, &server, &page).await;
    manager_validates_the_amendment(&browser, &server, &page).await;
    other_centre_does_not_find_it(&browser, &server, &number, &page).await;

    browser.close().await;
}
