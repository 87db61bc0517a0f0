//! Lists of periods: interruptions, and the periods of an irregular
//! schedule with their daily hours (step 5 and amendments). Rows are added
//! and removed; each field carries its index in its path, where the domain
//! reports.

use super::fields::TextInput;
use super::messages::{FieldMessage, FieldMessages, dom_id};
use crate::i18n::use_i18n;
use chrono::NaiveDate;
use leptos::prelude::*;

/// One period of a list (interruptions, or irregular schedule periods,
/// which also have their daily hours).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodRow {
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub hours: RwSignal<String>,
}

impl PeriodRow {
    pub fn empty() -> Self {
        Self {
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
            hours: RwSignal::new(String::new()),
        }
    }

    pub fn of(start: NaiveDate, end: NaiveDate, hours: String) -> Self {
        Self {
            start: RwSignal::new(start.to_string()),
            end: RwSignal::new(end.to_string()),
            hours: RwSignal::new(hours),
        }
    }
}

#[component]
pub fn PeriodList(
    /// `internship.interruptions` or `internship.schedule_periods`.
    root: String,
    legend: &'static str,
    rows: RwSignal<Vec<PeriodRow>>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    /// Whether each period has its hours per day.
    with_hours: bool,
    #[prop(optional)] help: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let add_id = format!("{}-add", dom_id(&root));
    view! {
        <fieldset class="period-list">
            <legend>{move || i18n.t(legend)}</legend>
            {(!help.is_empty()).then(|| view! { <p class="help-text">{move || i18n.t(help)}</p> })}
            <FieldMessages path=root.clone() messages=messages />
            {move || {
                rows.get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, row)| {
                        let path = format!("{root}[{index}]");
                        view! {
                            <div class="period-row">
                                <TextInput path=format!("{path}.start") label="period-start" value=row.start messages=messages kind="date" />
                                <TextInput path=format!("{path}.end") label="period-end" value=row.end messages=messages kind="date" />
                                {with_hours.then(|| view! {
                                    <TextInput
                                        path=format!("{path}.minutes_per_day")
                                        label="period-hours-per-day"
                                        value=row.hours
                                        messages=messages
                                        inputmode="decimal"
                                    />
                                })}
                                <FieldMessages path=path.clone() messages=messages />
                                <button
                                    type="button"
                                    class="button small secondary"
                                    aria-label=move || i18n.t_with("period-remove-label", &[("number", (index + 1).to_string())])
                                    on:click=move |_| rows.update(|r| { r.remove(index); })
                                >
                                    {move || i18n.t("period-remove")}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button type="button" class="button small secondary" id=add_id on:click=move |_| rows.update(|r| r.push(PeriodRow::empty()))>
                {move || i18n.t("period-add")}
            </button>
        </fieldset>
    }
}
