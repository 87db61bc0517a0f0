//! Single sign-on in a real browser through the test CAS server
//! (django-cas-server over the test directory): the "ENT" button, the CAS
//! form, back in Stages signed in; signing out of both; and the failures a
//! person can meet (a refused ticket, an expired one, an account without
//! an affiliation), each on a page that says what happened.

use stages_e2e::{Browser, Server, cas_ticket};
use std::time::Duration;

/// Fills the provider's own sign-in form (CAS's and the OpenID
/// provider's have the same fields).
async fn sign_in_at_the_provider(browser: &Browser, username: &str, password: &str) {
    browser.fill("#id_username", username).await;
    browser.fill("#id_password", password).await;
    browser.click("button[type=submit]").await;
}

#[tokio::test]
async fn a_student_signs_in_through_the_ent_and_out_of_it() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&server.url("/"))
        .await
        .expect("open the SPA");
    let button = browser
        .wait_for_text("#cas-login", "Se connecter avec l'ENT")
        .await;
    assert!(button.contains("ENT"));
    browser.check_accessibility("sign-in with CAS").await;
    browser.click("#cas-login").await;
    // The CAS server's page, not Stages'.
    browser.wait_for("#id_username").await;
    sign_in_at_the_provider(&browser, "cmartin", "demo").await;
    browser.wait_for_text(".user-name", "Camille Martin").await;
    assert!(
        !browser.exists(".demo-banner").await,
        "a university account is not a demo account"
    );
    // No password to change for an account of the university.
    assert!(!browser.exists("a.user-name").await);
    browser.screenshot("cas-home-student").await;

    browser.click("#sign-out").await;
    // Back on Stages' sign-in page, through CAS's logout.
    browser.wait_for("#cas-login").await;
    // The CAS session ended too: the ENT button asks for the password again.
    browser.click("#cas-login").await;
    browser.wait_for("#id_username").await;
    browser
        .client
        .goto(&server.url("/conventions"))
        .await
        .expect("open a page");
    browser.wait_for("#cas-login").await;
}

#[tokio::test]
async fn refused_expired_and_roleless_sign_ins_say_what_happened() {
    let server = Server::start();
    let browser = Browser::start().await;
    let callback = server.url("/api/auth/cas/callback");

    // A ticket made up by hand.
    browser
        .client
        .goto(&format!("{callback}?ticket=ST-made-up-by-hand"))
        .await
        .expect("open the callback");
    let message = browser.wait_for_text("#sso-error", "n'a pas abouti").await;
    assert!(message.contains("bouton de connexion"), "{message}");
    browser
        .check_accessibility("sign-in after a refused ticket")
        .await;

    // A real ticket for this sign-in, presented after its 8 seconds of
    // life: the browser leaves for CAS, the ticket is taken outside it.
    browser.click("#cas-login").await;
    browser.wait_for("#id_username").await;
    let at_cas = browser.client.current_url().await.expect("the CAS page");
    let service = at_cas
        .query_pairs()
        .find(|(name, _)| name == "service")
        .map(|(_, value)| value.into_owned())
        .expect("CAS is asked to come back to Stages");
    assert!(service.starts_with(&callback), "{service}");
    let ticket = cas_ticket("ldurand", "demo", &service).await;
    tokio::time::sleep(Duration::from_secs(9)).await;
    browser
        .client
        .goto(&format!("{service}&ticket={ticket}"))
        .await
        .expect("open the callback");
    browser.wait_for_text("#sso-error", "a expiré").await;
    assert!(!browser.exists(".side-menu").await, "not signed in");

    // A former staff member: the directory knows them, no role follows.
    browser.click("#cas-login").await;
    browser.wait_for("#id_username").await;
    sign_in_at_the_provider(&browser, "ancien", "demo").await;
    let message = browser
        .wait_for_text("#sso-error", "ne donne pas accès à Stages")
        .await;
    assert!(message.contains("centre de gestion"), "{message}");
    browser.screenshot("cas-no-access").await;
}

#[tokio::test]
async fn a_supervisor_signs_in_through_openid_connect() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&server.url("/login"))
        .await
        .expect("open the sign-in page");
    browser
        .wait_for_text("#oidc-login", "compte de l'université")
        .await;
    browser.click("#oidc-login").await;
    // The provider's own sign-in form.
    browser.wait_for_text("h1", "Fournisseur d'identité").await;
    sign_in_at_the_provider(&browser, "pdurand", "demo").await;
    browser.wait_for_text(".user-name", "Paul Durand").await;
    let path = browser.path().await;
    assert_eq!(path, "/");
    browser.screenshot("oidc-home-supervisor").await;
}
