//! The convention state machine and the permission summary.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use stages_domain::amendment::{Amendment, AmendmentChange, TerminationInitiator};
use stages_domain::lifecycle::{ConventionNumber, Refusal, Status, Workflow};
use stages_domain::model::{
    CentreSettings, Convention, EvaluationKind, PrintCondition, ValidationLevel, ValidationOrder,
    WizardStep,
};
use stages_domain::permissions::{
    Decision, Relation, amendment_permissions, may_create_convention, permissions,
};
use stages_domain::rules;
use stages_domain::staff::StaffRights;

use Relation::{Admin, None as Nobody, OwnerStudent, Supervisor, Tutor};

/// A manager of the centre with every right.
const MANAGER: Relation = Relation::CentreManager(StaffRights::ALL);
use ValidationLevel::{Administrative, AdministrativeCheck, Pedagogical};

fn number() -> ConventionNumber {
    ConventionNumber::new(2026, 123).unwrap()
}

fn centre() -> CentreSettings {
    CentreSettings::default()
}

fn created() -> Workflow {
    Workflow::new()
        .create(OwnerStudent, &centre(), &[], number())
        .unwrap()
}

fn validated() -> Workflow {
    let mut w = created();
    for level in [Pedagogical, AdministrativeCheck, Administrative] {
        w = w.validate(MANAGER, level, &centre(), &[]).unwrap();
    }
    w
}

fn denied_rule(decision: &Decision) -> Option<&str> {
    match decision {
        Decision::Allowed => None,
        Decision::Denied { reason } => Some(reason.rule.as_str()),
    }
}

fn rule_of<T: std::fmt::Debug>(result: Result<T, Refusal>) -> String {
    result.unwrap_err().rule
}

#[test]
fn creation_needs_every_step_and_lists_the_missing_ones() {
    let mut c = convention();
    c.organisation = None;
    c.internship.tasks.clear();
    let violations = rules::check(&c, &context());
    let refusal = Workflow::new()
        .create(OwnerStudent, &centre(), &violations, number())
        .unwrap_err();
    assert_eq!(refusal.rule, "WF-02");
    assert_eq!(
        serde_json::to_value(&refusal.args).unwrap()["steps"],
        "2, 5"
    );

    let violations = rules::check(&convention(), &context());
    let w = Workflow::new()
        .create(OwnerStudent, &centre(), &violations, number())
        .unwrap();
    assert_eq!(w.status(&centre()), Status::Created);
    assert_eq!(w.number().unwrap().to_string(), "2026-000123");
    assert_eq!(
        rule_of(w.create(MANAGER, &centre(), &[], number())),
        "WF-01"
    );
}

#[test]
fn students_create_only_where_the_centre_allows_it() {
    let closed = CentreSettings {
        students_may_create: false,
        ..centre()
    };
    assert_eq!(
        rule_of(Workflow::new().create(OwnerStudent, &closed, &[], number())),
        "PERM-10"
    );
    assert!(may_create_convention(MANAGER, &closed).is_allowed());
    assert_eq!(
        denied_rule(&may_create_convention(Supervisor, &centre())),
        Some("PERM-04")
    );
}

