//! Step 5's fields as typed, and the domain's `Internship` they make: dates
//! and numbers are parsed here (a text that is not one gets its message);
//! every rule is the domain's.

use crate::components::messages::FieldMessage;
use crate::components::periods::PeriodRow;
use crate::components::reference::{code_of, from_code};
use crate::format;
use crate::i18n::Lang;
use chrono::NaiveDate;
use leptos::prelude::*;
use stages_domain::ids::Currency;
use stages_domain::model::{
    DaysPerWeek, Internship, NomenclatureRef, Period, SchedulePeriod, StipendTerms,
};

#[derive(Clone, Copy)]
pub struct Fields {
    pub convention_type: RwSignal<String>,
    pub theme: RwSignal<String>,
    pub language: RwSignal<String>,
    pub subject: RwSignal<String>,
    pub tasks: RwSignal<String>,
    pub skills: RwSignal<String>,
    pub details: RwSignal<String>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub interruptions: RwSignal<Vec<PeriodRow>>,
    pub regular: RwSignal<Option<bool>>,
    pub weekly_hours: RwSignal<String>,
    /// Half days, as the select offers them (`9` is 4.5 days).
    pub days_per_week: RwSignal<String>,
    pub schedule_periods: RwSignal<Vec<PeriodRow>>,
    pub working_time: RwSignal<String>,
    pub part_time: RwSignal<String>,
    pub presence_type: RwSignal<String>,
    pub working_time_comment: RwSignal<String>,
    pub night_work: RwSignal<String>,
    /// At night, 22:00–06:00 (SAF-07: never for a minor).
    pub at_night: RwSignal<Option<bool>>,
    /// Abroad: the host insures the intern (ABR-03).
    pub host_cover: RwSignal<Option<bool>>,
    pub leave_days: RwSignal<String>,
    pub leave_terms: RwSignal<String>,
    pub stipend_paid: RwSignal<Option<bool>>,
    pub amount: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub basis: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub payment_mode: RwSignal<String>,
    pub benefits: RwSignal<String>,
    pub supervision: RwSignal<String>,
    pub work_to_deliver: RwSignal<String>,
    pub validation_mode: RwSignal<String>,
    pub confidentiality: RwSignal<String>,
    pub found_through: RwSignal<String>,
}

fn text(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_owned())
}

fn optional_text(value: &Option<String>) -> RwSignal<String> {
    RwSignal::new(value.clone().unwrap_or_default())
}

fn coded<T: serde::Serialize>(value: &Option<T>) -> RwSignal<String> {
    RwSignal::new(value.as_ref().map(code_of).unwrap_or_default())
}

