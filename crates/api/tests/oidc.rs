//! Single sign-on through a real OpenID Connect provider
//! (django-oidc-provider over the test directory, started by `cargo xtask
//! test`): the code flow with PKCE, the ID token checked, the claims
//! mapped to the account and its roles; a callback that this browser did
//! not start, or that comes twice, signs nobody in.
#![allow(clippy::unwrap_used)]

mod common;

use common::oidc::{ProviderBrowser, config, register};
use common::{Backend, TestApp, set_cookie};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn oidc_app(backend: Backend) -> TestApp {
    let app = TestApp::spawn_served(backend, |c, base| {
        c.public_url = base.to_owned();
        c.oidc = Some(config());
    })
    .await;
    register(&app.base).await;
    app
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Leaves Stages for the provider: the provider's address and the
/// browser's state cookie.
async fn start(app: &TestApp, next: &str) -> (String, String) {
    let res = no_redirects()
        .get(app.url("/api/auth/oidc/login"))
        .query(&[("next", next)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let state = set_cookie(&res, "stages_oidc_state").expect("the state cookie");
    (
        res.headers()["location"].to_str().unwrap().to_owned(),
        state,
    )
}

/// Comes back to Stages' callback: where it sends the browser, and the
/// refresh cookie it set.
async fn come_back(callback: &str, state_cookie: Option<&str>) -> (String, Option<String>) {
    let mut request = no_redirects().get(callback);
    if let Some(cookie) = state_cookie {
        request = request.header("Cookie", cookie);
    }
    let res = request.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    (
        res.headers()["location"].to_str().unwrap().to_owned(),
        set_cookie(&res, "stages_refresh"),
    )
}

async fn refresh(app: &TestApp, cookie: &str) -> (StatusCode, Value) {
    let res = reqwest::Client::new()
        .post(app.url("/api/auth/refresh"))
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn a_student_signs_in_through_openid_connect(app: &TestApp) {
    let (authorize, state) = start(app, "/conventions").await;
    assert!(
        authorize.contains("code_challenge_method=S256"),
        "{authorize}"
    );
    assert!(authorize.contains("nonce="), "{authorize}");
    let callback = ProviderBrowser::new()
        .authorise(&authorize, "cmartin", "demo")
        .await;
    assert!(
        callback.starts_with(&app.url("/api/auth/oidc/callback?code=")),
        "{callback}"
    );
    let (location, refresh_cookie) = come_back(&callback, Some(&state)).await;
    assert_eq!(location, "/conventions");
    let (status, body) = refresh(app, &refresh_cookie.expect("signed in")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["username"], "cmartin");
    assert_eq!(body["user"]["display_name"], "Camille Martin");
    assert_eq!(body["user"]["roles"], json!(["student"]));
    assert_eq!(body["user"]["student_number"], "22401234");
    assert_eq!(body["user"]["sign_in"], "oidc");
}

async fn a_callback_counts_once_and_only_in_its_browser(app: &TestApp) {
    let (authorize, state) = start(app, "/").await;
    let callback = ProviderBrowser::new()
        .authorise(&authorize, "pdurand", "demo")
        .await;
    // Another browser (a victim sent the attacker's code) is refused.
    for cookie in [None, Some("stages_oidc_state=another")] {
        assert_eq!(
            come_back(&callback, cookie).await,
            ("/login?sso_error=ticket".to_owned(), None),
            "{cookie:?}"
        );
    }
    let (_, signed_in) = come_back(&callback, Some(&state)).await;
    assert!(signed_in.is_some());
    assert_eq!(
        come_back(&callback, Some(&state)).await,
        ("/login?sso_error=ticket".to_owned(), None),
        "the same answer twice"
    );
    // The provider's refusal comes back as a clear reason.
    let (_, state) = start(app, "/").await;
    let value = state.split_once('=').unwrap().1;
    let refused = app.url(&format!(
        "/api/auth/oidc/callback?error=access_denied&state={value}"
    ));
    assert_eq!(
        come_back(&refused, Some(&state)).await,
        ("/login?sso_error=ticket".to_owned(), None)
    );
}

/// The same answer brought back by several clients at once (a copied
/// callback address): the sign-in under way is taken once, one client is
/// signed in, the others are refused.
async fn a_callback_raced_by_several_clients_signs_in_once(app: &TestApp) {
    let (authorize, state) = start(app, "/").await;
    let callback = ProviderBrowser::new()
        .authorise(&authorize, "ldurand", "demo")
        .await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(4));
    let answers = futures_util::future::join_all((0..4).map(|_| {
        let (barrier, callback, state) = (barrier.clone(), callback.clone(), state.clone());
        async move {
            barrier.wait().await;
            come_back(&callback, Some(&state)).await
        }
    }))
    .await;
    let signed_in = answers
        .iter()
        .filter(|(_, cookie)| cookie.is_some())
        .count();
    assert_eq!(signed_in, 1, "{answers:?}");
    assert!(
        answers
            .iter()
            .filter(|(_, cookie)| cookie.is_none())
            .all(|(location, _)| location == "/login?sso_error=ticket"),
        "{answers:?}"
    );
}

async fn openid_connect_refuses_who_has_no_role_and_local_names(app: &TestApp) {
    for (username, password, reason) in [
        ("ancien", "demo", "ACCOUNT-01"),
        ("admin", "annuaire", "ACCOUNT-02"),
    ] {
        let (authorize, state) = start(app, "/").await;
        let callback = ProviderBrowser::new()
            .authorise(&authorize, username, password)
            .await;
        assert_eq!(
            come_back(&callback, Some(&state)).await,
            (format!("/login?sso_error={reason}"), None),
            "{username}"
        );
    }
}

/// Signs `username` in through the provider: where the callback sends
/// the browser, and the refresh cookie when signed in.
async fn sign_in(app: &TestApp, username: &str) -> (String, Option<String>) {
    let (authorize, state) = start(app, "/").await;
    let callback = ProviderBrowser::new()
        .authorise(&authorize, username, "demo")
        .await;
    come_back(&callback, Some(&state)).await
}

/// The account is bound to the provider's `sub` at its first sign-in: a
/// person the provider renamed keeps their account, and a username the
/// provider gives to someone else no longer opens it.
async fn an_account_is_bound_to_its_openid_subject(app: &TestApp) {
    use diesel::prelude::*;
    use stages_api::db::schema::{sso_identities, users};
    let (_, cookie) = sign_in(app, "cmartin").await;
    assert!(cookie.is_some(), "signed in");
    let mut conn = app.pool.get().unwrap();
    let account: i64 = users::table
        .filter(users::username.eq("cmartin"))
        .select(users::id)
        .first(&mut conn)
        .unwrap();
    let bound: Vec<(String, i64)> = sso_identities::table
        .select((sso_identities::issuer, sso_identities::user_id))
        .load(&mut conn)
        .unwrap();
    assert_eq!(bound, vec![(config().issuer, account)]);

    // Renamed here (as if the provider had released another name before):
    // the subject still finds the account, which keeps its name.
    diesel::update(users::table.find(account))
        .set(users::username.eq("cmartin-2019"))
        .execute(&mut conn)
        .unwrap();
    let (_, cookie) = sign_in(app, "cmartin").await;
    let (status, body) = refresh(app, &cookie.expect("signed in")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["username"], "cmartin-2019");
    let accounts: i64 = users::table
        .filter(users::username.like("cmartin%"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(accounts, 1, "no second account for the same person");

    // The account is bound to someone else of this provider: whoever the
    // provider now calls `cmartin` does not open it.
    diesel::update(users::table.find(account))
        .set(users::username.eq("cmartin"))
        .execute(&mut conn)
        .unwrap();
    diesel::update(sso_identities::table.filter(sso_identities::user_id.eq(account)))
        .set(sso_identities::subject.eq("a-former-holder-of-the-name"))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        sign_in(app, "cmartin").await,
        ("/login?sso_error=identity".to_owned(), None)
    );
}

/// One address starts at most `SSO_REQUESTS_PER_MINUTE` sign-ins a
/// minute: past it, the sign-in page says to wait, and nothing is written.
async fn one_address_cannot_flood_the_sign_ins_under_way(app: &TestApp) {
    use diesel::prelude::*;
    use stages_api::db::schema::oidc_logins;
    let limit = stages_api::sso::SSO_REQUESTS_PER_MINUTE;
    let client = no_redirects();
    for _ in 0..limit {
        let res = client
            .get(app.url("/api/auth/oidc/login"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
    }
    let res = client
        .get(app.url("/api/auth/oidc/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/login?sso_error=busy");
    let rows: i64 = oidc_logins::table
        .count()
        .get_result(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(rows, i64::from(limit));
}

on_both_backends!(
    with oidc_app;
    one_address_cannot_flood_the_sign_ins_under_way,
    an_account_is_bound_to_its_openid_subject,
    a_student_signs_in_through_openid_connect,
    a_callback_counts_once_and_only_in_its_browser,
    openid_connect_refuses_who_has_no_role_and_local_names,
    a_callback_raced_by_several_clients_signs_in_once,
);
