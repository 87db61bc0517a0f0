//! `/statistics` (staff): a centre's year — or the university's, for
//! administrators — by status, host, country, department and programme;
//! durations and stipends in the statutory bands; evaluation completion.
//! Each indicator is a bar chart with its table; the whole exports as CSV
//! or XLSX.

use crate::api::ApiError;
use crate::api::centres::{self, Centre};
use crate::api::statistics::{self, Count, Scope, Statistics};
use crate::components::charts::{Bar, BarChart};
use crate::components::download::{Document, DownloadButton};
use crate::components::fields::{Select, TextInput};
use crate::components::loading::{Failure, Pending};
use crate::components::messages::FieldMessage;
use crate::format;
use crate::i18n::{I18n, use_i18n};
use crate::pages::evaluations::{kind_key, status_key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::{AcademicYear, EvaluationProgress};
use stages_domain::permissions::Decision;
use stages_domain::statistics::{DurationBand, StipendBand};

/// The academic year of today, in the browser's calendar.
fn current_year() -> String {
    let now = js_sys::Date::new_0();
    let today = chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    today
        .map(|d| AcademicYear::containing(d).to_string())
        .unwrap_or_default()
}

fn duration_key(band: DurationBand) -> &'static str {
    match band {
        DurationBand::UpToTwoMonths => "stats-duration-up-to-two-months",
        DurationBand::TwoToFourMonths => "stats-duration-two-to-four-months",
        DurationBand::FourToSixMonths => "stats-duration-four-to-six-months",
        DurationBand::OverSixMonths => "stats-duration-over-six-months",
    }
}

fn stipend_key(band: StipendBand) -> &'static str {
    match band {
        StipendBand::BelowMinimum => "stats-stipend-below-minimum",
        StipendBand::AtMinimum => "stats-stipend-at-minimum",
        StipendBand::UpToQuarterAbove => "stats-stipend-up-to-quarter-above",
        StipendBand::MoreThanQuarterAbove => "stats-stipend-more-than-quarter-above",
    }
}

fn bars(counts: &[Count]) -> Vec<Bar> {
    counts
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            count: c.count,
        })
        .collect()
}

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let centre = RwSignal::new(String::new());
    let year = RwSignal::new(current_year());
    let shown = RwSignal::new(None::<(Scope, Statistics)>);
    let error = RwSignal::new(None::<ApiError>);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let pending = RwSignal::new(false);
    let centres = LocalResource::new(|| async { centres::list().await.unwrap_or_default() });
    let centre_options = Signal::derive(move || {
        centres
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|c: Centre| (c.id.to_string(), c.name))
            .collect::<Vec<_>>()
    });
    let run = move || {
        let scope = Scope {
            centre_id: centre.get_untracked(),
            academic_year: year.get_untracked(),
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match statistics::get(&scope).await {
                Ok(stats) => {
                    messages.set(Vec::new());
                    shown.set(Some((scope, stats)));
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "scope"))
                            .collect(),
                    );
                    shown.set(None);
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run();
    };
    view! {
        <h1>{move || i18n.t("stats-title")}</h1>
        <form class="search-form" on:submit=submit novalidate>
            <div class="field-row">
                <Select path="scope.centre_id" label="search-centre" value=centre options=centre_options messages=messages help="stats-centre-help" />
                <TextInput path="scope.academic_year" label="search-academic-year" value=year messages=messages required=true />
            </div>
            <button type="submit" class="button" id="stats-submit" disabled=move || pending.get()>
                {move || i18n.t("stats-submit")}
            </button>
        </form>
        {move || error.get().map(|e| view! { <Failure error=e retry=run /> })}
        {move || pending.get().then(|| view! { <Pending /> })}
        {move || shown.get().map(|(scope, stats)| view! { <Indicators scope=scope stats=stats /> })}
    }
}

