//! Every statutory rule at its boundaries, through the public entry points.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use stages_domain::duration::effective_minutes;
use stages_domain::ids::Currency;
use stages_domain::model::*;
use stages_domain::rules::{
    self, CheckContext, CheckMode, PostReview, PreviousInternship, busiest_week, host_quota,
};
use stages_domain::stipend::{MIN_HOURLY_RATES_CENTS, RateTable};
use stages_domain::violation::{Severity, has_errors};

#[test]
fn the_realistic_convention_is_clean() {
    let c = convention();
    let v = check(&c, &context());
    assert!(v.is_empty(), "{v:#?}");
    let i = &c.internship;
    let schedule = i.schedule().unwrap();
    assert_eq!(
        effective_minutes(
            i.start.unwrap(),
            i.end.unwrap(),
            &i.interruptions,
            &schedule
        ),
        602 * 60
    );
    let completion = rules::completion(&c, &context());
    assert_eq!(completion.complete, WizardStep::DATA_STEPS.to_vec());
    assert!(completion.incomplete.is_empty());
}

#[test]
fn an_empty_draft_warns_and_a_complete_check_blocks() {
    let empty = Convention::default();
    let draft = CheckContext {
        mode: CheckMode::Draft,
        ..context()
    };
    let v = check(&empty, &draft);
    assert!(!v.is_empty());
    assert!(v.iter().all(|v| v.severity == Severity::Warning), "{v:#?}");
    // Each step reports on its own fields.
    for step in WizardStep::DATA_STEPS {
        let step_violations = rules::check_step(step, &empty, &context());
        assert!(has_errors(&step_violations), "{step:?}");
        assert!(
            step_violations
                .iter()
                .all(|v| WizardStep::of_field(&v.field) == Some(step)),
            "{step:?}: {step_violations:#?}"
        );
    }
    assert!(rules::check_step(WizardStep::Summary, &empty, &context()).is_empty());
    let completion = rules::completion(&empty, &draft);
    assert!(completion.complete.is_empty());
    assert_eq!(completion.incomplete.len(), 7);
}

#[test]
fn a_draft_keeps_incoherent_data_as_errors() {
    let mut c = convention();
    c.internship.end = Some(d(2026, 4, 1));
    let draft = CheckContext {
        mode: CheckMode::Draft,
        ..context()
    };
    let v = check(&c, &draft);
    assert_eq!(
        rules_and_fields(&v),
        [("DUR-05".into(), "internship.end".into())]
    );
    assert!(has_errors(&v));
}

#[test]
fn grat_01_stipend_mandatory_strictly_above_308_hours() {
    // 280 h here, the rest in other conventions with the same host.
    for (other_hours, mandatory) in [(27, false), (28, false), (29, true)] {
        let mut c = eight_weeks(35 * 60);
        c.internship.stipend_paid = Some(false);
        c.internship.stipend = StipendTerms::default();
        let ctx = CheckContext {
            same_host_minutes: other_hours * 60,
            ..context()
        };
        let v = check(&c, &ctx);
        assert_eq!(
            has_rule(&v, "GRAT-01"),
            mandatory,
            "{} h",
            280 + other_hours
        );
        if mandatory {
            let grat = v.iter().find(|v| v.rule == "GRAT-01").unwrap();
            assert_eq!(grat.field, "internship.stipend_paid");
            assert_eq!(serde_json::to_value(&grat.args["hours"]).unwrap(), "309");
        }
    }
}

#[test]
fn grat_02_minimum_rate_of_2026() {
    // 9 weeks at 35 h from 5 January 2026 = 315 h: mandatory.
    let mut c = eight_weeks(35 * 60);
    c.internship.end = Some(d(2026, 3, 6));
    c.internship.stipend.unit = Some(StipendUnit::Hour);
    for (cents, ok) in [(449, false), (450, true)] {
        c.internship.stipend.amount_cents = Some(cents);
        let v = check(&c, &context());
        assert_eq!(!has_rule(&v, "GRAT-02"), ok, "{cents}: {v:#?}");
    }
    c.internship.stipend.unit = Some(StipendUnit::Month);
    for (cents, ok) in [(69_299, false), (69_300, true)] {
        c.internship.stipend.amount_cents = Some(cents);
        let v = check(&c, &context());
        assert_eq!(!has_rule(&v, "GRAT-02"), ok, "{cents}: {v:#?}");
    }
    c.internship.stipend.amount_cents = Some(69_299);
    let v = check(&c, &context());
    let below = v.iter().find(|v| v.rule == "GRAT-02").unwrap();
    assert_eq!(
        serde_json::to_value(&below.args).unwrap()["minimum"],
        "4.50"
    );
    assert_eq!(serde_json::to_value(&below.args).unwrap()["year"], 2026);
    // Below the threshold a stipend is optional and has no minimum (GRAT-06).
    let mut optional = eight_weeks(35 * 60);
    optional.internship.stipend.amount_cents = Some(10_000);
    assert!(check(&optional, &context()).is_empty());
}

#[test]
fn grat_02_warns_when_the_rate_table_ends() {
    let mut c = convention();
    c.student.enrolment.as_mut().unwrap().academic_year = AcademicYear::starting(2030);
    c.internship.start = Some(d(2031, 4, 14));
    c.internship.end = Some(d(2031, 8, 22));
    c.internship.interruptions.clear();
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [("GRAT-02".into(), "internship.stipend.amount_cents".into())]
    );
    assert_eq!(v[0].severity, Severity::Warning);
}

