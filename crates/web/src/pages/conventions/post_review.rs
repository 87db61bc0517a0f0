//! DUR-03's question to the centre's staff: another intern (earlier, or
//! later and agreed first) is at the same service or with the same tutor
//! within the waiting period; does this internship take that post? The answer, with its reason, lets validation
//! go ahead (another post) or makes the waiting period apply (the same).

use crate::api::ApiError;
use crate::api::conventions::{self, ConventionView};
use crate::components::fields::{TextArea, YesNo};
use crate::components::loading::ActionError;
use crate::components::messages::{FieldMessage, focus_first_error};
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::rules::WAITING_PERIOD_RULE;

#[component]
pub fn PostReviewPanel(current: RwSignal<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    let same_post = RwSignal::new(None::<bool>);
    let reason = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut missing = Vec::new();
        if same_post.get_untracked().is_none() {
            missing.push(FieldMessage::local(
                "post_review.same_post",
                "field-required",
            ));
        }
        if reason.get_untracked().trim().is_empty() {
            missing.push(FieldMessage::local("post_review.reason", "field-required"));
        }
        messages.set(missing.clone());
        let (Some(same), true) = (same_post.get_untracked(), missing.is_empty()) else {
            focus_first_error();
            return;
        };
        let v = current.get_untracked();
        let text = reason.get_untracked().trim().to_owned();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match conventions::review_post(v.id, v.version, same, &text).await {
                Ok(view) => current.set(view),
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|p| FieldMessage::from_problem(p, "post_review"))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    move || {
        let v = current.get();
        let asked = v.violations.iter().any(|p| p.rule == WAITING_PERIOD_RULE);
        let may = v.permissions.review_post.is_allowed();
        if !(may && (asked || v.post_review.is_some())) {
            return None;
        }
        let lang = i18n.lang.get();
        let answer = v.post_review.clone().map(|r| {
            let key = if r.same_post {
                "post-review-same"
            } else {
                "post-review-other"
            };
            view! {
                <p id="post-review-answer">
                    {i18n.t_with(
                        "post-review-answer",
                        &[
                            ("answer", i18n.t(key)),
                            ("reason", r.reason.clone()),
                            ("date", format::date(lang, r.at.date_naive())),
                        ],
                    )}
                </p>
            }
        });
        Some(view! {
            <section class="post-review" id="post-review" aria-labelledby="post-review-title">
                <h2 id="post-review-title">{i18n.t("post-review-title")}</h2>
                <p>{i18n.t("post-review-intro")}</p>
                {answer}
                <form class="record-form" on:submit=submit novalidate>
                    <YesNo path="post_review.same_post" label="post-review-question" value=same_post messages=messages required=true />
                    <TextArea path="post_review.reason" label="post-review-reason" value=reason messages=messages required=true />
                    <ActionError error=error />
                    <button type="submit" class="button" id="post-review-submit" disabled=move || pending.get()>
                        {i18n.t("post-review-submit")}
                    </button>
                </form>
            </section>
        })
    }
}
