//! An administrator adds a manager to a centre with chosen rights, from
//! the centre's page, in a real browser; the manager then gives the level
//! their rights include and is refused the one they do not.

use stages_e2e::{Browser, Server};

const SCIENCES: &str = "UFR Sciences et Technologies";

#[tokio::test]
async fn a_manager_added_with_chosen_rights_validates_within_them() {
    let server = Server::start();
    let admin = Browser::start().await;
    admin.sign_in(&server, "admin").await;
    admin.open(&server, "/centres").await;
    admin.click(&format!("a[aria-label$='{SCIENCES}']")).await;
    admin.wait_for("#centre-staff").await;
    admin.fill("#staff-search", "gestionnaire2").await;
    admin.click("#staff-search ~ button[type=submit]").await;
    admin.wait_for_text("#staff-candidates", "Marc Petit").await;
    // Only the administrative validation, nothing else.
    for right in [
        "pedagogical",
        "administrative-check",
        "print",
        "evaluations",
        "tickets",
        "statistics",
        "alerts",
    ] {
        admin.click(&format!("#new-staff-right-{right}")).await;
    }
    admin.click("#staff-candidates button").await;
    let row = "#centre-staff tr[data-username='gestionnaire2']";
    admin.wait_for_text(row, "Marc Petit").await;
    let checked = |right: &'static str| {
        let admin = &admin;
        async move {
            admin
                .client
                .execute(
                    "return document.querySelector(arguments[0]).checked;",
                    vec![format!("{row} input[data-right='staff-right-{right}']").into()],
                )
                .await
                .expect("read a checkbox")
                .as_bool()
                .expect("a boolean")
        }
    };
    assert!(checked("administrative").await);
    assert!(!checked("pedagogical").await);
    assert!(!checked("alerts").await);
    admin.scroll_to("#staff-title").await;
    admin.screenshot("centre-staff-rights").await;
    admin.check_accessibility("centre staff").await;

    // The centre's signature circuit: without the tutor, all at once;
    // saved, it reads back after a reload.
    let centre_page = admin.path().await;
    admin.click("#centre-tutor-signs").await;
    admin
        .select("#centre-settings-signature-order", "parallel")
        .await;
    admin.click("#centre-save").await;
    admin
        .wait_for_text(".success-line", "Modifications enregistrées")
        .await;
    admin.open(&server, &centre_page).await;
    admin.wait_for("#centre-tutor-signs").await;
    let state = admin
        .client
        .execute(
            "return [document.querySelector('#centre-tutor-signs').checked,\
             document.querySelector('#centre-settings-signature-order').value];",
            vec![],
        )
        .await
        .expect("read the circuit");
    assert_eq!(state, serde_json::json!([false, "parallel"]));

    // The new manager finds the demo convention awaiting the
    // administrative level.
    let manager = Browser::start().await;
    manager.sign_in(&server, "gestionnaire2").await;
    manager.open(&server, "/conventions").await;
    manager.fill("#search-q", "Łucja Nguyễn").await;
    manager.click("#search-submit").await;
    manager.wait_for_text("#search-results", "Nguyễn").await;
    manager
        .click("#search-results a[href^='/conventions/']")
        .await;
    let page = manager
        .wait_for_path("the convention", |p| p.starts_with("/conventions/"))
        .await;
    manager.wait_for("#level-pedagogical-state").await;

    // While the pedagogical level is to be given, the page says it is not
    // theirs to give.
    let api = page.replacen("/conventions/", "/api/conventions/", 1);
    let conv = admin.api_ok("GET", &api, None, None).await;
    admin
        .api_ok(
            "DELETE",
            &format!("{api}/validations/pedagogical"),
            conv["version"].as_i64(),
            None,
        )
        .await;
    manager.open(&server, &page).await;
    manager
        .wait_for_text(
            "#validate-pedagogical-reason",
            "ne comprennent pas ce niveau de validation",
        )
        .await;
    assert_eq!(
        manager
            .attribute("#validate-pedagogical", "disabled")
            .await
            .as_deref(),
        Some("true")
    );

    // Once it is given, they give the administrative level.
    let conv = admin.api_ok("GET", &api, None, None).await;
    admin
        .api_ok(
            "POST",
            &format!("{api}/validations/pedagogical"),
            conv["version"].as_i64(),
            None,
        )
        .await;
    manager.open(&server, &page).await;
    manager.click("#validate-administrative").await;
    manager.wait_for_text("#convention-status", "Validée").await;
    manager.scroll_to("#validation").await;
    manager.screenshot("centre-staff-validates").await;
}