#[test]
fn levels_are_given_in_the_centres_order_by_the_right_people() {
    let w = created();
    assert_eq!(
        rule_of(Workflow::new().validate(MANAGER, Pedagogical, &centre(), &[])),
        "WF-11"
    );
    assert_eq!(
        rule_of(w.validate(OwnerStudent, Pedagogical, &centre(), &[])),
        "PERM-02"
    );
    assert_eq!(
        rule_of(w.validate(Supervisor, Administrative, &centre(), &[])),
        "PERM-03"
    );
    let out_of_order = w
        .validate(MANAGER, Administrative, &centre(), &[])
        .unwrap_err();
    assert_eq!(out_of_order.rule, "WF-03");
    assert_eq!(
        serde_json::to_value(&out_of_order.args).unwrap()["expected"],
        "pedagogical"
    );

    let errors = rules::check(&Convention::default(), &context());
    assert_eq!(
        rule_of(w.validate(Supervisor, Pedagogical, &centre(), &errors)),
        "WF-06"
    );

    let w = w.validate(Supervisor, Pedagogical, &centre(), &[]).unwrap();
    assert_eq!(w.status(&centre()), Status::InValidation);
    assert_eq!(
        rule_of(w.validate(Supervisor, Pedagogical, &centre(), &[])),
        "WF-05"
    );
    let w = w
        .validate(MANAGER, AdministrativeCheck, &centre(), &[])
        .unwrap()
        .validate(Admin, Administrative, &centre(), &[])
        .unwrap();
    assert_eq!(w.status(&centre()), Status::Validated);
    assert_eq!(
        rule_of(w.validate(Admin, Administrative, &centre(), &[])),
        "WF-10"
    );

    let two_levels = CentreSettings {
        validation_levels: ValidationOrder::new(vec![Administrative, Pedagogical]).unwrap(),
        ..centre()
    };
    let w = created();
    assert_eq!(
        rule_of(w.validate(MANAGER, AdministrativeCheck, &two_levels, &[])),
        "WF-04"
    );
    assert_eq!(
        rule_of(w.validate(MANAGER, Pedagogical, &two_levels, &[])),
        "WF-03"
    );
}

#[test]
fn a_centre_without_levels_validates_at_creation() {
    let none = CentreSettings {
        validation_levels: ValidationOrder::new(vec![]).unwrap(),
        ..centre()
    };
    let w = Workflow::new()
        .create(MANAGER, &none, &[], number())
        .unwrap();
    assert_eq!(w.status(&none), Status::Validated);
}

#[test]
fn only_the_last_level_is_withdrawn_and_never_after_an_amendment() {
    let w = created()
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap()
        .validate(MANAGER, AdministrativeCheck, &centre(), &[])
        .unwrap();
    let last = w.unvalidate(Supervisor, Pedagogical).unwrap_err();
    assert_eq!(last.rule, "WF-07");
    assert_eq!(
        serde_json::to_value(&last.args).unwrap()["last"],
        "administrative_check"
    );
    assert_eq!(rule_of(w.unvalidate(MANAGER, Administrative)), "WF-08");
    let back = w.unvalidate(MANAGER, AdministrativeCheck).unwrap();
    assert_eq!(back.validations(), [Pedagogical]);

    let with_amendment = validated().add_amendment(OwnerStudent, &centre()).unwrap();
    let refusal = with_amendment
        .unvalidate(MANAGER, Administrative)
        .unwrap_err();
    assert_eq!(
        (refusal.rule.as_str(), refusal.message_key.as_str()),
        ("AVN-04", "amendment-exists")
    );
    assert_eq!(
        validated()
            .unvalidate(MANAGER, Administrative)
            .unwrap()
            .status(&centre()),
        Status::InValidation
    );
}

#[test]
fn rejection_sends_back_with_the_reason_kept() {
    let w = created()
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap();
    assert_eq!(
        rule_of(w.reject(MANAGER, "  ", today(), &centre())),
        "WF-09"
    );
    assert_eq!(
        rule_of(w.reject(OwnerStudent, "non", today(), &centre())),
        "PERM-04"
    );
    // The supervisor has given their level: only the centre may reject now.
    assert_eq!(
        rule_of(w.reject(Supervisor, "non", today(), &centre())),
        "PERM-03"
    );
    let rejected = w
        .reject(
            MANAGER,
            "Le sujet ne correspond pas à la formation",
            today(),
            &centre(),
        )
        .unwrap();
    assert_eq!(rejected.status(&centre()), Status::Rejected);
    assert!(rejected.validations().is_empty());
    assert!(rejected.check_edit(OwnerStudent, &centre()).is_ok());
    let again = rejected
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap();
    assert_eq!(again.status(&centre()), Status::InValidation);
    assert_eq!(
        again.rejection().unwrap().reason,
        "Le sujet ne correspond pas à la formation"
    );
    assert_eq!(
        rule_of(validated().reject(MANAGER, "non", today(), &centre())),
        "WF-10"
    );
}

