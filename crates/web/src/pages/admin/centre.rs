//! `/centres/:id`: a centre's details and the settings that drive its
//! conventions (validation levels and their order, print condition,
//! creation by students, overlaps); its logo; and, for administrators, its
//! staff and the programmes and faculties it manages.

use super::centre_staff::CentreStaff;
use super::evaluation_forms::EvaluationForms;
use super::{level_key, print_key};
use crate::api::ApiError;
use crate::api::auth::Role;
use crate::api::centres::{
    self, Centre, CentreInput, CentreOrganisation, CentreRoute, StaffAssignment,
};
use crate::components::fields::{Checkbox, Select, TextInput};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::components::reference::{code_of, from_code};
use crate::i18n::use_i18n;
use crate::pages::conventions::level_key as validation_key;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use stages_domain::access::RouteKind;
use stages_domain::model::{
    CentreLevel, CentreSettings, PrintCondition, ValidationLevel, ValidationOrder,
};
use stages_domain::signature::{CircuitSettings, Party, SigningOrder};
use wasm_bindgen::JsCast;

const LEVELS: [ValidationLevel; 3] = [
    ValidationLevel::Pedagogical,
    ValidationLevel::AdministrativeCheck,
    ValidationLevel::Administrative,
];

const PRINT: [PrintCondition; 5] = [
    PrintCondition::Always,
    PrintCondition::AfterPedagogical,
    PrintCondition::AfterAdministrative,
    PrintCondition::AfterBoth,
    PrintCondition::AfterAdministrativeCheck,
];

/// The centre's parties with the tutor in or out, the others kept in
/// their order (a custom order set through the API survives a save); the
/// tutor goes where the official model has it, before the supervisor.
fn with_tutor(parties: &[Party], tutor: bool) -> Vec<Party> {
    let mut list: Vec<Party> = parties
        .iter()
        .copied()
        .filter(|p| *p != Party::Tutor)
        .collect();
    if tutor {
        let at = list
            .iter()
            .position(|p| matches!(p, Party::Supervisor | Party::School))
            .unwrap_or(list.len());
        list.insert(at, Party::Tutor);
    }
    list
}

#[component]
pub fn CentrePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let centre = LocalResource::new(move || centres::get(id.get()));
    view! {
        {loaded(centre, move |c: Centre| {
            let current = RwSignal::new(c);
            view! {
                <CentreForm current=current />
                <Logo current=current />
                <Organisation current=current />
                <EvaluationForms centre=current.get_untracked().id />
            }
        })}
    }
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

