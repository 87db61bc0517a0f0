//! The signed-in person's own account: the password of a local account.

use crate::auth::password::{self, WeakPassword};
use crate::auth::refresh;
use crate::db::AnyConnection;
use crate::db::audit::{self, Entity};
use crate::db::users::{self, Source};
use crate::error::ApiError;
use serde_json::json;
use stages_domain::requests;

/// Whether a change of password went through, or why the current one was
/// refused (the caller counts that as a failed sign-in).
pub enum Changed {
    Yes,
    WrongCurrentPassword,
}

/// Replaces the local password of `user_id` once `current` is checked and
/// `new` meets the policy (AUTH-03); every other sign-in of the account
/// (its refresh tokens but the one `keep` belongs to) ends. A directory or
/// SSO account has no password here (AUTH-05). Audited, without either
/// password.
pub fn change_password(
    conn: &mut AnyConnection,
    user_id: i64,
    current: &str,
    new: &str,
    keep: Option<&str>,
) -> Result<Changed, ApiError> {
    let user = users::find(conn, user_id)?
        .filter(|u| u.active && u.source() == Source::Local && u.password_hash.is_some())
        .ok_or_else(|| ApiError::refusal(&requests::not_a_local_account()))?;
    if !password::verify(current, user.password_hash.as_deref()) {
        return Ok(Changed::WrongCurrentPassword);
    }
    let own = [
        user.username.as_str(),
        user.first_name.as_str(),
        user.last_name.as_str(),
    ];
    password::check_policy(new, &own).map_err(|weak| {
        let field = "new_password";
        ApiError::invalid(vec![match weak {
            WeakPassword::TooShort => requests::password_too_short(field, password::MIN_CHARS),
            WeakPassword::TooLong => requests::password_too_long(field, password::MAX_CHARS),
            WeakPassword::Guessable => requests::password_guessable(field),
        }])
    })?;
    let hash = password::hash(new).map_err(ApiError::internal)?;
    let now = chrono::Utc::now().naive_utc();
    crate::db::transaction(conn, |conn| {
        users::set_password(conn, user_id, &hash, false, now)?;
        refresh::revoke_user(conn, user_id, keep, now)?;
        audit::record(
            conn,
            Entity::User,
            user_id,
            "change_password",
            Some(user_id),
            None::<&serde_json::Value>,
            Some(&json!({"password": "changed"})),
        )?;
        Ok::<_, ApiError>(())
    })?;
    Ok(Changed::Yes)
}
