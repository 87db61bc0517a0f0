//! Administrators' screen of accounts and rights, in a real browser: find
//! an account, reset its password (the owner must choose a new one before
//! anything else), deactivate and reactivate another.

use stages_e2e::{Browser, Server};

#[tokio::test]
async fn an_administrator_resets_a_password_and_deactivates_an_account() {
    let server = Server::start();
    let admin = Browser::start().await;
    admin.sign_in(&server, "admin").await;
    admin.click(".side-menu a[href='/admin/accounts']").await;
    admin.wait_for("#accounts").await;
    admin.check_accessibility("accounts").await;

    admin.fill("#account-search", "etudiant2").await;
    admin.click(".search-form button[type=submit]").await;
    let row = "#accounts tr[data-username='etudiant2']";
    admin.wait_for_text(row, "Mot de passe Stages").await;
    assert!(
        !admin.exists("#accounts tr[data-username='etudiant']").await,
        "only the account searched for"
    );
    admin
        .click(&format!(
            "{row} button[data-action='accounts-reset-password']"
        ))
        .await;
    let shown = admin
        .wait_for_text("#temporary-password", "etudiant2")
        .await;
    let temporary = admin.text("#temporary-password code").await;
    assert_eq!(temporary.len(), 23, "{shown}");
    admin.wait_for_text(row, "mot de passe à changer").await;
    admin.screenshot("accounts-reset").await;

    // The owner signs in with it and can only change it.
    let owner = Browser::start().await;
    owner
        .client
        .goto(&server.url("/login"))
        .await
        .expect("open the login page");
    owner.fill("#username", "etudiant2").await;
    owner.fill("#password", &temporary).await;
    owner.click("#login-submit").await;
    owner
        .wait_for_text("#must-change-password", "choisissez-en un nouveau")
        .await;
    assert!(!owner.exists(".side-menu").await, "nothing else until then");
    owner.fill("#password-current_password", &temporary).await;
    owner
        .fill("#password-new_password", "Girafe-Orage-Citron-58")
        .await;
    owner
        .fill("#password-again", "Girafe-Orage-Citron-58")
        .await;
    owner.click("#password-submit").await;
    owner.wait_for(".side-menu").await;

    // Deactivated, an account cannot sign in; reactivated, it can again.
    admin.fill("#account-search", "etudiant").await;
    admin.click(".search-form button[type=submit]").await;
    let row = "#accounts tr[data-username='etudiant']";
    admin
        .click(&format!("{row} button[data-action='accounts-deactivate']"))
        .await;
    admin.wait_for_text(row, "Désactivé").await;
    let student = Browser::start().await;
    student
        .client
        .goto(&server.url("/login"))
        .await
        .expect("open the login page");
    student.fill("#username", "etudiant").await;
    student.fill("#password", "demo").await;
    student.click("#login-submit").await;
    student
        .wait_for_text(".form-error", "ne donne pas accès à Stages")
        .await;
    admin
        .click(&format!("{row} button[data-action='accounts-reactivate']"))
        .await;
    admin.wait_for_text(row, "Actif").await;
    student.click("#login-submit").await;
    student.wait_for(".side-menu").await;

    // The administrator cannot lock themself out.
    admin.fill("#account-search", "admin").await;
    admin.click(".search-form button[type=submit]").await;
    admin
        .click("#accounts tr[data-username='admin'] button[data-action='accounts-deactivate']")
        .await;
    admin
        .wait_for_text(".form-error", "votre propre compte")
        .await;
}
