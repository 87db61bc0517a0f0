//! Administrators and people's accounts: search, deactivate and
//! reactivate, administrator rights (never leaving the installation
//! without one, even when two administrators act at once), and a password
//! reset that its owner must replace before anything else.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, account_id, rules};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::sync::Barrier;

async fn login(app: &TestApp, username: &str, password: &str) -> (StatusCode, Value) {
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

async fn change(who: &As<'_>, id: i64, change: &str) -> (StatusCode, Value) {
    who.post(
        &format!("/api/admin/users/{id}/changes"),
        None,
        Some(json!({"change": change})),
    )
    .await
}

async fn administrators_find_accounts_and_others_may_not(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let (status, page) = admin.get("/api/admin/users?q=bavie").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let found = &page["items"][0];
    assert_eq!(found["username"], "gestionnaire");
    assert_eq!(found["display_name"], "Géraldine Baviere");
    assert_eq!(found["sign_in"], "password");
    assert_eq!(found["roles"], json!(["manager"]));
    assert_eq!(found["active"], true);
    // By the start of the username too; a page at a time.
    let (_, page) = admin.get("/api/admin/users?q=gestion&limit=1").await;
    assert_eq!(page["items"][0]["username"], "gestionnaire");
    let cursor = page["next_cursor"].as_str().unwrap();
    let (_, next) = admin
        .get(&format!(
            "/api/admin/users?q=gestion&limit=1&cursor={cursor}"
        ))
        .await;
    assert_eq!(next["items"][0]["username"], "gestionnaire2");
    let (_, none) = admin.get("/api/admin/users?q=bavie+camille").await;
    assert_eq!(none["items"], json!([]), "every word must match");

    let manager = As::new(app, "gestionnaire").await;
    let (status, problem) = manager.get("/api/admin/users").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(rules(&problem), ["PERM-11"]);
    let id = account_id(&admin, "etudiant").await;
    let (status, _) = change(&manager, id, "deactivate").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn a_deactivated_account_stops_at_once_and_comes_back(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let student = As::new(app, "etudiant").await;
    let id = account_id(&admin, "etudiant").await;
    let (status, body) = change(&admin, id, "deactivate").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["account"]["active"], false);
    assert_eq!(body["temporary_password"], Value::Null);
    // The token already issued stops working, and sign-in is refused.
    let (status, _) = student.get("/api/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = login(app, "etudiant", "demo").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["violations"][0]["rule"], "ACCOUNT-01");

    let (status, body) = change(&admin, id, "reactivate").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = login(app, "etudiant", "demo").await;
    assert_eq!(status, StatusCode::OK);
    // Both changes are in the audit log, with who made them.
    let entries: Vec<(String, Option<i64>)> = {
        use diesel::prelude::*;
        use stages_api::db::schema::audit_log;
        let mut conn = app.pool.get().unwrap();
        audit_log::table
            .filter(audit_log::entity.eq("user"))
            .filter(audit_log::entity_id.eq(id))
            .order(audit_log::id)
            .select((audit_log::action, audit_log::actor_id))
            .load(&mut conn)
            .unwrap()
    };
    let admin_id = account_id(&admin, "admin").await;
    assert_eq!(
        entries,
        [
            ("deactivate".to_owned(), Some(admin_id)),
            ("reactivate".to_owned(), Some(admin_id))
        ]
    );
}

async fn an_administrator_never_locks_everyone_out(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let own = account_id(&admin, "admin").await;
    for what in ["deactivate", "revoke_admin"] {
        let (status, problem) = change(&admin, own, what).await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        assert_eq!(problem["violations"][0]["rule"], "ADMIN-01", "{problem}");
    }
    // A second administrator; then each revokes the other at the same
    // moment: one wins, the other finds they would leave nobody.
    let second = account_id(&admin, "gestionnaire").await;
    let (status, body) = change(&admin, second, "grant_admin").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["account"]["roles"], json!(["manager", "admin"]));
    let other = As::new(app, "gestionnaire").await;
    let barrier = Arc::new(Barrier::new(2));
    let (first, last) = tokio::join!(
        async {
            barrier.wait().await;
            change(&admin, second, "revoke_admin").await
        },
        async {
            barrier.wait().await;
            change(&other, own, "revoke_admin").await
        }
    );
    let outcomes = [first.0, last.0];
    assert!(
        outcomes.contains(&StatusCode::OK),
        "one revocation goes through: {first:?} {last:?}"
    );
    assert!(
        !outcomes.iter().all(|s| *s == StatusCode::OK),
        "not both: {first:?} {last:?}"
    );
    let refused = if first.0 == StatusCode::OK {
        &last
    } else {
        &first
    };
    assert!(
        [StatusCode::CONFLICT, StatusCode::FORBIDDEN].contains(&refused.0),
        "{refused:?}"
    );
    // Whoever won, one active administrator is left.
    let admins: i64 = {
        use diesel::prelude::*;
        use stages_api::db::schema::users;
        let mut conn = app.pool.get().unwrap();
        users::table
            .filter(users::is_admin.and(users::active))
            .count()
            .get_result(&mut conn)
            .unwrap()
    };
    assert_eq!(admins, 1);
}

async fn a_reset_password_must_be_replaced_first(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let id = account_id(&admin, "etudiant2").await;
    let (status, body) = change(&admin, id, "reset_password").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let temporary = body["temporary_password"].as_str().unwrap().to_owned();
    assert_eq!(body["account"]["must_change_password"], true);
    let (status, _) = login(app, "etudiant2", "demo").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the old password is gone");
    let (status, body) = login(app, "etudiant2", &temporary).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["must_change_password"], true);
    let owner = As {
        app,
        token: body["access_token"].as_str().unwrap().to_owned(),
    };
    let (status, problem) = owner.get("/api/conventions").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["violations"][0]["rule"], "AUTH-06", "{problem}");
    let (status, _) = owner.get("/api/me").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = owner
        .send(
            reqwest::Method::PUT,
            "/api/me/password",
            None,
            Some(json!({"current_password": temporary, "new_password": "violet kettle under the stairs"})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = owner.get("/api/conventions").await;
    assert_eq!(status, StatusCode::OK);

    // A directory account has no password here to reset.
    let directory = {
        use diesel::prelude::*;
        use stages_api::db::schema::users;
        let mut conn = app.pool.get().unwrap();
        diesel::update(users::table.filter(users::username.eq("enseignant2")))
            .set((
                users::source.eq("ldap"),
                users::password_hash.eq(None::<String>),
            ))
            .execute(&mut conn)
            .unwrap();
        account_id(&admin, "enseignant2").await
    };
    let (status, problem) = change(&admin, directory, "reset_password").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["violations"][0]["rule"], "AUTH-05", "{problem}");
    let (status, _) = change(&admin, 999_999, "reactivate").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Searches let the caller in on their own connection: they still read
/// the account as it is now.
async fn searches_stop_at_once_for_a_deactivated_account(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let manager = As::new(app, "gestionnaire").await;
    let searches = [
        "/api/conventions?q=martin",
        "/api/students?q=martin",
        "/api/organisations?name=tech",
        "/api/offers?q=developpement",
        "/api/evaluations",
    ];
    for path in searches {
        let (status, body) = manager.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    let id = account_id(&admin, "gestionnaire").await;
    let (status, body) = change(&admin, id, "deactivate").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for path in searches {
        let (status, _) = manager.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
}

on_both_backends!(
    administrators_find_accounts_and_others_may_not,
    searches_stop_at_once_for_a_deactivated_account,
    a_deactivated_account_stops_at_once_and_comes_back,
    an_administrator_never_locks_everyone_out,
    a_reset_password_must_be_replaced_first,
);

/// On PostgreSQL a change waits for another one under way and sees it:
/// while a transaction that revoked `admin` holds the administrators'
/// rows, `admin`'s own request to revoke the other administrator waits,
/// then finds `admin` no longer one. Without the lock the two would leave
/// no administrator.
#[actix_web::test]
async fn a_change_waits_for_the_one_under_way_and_sees_it() {
    use diesel::prelude::*;
    use stages_api::db::schema::users;
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let admin = As::new(&app, "admin").await;
    let admin_id = account_id(&admin, "admin").await;
    let other = account_id(&admin, "gestionnaire").await;
    let (status, _) = change(&admin, other, "grant_admin").await;
    assert_eq!(status, StatusCode::OK);

    let mut conn = app.pool.get().unwrap();
    diesel::sql_query("BEGIN").execute(&mut conn).unwrap();
    stages_api::db::users::lock_active_admins(&mut conn).unwrap();
    diesel::update(users::table.find(admin_id))
        .set(users::is_admin.eq(false))
        .execute(&mut conn)
        .unwrap();
    let answered = async {
        let answer = change(&admin, other, "revoke_admin").await;
        (answer, std::time::Instant::now())
    };
    let committed = async {
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let at = std::time::Instant::now();
        diesel::sql_query("COMMIT").execute(&mut conn).unwrap();
        at
    };
    let (((status, problem), answered_at), committed_at) = tokio::join!(answered, committed);
    assert!(
        answered_at >= committed_at,
        "the request waited for the change under way"
    );
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(problem["violations"][0]["rule"], "PERM-11", "{problem}");
    let admins: Vec<String> = users::table
        .filter(users::is_admin.and(users::active))
        .select(users::username)
        .load(&mut app.pool.get().unwrap())
        .unwrap();
    assert_eq!(admins, ["gestionnaire"]);
    app.stop().await;
}