#[test]
fn grat_02_a_year_without_a_rate_takes_the_latest_known_as_a_floor() {
    let grat_02 = |v: &[stages_domain::Violation]| -> Vec<(String, Severity, serde_json::Value)> {
        v.iter()
            .filter(|v| v.rule == "GRAT-02")
            .map(|v| {
                (
                    v.message_key.clone(),
                    v.severity,
                    serde_json::to_value(&v.args).unwrap(),
                )
            })
            .collect()
    };
    // Spring 2027, 21 weeks at 35 h: a stipend is due; the compiled table
    // ends with 2026.
    let mut c = convention();
    c.student.enrolment.as_mut().unwrap().academic_year = AcademicYear::starting(2026);
    c.internship.start = Some(d(2027, 1, 4));
    c.internship.end = Some(d(2027, 5, 28));
    c.internship.interruptions.clear();
    c.internship.stipend.unit = Some(StipendUnit::Hour);
    c.internship.stipend.amount_cents = Some(100);
    let found = grat_02(&check(&c, &context()));
    assert_eq!(found.len(), 1, "{found:?}");
    let (key, severity, args) = &found[0];
    assert_eq!(key, "grat-02-below-known-minimum");
    assert_eq!(*severity, Severity::Error);
    assert_eq!(args["year"], 2027);
    assert_eq!(args["rate_year"], 2026);
    assert_eq!(args["minimum"], "4.50");
    // At the floor: no error, but the year's rate is still to be checked.
    for cents in [449, 450] {
        c.internship.stipend.amount_cents = Some(cents);
        let found = grat_02(&check(&c, &context()));
        let severities: Vec<Severity> = found.iter().map(|f| f.1).collect();
        let expected = if cents < 450 {
            vec![Severity::Error]
        } else {
            vec![Severity::Warning]
        };
        assert_eq!(severities, expected, "{cents}: {found:?}");
    }
    // Once the table has 2027's rate, it is that year's own minimum.
    let with_2027 = CheckContext {
        rates: RateTable::new(MIN_HOURLY_RATES_CENTS.into_iter().chain([(2027, 462)])),
        ..context()
    };
    c.internship.stipend.amount_cents = Some(461);
    let found = grat_02(&check(&c, &with_2027));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "grat-02-below-minimum");
    assert_eq!(found[0].2["minimum"], "4.62");
    c.internship.stipend.amount_cents = Some(462);
    assert!(grat_02(&check(&c, &with_2027)).is_empty());

    // December 2026 to March 2027 at 4.35 €: its 2026 part is below that
    // year's 4.50 €, whatever 2027's rate turns out to be.
    c.internship.start = Some(d(2026, 12, 1));
    c.internship.end = Some(d(2027, 3, 26));
    c.internship.stipend.amount_cents = Some(435);
    let found = grat_02(&check(&c, &context()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "grat-02-below-minimum");
    assert_eq!(found[0].2["year"], 2026);
}

#[test]
fn grat_05_a_public_host_may_pay_a_new_years_rate_the_table_lacks() {
    // Spring 2027, public host: 4.62 € an hour may be 2027's rate, unknown
    // here; the carried 4.50 € is a floor, not a ceiling. Below it stays a
    // GRAT-02 error.
    let mut c = convention();
    c.student.enrolment.as_mut().unwrap().academic_year = AcademicYear::starting(2026);
    c.internship.start = Some(d(2027, 1, 4));
    c.internship.end = Some(d(2027, 5, 28));
    c.internship.interruptions.clear();
    c.organisation.as_mut().unwrap().kind = Some(OrganisationKind::PublicEstablishment);
    c.internship.stipend.unit = Some(StipendUnit::Hour);
    c.internship.stipend.amount_cents = Some(462);
    let v = check(&c, &context());
    assert!(!has_rule(&v, "GRAT-05"), "{v:#?}");
    assert!(!has_errors(&v), "{v:#?}");
    c.internship.stipend.amount_cents = Some(449);
    let v = check(&c, &context());
    assert!(has_rule(&v, "GRAT-02") && has_errors(&v), "{v:#?}");
}

#[test]
fn grat_05_public_hosts_pay_the_legal_rate_exactly() {
    let mut c = eight_weeks(35 * 60);
    c.internship.end = Some(d(2026, 3, 6));
    c.organisation.as_mut().unwrap().kind = Some(OrganisationKind::PublicEstablishment);
    c.internship.stipend.unit = Some(StipendUnit::Hour);
    c.internship.stipend.amount_cents = Some(450);
    assert!(check(&c, &context()).is_empty());
    c.internship.stipend.amount_cents = Some(451);
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [("GRAT-05".into(), "internship.stipend.amount_cents".into())]
    );
    assert!(has_errors(&v));
    // Optional stipend below the rate: a warning, not an error.
    let mut short = eight_weeks(35 * 60);
    short.organisation.as_mut().unwrap().kind = Some(OrganisationKind::PublicAdministration);
    short.internship.stipend.unit = Some(StipendUnit::Hour);
    short.internship.stipend.amount_cents = Some(400);
    let v = check(&short, &context());
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].rule.as_str(), v[0].severity),
        ("GRAT-05", Severity::Warning)
    );
}

#[test]
fn grat_10_terms_required_when_a_stipend_is_paid() {
    let mut c = convention();
    c.internship.stipend = StipendTerms::default();
    let fields: Vec<String> = check(&c, &context())
        .into_iter()
        .filter(|v| v.rule == "GRAT-10")
        .map(|v| v.field)
        .collect();
    assert_eq!(
        fields,
        [
            "internship.stipend.amount_cents",
            "internship.stipend.currency",
            "internship.stipend.basis",
            "internship.stipend.unit",
            "internship.stipend.payment_mode"
        ]
    );
    c.internship.stipend_paid = Some(false);
    assert!(!has_rule(&check(&c, &context()), "GRAT-10"));
}

