//! The API tokens page in a real browser: an administrator issues a token
//! (shown once) which then works against the API, and revokes it.

use stages_e2e::{Browser, Server};

#[tokio::test]
async fn an_administrator_issues_and_revokes_a_token() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "admin").await;
    browser.click(".side-menu a[href='/account/tokens']").await;
    browser.wait_for_text("#no-tokens", "aucun jeton").await;
    browser.check_accessibility("API tokens").await;
    browser
        .fill("#token-name", "Import des établissements")
        .await;
    browser.click("#token-create").await;
    browser.wait_for_text("#new-token", "une seule fois").await;
    let token = browser.text("#new-token code").await;
    assert!(token.starts_with("stg_"), "{token}");
    let row = "#my-tokens tr[data-token='Import des établissements']";
    browser.wait_for_text(row, "Actif").await;
    browser
        .wait_for_text("#all-tokens", "Import des établissements")
        .await;
    // The token reads the API; once revoked, it does not.
    assert_eq!(server.get_with_token("/api/me", &token), 200);
    browser
        .click(&format!("{row} button[data-action='revoke']"))
        .await;
    browser.wait_for_text(row, "Révoqué").await;
    assert_eq!(server.get_with_token("/api/me", &token), 401);
}