/// DUR-03's review of an earlier intern's post: staff only, on a created
/// convention, until it is validated.
#[test]
fn staff_review_the_post_until_validation() {
    let in_validation = created()
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap();
    for who in [MANAGER, Admin] {
        assert!(created().check_post_review(who, &centre()).is_ok());
        assert!(in_validation.check_post_review(who, &centre()).is_ok());
        assert_eq!(
            rule_of(validated().check_post_review(who, &centre())),
            "WF-10"
        );
    }
    assert_eq!(
        rule_of(created().check_post_review(OwnerStudent, &centre())),
        "PERM-04"
    );
    assert_eq!(
        rule_of(created().check_post_review(Supervisor, &centre())),
        "PERM-04"
    );
    assert_eq!(
        rule_of(created().check_post_review(Nobody, &centre())),
        "PERM-01"
    );
    assert!(
        Workflow::new()
            .check_post_review(MANAGER, &centre())
            .is_err(),
        "a draft has nothing to review yet"
    );
}

#[test]
fn editing_and_deleting() {
    let in_validation = created()
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap();
    // A student edits until the first validation, a manager until the last.
    assert!(created().check_edit(OwnerStudent, &centre()).is_ok());
    assert_eq!(
        rule_of(in_validation.check_edit(OwnerStudent, &centre())),
        "PERM-05"
    );
    assert!(in_validation.check_edit(MANAGER, &centre()).is_ok());
    assert_eq!(rule_of(validated().check_edit(Admin, &centre())), "WF-10");
    assert_eq!(
        rule_of(created().check_edit(Supervisor, &centre())),
        "PERM-04"
    );
    assert_eq!(rule_of(created().check_edit(Nobody, &centre())), "PERM-01");
    // Deleting follows editing.
    assert!(
        Workflow::new()
            .check_delete(OwnerStudent, &centre())
            .is_ok()
    );
    // Once any validation is given, nobody deletes it (WF-15, a conflict):
    // the first of three levels is enough.
    for who in [OwnerStudent, MANAGER, Admin] {
        assert_eq!(rule_of(in_validation.check_delete(who, &centre())), "WF-15");
        assert_eq!(rule_of(validated().check_delete(who, &centre())), "WF-15");
    }
    let refusal = in_validation.check_delete(MANAGER, &centre()).unwrap_err();
    assert_eq!(
        refusal.kind,
        stages_domain::lifecycle::RefusalKind::Conflict
    );
    // Before it, staff delete a created convention; outsiders never.
    assert!(created().check_delete(MANAGER, &centre()).is_ok());
    assert!(created().check_delete(Admin, &centre()).is_ok());
    assert_eq!(
        rule_of(created().check_delete(Supervisor, &centre())),
        "PERM-04"
    );
    assert_eq!(
        rule_of(in_validation.check_delete(Nobody, &centre())),
        "PERM-01"
    );
    // Removing the validation (audited) makes it deletable again.
    let undone = in_validation.unvalidate(MANAGER, Pedagogical).unwrap();
    assert!(undone.check_delete(MANAGER, &centre()).is_ok());
}

#[test]
fn print_conditions() {
    let ped = created()
        .validate(Supervisor, Pedagogical, &centre(), &[])
        .unwrap();
    let check = ped
        .validate(MANAGER, AdministrativeCheck, &centre(), &[])
        .unwrap();
    let cases = [
        (PrintCondition::Always, [true, true, true, true]),
        (PrintCondition::AfterPedagogical, [false, true, true, true]),
        (
            PrintCondition::AfterAdministrativeCheck,
            [false, false, true, true],
        ),
        (
            PrintCondition::AfterAdministrative,
            [false, false, false, true],
        ),
        (PrintCondition::AfterBoth, [false, false, false, true]),
    ];
    for (condition, expected) in cases {
        let settings = CentreSettings {
            print_condition: condition,
            ..centre()
        };
        for (workflow, allowed) in [created(), ped.clone(), check.clone(), validated()]
            .iter()
            .zip(expected)
        {
            assert_eq!(
                workflow.check_print(OwnerStudent, &settings).is_ok(),
                allowed,
                "{condition:?}"
            );
            assert!(workflow.check_print(MANAGER, &settings).is_ok());
        }
    }
    assert_eq!(
        rule_of(Workflow::new().check_print(MANAGER, &centre())),
        "WF-11"
    );
    // A condition on a level the centre does not use is met once validated.
    let admin_only = CentreSettings {
        validation_levels: ValidationOrder::new(vec![Administrative]).unwrap(),
        print_condition: PrintCondition::AfterPedagogical,
        ..centre()
    };
    let w = created();
    assert_eq!(rule_of(w.check_print(OwnerStudent, &admin_only)), "PERM-06");
    let w = w
        .validate(MANAGER, Administrative, &admin_only, &[])
        .unwrap();
    assert!(w.check_print(OwnerStudent, &admin_only).is_ok());
}