#[test]
fn abs_02_leave_required_strictly_above_308_hours() {
    // 8 weeks = 40 working days; weekly minutes chosen so the total lands
    // just under, on, and over 308 h.
    for (weekly, required) in [(2302, false), (2310, false), (2318, true)] {
        let mut c = eight_weeks(weekly);
        c.internship.leave_days = None;
        c.internship.stipend_paid = Some(false);
        c.internship.stipend = StipendTerms::default();
        let v = check(&c, &context());
        assert_eq!(has_rule(&v, "ABS-02"), required, "weekly {weekly}: {v:#?}");
        // GRAT-01 follows the same threshold.
        assert_eq!(has_rule(&v, "GRAT-01"), required);
    }
    let mut with_terms = eight_weeks(2318);
    with_terms.internship.leave_days = None;
    with_terms.internship.leave_terms = Some("Selon le règlement de l'entreprise".into());
    assert!(!has_rule(&check(&with_terms, &context()), "ABS-02"));
}

#[test]
fn dur_02_at_most_924_hours_per_host_and_year() {
    // 280 h here.
    for (other, ok) in [(644, true), (645, false)] {
        let ctx = CheckContext {
            same_host_minutes: other * 60,
            ..context()
        };
        let v = check(&eight_weeks(35 * 60), &ctx);
        assert_eq!(!has_rule(&v, "DUR-02"), ok, "{} h", 280 + other);
        if !ok {
            let dur = v.iter().find(|v| v.rule == "DUR-02").unwrap();
            assert_eq!(dur.field, "internship.end");
            let args = serde_json::to_value(&dur.args).unwrap();
            assert_eq!(args["hours"], "925");
            assert_eq!(args["other_hours"], "645");
            assert_eq!(args["max"], 924);
        }
    }
}

fn dur_03(violations: &[stages_domain::Violation]) -> Option<(Severity, String)> {
    violations
        .iter()
        .find(|v| v.rule == "DUR-03")
        .map(|v| (v.severity, v.message_key.clone()))
}

#[test]
fn dur_03_waiting_period_of_a_third() {
    // Previous: 90 days (1 Oct – 29 Dec 2025) → 30 days of waiting: the next
    // may start on 29 January 2026 at the earliest.
    let previous = PreviousInternship {
        start: d(2025, 10, 1),
        end: d(2025, 12, 29),
        ended_early_by_intern: false,
    };
    let same_post = |same_post| PostReview {
        same_post,
        reason: "Même fiche de poste".into(),
        earlier: vec![previous],
    };
    let ctx = CheckContext {
        earlier_interns: vec![previous],
        post_review: Some(same_post(true)),
        ..context()
    };
    for (start, ok) in [(d(2026, 1, 28), false), (d(2026, 1, 29), true)] {
        let mut c = eight_weeks(35 * 60);
        c.internship.start = Some(start);
        let v = check(&c, &ctx);
        assert_eq!(!has_rule(&v, "DUR-03"), ok, "{start}");
        if !ok {
            let found = v.iter().find(|v| v.rule == "DUR-03").unwrap();
            assert_eq!(found.severity, Severity::Error);
            let args = serde_json::to_value(&found.args).unwrap();
            assert_eq!(args["earliest"], "2026-01-29");
            assert_eq!(args["days"], 30);
        }
    }
    let waived = CheckContext {
        earlier_interns: vec![PreviousInternship {
            ended_early_by_intern: true,
            ..previous
        }],
        ..ctx.clone()
    };
    let mut c = eight_weeks(35 * 60);
    c.internship.start = Some(d(2026, 1, 5));
    assert!(!has_rule(&check(&c, &waived), "DUR-03"));
}

