//! Single sign-on through a real CAS server (django-cas-server over the
//! test directory, started by `cargo xtask test`): tickets are validated
//! server to server, used once, for their service only; attributes give
//! the account and its roles; signing out of CAS ends the Stages sign-in.
#![allow(clippy::unwrap_used)]

mod common;

use common::cas::CasBrowser;
use common::{Backend, TestApp, set_cookie};
use reqwest::StatusCode;
use serde_json::{Value, json};
use stages_api::sso::cas::{CasConfig, parse_url};
use stages_api::sso::{AttributeMap, DEFAULT_CAS_ATTRIBUTES};

/// A server whose public address is its own (CAS calls it back) and whose
/// sign-in goes through the test CAS server, reading the student number
/// where the test directory keeps it.
async fn cas_app(backend: Backend) -> TestApp {
    TestApp::spawn_served(backend, |config, base| {
        config.public_url = base.to_owned();
        config.cas = Some(CasConfig {
            url: parse_url(&common::cas::url()).unwrap(),
            attributes: AttributeMap::parse(
                DEFAULT_CAS_ATTRIBUTES,
                Some("student_number=employeeNumber"),
            )
            .unwrap(),
        });
    })
    .await
}

/// The browser's state of a sign-in, as `GET /api/auth/cas/login` would
/// have set it in a cookie and in the service address.
const STATE: &str = "browserstate1";

fn service(app: &TestApp) -> String {
    app.url(&format!("/api/auth/cas/callback?state={STATE}"))
}

/// Where the callback sends the browser, and the refresh cookie it set;
/// `cookie` is the browser's state cookie (none: another browser).
async fn redeem_in(app: &TestApp, ticket: &str, cookie: Option<&str>) -> (String, Option<String>) {
    let mut request = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url("/api/auth/cas/callback"))
        .query(&[("state", STATE), ("ticket", ticket)]);
    if let Some(value) = cookie {
        request = request.header("Cookie", format!("stages_cas_state={value}"));
    }
    let res = request.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    (location, set_cookie(&res, "stages_refresh"))
}

/// The same, in the browser that started the sign-in.
async fn redeem(app: &TestApp, ticket: &str) -> (String, Option<String>) {
    redeem_in(app, ticket, Some(STATE)).await
}

/// The session a refresh cookie opens: status and body.
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

