//! Every screen outside the wizard in a real browser, each checked by
//! axe-core and kept as a screenshot: search, organisations with their
//! services and contacts, Documents utiles (files served), the report
//! form linked to the page it came from, staff administration; English by
//! the switch; and a server that stops answering shows a message and a
//! retry, never a blank page.

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
    browser.fill("#search-q", "Moreau").await;
    browser.click("#search-submit").await;
    browser
        .wait_for_text("#search-results", "Inès Moreau")
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