/// DUR-03 the other way: a later intern at the same service or with the
/// same tutor, agreed first, who starts within this internship's own
/// waiting period (5 January to 27 February 2026 is 54 days, so 18 days of
/// waiting: the post is free from 18 March) is asked about at the end
/// date; "same post" makes it an error, "another post" clears it. One
/// answer covers earlier and later interns together, and only those it saw.
#[test]
fn dur_03_a_later_intern_agreed_first_is_reviewed_too() {
    let c = eight_weeks(35 * 60);
    let next = |start| PreviousInternship {
        start,
        end: d(2026, 6, 30),
        ended_early_by_intern: false,
    };
    let ctx = |later: PreviousInternship, review: Option<bool>, mode| CheckContext {
        mode,
        later_interns: vec![later],
        post_review: review.map(|same_post| PostReview {
            same_post,
            reason: "Même équipe, autres missions".into(),
            earlier: vec![later],
        }),
        ..context()
    };
    let found = |v: Vec<stages_domain::Violation>| {
        v.into_iter()
            .find(|v| v.rule == "DUR-03")
            .map(|v| (v.field, v.severity, v.message_key))
    };
    let finding =
        |severity, key: &str| Some(("internship.end".to_owned(), severity, key.to_owned()));
    let (inside, outside) = (next(d(2026, 3, 17)), next(d(2026, 3, 18)));
    assert_eq!(
        found(check(&c, &ctx(outside, None, CheckMode::Validation))),
        None
    );
    assert_eq!(
        found(check(&c, &ctx(inside, None, CheckMode::Complete))),
        finding(Severity::Warning, "dur-03-next-intern-to-review")
    );
    assert_eq!(
        found(check(&c, &ctx(inside, None, CheckMode::Validation))),
        finding(Severity::Error, "dur-03-next-intern-to-review")
    );
    let same = check(&c, &ctx(inside, Some(true), CheckMode::Complete));
    let args =
        serde_json::to_value(&same.iter().find(|v| v.rule == "DUR-03").unwrap().args).unwrap();
    assert_eq!(
        (args["next_start"].as_str(), args["days"].as_i64()),
        (Some("2026-03-17"), Some(18))
    );
    assert_eq!(
        found(same),
        finding(Severity::Error, "dur-03-next-intern-too-soon")
    );
    assert_eq!(
        found(check(&c, &ctx(inside, Some(false), CheckMode::Validation))),
        None
    );
    assert_eq!(
        rules::waiting_period_candidates(&c, &ctx(inside, None, CheckMode::Complete)),
        [inside]
    );

    // An earlier intern too (90 days to 29 December 2025: 30 days, so from
    // 29 January): an answer about the later one alone asks again.
    let earlier = PreviousInternship {
        start: d(2025, 10, 1),
        end: d(2025, 12, 29),
        ended_early_by_intern: false,
    };
    let both = |seen: Vec<PreviousInternship>| CheckContext {
        earlier_interns: vec![earlier],
        post_review: Some(PostReview {
            same_post: false,
            reason: "Autre poste".into(),
            earlier: seen,
        }),
        ..ctx(inside, None, CheckMode::Validation)
    };
    let fields: Vec<String> = check(&c, &both(vec![inside]))
        .into_iter()
        .filter(|v| v.rule == "DUR-03")
        .map(|v| v.field)
        .collect();
    assert_eq!(fields, ["internship.start", "internship.end"]);
    assert_eq!(found(check(&c, &both(vec![earlier, inside]))), None);
}

/// DUR-03 without comparing subjects: an earlier intern at the same service
/// or with the same tutor inside the waiting window is a warning until
/// staff review it, an error when validating unreviewed, nothing once
/// staff say it is another post, an error once they say it is the same.
/// Of several, the one whose window ends last is named.
#[test]
fn dur_03_an_earlier_intern_is_reviewed_before_validation() {
    let earlier = PreviousInternship {
        start: d(2025, 10, 1),
        end: d(2025, 12, 29),
        ended_early_by_intern: false,
    };
    let shorter = PreviousInternship {
        start: d(2025, 12, 1),
        end: d(2025, 12, 30),
        ended_early_by_intern: false,
    };
    let mut c = eight_weeks(35 * 60);
    c.internship.start = Some(d(2026, 1, 20));
    let with = |mode, review: Option<bool>| CheckContext {
        mode,
        earlier_interns: vec![shorter, earlier],
        post_review: review.map(|same_post| PostReview {
            same_post,
            reason: "Autre service, autres missions".into(),
            earlier: vec![shorter, earlier],
        }),
        ..context()
    };
    let to_review = "dur-03-same-post-to-review".to_owned();
    assert_eq!(
        dur_03(&check(&c, &with(CheckMode::Complete, None))),
        Some((Severity::Warning, to_review.clone()))
    );
    let validating = check(&c, &with(CheckMode::Validation, None));
    assert_eq!(dur_03(&validating), Some((Severity::Error, to_review)));
    let found = validating.iter().find(|v| v.rule == "DUR-03").unwrap();
    let args = serde_json::to_value(&found.args).unwrap();
    assert_eq!(
        args["previous_end"], "2025-12-29",
        "the longer wait is named"
    );
    assert_eq!(args["earliest"], "2026-01-29");
    assert_eq!(
        dur_03(&check(&c, &with(CheckMode::Validation, Some(false)))),
        None
    );
    assert_eq!(
        dur_03(&check(&c, &with(CheckMode::Complete, Some(true)))),
        Some((Severity::Error, "dur-03-waiting-period".to_owned()))
    );
    // An answer given before the longer internship was known does not
    // cover it: the question comes back.
    let partial = CheckContext {
        post_review: Some(PostReview {
            same_post: false,
            reason: "Autre poste".into(),
            earlier: vec![shorter],
        }),
        ..with(CheckMode::Validation, None)
    };
    assert_eq!(
        dur_03(&check(&c, &partial)),
        Some((Severity::Error, "dur-03-same-post-to-review".to_owned()))
    );
    assert_eq!(
        rules::waiting_period_candidates(&c, &partial),
        [earlier],
        "the shorter one's 10 days ended on 10 January"
    );
    // An internship that has not ended by the first day is no earlier
    // intern (an amendment's context holds those around the moved dates).
    let overlapping = CheckContext {
        earlier_interns: vec![PreviousInternship {
            start: d(2026, 1, 5),
            end: d(2026, 3, 27),
            ended_early_by_intern: false,
        }],
        ..with(CheckMode::Validation, None)
    };
    assert_eq!(rules::waiting_period_candidates(&c, &overlapping), []);
    // Outside every window: nothing to review.
    c.internship.start = Some(d(2026, 1, 29));
    assert_eq!(dur_03(&check(&c, &with(CheckMode::Validation, None))), None);
}