#[component]
fn CentreForm(current: RwSignal<Centre>) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.get_untracked();
    let name = RwSignal::new(c.name.clone());
    let level = RwSignal::new(code_of(&c.level));
    let street = RwSignal::new(c.street.clone());
    let postal_code = RwSignal::new(c.postal_code.clone());
    let city = RwSignal::new(c.city.clone());
    let country = RwSignal::new(c.country_code.clone());
    let email = RwSignal::new(c.email.clone().unwrap_or_default());
    let phone = RwSignal::new(c.phone.clone().unwrap_or_default());
    let signatory_name = RwSignal::new(c.signatory_name.clone().unwrap_or_default());
    let signatory_position = RwSignal::new(c.signatory_position.clone().unwrap_or_default());
    let levels = RwSignal::new(c.settings.validation_levels.levels().to_vec());
    let print = RwSignal::new(code_of(&c.settings.print_condition));
    let students_may_create = RwSignal::new(c.settings.students_may_create);
    let overlaps_allowed = RwSignal::new(c.settings.overlaps_allowed);
    let tutor_signs = RwSignal::new(c.settings.signature.parties.contains(&Party::Tutor));
    let signing_order = RwSignal::new(code_of(&c.settings.signature.order));
    let reminder_days = RwSignal::new(c.settings.signature.reminder_days.to_string());
    let order_options = Signal::derive(move || {
        [
            (SigningOrder::Sequential, "centre-signing-sequential"),
            (SigningOrder::Parallel, "centre-signing-parallel"),
        ]
        .iter()
        .map(|(order, key)| (code_of(order), i18n.t(key)))
        .collect::<Vec<_>>()
    });
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let level_options = Signal::derive(move || {
        [
            CentreLevel::Establishment,
            CentreLevel::Faculty,
            CentreLevel::Programme,
        ]
        .iter()
        .map(|l| (code_of(l), i18n.t(level_key(*l))))
        .collect::<Vec<_>>()
    });
    let print_options = Signal::derive(move || {
        PRINT
            .iter()
            .map(|p| (code_of(p), i18n.t(print_key(*p))))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        error.set(None);
        let order = match ValidationOrder::new(levels.get_untracked()) {
            Ok(order) => order,
            Err(e) => {
                messages.set(vec![FieldMessage::from_id_error(
                    "centre.validation_levels",
                    &e,
                )]);
                focus_first_error();
                return;
            }
        };
        let c = current.get_untracked();
        let input = CentreInput {
            name: name.get_untracked().trim().to_owned(),
            level: from_code(&level.get_untracked()).unwrap_or(c.level),
            is_fallback: c.is_fallback,
            street: street.get_untracked().trim().to_owned(),
            postal_code: postal_code.get_untracked().trim().to_owned(),
            city: city.get_untracked().trim().to_owned(),
            country_code: country.get_untracked().trim().to_owned(),
            email: optional(&email.get_untracked()),
            phone: optional(&phone.get_untracked()),
            signatory_name: optional(&signatory_name.get_untracked()),
            signatory_position: optional(&signatory_position.get_untracked()),
            settings: CentreSettings {
                validation_levels: order,
                print_condition: from_code(&print.get_untracked())
                    .unwrap_or(c.settings.print_condition),
                students_may_create: students_may_create.get_untracked(),
                overlaps_allowed: overlaps_allowed.get_untracked(),
                signature: CircuitSettings {
                    parties: with_tutor(&c.settings.signature.parties, tutor_signs.get_untracked()),
                    order: from_code(&signing_order.get_untracked())
                        .unwrap_or(c.settings.signature.order),
                    // Not a number: past the bound, so the server's SIG-14
                    // names the field.
                    reminder_days: reminder_days
                        .get_untracked()
                        .trim()
                        .parse()
                        .unwrap_or(u32::MAX),
                },
            },
        };
        pending.set(true);
        spawn_local(async move {
            match centres::update(c.id, c.version, &input).await {
                Ok(centre) => {
                    current.set(centre);
                    messages.set(Vec::new());
                    saved.set(true);
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "centre"))
                            .collect(),
                    );
                    error.set(Some(e));
                    focus_first_error();
                }
            }
            pending.set(false);
        });
    };
    let move_level = move |index: usize, up: bool| {
        levels.update(|l| {
            let other = if up {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            if let Some(other) = other.filter(|o| *o < l.len()) {
                l.swap(index, other);
            }
        });
    };

    view! {
        <h1>{move || current.get().name}</h1>
        <form class="record-form" on:submit=submit novalidate>
            <ErrorSummary messages=messages />
            <h2>{move || i18n.t("centre-details")}</h2>
            <TextInput path="centre.name" label="centre-name" value=name messages=messages required=true />
            <Select path="centre.level" label="centre-level" value=level options=level_options messages=messages required=true />
            <TextInput path="centre.street" label="address-street" value=street messages=messages required=true />
            <div class="field-row">
                <TextInput path="centre.postal_code" label="address-postal-code" value=postal_code messages=messages required=true />
                <TextInput path="centre.city" label="address-city" value=city messages=messages required=true />
                <TextInput path="centre.country_code" label="address-country-code" value=country messages=messages required=true />
            </div>
            <div class="field-row">
                <TextInput path="centre.email" label="centre-email" value=email messages=messages kind="email" />
                <TextInput path="centre.phone" label="centre-phone" value=phone messages=messages kind="tel" />
            </div>
            <div class="field-row">
                <TextInput path="centre.signatory_name" label="centre-signatory-name" value=signatory_name messages=messages />
                <TextInput path="centre.signatory_position" label="centre-signatory-position" value=signatory_position messages=messages />
            </div>
            <h2>{move || i18n.t("centre-settings")}</h2>
            <fieldset class="levels-editor" id="centre-validation_levels" tabindex="-1">
                <legend>{move || i18n.t("centre-validation-levels")}</legend>
                <p class="help-text">{move || i18n.t("centre-validation-levels-help")}</p>
                <ol>
                    {move || {
                        let list = levels.get();
                        let count = list.len();
                        list.into_iter().enumerate().map(|(index, level)| {
                            let name = i18n.t(validation_key(level));
                            view! {
                                <li>
                                    <span>{name.clone()}</span>
                                    <button type="button" class="button small secondary" disabled=index == 0
                                        aria-label=format!("{} : {name}", i18n.t("centre-level-up"))
                                        on:click=move |_| move_level(index, true)>
                                        "↑"
                                    </button>
                                    <button type="button" class="button small secondary" disabled=index + 1 == count
                                        aria-label=format!("{} : {name}", i18n.t("centre-level-down"))
                                        on:click=move |_| move_level(index, false)>
                                        "↓"
                                    </button>
                                    <button type="button" class="button small secondary"
                                        aria-label=format!("{} : {name}", i18n.t("centre-level-remove"))
                                        on:click=move |_| levels.update(|l| { l.remove(index); })>
                                        {i18n.t("centre-level-remove")}
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ol>
                {move || {
                    let list = levels.get();
                    LEVELS.iter().filter(|l| !list.contains(l)).map(|l| {
                        let level = *l;
                        view! {
                            <button type="button" class="button small" on:click=move |_| levels.update(|v| v.push(level))>
                                {i18n.t_with("centre-level-add", &[("level", i18n.t(validation_key(level)))])}
                            </button>
                        }
                    }).collect_view()
                }}
            </fieldset>
            <Select path="centre.print_condition" label="centre-print-condition" value=print options=print_options messages=messages required=true help="centre-print-help" />
            <Checkbox id="centre-students-may-create" label="centre-students-may-create" value=students_may_create />
            <Checkbox id="centre-overlaps-allowed" label="centre-overlaps-allowed" value=overlaps_allowed />
            <fieldset class="signature-circuit" id="centre-settings-signature-parties" tabindex="-1">
                <legend>{move || i18n.t("centre-signature-circuit")}</legend>
                <p class="help-text">{move || i18n.t("centre-signature-help")}</p>
                <Checkbox id="centre-tutor-signs" label="centre-tutor-signs" value=tutor_signs />
                <Select path="centre.settings.signature.order" label="centre-signing-order" value=signing_order options=order_options messages=messages required=true />
                <TextInput path="centre.settings.signature.reminder_days" label="centre-reminder-days" value=reminder_days messages=messages required=true inputmode="numeric" help="centre-reminder-days-help" />
            </fieldset>
            <ActionError error=error />
            <p class="success-line" role="status">{move || saved.get().then(|| i18n.t("form-saved"))}</p>
            <button type="submit" class="button" id="centre-save" disabled=move || pending.get()>{move || i18n.t("form-save")}</button>
        </form>
    }
}

/// The logo printed on the centre's agreements: shown, and replaced by a
/// PNG file.
#[component]
fn Logo(current: RwSignal<Centre>) -> impl IntoView {
    let i18n = use_i18n();
    let id = current.get_untracked().id;
    let version = RwSignal::new(0u32);
    let url = LocalResource::new(move || {
        version.track();
        let has_logo = current.get().has_logo;
        async move {
            if !has_logo {
                return None;
            }
            let file = centres::logo(id).await.ok()?;
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(file.bytes.as_slice()));
            let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
            web_sys::Url::create_object_url_with_blob(&blob).ok()
        }
    });
    let error = RwSignal::new(None::<ApiError>);
    let upload = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        error.set(None);
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(e) => {
                    error.set(Some(ApiError::Network(format!("{e:?}"))));
                    return;
                }
            };
            match centres::upload_logo(id, bytes).await {
                Ok(()) => {
                    current.update(|c| c.has_logo = true);
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section aria-labelledby="logo-title">
            <h2 id="logo-title">{move || i18n.t("centre-logo")}</h2>
            {move || match url.get().flatten() {
                Some(src) => view! { <img class="logo" src=src alt=i18n.t("centre-logo-alt") /> }.into_any(),
                None => view! { <p class="muted">{i18n.t("centre-logo-none")}</p> }.into_any(),
            }}
            <div class="field">
                <label for="centre-logo-file">{move || i18n.t("centre-logo-upload")}</label>
                <input type="file" id="centre-logo-file" accept="image/png" on:change=upload />
            </div>
            <ActionError error=error />
        </section>
    }
}

/// Which programmes and faculties the centre manages: administrators
/// change them; others read them.
#[component]
fn Routes(current: RwSignal<Centre>, admin: bool) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(code_of(&RouteKind::Programme));
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let save = move |routes: Vec<CentreRoute>| {
        let c = current.get_untracked();
        error.set(None);
        let body = CentreOrganisation {
            staff: c
                .staff
                .iter()
                .map(|s| StaffAssignment {
                    user_id: s.user_id,
                    rights: s.rights,
                })
                .collect(),
            routes,
        };
        spawn_local(async move {
            match centres::set_organisation(c.id, c.version, &body).await {
                Ok(centre) => current.set(centre),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let kind_options = Signal::derive(move || {
        vec![
            (code_of(&RouteKind::Programme), i18n.t("route-programme")),
            (code_of(&RouteKind::Faculty), i18n.t("route-faculty")),
        ]
    });
    let add_route = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = current.get_untracked();
        let Some(kind) = from_code::<RouteKind>(&kind.get_untracked()) else {
            return;
        };
        let text = code.get_untracked().trim().to_owned();
        if text.is_empty() {
            return;
        }
        let mut routes = c.routes.clone();
        routes.push(CentreRoute { kind, code: text });
        code.set(String::new());
        save(routes);
    };
    view! {
        <section aria-labelledby="routes-title">
            <h2 id="routes-title">{move || i18n.t("centre-routes")}</h2>
            <ul>
                {move || {
                    let c = current.get();
                    c.routes.iter().enumerate().map(|(index, r)| {
                        let mut others = c.routes.clone();
                        others.remove(index);
                        let label = format!("{} {}", i18n.t(if r.kind == RouteKind::Programme { "route-programme" } else { "route-faculty" }), r.code);
                        view! {
                            <li>
                                {label.clone()}
                                {admin.then(|| view! {
                                    " "
                                    <button type="button" class="button small secondary"
                                        aria-label=format!("{} : {label}", i18n.t("centre-route-remove"))
                                        on:click=move |_| save(others.clone())>
                                        {i18n.t("centre-route-remove")}
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            {admin.then(|| view! {
                <form class="inline-form" on:submit=add_route novalidate>
                    <Select path="route.kind" label="route-kind" value=kind options=kind_options messages=no_messages />
                    <TextInput path="route.code" label="route-code" value=code messages=no_messages />
                    <button type="submit" class="button small">{move || i18n.t("centre-route-add")}</button>
                </form>
            })}
            <ActionError error=error />
        </section>
    }
}

/// Who manages the centre, with their rights, and what it manages:
/// administrators change them; others read them.
#[component]
fn Organisation(current: RwSignal<Centre>) -> impl IntoView {
    let admin = use_session().me().is_some_and(|m| m.has(Role::Admin));
    view! {
        <CentreStaff current=current admin=admin />
        <Routes current=current admin=admin />
    }
}
