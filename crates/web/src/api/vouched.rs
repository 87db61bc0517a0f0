//! The addresses staff vouched for (SIG-17), for administrators.

use super::client::{Call, query};
use super::{ApiError, Page};

pub use stages_api_types::signatures::VouchedAddress;

/// The first page of vouched addresses containing `q` (all when empty).
pub async fn search(q: &str) -> Result<Page<VouchedAddress>, ApiError> {
    Call::get(format!(
        "/api/admin/vouched-addresses{}",
        query(&[("q", q.to_owned()), ("limit", "50".to_owned())])
    ))
    .fetch()
    .await
}

/// Withdraws the vouch for `address`: its unspent links stop working.
pub async fn withdraw(address: &str) -> Result<(), ApiError> {
    Call::delete(format!(
        "/api/admin/vouched-addresses/{}",
        String::from(js_sys::encode_uri_component(address))
    ))
    .run()
    .await
}