#[test]
fn weekly_hours_warn_above_48_and_refuse_above_84() {
    let cases = [
        (48 * 60, None),
        (48 * 60 + 30, Some(("DUR-04", Severity::Warning))),
        (84 * 60, Some(("DUR-04", Severity::Warning))),
        (84 * 60 + 30, Some(("DUR-05", Severity::Error))),
    ];
    for (weekly, expected) in cases {
        let mut c = convention();
        c.internship.weekly_minutes = Some(weekly);
        let v = check(&c, &context());
        let found: Vec<(&str, Severity)> = v
            .iter()
            .filter(|v| v.field == "internship.weekly_minutes")
            .map(|v| (v.rule.as_str(), v.severity))
            .collect();
        assert_eq!(
            found,
            expected.into_iter().collect::<Vec<_>>(),
            "{weekly} min"
        );
    }
    let mut c = convention();
    c.internship.weekly_minutes = Some(84 * 60 + 30);
    let v = check(&c, &context());
    let args = serde_json::to_value(&v.iter().find(|v| v.rule == "DUR-05").unwrap().args).unwrap();
    assert_eq!(args["hours"], "84.5");
}

/// SAF-07 at its boundaries: 17 on the first day (born 14 April 2008, the
/// internship starting 13 April 2026) is a minor, 18 that day is not; a
/// minor is refused above 35 h a week and above 8 h a day (35 h over 4
/// days is 8 h 45), whether the schedule is regular or by periods.
#[test]
fn saf_07_a_minor_is_limited_to_35_hours_and_8_a_day() {
    let saf_07 = |c: &Convention| -> Vec<(String, Severity)> {
        check(c, &context())
            .into_iter()
            .filter(|v| v.rule == "SAF-07")
            .map(|v| (v.field, v.severity))
            .collect()
    };
    let mut c = convention();
    c.student.student.birth_date = Some(d(2008, 4, 14));
    c.student.legal_representative = Some(legal_representative());
    c.internship.night_work = Some(false);
    c.internship.weekly_minutes = Some(36 * 60);
    assert_eq!(
        saf_07(&c),
        [("internship.weekly_minutes".to_owned(), Severity::Error)],
        "17 on 13 April 2026"
    );
    c.internship.weekly_minutes = Some(35 * 60);
    assert_eq!(saf_07(&c), [], "35 h over 5 days: 7 h a day");
    c.internship.days_per_week = Some(DaysPerWeek::from_half_days(8).unwrap());
    assert_eq!(
        saf_07(&c),
        [("internship.days_per_week".to_owned(), Severity::Error)],
        "35 h over 4 days"
    );
    c.internship.weekly_minutes = Some(32 * 60);
    assert_eq!(saf_07(&c), [], "32 h over 4 days: 8 h a day");
    c.student.student.birth_date = Some(d(2008, 4, 13));
    c.internship.weekly_minutes = Some(40 * 60);
    assert_eq!(saf_07(&c), [], "18 on the first day");
    c.student.student.birth_date = None;
    assert_eq!(saf_07(&c), [], "no birth date: the rules cannot tell");

    let mut by_periods = eight_weeks(35 * 60);
    by_periods.student.student.birth_date = Some(d(2009, 6, 1));
    by_periods.student.legal_representative = Some(legal_representative());
    by_periods.internship.night_work = Some(false);
    by_periods.internship.regular_schedule = Some(false);
    by_periods.internship.weekly_minutes = None;
    by_periods.internship.schedule_periods = vec![SchedulePeriod {
        start: by_periods.internship.start.unwrap(),
        end: by_periods.internship.end.unwrap(),
        minutes_per_day: 8 * 60 + 30,
    }];
    assert_eq!(
        saf_07(&by_periods),
        [(
            "internship.schedule_periods[0].minutes_per_day".to_owned(),
            Severity::Error
        )],
        "8 h 30 a day by periods"
    );
    by_periods.internship.schedule_periods[0].minutes_per_day = 8 * 60;
    assert_eq!(saf_07(&by_periods), []);
}

#[test]
fn enc_01_supervisor_follows_at_most_24() {
    for (others, ok) in [(23, true), (24, false)] {
        let ctx = CheckContext {
            supervisor_ongoing: Some(others),
            ..context()
        };
        let v = check(&convention(), &ctx);
        assert_eq!(v.is_empty(), ok, "{others} others");
        if !ok {
            assert_eq!(
                rules_and_fields(&v),
                [("ENC-01".into(), "supervisor".into())]
            );
        }
    }
}

#[test]
fn enc_02_tutor_3_ok_4_refused() {
    // Two others + this one = 3: allowed; three others = a 4th: refused.
    for (others, ok) in [(2, true), (3, false)] {
        let ctx = CheckContext {
            tutor_ongoing: Some(others),
            ..context()
        };
        let v = check(&convention(), &ctx);
        assert_eq!(v.is_empty(), ok, "{others} others");
        if !ok {
            assert_eq!(rules_and_fields(&v), [("ENC-02".into(), "tutor".into())]);
        }
    }
}

#[test]
fn enc_03_host_quota() {
    let quotas: Vec<u32> = [19, 20, 21, 100, 101].into_iter().map(host_quota).collect();
    assert_eq!(quotas, [3, 3, 4, 15, 16]);
    // Three interns already there.
    for (headcount, ok) in [(19, false), (20, false), (21, true)] {
        let mut c = convention();
        c.organisation.as_mut().unwrap().headcount = Some(headcount);
        let ctx = CheckContext {
            host_interns: Some(interns(3)),
            ..context()
        };
        let v = check(&c, &ctx);
        assert_eq!(v.is_empty(), ok, "headcount {headcount}: {v:#?}");
        if !ok {
            assert_eq!(
                rules_and_fields(&v),
                [("ENC-03".into(), "organisation.headcount".into())]
            );
        }
    }
}

fn period(start: chrono::NaiveDate, end: chrono::NaiveDate) -> Period {
    Period { start, end }
}

