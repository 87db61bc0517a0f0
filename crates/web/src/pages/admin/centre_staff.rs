//! A centre's managers and their rights there (ESUP-Stage's switches per
//! person): administrators find an account, add it with chosen rights,
//! change a right with one click or remove the manager; others read the
//! table. The server's domain decides with these rights (PERM-16).

use crate::api::ApiError;
use crate::api::accounts;
use crate::api::centres::{
    self, Centre, CentreOrganisation, StaffAssignment, StaffMember, StaffRights,
};
use crate::components::loading::ActionError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One right: its label key, and how to read and set it.
struct Right {
    key: &'static str,
    get: fn(&StaffRights) -> bool,
    set: fn(&mut StaffRights, bool),
}

/// The rights, in the table's column order.
const RIGHTS: [Right; 8] = [
    Right {
        key: "staff-right-pedagogical",
        get: |r| r.validate_pedagogical,
        set: |r, v| r.validate_pedagogical = v,
    },
    Right {
        key: "staff-right-administrative-check",
        get: |r| r.validate_administrative_check,
        set: |r, v| r.validate_administrative_check = v,
    },
    Right {
        key: "staff-right-administrative",
        get: |r| r.validate_administrative,
        set: |r, v| r.validate_administrative = v,
    },
    Right {
        key: "staff-right-print",
        get: |r| r.print,
        set: |r, v| r.print = v,
    },
    Right {
        key: "staff-right-evaluations",
        get: |r| r.evaluations,
        set: |r, v| r.evaluations = v,
    },
    Right {
        key: "staff-right-tickets",
        get: |r| r.tickets,
        set: |r, v| r.tickets = v,
    },
    Right {
        key: "staff-right-statistics",
        get: |r| r.statistics,
        set: |r, v| r.statistics = v,
    },
    Right {
        key: "staff-right-alerts",
        get: |r| r.alerts,
        set: |r, v| r.alerts = v,
    },
];

fn assignments(staff: &[StaffMember]) -> Vec<StaffAssignment> {
    staff
        .iter()
        .map(|s| StaffAssignment {
            user_id: s.user_id,
            rights: s.rights,
        })
        .collect()
}

