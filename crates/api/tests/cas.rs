//! Single sign-on through a real CAS server (django-cas-server over the
//! test directory, started by `cargo xtask test`): tickets are validated
//! server to server, used once, for their service only; attributes give
//! the account and its roles; signing out of CAS ends the Stages sign-in.
#![allow(clippy::unwrap_used)]

mod common;

use common::cas::CasBrowser;
use common::{Backend, TestApp};
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

fn service(app: &TestApp) -> String {
    app.url("/api/auth/cas/callback")
}

/// Where the callback sends the browser, and the refresh cookie it set.
async fn redeem(app: &TestApp, ticket: &str) -> (String, Option<String>) {
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url("/api/auth/cas/callback"))
        .query(&[("ticket", ticket)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let cookie = res
        .headers()
        .get("set-cookie")
        .map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned());
    (location, cookie)
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
    let next = app.url("/api/auth/cas/callback?next=%2Fconventions%2F1");
    let ticket = browser.ticket(&next).await;
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(&next)
        .query(&[("ticket", ticket.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/conventions/1");
}

async fn a_ticket_is_good_once_and_for_its_service_only(app: &TestApp) {
    let (browser, ticket) = CasBrowser::sign_in("ldurand", "demo", &service(app)).await;
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
    let cookie = cookie.unwrap();
    // Another sign-in of the same person, elsewhere, is not this one.
    let (_, other) = CasBrowser::sign_in("gbaviere", "demo", &service(app)).await;
    let (_, other_cookie) = redeem(app, &other).await;
    browser.sign_out().await;
    let (status, _) = refresh(app, &cookie).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "CAS logout ended it");
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
    assert_eq!(body, json!({"cas": true}));
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(app.url("/api/auth/cas/login?next=//evil.example/"))
        .send()
        .await
        .unwrap();
    let location = res.headers()["location"].to_str().unwrap();
    let expected = format!(
        "{}/login?service={}",
        common::cas::url(),
        percent(&service(app))
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
    assert_eq!(body, json!({"cas": false}));
    for path in ["/api/auth/cas/login", "/api/auth/cas/callback?ticket=ST-1"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

macro_rules! on_both_backends_with_cas {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let app = cas_app(Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.stop().await;
                }

                #[actix_web::test]
                async fn postgres() {
                    let app = cas_app(Backend::Postgres).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            }
        )*
    };
}

on_both_backends_with_cas!(
    a_student_signs_in_through_cas,
    a_ticket_is_good_once_and_for_its_service_only,
    cas_refuses_who_has_no_role_and_local_names,
    signing_out_of_cas_ends_the_stages_sign_in,
    the_sign_in_page_learns_that_cas_is_there,
);