/// ENC-03 counts per calendar week (Monday to Sunday) of the internship
/// (13 April, a Monday, to 21 August 2026, a Friday).
#[test]
fn enc_03_counts_the_busiest_calendar_week() {
    let (start, end) = (d(2026, 4, 13), d(2026, 8, 21));
    // Ending the Sunday before: another week. Ending on the first Monday:
    // the same week.
    assert_eq!(
        busiest_week(start, end, &[period(d(2026, 3, 1), d(2026, 4, 12))]),
        (0, d(2026, 4, 13))
    );
    assert_eq!(
        busiest_week(start, end, &[period(d(2026, 3, 1), d(2026, 4, 13))]),
        (1, d(2026, 4, 13))
    );
    // Three interns who follow one another within the week of 4 May are
    // never two on one day, yet all three count in that week.
    let relay = [
        period(d(2026, 4, 20), d(2026, 5, 5)),
        period(d(2026, 5, 6), d(2026, 5, 6)),
        period(d(2026, 5, 7), d(2026, 6, 30)),
    ];
    assert_eq!(busiest_week(start, end, &relay), (3, d(2026, 5, 4)));
    // The last week is the whole calendar week: from Saturday 22 August the
    // other intern shares it; from Monday 24 August they do not.
    assert_eq!(
        busiest_week(start, end, &[period(d(2026, 8, 22), d(2026, 9, 30))]),
        (1, d(2026, 8, 17))
    );
    assert_eq!(
        busiest_week(start, end, &[period(d(2026, 8, 24), d(2026, 9, 30))]),
        (0, d(2026, 4, 13))
    );
    // The work follows the interns, not the span: the last date chrono
    // knows neither panics nor allocates per week.
    assert_eq!(
        busiest_week(start, chrono::NaiveDate::MAX, &relay),
        (3, d(2026, 5, 4))
    );
    assert_eq!(
        busiest_week(chrono::NaiveDate::MIN, d(2026, 12, 31), &relay[..1]).0,
        1
    );
    // An incoherent period (end before start) is no intern.
    assert_eq!(
        busiest_week(start, end, &[period(d(2026, 5, 7), d(2026, 5, 1))]),
        (0, d(2026, 4, 13))
    );

    // With fewer than 20 people the quota is 3: the relay week already has
    // three, so this fourth intern is refused, naming the week; although on
    // the first day nobody else is there.
    let mut c = convention();
    c.organisation.as_mut().unwrap().headcount = Some(19);
    let ctx = CheckContext {
        host_interns: Some(relay.to_vec()),
        ..context()
    };
    let v = check(&c, &ctx);
    assert_eq!(
        rules_and_fields(&v),
        [("ENC-03".into(), "organisation.headcount".into())]
    );
    let args = serde_json::to_value(&v[0].args).unwrap();
    assert_eq!(args["week"], "2026-05-04");
    assert_eq!(args["ongoing"], 3);
    // Two of them: 2 + 1 = 3, within the quota.
    let ctx = CheckContext {
        host_interns: Some(relay[..2].to_vec()),
        ..context()
    };
    assert!(check(&c, &ctx).is_empty());
    // 21 people: ceil(15 × 21 / 100) = 4, so the relay week is fine.
    c.organisation.as_mut().unwrap().headcount = Some(21);
    let ctx = CheckContext {
        host_interns: Some(relay.to_vec()),
        ..context()
    };
    assert!(check(&c, &ctx).is_empty());
}

#[test]
fn conv_04_curriculum_of_200_hours_except_gap_years() {
    for (hours, ok) in [(199, false), (200, true)] {
        let mut c = convention();
        c.student.enrolment.as_mut().unwrap().teaching_hours = Some(hours);
        assert_eq!(
            !has_rule(&check(&c, &context()), "CONV-04"),
            ok,
            "{hours} h"
        );
    }
    let mut gap = convention();
    gap.student.enrolment.as_mut().unwrap().teaching_hours = None;
    gap.internship.convention_type = Some(ConventionType::GapYear);
    assert!(check(&gap, &context()).is_empty());
}

#[test]
fn conv_07_ends_by_31_december_of_the_year_the_academic_year_ends() {
    let mut c = convention();
    c.internship.end = Some(d(2026, 12, 31));
    assert!(!has_rule(&check(&c, &context()), "CONV-07"));
    c.internship.end = Some(d(2027, 1, 1));
    let v = check(&c, &context());
    let conv = v.iter().find(|v| v.rule == "CONV-07").unwrap();
    let args = serde_json::to_value(&conv.args).unwrap();
    assert_eq!(args["limit"], "2026-12-31");
    assert_eq!(args["academic_year"], "2025-2026");
}

#[test]
fn conv_03_warns_when_the_start_is_not_in_the_future() {
    let ctx = CheckContext {
        today: d(2026, 4, 13),
        ..context()
    };
    let v = check(&convention(), &ctx);
    assert_eq!(
        rules_and_fields(&v),
        [("CONV-03".into(), "internship.start".into())]
    );
    assert_eq!(v[0].severity, Severity::Warning);
}

#[test]
fn dur_05_dates_and_interruptions_are_coherent() {
    let mut c = convention();
    c.internship.interruptions = vec![
        Period {
            start: d(2026, 5, 11),
            end: d(2026, 5, 15),
        },
        Period {
            start: d(2026, 6, 5),
            end: d(2026, 6, 1),
        },
        Period {
            start: d(2026, 5, 14),
            end: d(2026, 5, 20),
        },
        Period {
            start: d(2026, 8, 17),
            end: d(2026, 8, 28),
        },
    ];
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [
            ("DUR-05".into(), "internship.interruptions[1].end".into()),
            ("DUR-05".into(), "internship.interruptions[2]".into()),
            ("DUR-05".into(), "internship.interruptions[3]".into()),
        ]
    );
    assert_eq!(v[1].message_key, "dur-05-periods-overlap");
    assert_eq!(v[2].message_key, "dur-05-period-outside");
}