#[test]
fn evaluations_open_once_validated_and_the_students_after_the_end() {
    let end = d(2026, 8, 21);
    let check =
        |w: &Workflow, who, kind, on| w.check_evaluation(who, kind, Some(end), on, &centre());
    assert_eq!(
        rule_of(check(
            &created(),
            OwnerStudent,
            EvaluationKind::Student,
            d(2026, 9, 1)
        )),
        "WF-13"
    );
    let w = validated();
    assert_eq!(
        rule_of(check(&w, OwnerStudent, EvaluationKind::Student, end)),
        "PERM-08"
    );
    assert!(check(&w, OwnerStudent, EvaluationKind::Student, d(2026, 8, 22)).is_ok());
    assert!(check(&w, Tutor, EvaluationKind::Tutor, d(2026, 6, 1)).is_ok());
    assert!(check(&w, Supervisor, EvaluationKind::Supervisor, d(2026, 6, 1)).is_ok());
    assert!(check(&w, MANAGER, EvaluationKind::Tutor, d(2026, 6, 1)).is_ok());
    assert_eq!(
        rule_of(check(&w, MANAGER, EvaluationKind::Student, d(2026, 9, 1))),
        "PERM-09"
    );
    assert_eq!(
        rule_of(check(&w, Tutor, EvaluationKind::Supervisor, d(2026, 6, 1))),
        "PERM-09"
    );
    assert_eq!(
        rule_of(check(&w, Nobody, EvaluationKind::Tutor, d(2026, 6, 1))),
        "PERM-01"
    );
    // After an early termination the student may answer from the next day.
    let stopped = Workflow::restore(
        w.number(),
        w.validations().to_vec(),
        w.rejection().cloned(),
        w.amendments(),
        Some(d(2026, 6, 30)),
    );
    assert!(
        check(
            &stopped,
            OwnerStudent,
            EvaluationKind::Student,
            d(2026, 7, 1)
        )
        .is_ok()
    );
}

#[test]
fn amendments_only_on_a_validated_convention() {
    assert_eq!(
        rule_of(created().add_amendment(OwnerStudent, &centre())),
        "AVN-04"
    );
    assert_eq!(
        rule_of(validated().add_amendment(Tutor, &centre())),
        "PERM-01"
    );
    let w = validated().add_amendment(OwnerStudent, &centre()).unwrap();
    assert_eq!(w.amendments(), 1);
    assert_eq!(rule_of(w.check_delete(MANAGER, &centre())), "AVN-04");

    let termination = Amendment {
        title: "Rupture".into(),
        reason: "Départ à l'initiative de l'étudiante".into(),
        changes: vec![AmendmentChange::Termination {
            date: d(2026, 6, 30),
            comment: "Accord des parties".into(),
            initiated_by: Some(TerminationInitiator::Host),
        }],
        validated_on: None,
    };
    assert_eq!(
        rule_of(w.validate_amendment(OwnerStudent, &termination, &[], today(), &centre())),
        "PERM-02"
    );
    let (w, done) = w
        .validate_amendment(MANAGER, &termination, &[], d(2026, 6, 1), &centre())
        .unwrap();
    assert_eq!(done.validated_on, Some(d(2026, 6, 1)));
    assert_eq!(w.status(&centre()), Status::TerminatedEarly);
    assert_eq!(
        rule_of(w.check_amendment_edit(OwnerStudent, &done)),
        "AVN-04"
    );
    assert_eq!(rule_of(w.add_amendment(OwnerStudent, &centre())), "WF-12");
    assert_eq!(
        rule_of(w.validate_amendment(MANAGER, &done, &[], today(), &centre())),
        "AVN-04"
    );
}

