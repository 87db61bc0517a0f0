//! Amendments: the effective convention, AVN-02, AVN-03 and GRAT-04, and
//! the certificate (ATT-01, GRAT-07).

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use stages_domain::amendment::{self, Amendment, AmendmentChange, TerminationInitiator};
use stages_domain::certificate::certificate;
use stages_domain::duration::DurationBreakdown;
use stages_domain::model::{Contact, HostService, Period, StipendTerms, StipendUnit};
use stages_domain::rules::CheckContext;
use stages_domain::violation::{Severity, has_errors};

fn amendment(changes: Vec<AmendmentChange>) -> Amendment {
    Amendment {
        title: "Avenant n° 1".into(),
        reason: "Accord des parties".into(),
        changes,
        validated_on: None,
    }
}

fn validated(changes: Vec<AmendmentChange>) -> Amendment {
    Amendment {
        validated_on: Some(d(2026, 5, 1)),
        ..amendment(changes)
    }
}

fn check(
    original: &stages_domain::model::Convention,
    done: &[Amendment],
    proposed: &Amendment,
) -> Vec<stages_domain::Violation> {
    let v = amendment::check(original, done, proposed, &context());
    assert_well_formed(&v);
    v
}

#[test]
fn only_validated_amendments_apply_in_order() {
    let original = convention();
    let amendments = [
        validated(vec![AmendmentChange::Subject {
            subject: "Premier sujet".into(),
        }]),
        amendment(vec![AmendmentChange::Subject {
            subject: "Proposé, pas validé".into(),
        }]),
        validated(vec![
            AmendmentChange::Subject {
                subject: "Second sujet".into(),
            },
            AmendmentChange::Dates {
                start: d(2026, 4, 13),
                end: d(2026, 8, 28),
            },
        ]),
    ];
    let effective = amendment::apply(&original, &amendments);
    assert_eq!(effective.convention.internship.subject, "Second sujet");
    assert_eq!(effective.convention.internship.end, Some(d(2026, 8, 28)));
    assert_eq!(effective.termination, None);
    assert_eq!(
        original.internship.subject,
        convention().internship.subject,
        "the original is untouched"
    );
}

#[test]
fn termination_ends_the_internship_and_clips_periods() {
    let mut original = convention();
    original.internship.interruptions.push(Period {
        start: d(2026, 7, 27),
        end: d(2026, 8, 7),
    });
    let stop = validated(vec![AmendmentChange::Termination {
        date: d(2026, 5, 29),
        comment: "Rupture à l'initiative de l'étudiante".into(),
        initiated_by: Some(TerminationInitiator::Intern),
    }]);
    let effective = amendment::apply(&original, &[stop]);
    let i = &effective.convention.internship;
    assert_eq!(i.end, Some(d(2026, 5, 29)));
    assert_eq!(
        i.interruptions.len(),
        1,
        "the summer break after the end is gone"
    );
    assert_eq!(effective.termination.as_ref().unwrap().date, d(2026, 5, 29));
    assert!(
        effective.termination.as_ref().unwrap().by_intern(),
        "DUR-03 reads who asked"
    );
    // On the planned last day, nothing ends early: no waiver.
    let planned_end = original.internship.end.unwrap();
    let on_the_last_day = validated(vec![AmendmentChange::Termination {
        date: planned_end,
        comment: "Fin".into(),
        initiated_by: Some(TerminationInitiator::Intern),
    }]);
    let ended = amendment::apply(&original, &[on_the_last_day]);
    assert!(!ended.termination.unwrap().by_intern());
    let by_host = validated(vec![AmendmentChange::Termination {
        date: d(2026, 5, 29),
        comment: "Fermeture du service".into(),
        initiated_by: Some(TerminationInitiator::Host),
    }]);
    assert!(
        !amendment::apply(&original, &[by_host])
            .termination
            .unwrap()
            .by_intern()
    );

    // 13–30 April: 14 weekdays; May to the 29th: 21 weekdays minus 1 May,
    // 8 May and Whit Monday, minus the exam week (Ascension inside it): 13.
    // 27 days of 7 h.
    let cert = certificate(&effective).unwrap();
    assert!(cert.terminated_early);
    assert_eq!(cert.effective_minutes, 27 * 7 * 60);
    assert_eq!(
        cert.duration,
        DurationBreakdown {
            months: 1,
            days: 5,
            minutes: 0
        }
    );
    // GRAT-07: 693 € per 154 h month, prorated on 189 h = 850,50 €.
    let total = cert.stipend_total.unwrap();
    assert_eq!(total.amount_cents, 85_050);
    assert_eq!(total.currency.as_str(), "EUR");
}

