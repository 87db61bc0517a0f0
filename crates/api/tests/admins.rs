//! The first administrator and demo accounts: `stages admin create`'s use
//! case on both backends, and what a sign-in then says.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::As;
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

/// A local account changes its own password: the current one is required
/// (AUTH-04), the new one must be strong (AUTH-03); then only the new one
/// signs in. A directory or SSO account has no password to change here
/// (AUTH-05).
async fn a_local_account_changes_its_own_password(app: &TestApp) {
    // Two sign-ins of the same person: this one changes the password.
    let session = |_| async {
        let res = app
            .client
            .post(app.url("/api/auth/login"))
            .json(&json!({"username": "etudiant", "password": "demo"}))
            .send()
            .await
            .unwrap();
        let cookie = common::set_cookie(&res, "stages_refresh").unwrap();
        let body: Value = res.json().await.unwrap();
        (body["access_token"].as_str().unwrap().to_owned(), cookie)
    };
    let (token, this_sign_in) = session(0).await;
    let (_, other_sign_in) = session(1).await;
    let refresh = |cookie: String| async move {
        app.client
            .post(app.url("/api/auth/refresh"))
            .header("Cookie", cookie)
            .send()
            .await
            .unwrap()
            .status()
    };
    let change = |current: &str, new: &str| {
        app.client
            .put(app.url("/api/me/password"))
            .bearer_auth(&token)
            .json(&json!({"current_password": current, "new_password": new}))
            .send()
    };
    let refused = |body: &Value| -> (String, String) {
        let v = &body["violations"][0];
        (
            v["rule"].as_str().unwrap_or_default().to_owned(),
            v["field"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let res = change("pas le bon", STRONG).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        refused(&body),
        ("AUTH-04".into(), "current_password".into()),
        "{body}"
    );
    for weak in ["court", "azertyuiop123", "camille.martin"] {
        let res = change("demo", weak).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            refused(&body),
            ("AUTH-03".into(), "new_password".into()),
            "{weak}: {body}"
        );
    }
    let res = change("demo", STRONG).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // This sign-in goes on; the other one ended.
    assert_eq!(refresh(this_sign_in).await, StatusCode::OK);
    assert_eq!(refresh(other_sign_in).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sign_in(app, "etudiant", "demo").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(sign_in(app, "etudiant", STRONG).await.0, StatusCode::OK);

    let mut conn = app.pool.get().unwrap();
    admins::create_or_promote(&mut conn, "jdupont", &Credential::SingleSignOn).unwrap();
    let sso = stages_api::db::users::find_by_username(&mut conn, "jdupont")
        .unwrap()
        .unwrap();
    let refused = stages_api::app::account::change_password(&mut conn, sso.id, "", STRONG, None);
    let problem = refused.err().unwrap().problem();
    assert_eq!(problem.status, 409, "{problem:?}");
    assert_eq!(problem.violations[0].rule, "AUTH-05", "{problem:?}");
}

/// The owner of personal API tokens sees their own (never their secrets)
/// and revokes one, which stops working at once; another person's token is
/// not found and stays valid.
async fn an_owner_lists_and_revokes_their_api_tokens(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let manager = As::new(app, "gestionnaire").await;
    let student = As::new(app, "etudiant").await;
    let (_, me) = manager.get("/api/me").await;
    let mut created = Vec::new();
    for name in ["Export annuel", "Tableau de bord"] {
        let (status, token) = admin
            .post(
                "/api/admin/api-tokens",
                None,
                Some(json!({"user_id": me["id"], "name": name, "scopes": ["read"]})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{token}");
        created.push(token);
    }
    let (status, mine) = manager.get("/api/me/api-tokens").await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Tableau de bord", "Export annuel"]);
    assert!(mine[0].get("token").is_none(), "never shown again");
    let (_, theirs) = student.get("/api/me/api-tokens").await;
    assert_eq!(theirs, json!([]));

    let id = created[1]["id"].as_i64().unwrap();
    let secret = created[1]["token"].as_str().unwrap().to_owned();
    let me_with = |token: String| app.client.get(app.url("/api/me")).bearer_auth(token).send();
    let path = format!("/api/me/api-tokens/{id}");
    let (status, _) = student
        .send(reqwest::Method::DELETE, &path, None, None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another's token");
    assert_eq!(
        me_with(secret.clone()).await.unwrap().status(),
        StatusCode::OK
    );
    let (status, _) = manager
        .send(reqwest::Method::DELETE, &path, None, None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        me_with(secret).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let other = created[0]["token"].as_str().unwrap().to_owned();
    assert_eq!(
        me_with(other).await.unwrap().status(),
        StatusCode::OK,
        "the other one stays"
    );
}

on_both_backends!(
    an_administrator_is_created_or_promoted_from_the_command_line,
    a_local_account_changes_its_own_password,
    an_owner_lists_and_revokes_their_api_tokens,
);
