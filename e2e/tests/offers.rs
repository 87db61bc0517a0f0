//! Offres de stage et d'emploi in a real browser: a student finds a
//! published offer by keyword, reads its number and links it in the
//! wizard's offer question, after which step 2 shows the offer's host; a
//! manager writes an offer, sees the domain's message next to a wrong
//! field, publishes it once complete and closes it. Each screen is
//! checked by axe-core and kept as a screenshot.

use stages_e2e::{Browser, Server};

#[tokio::test]
async fn a_student_finds_an_offer_and_links_it_in_the_wizard() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "etudiant").await;

    browser.open(&server, "/offers").await;
    browser.wait_for("#offer-results").await;
    browser.fill("#search-q", "chantiers").await;
    browser.click("#offer-search-submit").await;
    browser
        .wait_for_text("#offer-results", "outil de suivi des chantiers")
        .await;
    // Students see published offers only: the demo's draft is absent.
    let results = browser.text("#offer-results").await;
    assert!(!results.contains("Animateur"), "{results}");
    browser.screenshot("offers-search").await;
    browser.check_accessibility("offers, search").await;

    browser.click("#offer-results a[href^='/offers/']").await;
    browser
        .wait_for_text("#offer-host", "Société Générale d'Ingénierie")
        .await;
    let number = browser.text("#offer-number").await;
    assert!(number.starts_with("OF-"), "{number}");
    browser.screenshot("offers-detail").await;
    browser.check_accessibility("offer").await;

    // Step 1 of a new convention, then the offer question.
    browser.open(&server, "/conventions/new").await;
    browser.click("#instructions-next").await;
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
    browser.click("#step-validate").await;
    browser.wait_for_text("#step-recap", "CPAM du Doubs").await;
    browser.click("#step-confirm").await;
    browser.click("#offer-yes").await;
    browser.fill("#offer_number", &number).await;
    browser.screenshot("offers-wizard-question").await;
    browser.check_accessibility("wizard, offer question").await;
    browser.click("#offer-link").await;

    browser
        .wait_for_path("step 2", |p| p.ends_with("/steps/organisation"))
        .await;
    browser
        .wait_for_text(".chosen", "Société Générale d'Ingénierie")
        .await;
    browser.screenshot("offers-wizard-host").await;
    browser
        .check_accessibility("wizard, the offer's host")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_manager_writes_publishes_and_closes_an_offer() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "gestionnaire").await;

    // Staff also see drafts.
    browser.open(&server, "/offers").await;
    browser.wait_for_text("#offer-results", "Animateur").await;
    browser.screenshot("offers-staff-search").await;
    browser.check_accessibility("offers, staff").await;

    browser.click("#offer-new").await;
    browser.fill("#search-name", "Mairie").await;
    browser.click("#org-search-submit").await;
    browser
        .click("button[aria-label=\"Sélectionner : Mairie de Besançon\"]")
        .await;
    browser
        .wait_for_text("#offer-host-chosen", "Mairie de Besançon")
        .await;
    browser
        .fill(
            "#offer-title",
            "Stage : tableau de bord de la fréquentation",
        )
        .await;
    browser
        .fill(
            "#offer-description",
            "Conception d'un tableau de bord des services municipaux.",
        )
        .await;
    browser.fill("#offer-city", "Besançon").await;
    browser.fill("#offer-postal_code", "25000").await;
    browser.set_value("#offer-start", "2027-06-01").await;
    browser.set_value("#offer-end", "2027-05-01").await;
    // The domain's rule, next to the field, as it is typed.
    browser.wait_for_text("#offer-end-messages", "fin").await;
    browser.screenshot("offers-form-violation").await;
    browser
        .check_accessibility("offer form with a violation")
        .await;
    browser.set_value("#offer-end", "2027-08-31").await;
    browser.click("#offer-save").await;

    // A draft with its number; publishing needs where to apply.
    browser.wait_for_text("#offer-status", "Brouillon").await;
    browser.wait_for("#offer-missing").await;
    browser.click("#offer-publish").await;
    browser.wait_for(".actions-bar .form-error").await;
    browser.screenshot("offers-publish-refused").await;
    browser
        .check_accessibility("offer, publication refused")
        .await;

    browser.click("#offer-edit").await;
    browser
        .fill("#offer-contact_email", "stages@besancon-demo.fr")
        .await;
    browser.click("#offer-save").await;
    browser.click("#offer-publish").await;
    browser.wait_for_text("#offer-status", "Publiée").await;
    browser.screenshot("offers-published").await;
    browser.check_accessibility("offer, published").await;

    browser.click("#offer-close-filled").await;
    browser.click("#offer-close-filled-confirm").await;
    browser.wait_for_text("#offer-status", "Pourvue").await;
    assert!(!browser.exists("#offer-edit").await);
    browser.close().await;
}