fn reference(value: &Option<NomenclatureRef>) -> RwSignal<String> {
    RwSignal::new(value.as_ref().map(|r| r.code.clone()).unwrap_or_default())
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// A typed date, or its message when the text is not one.
fn date(messages: &mut Vec<FieldMessage>, path: &str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = value.parse::<NaiveDate>().ok();
    if parsed.is_none() {
        messages.push(FieldMessage::local(path, "form-not-a-date"));
    }
    parsed
}

impl Fields {
    pub fn new(i: &Internship, lang: Lang) -> Self {
        let date =
            |d: Option<NaiveDate>| RwSignal::new(d.map(|d| d.to_string()).unwrap_or_default());
        Self {
            convention_type: coded(&i.convention_type),
            theme: reference(&i.theme),
            language: coded(&i.language),
            subject: text(&i.subject),
            tasks: text(&i.tasks),
            skills: text(&i.skills),
            details: optional_text(&i.details),
            start: date(i.start),
            end: date(i.end),
            interruptions: RwSignal::new(
                i.interruptions
                    .iter()
                    .map(|p| PeriodRow::of(p.start, p.end, String::new()))
                    .collect(),
            ),
            regular: RwSignal::new(i.regular_schedule),
            weekly_hours: RwSignal::new(
                i.weekly_minutes
                    .map(|m| format::minutes_input(lang, m))
                    .unwrap_or_default(),
            ),
            days_per_week: RwSignal::new(
                i.days_per_week
                    .unwrap_or(DaysPerWeek::FIVE)
                    .half_days()
                    .to_string(),
            ),
            schedule_periods: RwSignal::new(
                i.schedule_periods
                    .iter()
                    .map(|p| {
                        PeriodRow::of(
                            p.start,
                            p.end,
                            format::minutes_input(lang, p.minutes_per_day),
                        )
                    })
                    .collect(),
            ),
            working_time: coded(&i.working_time),
            part_time: RwSignal::new(
                i.part_time_percentage
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            ),
            presence_type: coded(&i.presence_type),
            working_time_comment: optional_text(&i.working_time_comment),
            night_work: optional_text(&i.night_sunday_holiday_work),
            at_night: RwSignal::new(i.night_work),
            host_cover: RwSignal::new(i.host_accident_cover),
            leave_days: RwSignal::new(i.leave_days.map(|d| d.to_string()).unwrap_or_default()),
            leave_terms: optional_text(&i.leave_terms),
            stipend_paid: RwSignal::new(i.stipend_paid),
            amount: RwSignal::new(
                i.stipend
                    .amount_cents
                    .map(|c| format::cents_input(lang, c))
                    .unwrap_or_default(),
            ),
            currency: RwSignal::new(
                i.stipend
                    .currency
                    .as_ref()
                    .map_or_else(|| "EUR".to_owned(), |c| c.as_str().to_owned()),
            ),
            basis: coded(&i.stipend.basis),
            unit: coded(&i.stipend.unit),
            payment_mode: coded(&i.stipend.payment_mode),
            benefits: optional_text(&i.benefits),
            supervision: optional_text(&i.supervision_mode),
            work_to_deliver: reference(&i.work_to_deliver),
            validation_mode: reference(&i.validation_mode),
            confidentiality: coded(&i.confidentiality),
            found_through: coded(&i.found_through),
        }
    }

    /// The domain's internship from what is typed, and a message for each
    /// text that is not what its field takes.
    pub fn build(&self) -> (Internship, Vec<FieldMessage>) {
        let mut messages = Vec::new();
        let m = &mut messages;
        let start = date(m, "internship.start", &self.start.get());
        let end = date(m, "internship.end", &self.end.get());
        let mut interruptions = Vec::new();
        for (index, row) in self.interruptions.get().iter().enumerate() {
            let path = format!("internship.interruptions[{index}]");
            let from = date(m, &format!("{path}.start"), &row.start.get());
            let to = date(m, &format!("{path}.end"), &row.end.get());
            if let (Some(start), Some(end)) = (from, to) {
                interruptions.push(Period { start, end });
            }
        }
        let mut schedule_periods = Vec::new();
        for (index, row) in self.schedule_periods.get().iter().enumerate() {
            let path = format!("internship.schedule_periods[{index}]");
            let from = date(m, &format!("{path}.start"), &row.start.get());
            let to = date(m, &format!("{path}.end"), &row.end.get());
            let hours = row.hours.get();
            let minutes = format::parse_minutes(&hours);
            if minutes.is_none() && !hours.trim().is_empty() {
                m.push(FieldMessage::local(
                    &format!("{path}.minutes_per_day"),
                    "form-not-a-number",
                ));
            }
            if let (Some(start), Some(end)) = (from, to) {
                schedule_periods.push(SchedulePeriod {
                    start,
                    end,
                    minutes_per_day: minutes.unwrap_or_default(),
                });
            }
        }
        let mut number = |path: &str, value: &str, parsed: Option<()>| {
            if parsed.is_none() && !value.trim().is_empty() {
                m.push(FieldMessage::local(path, "form-not-a-number"));
            }
        };
        let weekly_text = self.weekly_hours.get();
        let weekly = format::parse_minutes(&weekly_text);
        number("internship.weekly_minutes", &weekly_text, weekly.map(drop));
        let part_text = self.part_time.get();
        let part_time = part_text.trim().parse::<u8>().ok();
        number(
            "internship.part_time_percentage",
            &part_text,
            part_time.map(drop),
        );
        let leave_text = self.leave_days.get();
        let leave_days = leave_text.trim().parse::<u16>().ok();
        number("internship.leave_days", &leave_text, leave_days.map(drop));
        let amount_text = self.amount.get();
        let amount = format::parse_cents(&amount_text);
        if amount.is_none() && !amount_text.trim().is_empty() {
            m.push(FieldMessage::local(
                "internship.stipend.amount_cents",
                "form-not-an-amount",
            ));
        }
        let reference = |code: String| {
            optional(&code).map(|code| NomenclatureRef {
                label: code.clone(),
                code,
            })
        };
        let paid = self.stipend_paid.get();
        let internship = Internship {
            convention_type: from_code(&self.convention_type.get()),
            theme: reference(self.theme.get()),
            language: from_code(&self.language.get()),
            subject: self.subject.get().trim().to_owned(),
            tasks: self.tasks.get().trim().to_owned(),
            skills: self.skills.get().trim().to_owned(),
            details: optional(&self.details.get()),
            start,
            end,
            interruptions,
            regular_schedule: self.regular.get(),
            weekly_minutes: weekly,
            days_per_week: self
                .days_per_week
                .get()
                .parse::<u8>()
                .ok()
                .and_then(|h| DaysPerWeek::from_half_days(h).ok()),
            schedule_periods,
            working_time: from_code(&self.working_time.get()),
            part_time_percentage: part_time,
            presence_type: from_code(&self.presence_type.get()),
            working_time_comment: optional(&self.working_time_comment.get()),
            leave_days,
            leave_terms: optional(&self.leave_terms.get()),
            stipend_paid: paid,
            stipend: if paid == Some(true) {
                StipendTerms {
                    amount_cents: amount,
                    currency: Currency::parse(&self.currency.get()).ok(),
                    basis: from_code(&self.basis.get()),
                    unit: from_code(&self.unit.get()),
                    payment_mode: from_code(&self.payment_mode.get()),
                }
            } else {
                StipendTerms::default()
            },
            benefits: optional(&self.benefits.get()),
            supervision_mode: optional(&self.supervision.get()),
            work_to_deliver: reference(self.work_to_deliver.get()),
            validation_mode: reference(self.validation_mode.get()),
            confidentiality: from_code(&self.confidentiality.get()),
            night_sunday_holiday_work: optional(&self.night_work.get()),
            night_work: self.at_night.get(),
            host_accident_cover: self.host_cover.get(),
            found_through: from_code(&self.found_through.get()),
        };
        (internship, messages)
    }
}
