//! What the caller may do, as the server decided it: an action that is not
//! allowed is shown disabled with the domain's reason.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use stages_domain::permissions::Decision;

/// The reason an action is refused, worded from the domain's key; nothing
/// when it is allowed.
#[component]
pub fn DeniedReason(
    decision: Decision,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    match decision {
        Decision::Allowed => None,
        Decision::Denied { reason } => Some(view! {
            <p id=id class="denied-reason">
                {move || i18n.message(&reason.message_key, &reason.args)}
            </p>
        }),
    }
}
