//! The domain's checks as the browser runs them while a form is typed.
//!
//! The browser knows the convention and today's date, not what only the
//! database can count (other conventions of the student, interns of the
//! tutor or host): those rules run on the server when the step is saved,
//! and their violations come back with the convention.

use chrono::NaiveDate;
use leptos::prelude::*;
use stages_domain::Violation;
use stages_domain::model::{CentreSettings, Convention, WizardStep};
use stages_domain::rules::{self, CheckContext, CheckMode};
use stages_domain::stipend::RateTable;

/// Today by the browser's clock.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).unwrap_or(1970),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The installation's minimum hourly rates (GRAT-02), fetched once per
/// page load; the rates this release knows until they arrive.
pub fn use_rates() -> Signal<RateTable> {
    let loaded = LocalResource::new(crate::api::rates::table);
    Signal::derive(move || loaded.get().unwrap_or_default())
}

/// A context without database counts, with the installation's minimum
/// hourly rates (GRAT-02). The centre's settings only relax a count-based
/// rule (OVL-01), so the defaults change nothing here.
fn context(mode: CheckMode, rates: &RateTable) -> CheckContext {
    CheckContext {
        mode,
        rates: rates.clone(),
        ..CheckContext::new(today(), CentreSettings::default())
    }
}

/// One step of `convention`, in draft mode (missing fields are warnings,
/// malformed or incoherent ones errors) or complete mode.
pub fn step(
    step: WizardStep,
    convention: &Convention,
    complete: bool,
    rates: &RateTable,
) -> Vec<Violation> {
    let mode = if complete {
        CheckMode::Complete
    } else {
        CheckMode::Draft
    };
    rules::check_step(step, convention, &context(mode, rates))
}

/// A proposed amendment on top of the validated ones: its own form
/// (AVN-02) and every rule on the convention it would produce (AVN-03).
pub fn amendment(
    original: &Convention,
    validated: &[stages_domain::amendment::Amendment],
    proposed: &stages_domain::amendment::Amendment,
    rates: &RateTable,
) -> Vec<Violation> {
    stages_domain::amendment::check(
        original,
        validated,
        proposed,
        &context(CheckMode::Amendment, rates),
    )
}
