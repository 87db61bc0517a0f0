//! The figures of step 5, computed by the domain from the dates and the
//! schedule: effective presence, its breakdown in 22-day months and 7-hour
//! days, whether a stipend is due and its legal minimum.

use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use stages_domain::figures::Figures;

#[component]
pub fn FiguresPanel(#[prop(into)] figures: Signal<Option<Figures>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="figures" aria-labelledby="figures-title" aria-live="polite">
            <h3 id="figures-title">{move || i18n.t("figures-title")}</h3>
            {move || match figures.get() {
                None => view! { <p class="muted">{i18n.t("figures-incomplete")}</p> }.into_any(),
                Some(f) => {
                    let lang = i18n.lang.get();
                    let d = &f.duration;
                    view! {
                        <dl class="pairs">
                            <dt>{i18n.t("figures-presence")}</dt>
                            <dd id="figures-hours">{format::hours(lang, f.effective_minutes)}</dd>
                            <dt>{i18n.t("figures-duration")}</dt>
                            <dd>
                                {i18n
                                    .t_with(
                                        "figures-breakdown",
                                        &[
                                            ("months", d.months.to_string()),
                                            ("days", d.days.to_string()),
                                            ("hours", format::hours(lang, d.minutes)),
                                        ],
                                    )}
                            </dd>
                            <dt>{i18n.t("figures-working-days")}</dt>
                            <dd>{f.working_days.to_string()}</dd>
                            <dt>{i18n.t("figures-stipend")}</dt>
                            <dd id="figures-stipend-due">
                                {if f.stipend_mandatory {
                                    i18n.t("figures-stipend-mandatory")
                                } else {
                                    i18n.t("figures-stipend-optional")
                                }}
                            </dd>
                            <dt>{i18n.t("figures-minimum")}</dt>
                            <dd id="figures-minimum">
                                {f
                                    .legal_minimum_cents
                                    .map(|c| format::euros(lang, c))
                                    .unwrap_or_else(|| i18n.t("figures-rate-unknown"))}
                            </dd>
                            {f
                                .stipend_hourly_cents
                                .map(|c| {
                                    view! {
                                        <dt>{i18n.t("figures-hourly")}</dt>
                                        <dd>{format::euros(lang, c)}</dd>
                                    }
                                })}
                        </dl>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