#[test]
fn irregular_schedule_periods_are_checked_like_interruptions() {
    let mut c = eight_weeks(35 * 60);
    c.internship.regular_schedule = Some(false);
    c.internship.weekly_minutes = None;
    c.internship.schedule_periods = vec![
        SchedulePeriod {
            start: d(2026, 1, 5),
            end: d(2026, 1, 30),
            minutes_per_day: 7 * 60,
        },
        SchedulePeriod {
            start: d(2026, 2, 2),
            end: d(2026, 2, 27),
            minutes_per_day: 11 * 60,
        },
        SchedulePeriod {
            start: d(2026, 2, 2),
            end: d(2026, 2, 3),
            minutes_per_day: 0,
        },
    ];
    // 360 h: the stipend is due; 693 € a month would be 3,50 € an hour with
    // 9-hour days on average, so pay by the hour here.
    c.internship.stipend.unit = Some(StipendUnit::Hour);
    c.internship.stipend.amount_cents = Some(450);
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [
            ("DUR-05".into(), "internship.schedule_periods[2]".into()),
            (
                "DUR-04".into(),
                "internship.schedule_periods[1].minutes_per_day".into()
            ),
            (
                "ID-10".into(),
                "internship.schedule_periods[2].minutes_per_day".into()
            ),
        ]
    );
    c.internship.schedule_periods.clear();
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [("CONV-08".into(), "internship.schedule_periods".into())]
    );
}

#[test]
fn part_time_needs_a_percentage_from_1_to_100() {
    let mut c = convention();
    c.internship.working_time = Some(WorkingTime::PartTime);
    assert_eq!(
        rules_and_fields(&check(&c, &context())),
        [("FORM-01".into(), "internship.part_time_percentage".into())]
    );
    for (percentage, ok) in [(0, false), (1, true), (80, true), (100, true), (101, false)] {
        c.internship.part_time_percentage = Some(percentage);
        let v = check(&c, &context());
        assert_eq!(v.is_empty(), ok, "{percentage} %");
        if !ok {
            assert_eq!(v[0].rule, "ID-10");
        }
    }
}

#[test]
fn ovl_01_overlap_unless_the_centre_allows_it() {
    let mut ctx = CheckContext {
        overlapping_conventions: 1,
        ..context()
    };
    assert_eq!(
        rules_and_fields(&check(&convention(), &ctx)),
        [("OVL-01".into(), "internship.start".into())]
    );
    ctx.centre.overlaps_allowed = true;
    assert!(check(&convention(), &ctx).is_empty());
}

#[test]
fn host_identity_in_france_and_abroad() {
    let mut c = convention();
    let org = c.organisation.as_mut().unwrap();
    org.siret = None;
    org.naf = None;
    org.main_activity = None;
    org.address.postal_code = "5400".into();
    assert_eq!(
        rules_and_fields(&check(&c, &context())),
        [
            ("ID-05".into(), "organisation.address.postal_code".into()),
            ("ID-03".into(), "organisation.siret".into()),
            ("ID-04".into(), "organisation.naf".into()),
        ]
    );

    // A host in Germany: no SIRET, free postcode, and French stipend, leave
    // and quota rules do not apply.
    let mut abroad = abroad();
    let ctx = CheckContext {
        host_interns: Some(interns(5)),
        ..context()
    };
    assert!(check(&abroad, &ctx).is_empty());
    // A stipend in another currency is not compared with the euro minimum;
    // ABR-03 asks the parties to compare it with the cover's limit.
    abroad.internship.stipend_paid = Some(true);
    abroad.internship.stipend = convention().internship.stipend;
    abroad.internship.stipend.currency = Some(Currency::parse("CHF").unwrap());
    abroad.internship.stipend.amount_cents = Some(100);
    let v = check(&abroad, &ctx);
    assert_eq!(
        rules_and_fields(&v),
        [("ABR-03".into(), "internship.host_accident_cover".into())]
    );
    assert!(!has_errors(&v));
}

