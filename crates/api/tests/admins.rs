//! The first administrator and demo accounts: `stages admin create`'s use
//! case on both backends, and what a sign-in then says.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use reqwest::StatusCode;
use serde_json::{Value, json};
use stages_api::app::admins::{self, AdminError, Credential, Outcome};
use stages_api::auth::password::WeakPassword;

const STRONG: &str = "Vélo-Ciel-Marée-71";

async fn sign_in(app: &TestApp, username: &str, password: &str) -> (StatusCode, Value) {
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// A new local administrator signs in with its password and is no demo
/// account; a weak password is refused before anything is written; an SSO
/// administrator has no password to sign in with; an account keeps where
/// it signs in; the demo's accounts say they are the demo's.
async fn an_administrator_is_created_or_promoted_from_the_command_line(app: &TestApp) {
    let mut conn = app.pool.get().unwrap();
    for (weak, why) in [
        ("court", WeakPassword::TooShort),
        ("motdepasse2026", WeakPassword::Guessable),
        ("rsi-admin-2026", WeakPassword::Guessable),
    ] {
        let refused =
            admins::create_or_promote(&mut conn, "rsi-admin", &Credential::Password(weak.into()));
        assert!(
            matches!(refused, Err(AdminError::Weak(w)) if w == why),
            "{weak}: {refused:?}"
        );
    }
    let (status, _) = sign_in(app, "rsi-admin", "motdepasse2026").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "nothing was written");

    let created =
        admins::create_or_promote(&mut conn, "rsi-admin", &Credential::Password(STRONG.into()))
            .unwrap();
    assert_eq!(created, Outcome::Created);
    let (status, session) = sign_in(app, "RSI-Admin", STRONG).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert!(
        session["user"]["roles"]
            .as_array()
            .unwrap()
            .contains(&json!("admin")),
        "{session}"
    );
    assert_eq!(session["user"]["is_demo"], false);

    let sso = admins::create_or_promote(&mut conn, "jdupont", &Credential::SingleSignOn).unwrap();
    assert_eq!(sso, Outcome::Created);
    let (status, _) = sign_in(app, "jdupont", STRONG).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "an SSO account has no password"
    );
    assert!(matches!(
        admins::create_or_promote(&mut conn, "jdupont", &Credential::Password(STRONG.into())),
        Err(AdminError::DirectoryAccount(_))
    ));
    assert!(matches!(
        admins::create_or_promote(&mut conn, "gestionnaire", &Credential::SingleSignOn),
        Err(AdminError::LocalAccount(_))
    ));
    for bad in ["", "deux mots", &"x".repeat(65)] {
        assert!(matches!(
            admins::create_or_promote(&mut conn, bad, &Credential::SingleSignOn),
            Err(AdminError::BadUsername)
        ));
    }

    // The demo's manager, promoted with a new password: the old one no
    // longer signs in.
    let (_, before) = sign_in(app, "gestionnaire", "demo").await;
    assert_eq!(before["user"]["is_demo"], true, "{before}");
    let promoted = admins::create_or_promote(
        &mut conn,
        "gestionnaire",
        &Credential::Password(STRONG.into()),
    )
    .unwrap();
    assert_eq!(promoted, Outcome::Promoted);
    let (status, _) = sign_in(app, "gestionnaire", "demo").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, after) = sign_in(app, "gestionnaire", STRONG).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        after["user"]["roles"]
            .as_array()
            .unwrap()
            .contains(&json!("admin"))
    );

    let actions: Vec<String> = {
        use diesel::prelude::*;
        use stages_api::db::schema::audit_log;
        audit_log::table
            .filter(audit_log::entity.eq("user"))
            .order(audit_log::id)
            .select(audit_log::action)
            .load(&mut conn)
            .unwrap()
    };
    assert_eq!(actions, ["create_admin", "create_admin", "make_admin"]);
}

on_both_backends!(an_administrator_is_created_or_promoted_from_the_command_line);