#[test]
fn certificate_of_the_full_internship() {
    let effective = amendment::apply(&convention(), &[]);
    let cert = certificate(&effective).unwrap();
    assert_eq!(cert.effective_minutes, 602 * 60);
    assert_eq!(
        cert.duration,
        DurationBreakdown {
            months: 3,
            days: 20,
            minutes: 0
        }
    );
    // 602 h = 3 months of 154 h and 140 h: 693 × 602 / 154 = 2 709,00 €.
    assert_eq!(cert.stipend_total.unwrap().amount_cents, 270_900);
    assert!(!cert.terminated_early);

    let mut unpaid = convention();
    unpaid.internship.stipend_paid = Some(false);
    let cert = certificate(&amendment::apply(&unpaid, &[])).unwrap();
    assert_eq!(cert.stipend_total, None);

    let mut undated = convention();
    undated.internship.end = None;
    let refusal = certificate(&amendment::apply(&undated, &[])).unwrap_err();
    assert_eq!(refusal.rule, "ATT-01");
}

#[test]
fn avn_02_the_amendments_own_form() {
    let mut a = amendment(vec![]);
    a.title = "x".repeat(256);
    a.reason = " ".into();
    let v = check(&convention(), &[], &a);
    assert_eq!(
        rules_and_fields(&v),
        [
            ("AVN-02".into(), "amendment.title".into()),
            ("AVN-02".into(), "amendment.reason".into()),
            ("AVN-02".into(), "amendment.changes".into()),
        ]
    );
    assert_eq!(v[0].message_key, "text-too-long");
    a.title = "x".repeat(255);
    a.reason = "Motif".into();
    a.changes = vec![AmendmentChange::Other {
        description: "Changement d'horaires de badge".into(),
    }];
    assert!(check(&convention(), &[], &a).is_empty());

    let new_service = AmendmentChange::HostService {
        service: HostService {
            name: "Support".into(),
            ..convention().host_service.unwrap()
        },
    };
    let v = check(
        &convention(),
        &[],
        &amendment(vec![
            new_service.clone(),
            AmendmentChange::Termination {
                date: d(2026, 9, 1),
                comment: String::new(),
                initiated_by: None,
            },
            AmendmentChange::Subject {
                subject: "a".into(),
            },
            AmendmentChange::Subject {
                subject: "b".into(),
            },
        ]),
    );
    assert_eq!(
        rules_and_fields(&v),
        [
            ("AVN-02".into(), "amendment.changes[0]".into()),
            ("AVN-02".into(), "amendment.changes[1].date".into()),
            ("AVN-02".into(), "amendment.changes[1].comment".into()),
            ("AVN-02".into(), "amendment.changes[1].initiated_by".into()),
            ("AVN-02".into(), "amendment.changes[3]".into()),
        ]
    );
    assert_eq!(v[0].message_key, "avn-02-service-needs-tutor");
    let with_tutor = amendment(vec![
        new_service,
        AmendmentChange::Tutor {
            tutor: Contact {
                last_name: "Roux".into(),
                ..convention().tutor.unwrap()
            },
        },
    ]);
    assert!(check(&convention(), &[], &with_tutor).is_empty());
}

#[test]
fn avn_03_rules_run_on_the_effective_convention() {
    // Extending to 18 December 2026 respects CONV-07, but 34 weeks at 35 h
    // exceed 924 h: DUR-02 fires on the effective convention.
    let longer = amendment(vec![AmendmentChange::Dates {
        start: d(2026, 4, 13),
        end: d(2026, 12, 18),
    }]);
    let v = check(&convention(), &[], &longer);
    assert!(has_errors(&v));
    assert_eq!(
        rules_and_fields(&v),
        [("DUR-02".into(), "internship.end".into())]
    );
    // The start in the past is no reason to warn on an amendment (CONV-03).
    let ctx = CheckContext {
        today: d(2026, 6, 1),
        ..context()
    };
    let small = amendment(vec![AmendmentChange::Dates {
        start: d(2026, 4, 13),
        end: d(2026, 8, 28),
    }]);
    assert!(amendment::check(&convention(), &[], &small, &ctx).is_empty());
}