/// ABR-03 at its boundaries: abroad, the French work-accident cover follows
/// an internship of six months at most (13 April to 12 October), extensions
/// included, paid at most 15 % of the hourly ceiling (4.50 € in 2026);
/// beyond either, the host must say it insures the intern. In a draft the
/// question is a warning; in France it is never asked.
#[test]
fn abr_03_beyond_six_months_or_the_pay_limit_the_host_insures() {
    let abr_03 = |c: &Convention, mode: CheckMode| -> Vec<(String, Severity)> {
        let ctx = CheckContext { mode, ..context() };
        check(c, &ctx)
            .into_iter()
            .filter(|v| v.rule == "ABR-03")
            .map(|v| (v.field, v.severity))
            .collect()
    };
    let field = || "internship.host_accident_cover".to_owned();
    let mut c = abroad();
    c.internship.end = Some(d(2026, 10, 12));
    assert_eq!(abr_03(&c, CheckMode::Complete), [], "six months to the day");
    c.internship.end = Some(d(2026, 10, 13));
    assert_eq!(
        abr_03(&c, CheckMode::Complete),
        [(field(), Severity::Error)]
    );
    assert_eq!(abr_03(&c, CheckMode::Draft), [(field(), Severity::Warning)]);
    c.internship.host_accident_cover = Some(false);
    assert_eq!(
        abr_03(&c, CheckMode::Complete),
        [(field(), Severity::Error)]
    );
    c.internship.host_accident_cover = Some(true);
    assert_eq!(abr_03(&c, CheckMode::Complete), [], "the host insures");

    let mut paid = abroad();
    paid.internship.stipend_paid = Some(true);
    paid.internship.stipend = convention().internship.stipend;
    assert_eq!(
        abr_03(&paid, CheckMode::Complete),
        [],
        "693 € a month is 4.50 € an hour"
    );
    paid.internship.stipend.amount_cents = Some(69_301);
    let v = check(&paid, &context());
    let abr = v.iter().find(|v| v.rule == "ABR-03").unwrap();
    let args = serde_json::to_value(&abr.args).unwrap();
    assert_eq!(
        (args["limit"].as_str(), args["year"].as_i64()),
        (Some("4.50"), Some(2026))
    );
    paid.internship.host_accident_cover = Some(true);
    assert_eq!(abr_03(&paid, CheckMode::Complete), []);

    let mut in_france = convention();
    in_france.internship.end = Some(d(2026, 12, 18));
    assert_eq!(abr_03(&in_france, CheckMode::Complete), []);
}

/// SAF-07 before the dates: step 1 asks for the legal representative of
/// a student under 18 on 1 September of the enrolment's year (the first
/// day, once known, decides).
#[test]
fn saf_07_a_student_who_may_be_a_minor_is_asked_in_step_one() {
    let mut c = convention();
    c.internship.start = None;
    c.student.student.birth_date = Some(d(2007, 9, 2));
    assert!(c.intern_may_be_minor(), "17 on 1 September 2025");
    c.student.student.birth_date = Some(d(2007, 9, 1));
    assert!(!c.intern_may_be_minor(), "18 that day");
    c.internship.start = Some(d(2025, 8, 31));
    assert!(c.intern_may_be_minor(), "the first day decides");
    c.student.student.birth_date = None;
    assert!(!c.intern_may_be_minor());
}

/// SAF-07 beyond hours: a minor on the first day signs with a legal
/// representative, whose name, e-mail, phone and capacity are required, and
/// may not work at night, a question that must be answered. An adult is
/// asked neither.
#[test]
fn saf_07_a_minor_signs_with_a_representative_and_never_works_at_night() {
    let saf_07 = |c: &Convention| -> Vec<String> {
        check(c, &context())
            .into_iter()
            .filter(|v| v.rule == "SAF-07" || v.field.starts_with("student.legal_representative"))
            .map(|v| v.field)
            .collect()
    };
    let mut c = convention();
    c.student.student.birth_date = Some(d(2008, 4, 14));
    assert_eq!(
        saf_07(&c),
        ["student.legal_representative", "internship.night_work"]
    );
    c.student.legal_representative = Some(Contact {
        email: None,
        ..legal_representative()
    });
    c.internship.night_work = Some(true);
    assert_eq!(
        saf_07(&c),
        [
            "student.legal_representative.email",
            "internship.night_work"
        ]
    );
    let night = check(&c, &context());
    let night = night
        .iter()
        .find(|v| v.field == "internship.night_work")
        .unwrap();
    assert_eq!(night.severity, Severity::Error);
    assert_eq!(night.message_key, "saf-07-minor-night-work");
    c.student.legal_representative = Some(legal_representative());
    c.internship.night_work = Some(false);
    assert_eq!(saf_07(&c), Vec::<String>::new());
    let draft = CheckContext {
        mode: CheckMode::Draft,
        ..context()
    };
    c.student.legal_representative = None;
    assert!(
        !has_errors(&check(&c, &draft)),
        "a draft may wait for the representative"
    );

    c.student.student.birth_date = Some(d(2008, 4, 13));
    c.internship.night_work = Some(true);
    assert_eq!(saf_07(&c), Vec::<String>::new(), "18 on the first day");
}

#[test]
fn mandatory_mentions_and_text_limits() {
    let mut c = convention();
    c.internship.tasks = " ".into();
    c.internship.skills = "x".repeat(1001);
    c.internship.supervision_mode = None;
    c.tutor.as_mut().unwrap().last_name.clear();
    c.supervisor = None;
    let v = check(&c, &context());
    assert_eq!(
        rules_and_fields(&v),
        [
            ("CONV-08".into(), "tutor.last_name".into()),
            ("CONV-08".into(), "internship.tasks".into()),
            ("FMT-03".into(), "internship.skills".into()),
            ("CONV-08".into(), "internship.supervision_mode".into()),
            ("CONV-08".into(), "supervisor".into()),
        ]
    );
    assert_eq!(serde_json::to_value(&v[2].args).unwrap()["max"], 1000);
}

#[test]
fn continuing_education_has_no_stipend_regime() {
    let mut c = convention();
    c.internship.convention_type = Some(ConventionType::ContinuingEducation);
    c.internship.stipend_paid = Some(false);
    c.internship.stipend = StipendTerms::default();
    assert!(check(&c, &context()).is_empty(), "no GRAT-01 for 602 h");
    c.internship.stipend_paid = Some(true);
    c.internship.stipend = convention().internship.stipend;
    c.organisation.as_mut().unwrap().kind = Some(OrganisationKind::PublicAdministration);
    let v = check(&c, &context());
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].rule.as_str(), v[0].severity),
        ("GRAT-11", Severity::Warning)
    );
}
