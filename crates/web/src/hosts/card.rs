//! The record of a host organisation (its *fiche*), as shown before it is
//! selected or corrected.

use crate::api::organisations::OrganisationRow;
use crate::components::reference::CodeLabel;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn OrganisationCard(organisation: OrganisationRow) -> impl IntoView {
    let i18n = use_i18n();
    let o = organisation;
    let address = [
        Some(o.street.clone()),
        o.street2.clone(),
        Some(format!("{} {}", o.postal_code, o.city)),
        Some(o.country_code.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let activity = match (&o.naf_code, &o.activity) {
        (Some(naf), _) => naf.clone(),
        (None, Some(activity)) => activity.clone(),
        (None, None) => String::new(),
    };
    view! {
        <div class="card organisation-card">
            <h3>{o.name.clone()}</h3>
            <dl class="pairs">
                <dt>{move || i18n.t("org-siret")}</dt>
                <dd>{o.siret.clone().unwrap_or_default()}</dd>
                <dt>{move || i18n.t("org-activity-or-naf")}</dt>
                <dd>{activity}</dd>
                <dt>{move || i18n.t("org-kind")}</dt>
                <dd>
                    <CodeLabel kind="organisation_type" code=o.kind.clone() />
                </dd>
                <dt>{move || i18n.t("org-headcount")}</dt>
                <dd>{o.headcount.to_string()}</dd>
                <dt>{move || i18n.t("org-address")}</dt>
                <dd>{address}</dd>
                <dt>{move || i18n.t("org-phone")}</dt>
                <dd>{o.phone.clone()}</dd>
                <dt>{move || i18n.t("org-email")}</dt>
                <dd>{o.email.clone().unwrap_or_default()}</dd>
            </dl>
        </div>
    }
}