async fn a_student_signs_in_through_cas(app: &TestApp) {
    let (_, ticket) = CasBrowser::sign_in("cmartin", "demo", &service(app)).await;
    let (location, cookie) = redeem(app, &ticket).await;
    assert_eq!(location, "/");
    let (status, body) = refresh(app, &cookie.expect("a refresh cookie")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["username"], "cmartin");
    assert_eq!(body["user"]["display_name"], "Camille Martin");
    assert_eq!(body["user"]["roles"], json!(["student"]));
    assert_eq!(body["user"]["student_number"], "22401234");
    assert_eq!(body["user"]["sign_in"], "cas");
    // The account says where it authenticates: no password to change here.
    let token = body["access_token"].as_str().unwrap();
    let res = app
        .client
        .put(app.url("/api/me/password"))
        .bearer_auth(token)
        .json(&json!({"current_password": "demo", "new_password": "a long and unusual sentence"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // The page asked for before signing in is where the browser lands.
    let browser = CasBrowser::sign_in("pdurand", "demo", &service(app))
        .await
        .0;
    let next = app.url(&format!(
        "/api/auth/cas/callback?state={STATE}&next=%2Fconventions%2F1"
    ));
    let ticket = browser.ticket(&next).await;
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(&next)
        .query(&[("ticket", ticket.as_str())])
        .header("Cookie", format!("stages_cas_state={STATE}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/conventions/1");
}

async fn a_ticket_is_good_once_and_for_its_service_only(app: &TestApp) {
    let (browser, ticket) = CasBrowser::sign_in("ldurand", "demo", &service(app)).await;
    // Sent to a browser that did not start this sign-in (an attacker's
    // ticket given to a victim), it signs nobody in.
    for cookie in [None, Some("another-browser")] {
        assert_eq!(
            redeem_in(app, &ticket, cookie).await,
            ("/login?sso_error=ticket".to_owned(), None),
            "{cookie:?}"
        );
    }
    let (_, cookie) = redeem(app, &ticket).await;
    assert!(cookie.is_some());
    assert_eq!(
        redeem(app, &ticket).await,
        ("/login?sso_error=ticket".to_owned(), None),
        "a ticket used twice"
    );
    let elsewhere = browser.ticket("http://127.0.0.1:9/another-service").await;
    assert_eq!(
        redeem(app, &elsewhere).await,
        ("/login?sso_error=ticket".to_owned(), None),
        "a ticket for another service"
    );
    for forged in ["ST-forged-by-hand", "<script>", ""] {
        assert_eq!(
            redeem(app, forged).await,
            ("/login?sso_error=ticket".to_owned(), None),
            "{forged:?}"
        );
    }
}

async fn cas_refuses_who_has_no_role_and_local_names(app: &TestApp) {
    // A former staff member: in the directory, affiliated to nothing that
    // gives a role.
    let (_, ticket) = CasBrowser::sign_in("ancien", "demo", &service(app)).await;
    assert_eq!(
        redeem(app, &ticket).await,
        ("/login?sso_error=ACCOUNT-01".to_owned(), None)
    );
    // The directory's `admin` is not Stages' local administrator.
    let (_, ticket) = CasBrowser::sign_in("admin", "annuaire", &service(app)).await;
    assert_eq!(
        redeem(app, &ticket).await,
        ("/login?sso_error=ACCOUNT-02".to_owned(), None)
    );
}

async fn signing_out_of_cas_ends_the_stages_sign_in(app: &TestApp) {
    let (browser, ticket) = CasBrowser::sign_in("gbaviere", "demo", &service(app)).await;
    let (_, cookie) = redeem(app, &ticket).await;
    // The SPA's first renewal: an access token and the next refresh token.
    let res = reqwest::Client::new()
        .post(app.url("/api/auth/refresh"))
        .header("Cookie", cookie.unwrap())
        .send()
        .await
        .unwrap();
    let cookie = set_cookie(&res, "stages_refresh").unwrap();
    let body: Value = res.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap().to_owned();
    // Another sign-in of the same person, elsewhere, is not this one.
    let (_, other) = CasBrowser::sign_in("gbaviere", "demo", &service(app)).await;
    let (_, other_cookie) = redeem(app, &other).await;
    browser.sign_out().await;
    let (status, _) = refresh(app, &cookie).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "CAS logout ended it");
    let res = app
        .client
        .get(app.url("/api/me"))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "its access token too"
    );
    let (status, body) = refresh(app, &other_cookie.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn the_sign_in_page_learns_that_cas_is_there(app: &TestApp) {
    let body: Value = app
        .client
        .get(app.url("/api/auth/options"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body, json!({"cas": true, "oidc": false}));
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url("/api/auth/cas/login?next=//evil.example/"))
        .send()
        .await
        .unwrap();
    // The browser's state: in a cookie, and in the address CAS returns to.
    let state = set_cookie(&res, "stages_cas_state")
        .unwrap()
        .strip_prefix("stages_cas_state=")
        .unwrap()
        .to_owned();
    assert!(state.len() >= 40, "{state}");
    let location = res.headers()["location"].to_str().unwrap();
    let expected = format!(
        "{}/login?service={}",
        common::cas::url(),
        percent(&app.url(&format!("/api/auth/cas/callback?state={state}")))
    );
    assert_eq!(location, expected, "a path of another site is not followed");
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// CAS refuses a ticket used twice; Stages refuses it too, on its own:
/// the ticket opens one sign-in only, even when two redemptions race.
async fn stages_refuses_a_ticket_it_has_seen(app: &TestApp) {
    use stages_api::db::{sso_sessions, users};
    let mut conn = app.pool.get().unwrap();
    let admin = users::find_by_username(&mut conn, "admin")
        .unwrap()
        .unwrap();
    let now = chrono::Utc::now().naive_utc();
    assert!(sso_sessions::open(&mut conn, "cas", "ST-seen", "family-1", admin.id, now).unwrap());
    assert!(!sso_sessions::open(&mut conn, "cas", "ST-seen", "family-2", admin.id, now).unwrap());
    // Another provider's session of the same name is another session.
    assert!(sso_sessions::open(&mut conn, "oidc", "ST-seen", "family-3", admin.id, now).unwrap());
    drop(conn);
    // Redeemed by four connections at once, a ticket opens one sign-in.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let opened: Vec<bool> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let (barrier, pool) = (barrier.clone(), app.pool.clone());
                scope.spawn(move || {
                    let mut conn = pool.get().unwrap();
                    barrier.wait();
                    sso_sessions::open(
                        &mut conn,
                        "cas",
                        "ST-raced",
                        &format!("f{i}"),
                        admin.id,
                        now,
                    )
                    .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(opened.iter().filter(|o| **o).count(), 1, "{opened:?}");
}

#[actix_web::test]
async fn without_cas_the_cas_routes_do_not_exist() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let body: Value = app
        .client
        .get(app.url("/api/auth/options"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body, json!({"cas": false, "oidc": false}));
    for path in ["/api/auth/cas/login", "/api/auth/cas/callback?ticket=ST-1"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

on_both_backends!(
    with cas_app;
    a_student_signs_in_through_cas,
    a_ticket_is_good_once_and_for_its_service_only,
    cas_refuses_who_has_no_role_and_local_names,
    signing_out_of_cas_ends_the_stages_sign_in,
    the_sign_in_page_learns_that_cas_is_there,
    stages_refuses_a_ticket_it_has_seen,
);