#[component]
fn Indicators(scope: Scope, stats: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let mut hosts = bars(&stats.by_organisation);
    if stats.other_organisations > 0 {
        hosts.push(Bar {
            label: i18n.t("stats-other-hosts"),
            count: stats.other_organisations,
        });
    }
    let worded = |i18n: &I18n, key: &str| i18n.t(key);
    let durations: Vec<Bar> = stats
        .durations
        .bands
        .iter()
        .map(|b| Bar {
            label: worded(&i18n, duration_key(b.band)),
            count: b.count,
        })
        .collect();
    let stipend_bands: Vec<Bar> = stats
        .stipends
        .bands
        .iter()
        .map(|b| Bar {
            label: worded(&i18n, stipend_key(b.band)),
            count: b.count,
        })
        .collect();
    let s = &stats.stipends;
    let stipends = vec![
        Bar {
            label: i18n.t("stats-stipend-paid"),
            count: s.paid,
        },
        Bar {
            label: i18n.t("stats-stipend-unpaid"),
            count: s.unpaid,
        },
        Bar {
            label: i18n.t("stats-stipend-unknown"),
            count: s.unknown,
        },
    ];
    let completion: Vec<Bar> = stats
        .evaluations
        .iter()
        .flat_map(|e| {
            let kind = i18n.t(kind_key(e.kind));
            [
                (EvaluationProgress::Submitted, e.submitted),
                (EvaluationProgress::Draft, e.draft),
                (EvaluationProgress::NotStarted, e.not_started),
            ]
            .map(|(status, count)| Bar {
                label: format!("{kind} — {}", i18n.t(status_key(status))),
                count,
            })
        })
        .collect();
    let share = s
        .paid_share_permille
        .map(|p| format!("{},{} %", p / 10, p % 10))
        .unwrap_or_else(|| "—".to_owned());
    let minutes = |m: Option<u64>| {
        m.map(|m| format::hours(lang, m))
            .unwrap_or_else(|| "—".into())
    };
    let median_rate = s
        .median_hourly_cents
        .map(|c| format::euros(lang, c))
        .unwrap_or_else(|| "—".into());
    let scope_text = match stats.centre_id {
        Some(_) => i18n.t_with(
            "stats-scope-centre",
            &[("year", stats.academic_year.clone())],
        ),
        None => i18n.t_with(
            "stats-scope-university",
            &[("year", stats.academic_year.clone())],
        ),
    };
    let title = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <section aria-labelledby="stats-summary-title">
            <h2 id="stats-summary-title">{scope_text}</h2>
            <dl class="pairs" id="stats-summary">
                <dt>{i18n.t("stats-total")}</dt>
                <dd id="stats-total">{stats.total.to_string()}</dd>
                <dt>{i18n.t("stats-duration-mean")}</dt>
                <dd>{minutes(stats.durations.mean_minutes)}</dd>
                <dt>{i18n.t("stats-duration-median")}</dt>
                <dd>{minutes(stats.durations.median_minutes)}</dd>
                <dt>{i18n.t("stats-stipend-share")}</dt>
                <dd>{share}</dd>
                <dt>{i18n.t("stats-stipend-median")}</dt>
                <dd>{median_rate}</dd>
                <dt>{i18n.t("stats-unpaid-though-due")}</dt>
                <dd>{s.unpaid_though_due.to_string()}</dd>
            </dl>
            <div class="actions">
                <DownloadButton document=Document::Statistics(scope.clone(), "csv") label="export-csv" decision=Decision::Allowed id="stats-export-csv" />
                <DownloadButton document=Document::Statistics(scope, "xlsx") label="export-xlsx" decision=Decision::Allowed id="stats-export-xlsx" />
            </div>
        </section>
        <div class="charts">
            <BarChart id="chart-status" title=title("stats-by-status") bars=bars(&stats.by_status) count_label="stats-conventions" />
            <BarChart id="chart-hosts" title=title("stats-by-host") bars=hosts count_label="stats-conventions" />
            <BarChart id="chart-countries" title=title("stats-by-country") bars=bars(&stats.by_country) count_label="stats-conventions" />
            <BarChart id="chart-departments" title=title("stats-by-department") bars=bars(&stats.by_department) count_label="stats-conventions" />
            <BarChart id="chart-programmes" title=title("stats-by-programme") bars=bars(&stats.by_programme) count_label="stats-conventions" />
            <BarChart id="chart-durations" title=title("stats-durations") bars=durations count_label="stats-conventions" />
            <BarChart id="chart-stipends" title=title("stats-stipends") bars=stipends count_label="stats-conventions" />
            <BarChart id="chart-stipend-bands" title=title("stats-stipend-bands") bars=stipend_bands count_label="stats-conventions" />
            <BarChart id="chart-evaluations" title=title("stats-evaluations") bars=completion count_label="stats-conventions" />
        </div>
    }
}
