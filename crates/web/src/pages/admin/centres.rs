//! `/centres`: the management centres, their levels of validation and
//! their print condition at a glance.

use super::{level_key, print_key};
use crate::api::centres::{self, Centre};
use crate::components::loading::loaded;
use crate::i18n::use_i18n;
use crate::pages::conventions::level_key as validation_key;
use leptos::prelude::*;

#[component]
pub fn CentresPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(centres::list);
    view! {
        <h1>{move || i18n.t("centres-title")}</h1>
        <p>{move || i18n.t("centres-intro")}</p>
        {loaded(list, move |centres: Vec<Centre>| view! {
            <table class="table">
                <caption class="visually-hidden">{move || i18n.t("centres-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("centre-name")}</th>
                        <th scope="col">{move || i18n.t("centre-level")}</th>
                        <th scope="col">{move || i18n.t("centre-validation-levels")}</th>
                        <th scope="col">{move || i18n.t("centre-print-condition")}</th>
                        <th scope="col">{move || i18n.t("centre-staff")}</th>
                        <th scope="col">{move || i18n.t("table-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {centres.into_iter().map(|c| {
                        let levels = c.settings.validation_levels.levels().to_vec();
                        let print = c.settings.print_condition;
                        let staff = c.staff.iter().map(|s| s.display_name.clone()).collect::<Vec<_>>().join(", ");
                        let name = c.name.clone();
                        view! {
                            <tr>
                                <td>{c.name.clone()}</td>
                                <td>{move || i18n.t(level_key(c.level))}</td>
                                <td>{move || levels.iter().map(|l| i18n.t(validation_key(*l))).collect::<Vec<_>>().join(" → ")}</td>
                                <td>{move || i18n.t(print_key(print))}</td>
                                <td>{staff}</td>
                                <td>
                                    <a class="button small secondary" href=format!("/centres/{}", c.id)
                                        aria-label=move || format!("{} : {}", i18n.t("centre-settings"), name)>
                                        {move || i18n.t("centre-settings")}
                                    </a>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
