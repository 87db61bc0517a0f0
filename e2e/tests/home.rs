//! The home page of the user guide (§3) in a real browser: sign-in, the two
//! menus by role, the welcome text and notice, the language switch.

use stages_e2e::{Browser, Server};

const STAFF_SIDE_MENU: [&str; 7] = [
    "Centres de gestion",
    "Conventions de stage",
    "Établissements d'accueil",
    "Offres de stage et d'emploi",
    "Évaluations des stages",
    "Tables de nomenclature",
    "Documents utiles",
];

#[tokio::test]
async fn manager_signs_in_and_finds_the_home_page_menus() {
    let server = Server::start();
    let browser = Browser::start().await;

    browser
        .client
        .goto(&server.url("/"))
        .await
        .expect("open the SPA");
    // Signed out: the SPA sends the visitor to the sign-in page.
    browser.text("#username").await;
    browser.screenshot("login").await;
    browser.check_accessibility("sign-in").await;
    browser.sign_in(&server, "gestionnaire").await;
    // A demo account says so on every page.
    browser
        .wait_for_text(".demo-banner", "Données de démonstration")
        .await;

    let top = browser.text(".top-menu").await;
    for item in ["Accueil", "Signaler un problème", "Déconnexion"] {
        assert!(top.contains(item), "top menu lacks {item:?}: {top:?}");
    }
    let side = browser.text(".side-menu").await;
    for item in STAFF_SIDE_MENU {
        assert!(side.contains(item), "side menu lacks {item:?}: {side:?}");
    }
    let welcome = browser.text(".welcome").await;
    assert!(welcome.starts_with("Bienvenue sur l'application de gestion des conventions"));
    let notice = browser.text(".notice").await;
    assert!(notice.contains("Données personnelles"));
    assert!(
        browser
            .text(".user-name")
            .await
            .contains("Géraldine Baviere")
    );
    browser.screenshot("home-manager").await;
    browser.check_accessibility("home (manager)").await;

    browser.click("#lang-switch").await;
    browser
        .wait_for_text(".side-menu", "Internship agreements")
        .await;
    browser.screenshot("home-manager-en").await;
    browser.click("#lang-switch").await;
    browser
        .wait_for_text(".side-menu", "Conventions de stage")
        .await;

    browser.close().await;
}

#[tokio::test]
async fn student_menu_has_no_staff_entries_and_sign_out_returns_to_login() {
    let server = Server::start();
    let browser = Browser::start().await;

    browser.sign_in(&server, "etudiant").await;
    let side = browser.text(".side-menu").await;
    assert!(side.contains("Conventions de stage"));
    assert!(!side.contains("Centres de gestion"), "{side:?}");
    assert!(!side.contains("Tables de nomenclature"), "{side:?}");
    browser.screenshot("home-student").await;

    browser.click("#sign-out").await;
    browser.text("#username").await;
    let url = browser.client.current_url().await.expect("url");
    assert_eq!(url.path(), "/login");

    browser.close().await;
}

/// A student of the university directory signs in through LDAP; the
/// session survives a reload (refresh-token cookie) and ends at sign-out.
#[tokio::test]
async fn a_directory_student_signs_in_and_the_session_survives_a_reload() {
    assert!(
        std::env::var("STAGES_TEST_LDAP_URL").is_ok(),
        "this journey needs the test directory: run `cargo xtask test`"
    );
    let server = Server::start();
    let browser = Browser::start().await;

    browser.sign_in(&server, "cmartin").await;
    assert!(browser.text(".user-name").await.contains("Camille Martin"));
    let side = browser.text(".side-menu").await;
    assert!(!side.contains("Centres de gestion"), "{side:?}");

    browser.client.refresh().await.expect("reload");
    assert!(browser.text(".user-name").await.contains("Camille Martin"));
    browser.screenshot("home-ldap-student-after-reload").await;

    browser.click("#sign-out").await;
    browser.text("#username").await;
    browser.client.refresh().await.expect("reload");
    browser.text("#username").await;
    browser.close().await;
}

/// A demo student changes their password from their name in the top bar:
/// a wrong current password and a guessable new one are refused at their
/// fields; then only the new password signs in.
#[tokio::test]
async fn a_student_changes_their_password() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "etudiant").await;
    browser.click(".top-bar a.user-name").await;
    browser.wait_for("#password-form").await;
    browser.check_accessibility("my password").await;

    browser
        .fill("#password-current_password", "pas le bon")
        .await;
    browser
        .fill("#password-new_password", "Vélo-Ciel-Marée-71")
        .await;
    browser.fill("#password-again", "Vélo-Ciel-Marée-71").await;
    browser.click("#password-submit").await;
    browser
        .wait_for_text(
            "#password-current_password-messages",
            "Le mot de passe actuel n'est pas le bon.",
        )
        .await;
    browser.fill("#password-current_password", "demo").await;
    browser
        .fill("#password-new_password", "azertyuiop123")
        .await;
    browser.fill("#password-again", "azertyuiop123").await;
    browser.click("#password-submit").await;
    browser
        .wait_for_text("#password-new_password-messages", "trop facile à deviner")
        .await;
    browser
        .fill("#password-new_password", "Vélo-Ciel-Marée-71")
        .await;
    browser.fill("#password-again", "Vélo-Ciel-Marée-71").await;
    browser.click("#password-submit").await;
    browser
        .wait_for_text("#password-form", "Mot de passe changé.")
        .await;
    browser.screenshot("page-password").await;
    browser.sign_out().await;
    browser
        .sign_in_with(&server, "etudiant", "Vélo-Ciel-Marée-71")
        .await;
    browser.close().await;
}
