//! Step 5, Informations stage (seed §4.5): every field of the internship,
//! with the regulatory information behind each "?" and the effective hours
//! and minimum stipend computed by the domain as the dates and schedule
//! change. "Valider" checks everything (complete mode) and shows a recap
//! for a second confirmation; a draft can be saved at any time.

mod form;

use super::{SavingFeedback, Wizard, use_saving};
use crate::checks;
use crate::components::fields::{Select, TextArea, TextInput, YesNo};
use crate::components::figures::FiguresPanel;
use crate::components::messages::{
    ErrorSummary, FieldMessage, beside_parsed, focus_element, focus_first_error, has_errors, merge,
};
use crate::components::periods::PeriodList;
use crate::components::recap::Recap;
use crate::components::reference::{TableSelect, code_of};
use crate::i18n::use_i18n;
use form::Fields;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::figures::figures;
use stages_domain::model::{Convention, PresenceType, WizardStep};

/// The half-day counts a week may have, 0.5 to 6 days.
fn days_per_week_options() -> Vec<(String, String)> {
    (1..=12u8)
        .map(|half| {
            let label = if half % 2 == 0 {
                (half / 2).to_string()
            } else {
                format!("{},5", half / 2)
            };
            (half.to_string(), label)
        })
        .collect()
}

