//! The people who sign in, as administrators see and change them.

use crate::auth::SignInMethod;
use serde::{Deserialize, Serialize};
use stages_domain::access::Role;

pub use stages_domain::access::AccountChange;

/// An account: who it is, where it signs in, what it may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "gbaviere"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(example = "Géraldine Baviere"))]
    pub display_name: String,
    pub email: Option<String>,
    pub sign_in: SignInMethod,
    /// From the directory's affiliations and the administrator flag.
    pub roles: Vec<Role>,
    pub is_admin: bool,
    /// An inactive account does not sign in: its sessions ended when it
    /// was deactivated, its API tokens work again only if it is
    /// reactivated.
    pub active: bool,
    pub is_demo: bool,
    /// A password reset by an administrator, not yet changed by its owner.
    pub must_change_password: bool,
}

/// One change to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"change": "deactivate"})))]
pub struct AccountChangeRequest {
    pub change: AccountChange,
}

/// The account after the change; after a password reset, the temporary
/// password, shown this once, to hand to its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountChanged {
    pub account: Account,
    pub temporary_password: Option<String>,
}