#[test]
fn permission_summary_per_role() {
    let end = Some(d(2026, 8, 21));
    let on = d(2026, 3, 1);
    let student = permissions(OwnerStudent, &created(), end, &centre(), on);
    assert!(student.view.is_allowed() && student.edit.is_allowed() && student.delete.is_allowed());
    assert_eq!(student.editable_steps, WizardStep::DATA_STEPS.to_vec());
    assert!(
        student
            .validate
            .iter()
            .all(|l| denied_rule(&l.decision) == Some("PERM-02"))
    );
    assert_eq!(denied_rule(&student.reject), Some("PERM-04"));
    assert_eq!(denied_rule(&student.print), Some("PERM-06"));
    assert_eq!(denied_rule(&student.create_amendment), Some("AVN-04"));

    let supervisor = permissions(Supervisor, &created(), end, &centre(), on);
    assert_eq!(denied_rule(&supervisor.edit), Some("PERM-04"));
    assert!(supervisor.editable_steps.is_empty());
    let levels: Vec<Option<&str>> = supervisor
        .validate
        .iter()
        .map(|l| denied_rule(&l.decision))
        .collect();
    assert_eq!(levels, [None, Some("PERM-03"), Some("PERM-03")]);
    assert!(supervisor.reject.is_allowed());

    let manager = permissions(MANAGER, &created(), end, &centre(), on);
    let levels: Vec<Option<&str>> = manager
        .validate
        .iter()
        .map(|l| denied_rule(&l.decision))
        .collect();
    assert_eq!(levels, [None, Some("WF-03"), Some("WF-03")]);
    assert!(manager.print.is_allowed());
    assert!(
        manager
            .unvalidate
            .iter()
            .all(|l| denied_rule(&l.decision) == Some("WF-08"))
    );

    let after = permissions(MANAGER, &validated(), end, &centre(), on);
    assert_eq!(denied_rule(&after.edit), Some("WF-10"));
    assert!(after.create_amendment.is_allowed());
    let levels: Vec<Option<&str>> = after
        .unvalidate
        .iter()
        .map(|l| denied_rule(&l.decision))
        .collect();
    assert_eq!(levels, [Some("WF-07"), Some("WF-07"), None]);

    let stranger = permissions(Nobody, &validated(), end, &centre(), on);
    assert_eq!(denied_rule(&stranger.view), Some("PERM-01"));
    let tutor = permissions(Tutor, &validated(), end, &centre(), on);
    let evaluations: Vec<Option<&str>> = tutor
        .evaluations
        .iter()
        .map(|e| denied_rule(&e.decision))
        .collect();
    assert_eq!(evaluations, [Some("PERM-09"), Some("PERM-09"), None]);

    let json = serde_json::to_value(&student).unwrap();
    assert_eq!(json["view"]["decision"], "allowed");
    assert_eq!(json["print"]["decision"], "denied");
    assert_eq!(
        json["print"]["reason"]["message_key"],
        "perm-06-print-condition"
    );
    assert_eq!(json["print"]["reason"]["args"]["condition"], "after_both");
}

