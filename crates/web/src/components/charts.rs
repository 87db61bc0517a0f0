//! Bar charts drawn in SVG by the page itself (nothing downloaded). The
//! drawing is decoration for sighted readers: the same figures are in a
//! table under it, which is what assistive technologies read.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One bar: what it counts and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: u64,
}

const WIDTH: u64 = 640;
const LABEL_WIDTH: u64 = 240;
const ROW: u64 = 26;
/// Room on the right of the longest bar for its count.
const COUNT_WIDTH: u64 = 48;
const LABEL_CHARS: usize = 34;

/// A label cut to fit beside the bars (the table keeps it whole).
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// A titled horizontal bar chart with its data table.
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    /// The chart's title, already worded.
    #[prop(into)]
    title: Signal<String>,
    bars: Vec<Bar>,
    /// The heading of the counts' column.
    count_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let caption_id = title_id.clone();
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as u64 + 4;
    let span = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = ROW * i as u64 + 2;
            let length = (b.count * span / max).max(u64::from(b.count > 0));
            view! {
                <text x=LABEL_WIDTH - 8 y=y + ROW / 2 + 5 text-anchor="end" class="chart-label">{short(&b.label)}</text>
                <rect x=LABEL_WIDTH y=y + 3 width=length height=ROW - 6 class="chart-bar" />
                <text x=LABEL_WIDTH + length + 6 y=y + ROW / 2 + 5 class="chart-count">{b.count.to_string()}</text>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|b| view! { <tr><th scope="row">{b.label}</th><td>{b.count.to_string()}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" id=id aria-labelledby=title_id.clone()>
            <figcaption id=caption_id>{move || title.get()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") width="100%" aria-hidden="true" focusable="false">
                {drawn}
            </svg>
            <table class="table chart-table">
                <caption class="visually-hidden">{move || title.get()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("chart-value")}</th>
                        <th scope="col">{move || i18n.t(count_label)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}
