//! Single sign-on in a real browser through the test CAS server
//! (django-cas-server over the test directory): the "ENT" button, the CAS
//! form, back in Stages signed in; signing out of both; and the failures a
//! person can meet (a refused ticket, an expired one, an account without
//! an affiliation), each on a page that says what happened.

use stages_e2e::{Browser, Server, cas_ticket};
use std::time::Duration;

/// Fills the CAS server's own sign-in form.
async fn sign_in_at_cas(browser: &Browser, username: &str, password: &str) {
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
    sign_in_at_cas(&browser, "cmartin", "demo").await;
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
    assert!(message.contains("Se connecter avec l'ENT"), "{message}");
    browser
        .check_accessibility("sign-in after a refused ticket")
        .await;

    // A real ticket for Stages, presented after its 8 seconds of life.
    let ticket = cas_ticket("ldurand", "demo", &callback).await;
    tokio::time::sleep(Duration::from_secs(9)).await;
    browser
        .client
        .goto(&format!("{callback}?ticket={ticket}"))
        .await
        .expect("open the callback");
    browser.wait_for_text("#sso-error", "a expiré").await;
    assert!(!browser.exists(".side-menu").await, "not signed in");

    // A former staff member: the directory knows them, no role follows.
    browser.click("#cas-login").await;
    browser.wait_for("#id_username").await;
    sign_in_at_cas(&browser, "ancien", "demo").await;
    let message = browser
        .wait_for_text("#sso-error", "ne donne pas accès à Stages")
        .await;
    assert!(message.contains("centre de gestion"), "{message}");
    browser.screenshot("cas-no-access").await;
}