#[component]
pub fn InternshipStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let draft_saved = RwSignal::new(false);
    let content = StoredValue::new(wizard.view.get_untracked().content);
    let f = Fields::new(&content.get_value().internship, i18n.lang.get_untracked());
    let submitted = RwSignal::new(false);
    let confirming = RwSignal::new(false);

    // ABR-03: the host's cover is asked only abroad (the host's country is
    // chosen in steps 2 and 3).
    let abroad = content.with_value(|c| !c.is_in_france());
    let built = Memo::new(move |_| f.build());
    let rates = checks::use_rates();
    let convention = move || Convention {
        internship: built.get().0,
        ..content.get_value()
    };
    // Draft mode while typing (only malformed or incoherent data are
    // errors); complete mode once "Valider" was pressed.
    let live = Memo::new(move |_| {
        let found = checks::step(
            WizardStep::Internship,
            &convention(),
            submitted.get(),
            &rates.get(),
        )
        .iter()
        .map(FieldMessage::from_violation)
        .collect();
        beside_parsed(built.get().1, found)
    });
    let messages = Signal::derive(move || {
        let shown = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || !m.is_missing())
            .collect();
        merge(shown, saving.blocking.get())
    });
    let live_figures = Signal::derive(move || figures(&built.get().0, &rates.get()));

    let validate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        saving.blocking.set(Vec::new());
        if has_errors(&live.get_untracked()) {
            focus_first_error();
        } else {
            confirming.set(true);
            request_animation_frame(|| focus_element("step-recap"));
        }
    };
    let confirm = move |_| {
        saving.run(wizard, WizardStep::Internship, built.get_untracked().0);
    };
    // A draft is saved as it is: only malformed or incoherent data block.
    let save_draft = move |_| {
        let draft = checks::step(
            WizardStep::Internship,
            &convention(),
            false,
            &rates.get_untracked(),
        );
        if built.get_untracked().1.iter().any(|m| m.error) || draft.iter().any(|v| v.is_error()) {
            focus_first_error();
            return;
        }
        let body = built.get_untracked().0;
        saving.pending.set(true);
        saving.error.set(None);
        draft_saved.set(false);
        spawn_local(async move {
            match wizard.save(WizardStep::Internship, &body).await {
                Ok(view) => {
                    saving
                        .blocking
                        .set(Wizard::blocking(&view, WizardStep::Internship));
                    draft_saved.set(true);
                }
                Err(e) => saving.error.set(Some(e)),
            }
            saving.pending.set(false);
        });
    };
    let presence_types = Signal::derive(move || {
        vec![
            (
                code_of(&PresenceType::Continuous),
                i18n.t("presence-continuous"),
            ),
            (
                code_of(&PresenceType::Discontinuous),
                i18n.t("presence-discontinuous"),
            ),
        ]
    });

    view! {
        <Show
            when=move || !confirming.get()
            fallback=move || view! {
                <section class="step-recap" id="step-recap" tabindex="-1" aria-labelledby="step-recap-title">
                    <h3 id="step-recap-title">{move || i18n.t("wizard-recap-title")}</h3>
                    <p>{move || i18n.t("wizard-recap-intro")}</p>
                    <Recap
                        convention=Convention { internship: built.get_untracked().0, ..Convention::default() }
                        figures=live_figures.get_untracked()
                    />
                </section>
                <SavingFeedback saving=saving />
                <div class="actions">
                    <button type="button" class="button" id="step-confirm" disabled=move || saving.pending.get() on:click=confirm>
                        {move || i18n.t("wizard-confirm")}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                        {move || i18n.t("form-edit")}
                    </button>
                </div>
            }
        >
            <form class="step-form internship-form" on:submit=validate novalidate>
                <p class="muted">{move || i18n.t("form-required-note")}</p>
                <ErrorSummary messages=messages />
                <SavingFeedback saving=saving />
                <fieldset>
                    <legend>{move || i18n.t("internship-section-content")}</legend>
                    <div class="field-row">
                        <TableSelect kind="convention_type" path="internship.convention_type" label="internship-convention-type" value=f.convention_type messages=messages required=true help="internship-convention-type-help" />
                        <TableSelect kind="theme" path="internship.theme" label="internship-theme" value=f.theme messages=messages required=true />
                        <TableSelect kind="language" path="internship.language" label="internship-language" value=f.language messages=messages required=true help="internship-language-help" />
                    </div>
                    <TextArea path="internship.subject" label="internship-subject" value=f.subject messages=messages required=true />
                    <TextArea path="internship.tasks" label="internship-tasks" value=f.tasks messages=messages required=true help="internship-tasks-help" />
                    <TextArea path="internship.skills" label="internship-skills" value=f.skills messages=messages required=true help="internship-skills-help" />
                    <TextArea path="internship.details" label="internship-details" value=f.details messages=messages />
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t("internship-section-dates")}</legend>
                    <div class="field-row">
                        <TextInput path="internship.start" label="internship-start" value=f.start messages=messages required=true kind="date" help="internship-start-help" />
                        <TextInput path="internship.end" label="internship-end" value=f.end messages=messages required=true kind="date" help="internship-end-help" />
                    </div>
                    <PeriodList root="internship.interruptions".to_owned() legend="internship-interruptions" rows=f.interruptions messages=messages with_hours=false help="internship-interruptions-help" />
                    <YesNo path="internship.regular_schedule" label="internship-regular-schedule" value=f.regular messages=messages required=true yes="internship-regular" no="internship-irregular" />
                    <Show when=move || f.regular.get() == Some(true)>
                        <div class="field-row">
                            <TextInput path="internship.weekly_minutes" label="internship-weekly-hours" value=f.weekly_hours messages=messages required=true inputmode="decimal" help="internship-weekly-hours-help" />
                            <Select path="internship.days_per_week" label="internship-days-per-week" value=f.days_per_week options=Signal::stored(days_per_week_options()) messages=messages />
                        </div>
                    </Show>
                    <Show when=move || f.regular.get() == Some(false)>
                        <PeriodList root="internship.schedule_periods".to_owned() legend="internship-schedule-periods" rows=f.schedule_periods messages=messages with_hours=true help="internship-schedule-periods-help" />
                    </Show>
                    <div class="field-row">
                        <TableSelect kind="working_time" path="internship.working_time" label="internship-working-time" value=f.working_time messages=messages required=true />
                        <Show when=move || f.working_time.get() == "part_time">
                            <TextInput path="internship.part_time_percentage" label="internship-part-time" value=f.part_time messages=messages required=true inputmode="numeric" />
                        </Show>
                        <Select path="internship.presence_type" label="internship-presence-type" value=f.presence_type options=presence_types messages=messages />
                    </div>
                    <TextInput path="internship.working_time_comment" label="internship-working-time-comment" value=f.working_time_comment messages=messages />
                    <TextInput path="internship.night_sunday_holiday_work" label="internship-night-work" value=f.night_work messages=messages help="internship-night-work-help" />
                    <YesNo path="internship.night_work" label="internship-at-night" value=f.at_night messages=messages help="internship-at-night-help" />
                    <FiguresPanel figures=live_figures />
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t("internship-section-leave")}</legend>
                    <div class="field-row">
                        <TextInput path="internship.leave_days" label="internship-leave-days" value=f.leave_days messages=messages inputmode="numeric" help="internship-leave-help" />
                    </div>
                    <TextArea path="internship.leave_terms" label="internship-leave-terms" value=f.leave_terms messages=messages />
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t("internship-section-stipend")}</legend>
                    <YesNo path="internship.stipend_paid" label="internship-stipend-paid" value=f.stipend_paid messages=messages required=true help="internship-stipend-help" />
                    <Show when=move || f.stipend_paid.get() == Some(true)>
                        <div class="field-row">
                            <TextInput path="internship.stipend.amount_cents" label="internship-stipend-amount" value=f.amount messages=messages required=true inputmode="decimal" />
                            <TableSelect kind="currency" path="internship.stipend.currency" label="internship-stipend-currency" value=f.currency messages=messages required=true />
                            <TableSelect kind="stipend_unit" path="internship.stipend.unit" label="internship-stipend-unit" value=f.unit messages=messages required=true />
                        </div>
                        <div class="field-row">
                            <TableSelect kind="stipend_basis" path="internship.stipend.basis" label="internship-stipend-basis" value=f.basis messages=messages required=true />
                            <TableSelect kind="payment_mode" path="internship.stipend.payment_mode" label="internship-stipend-payment" value=f.payment_mode messages=messages required=true />
                        </div>
                    </Show>
                    <TextArea path="internship.benefits" label="internship-benefits" value=f.benefits messages=messages help="internship-benefits-help" />
                    {abroad.then(|| view! {
                        <YesNo path="internship.host_accident_cover" label="internship-host-cover" value=f.host_cover messages=messages help="internship-host-cover-help" />
                    })}
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t("internship-section-supervision")}</legend>
                    <TextArea path="internship.supervision_mode" label="internship-supervision" value=f.supervision messages=messages required=true help="internship-supervision-help" />
                    <div class="field-row">
                        <TableSelect kind="work_to_deliver" path="internship.work_to_deliver" label="internship-work-to-deliver" value=f.work_to_deliver messages=messages required=true />
                        <TableSelect kind="validation_mode" path="internship.validation_mode" label="internship-validation-mode" value=f.validation_mode messages=messages required=true />
                    </div>
                    <div class="field-row">
                        <TableSelect kind="confidentiality" path="internship.confidentiality" label="internship-confidentiality" value=f.confidentiality messages=messages required=true help="internship-confidentiality-help" />
                        <TableSelect kind="internship_origin" path="internship.found_through" label="internship-found-through" value=f.found_through messages=messages required=true />
                    </div>
                </fieldset>
                <p class="success-line" role="status">
                    {move || draft_saved.get().then(|| i18n.t("wizard-draft-saved"))}
                </p>
                <div class="actions">
                    <button type="submit" class="button" id="step-validate">{move || i18n.t("wizard-validate")}</button>
                    <button type="button" class="button secondary" id="step-save-draft" disabled=move || saving.pending.get() on:click=save_draft>
                        {move || i18n.t("wizard-save-draft")}
                    </button>
                </div>
            </form>
        </Show>
    }
}