/// The staff table, and for administrators the form that adds a manager.
#[component]
pub fn CentreStaff(current: RwSignal<Centre>, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let save = Callback::new(move |staff: Vec<StaffAssignment>| {
        let c = current.get_untracked();
        error.set(None);
        let body = CentreOrganisation {
            staff,
            routes: c.routes.clone(),
        };
        spawn_local(async move {
            match centres::set_organisation(c.id, c.version, &body).await {
                Ok(centre) => current.set(centre),
                Err(e) => {
                    error.set(Some(e));
                    // The checkboxes show again what is stored.
                    current.notify();
                }
            }
        });
    });
    view! {
        <section aria-labelledby="staff-title">
            <h2 id="staff-title">{move || i18n.t("centre-staff")}</h2>
            <p>{move || i18n.t("centre-staff-intro")}</p>
            {(!admin).then(|| view! { <p class="denied-reason">{move || i18n.message("perm-11-admin-only", &Default::default())}</p> })}
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="staff-title">
                <table class="table" id="centre-staff">
                    <caption class="visually-hidden">{move || i18n.t("centre-staff")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("accounts-name")}</th>
                            {RIGHTS.iter().map(|r| view! { <th scope="col">{move || i18n.t(r.key)}</th> }).collect_view()}
                            {admin.then(|| view! { <th scope="col">{move || i18n.t("table-actions")}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let staff = current.get().staff;
                            (0..staff.len()).map(|index| {
                                view! { <StaffRow staff=staff.clone() index=index admin=admin save=save /> }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {admin.then(|| view! { <AddManager current=current save=save /> })}
            <ActionError error=error />
        </section>
    }
}

/// One manager: their name, a checkbox per right (administrators) or its
/// state, and the removal button.
#[component]
fn StaffRow(
    staff: Vec<StaffMember>,
    index: usize,
    admin: bool,
    save: Callback<Vec<StaffAssignment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let member = staff[index].clone();
    let name = member.display_name.clone();
    let cells = RIGHTS
        .iter()
        .map(|right| {
            let granted = (right.get)(&member.rights);
            if admin {
                let staff = staff.clone();
                let set = right.set;
                let label = format!("{} : {}", i18n.t(right.key), name);
                view! {
                    <td>
                        <input type="checkbox" aria-label=label data-right=right.key prop:checked=granted
                            on:change=move |ev| {
                                let mut wanted = assignments(&staff);
                                set(&mut wanted[index].rights, event_target_checked(&ev));
                                save.run(wanted);
                            } />
                    </td>
                }
                .into_any()
            } else {
                let key = if granted { "staff-right-yes" } else { "staff-right-no" };
                view! { <td data-right=right.key>{move || i18n.t(key)}</td> }.into_any()
            }
        })
        .collect_view();
    let remove = admin.then(|| {
        let mut others = assignments(&staff);
        others.remove(index);
        let label = format!("{} : {name}", i18n.t("centre-staff-remove"));
        view! {
            <td>
                <button type="button" class="button small secondary" aria-label=label
                    on:click=move |_| save.run(others.clone())>
                    {i18n.t("centre-staff-remove")}
                </button>
            </td>
        }
    });
    view! {
        <tr data-username=member.username.clone()>
            <th scope="row">{format!("{} ({})", member.display_name, member.username)}</th>
            {cells}
            {remove}
        </tr>
    }
}

/// Finds an account and adds it as a manager with the rights ticked
/// (every right until one is unticked).
#[component]
fn AddManager(current: RwSignal<Centre>, save: Callback<Vec<StaffAssignment>>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let searched = RwSignal::new(None::<String>);
    let rights = RwSignal::new(StaffRights::ALL);
    let found = LocalResource::new(move || {
        let q = searched.get();
        async move {
            match q {
                Some(q) => accounts::search(&q).await.map(|page| page.items),
                None => Ok(Vec::new()),
            }
        }
    });
    view! {
        <h3>{move || i18n.t("centre-staff-add")}</h3>
        <form class="search-form" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            searched.set(Some(typed.get_untracked()));
        }>
            <label for="staff-search">{move || i18n.t("accounts-search")}</label>
            <input id="staff-search" type="search" maxlength="200"
                prop:value=typed
                on:input=move |ev| typed.set(event_target_value(&ev)) />
            <button type="submit">{move || i18n.t("search-submit")}</button>
        </form>
        <fieldset class="staff-rights">
            <legend>{move || i18n.t("centre-staff-new-rights")}</legend>
            {RIGHTS.iter().map(|right| {
                let id = format!("new-{}", right.key);
                let (get, set) = (right.get, right.set);
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || get(&rights.get())
                            on:change=move |ev| rights.update(|r| set(r, event_target_checked(&ev))) />
                        <label for=id>{move || i18n.t(right.key)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <ul id="staff-candidates">
            {move || {
                let staff = current.get().staff;
                found.get().and_then(Result::ok).unwrap_or_default().into_iter()
                    .filter(|a| a.active && !staff.iter().any(|s| s.user_id == a.id))
                    .map(|account| {
                        let label = format!("{} : {}", i18n.t("centre-staff-add-button"), account.display_name);
                        let id = account.id;
                        view! {
                            <li>
                                {format!("{} ({})", account.display_name, account.username)}
                                " "
                                <button type="button" class="button small" aria-label=label
                                    on:click=move |_| {
                                        let mut wanted = assignments(&current.get_untracked().staff);
                                        wanted.push(StaffAssignment { user_id: id, rights: rights.get_untracked() });
                                        searched.set(None);
                                        rights.set(StaffRights::ALL);
                                        save.run(wanted);
                                    }>
                                    {i18n.t("centre-staff-add-button")}
                                </button>
                            </li>
                        }
                    }).collect_view()
            }}
        </ul>
    }
}