#[test]
fn grat_04_an_extension_over_308_hours_makes_the_stipend_due() {
    // 280 h, no stipend: fine.
    let mut original = eight_weeks(35 * 60);
    original.internship.stipend_paid = Some(false);
    original.internship.stipend = StipendTerms::default();
    original.internship.leave_days = Some(5);
    assert!(
        check(
            &original,
            &[],
            &amendment(vec![AmendmentChange::Other {
                description: "rien".into()
            }])
        )
        .is_empty()
    );

    // One more week: 315 h.
    let extension = AmendmentChange::Dates {
        start: d(2026, 1, 5),
        end: d(2026, 3, 6),
    };
    let v = check(&original, &[], &amendment(vec![extension.clone()]));
    assert_eq!(
        rules_and_fields(&v),
        [("GRAT-04".into(), "internship.stipend_paid".into())]
    );
    assert_eq!(v[0].severity, Severity::Error);
    assert_eq!(v[0].message_key, "grat-04-stipend-now-mandatory");

    // With a stipend in the same amendment, the back pay is a reminder.
    let paid = amendment(vec![
        extension,
        AmendmentChange::Stipend {
            paid: true,
            terms: StipendTerms {
                unit: Some(StipendUnit::Hour),
                amount_cents: Some(450),
                ..convention().internship.stipend
            },
        },
    ]);
    let v = check(&original, &[], &paid);
    assert_eq!(
        rules_and_fields(&v),
        [("GRAT-04".into(), "internship.stipend_paid".into())]
    );
    assert_eq!(v[0].severity, Severity::Warning);
}

/// ENC-03 on the amended period: an extension into weeks where the host is
/// full is refused, though the original period was within its quota.
#[test]
fn enc_03_an_extension_into_a_full_week_is_refused() {
    let mut original = convention();
    original.organisation.as_mut().unwrap().headcount = Some(19);
    let full_from_september = vec![
        Period {
            start: d(2026, 9, 7),
            end: d(2026, 10, 30),
        };
        3
    ];
    let ctx = CheckContext {
        host_interns: Some(full_from_september),
        ..context()
    };
    let shorter = amendment(vec![AmendmentChange::Dates {
        start: d(2026, 4, 13),
        end: d(2026, 9, 4),
    }]);
    let v = amendment::check(&original, &[], &shorter, &ctx);
    assert!(!v.iter().any(|v| v.rule == "ENC-03"), "{v:#?}");
    let longer = amendment(vec![AmendmentChange::Dates {
        start: d(2026, 4, 13),
        end: d(2026, 9, 7),
    }]);
    let v = amendment::check(&original, &[], &longer, &ctx);
    assert!(v.iter().any(|v| v.rule == "ENC-03"), "{v:#?}");
}

/// ABR-03 counts extensions: an amendment taking an internship abroad past
/// six months (13 April to 12 October) is refused unless the host insures
/// the intern, which the amendment itself may state.
#[test]
fn abr_03_an_extension_abroad_past_six_months_needs_the_hosts_cover() {
    let original = abroad();
    let extend = |end| AmendmentChange::Dates {
        start: d(2026, 4, 13),
        end,
    };
    let abr_03 = |v: &[stages_domain::Violation]| -> Vec<(String, Severity)> {
        v.iter()
            .filter(|v| v.rule == "ABR-03")
            .map(|v| (v.field.clone(), v.severity))
            .collect()
    };
    let v = check(&original, &[], &amendment(vec![extend(d(2026, 10, 12))]));
    assert_eq!(abr_03(&v), []);
    let v = check(&original, &[], &amendment(vec![extend(d(2026, 10, 13))]));
    assert_eq!(
        abr_03(&v),
        [("internship.host_accident_cover".to_owned(), Severity::Error)]
    );
    let v = check(
        &original,
        &[],
        &amendment(vec![
            extend(d(2026, 10, 13)),
            AmendmentChange::AccidentCover { host_insures: true },
        ]),
    );
    assert_eq!(abr_03(&v), []);
    // Once validated, the host's cover stays for later amendments.
    let done = [validated(vec![AmendmentChange::AccidentCover {
        host_insures: true,
    }])];
    let v = check(&original, &done, &amendment(vec![extend(d(2026, 12, 18))]));
    assert_eq!(abr_03(&v), []);
}

/// SAF-07's answers come from the wizard, which an amendment cannot
/// reopen: a minor's convention agreed without them can still be amended
/// (they are warnings then), and the other rules still hold.
#[test]
fn saf_07_answers_missing_from_an_agreed_convention_do_not_block_an_amendment() {
    let mut original = convention();
    original.student.student.birth_date = Some(d(2008, 6, 1));
    let v = check(
        &original,
        &[],
        &amendment(vec![AmendmentChange::Subject {
            subject: "Nouveau sujet".into(),
        }]),
    );
    let saf_07: Vec<_> = v.iter().filter(|v| v.rule == "SAF-07").collect();
    assert_eq!(saf_07.len(), 2, "{v:#?}");
    assert!(saf_07.iter().all(|v| v.severity == Severity::Warning));
    assert!(!has_errors(&v), "{v:#?}");
}