#[test]
fn an_amendment_prints_only_once_validated() {
    let w = validated().add_amendment(OwnerStudent, &centre()).unwrap();
    let mut amendment = Amendment {
        title: "Nouveau sujet".into(),
        reason: "Réorientation du projet".into(),
        changes: vec![AmendmentChange::Subject {
            subject: "Moteur de règles en WebAssembly".into(),
        }],
        validated_on: None,
    };
    let before = amendment_permissions(OwnerStudent, &w, &amendment, &centre(), today());
    assert_eq!(denied_rule(&before.print), Some("PERM-07"));
    assert!(before.edit.is_allowed());
    assert_eq!(denied_rule(&before.validate), Some("PERM-02"));
    assert!(
        amendment_permissions(MANAGER, &w, &amendment, &centre(), today())
            .validate
            .is_allowed()
    );
    amendment.validated_on = Some(today());
    let after = amendment_permissions(OwnerStudent, &w, &amendment, &centre(), today());
    assert!(after.print.is_allowed());
    assert_eq!(denied_rule(&after.edit), Some("AVN-04"));
}

/// A centre's managers act within their rights there (ESUP-Stage's
/// per-person switches): the levels they give, printing before the
/// condition, evaluations on behalf of others.
#[test]
fn a_manager_acts_within_their_rights_in_the_centre() {
    let administrative_only = Relation::CentreManager(StaffRights {
        validate_pedagogical: false,
        validate_administrative_check: false,
        print: false,
        evaluations: false,
        ..StaffRights::ALL
    });
    let checked = created()
        .validate(MANAGER, Pedagogical, &centre(), &[])
        .unwrap()
        .validate(MANAGER, AdministrativeCheck, &centre(), &[])
        .unwrap();
    // Refused a level they lack, even when it is the next one due.
    assert_eq!(
        rule_of(created().validate(administrative_only, Pedagogical, &centre(), &[])),
        "PERM-16"
    );
    assert_eq!(
        rule_of(checked.unvalidate(administrative_only, AdministrativeCheck)),
        "PERM-16"
    );
    let done = checked
        .validate(administrative_only, Administrative, &centre(), &[])
        .unwrap();
    assert!(done.is_validated(&centre()));
    assert!(done.unvalidate(administrative_only, Administrative).is_ok());

    // The summary the SPA shows says the same.
    let summary = permissions(administrative_only, &checked, None, &centre(), today());
    let level_rule = |level| {
        summary
            .validate
            .iter()
            .find(|d| d.level == level)
            .and_then(|d| denied_rule(&d.decision))
    };
    assert_eq!(level_rule(Pedagogical), Some("PERM-16"));
    assert_eq!(level_rule(Administrative), None);

    // Without the print right, the centre's print condition applies.
    assert_eq!(
        rule_of(created().check_print(administrative_only, &centre())),
        "PERM-16"
    );
    assert!(done.check_print(administrative_only, &centre()).is_ok());

    // Without the evaluations right, no form on someone's behalf.
    assert_eq!(
        denied_rule(
            &permissions(
                administrative_only,
                &done,
                Some(d(2026, 6, 1)),
                &centre(),
                d(2026, 7, 1)
            )
            .evaluations[2]
                .decision
        ),
        Some("PERM-16")
    );

    // Rejecting takes back the levels given: it needs their rights and
    // the right of the level due.
    let pedagogical_only = Relation::CentreManager(StaffRights {
        validate_administrative_check: false,
        validate_administrative: false,
        ..StaffRights::ALL
    });
    assert!(
        created()
            .reject(pedagogical_only, "incomplet", today(), &centre())
            .is_ok()
    );
    assert_eq!(
        rule_of(checked.reject(pedagogical_only, "incomplet", today(), &centre())),
        "PERM-16"
    );
    assert_eq!(
        rule_of(created().reject(administrative_only, "incomplet", today(), &centre())),
        "PERM-16"
    );
    // Amendments are validated with the centre's last level.
    let w = done.add_amendment(OwnerStudent, &centre()).unwrap();
    let amendment = Amendment {
        title: "Nouveau sujet".into(),
        reason: "Réorientation du projet".into(),
        changes: vec![AmendmentChange::Subject {
            subject: "Moteur de règles en WebAssembly".into(),
        }],
        validated_on: None,
    };
    let may_validate = |who| {
        amendment_permissions(who, &w, &amendment, &centre(), today())
            .validate
            .is_allowed()
    };
    assert!(!may_validate(pedagogical_only));
    assert!(may_validate(administrative_only));
}
