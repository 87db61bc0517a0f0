//! Administrators' work on people's accounts: find them, deactivate and
//! reactivate them, grant and revoke the administrator rights, reset a
//! local password. The domain decides what is refused
//! (`access::may_change_account`); every change is audited. An account is
//! never deleted: conventions, histories and audit entries name it.

use crate::auth::{Caller, Role, password, refresh};
use crate::db::AnyConnection;
use crate::db::audit::{self, Entity};
use crate::db::users::{self, Source, User};
use crate::error::ApiError;
use crate::routes::me;
use serde::Serialize;
use stages_api_types::accounts::{Account, AccountChanged};
use stages_domain::access::{self, AccountChange, AccountFacts};

/// The account as administrators see it.
pub fn view(user: User, mapping: &[(String, Role)]) -> Account {
    let roles = user.roles(mapping);
    let is_admin = user.is_admin;
    let active = user.active;
    let must_change_password = user.must_change_password;
    let me = me::of(user, mapping);
    Account {
        id: me.id,
        username: me.username,
        display_name: me.display_name,
        email: me.email,
        sign_in: me.sign_in,
        roles,
        is_admin,
        active,
        is_demo: me.is_demo,
        must_change_password,
    }
}

/// What the audit log keeps of an account (never a password).
#[derive(Serialize)]
struct Snapshot {
    active: bool,
    is_admin: bool,
    must_change_password: bool,
}

impl Snapshot {
    fn of(user: &User) -> Self {
        Self {
            active: user.active,
            is_admin: user.is_admin,
            must_change_password: user.must_change_password,
        }
    }
}

/// A temporary password: 20 letters and digits in groups of five, from
/// an alphabet without look-alikes (about 100 bits), read out or sent to
/// its owner once.
fn temporary_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..4)
        .map(|_| {
            (0..5)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Applies `change` to account `id` in one transaction: the facts, the
/// domain's decision, the write, the end of the account's sessions where
/// it loses access or its password, the audit entry.
pub fn change(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
    change: AccountChange,
    mapping: &[(String, Role)],
) -> Result<AccountChanged, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    // Hashing is slow: done before the transaction, used only for a reset.
    let temporary = (change == AccountChange::ResetPassword).then(temporary_password);
    let hash = temporary
        .as_deref()
        .map(password::hash)
        .transpose()
        .map_err(ApiError::internal)?;
    crate::db::transaction(conn, |conn| {
        users::lock_active_admins(conn)?;
        // The caller's rights as they are now, after the wait for the
        // lock: an administrator revoked meanwhile acts no more.
        let caller_now = users::find(conn, caller.user_id)?
            .filter(|u| u.active)
            .ok_or_else(|| ApiError::unauthorized(crate::texts::Text::AccountDisabled))?;
        let roles = caller_now.roles(mapping);
        let before = users::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        let facts = AccountFacts {
            is_caller: caller.user_id == id,
            active_admin: before.is_admin && before.active,
            other_active_admins: users::other_active_admins(conn, id)?,
            local_password: before.source() == Source::Local && before.password_hash.is_some(),
        };
        access::may_change_account(&roles, change, facts).map_err(|r| ApiError::refusal(&r))?;
        match change {
            AccountChange::Deactivate => {
                users::set_active(conn, id, false, now)?;
                refresh::revoke_user(conn, id, None, now)?;
            }
            AccountChange::Reactivate => {
                users::set_active(conn, id, true, now)?;
            }
            AccountChange::GrantAdmin => {
                users::set_admin(conn, id, true, now)?;
            }
            AccountChange::RevokeAdmin => {
                users::set_admin(conn, id, false, now)?;
            }
            AccountChange::ResetPassword => {
                let hash = hash.as_deref().unwrap_or_default();
                users::set_password(conn, id, hash, true, now)?;
                refresh::revoke_user(conn, id, None, now)?;
            }
        }
        let after = users::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        let action = serde_json::to_value(change)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        audit::record(
            conn,
            Entity::User,
            id,
            &action,
            Some(caller.user_id),
            Some(&Snapshot::of(&before)),
            Some(&Snapshot::of(&after)),
        )?;
        Ok(AccountChanged {
            account: view(after, mapping),
            temporary_password: temporary.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_passwords_are_long_and_unambiguous() {
        let password = temporary_password();
        assert_eq!(password.len(), 23);
        assert_eq!(password.split('-').count(), 4);
        assert!(!password.contains(['0', 'o', '1', 'l', 'i']));
        assert_ne!(password, temporary_password());
    }
}
