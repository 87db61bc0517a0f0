//! The workflow state of one convention and its transitions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ConventionNumber, Refusal};
use crate::amendment::{Amendment, AmendmentChange};
use crate::messages::MessageKey;
use crate::model::{CentreSettings, EvaluationKind, ValidationLevel, WizardStep};
use crate::permissions::{Relation, roles};
use crate::violation::{Violation, has_errors};

/// Where a convention stands, derived from its [`Workflow`] and the centre's
/// enabled levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being entered, no number yet.
    Draft,
    /// Created with a number, no validation given.
    Created,
    /// Sent back by a manager or the supervisor; editable, reason kept.
    Rejected,
    /// Some enabled levels given, not all.
    InValidation,
    /// Every enabled level given; changes go through amendments.
    Validated,
    /// Ended before its end date by a validated termination amendment.
    TerminatedEarly,
}

/// Why a convention was sent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rejection {
    /// Reason given by the person who rejected it.
    pub reason: String,
    /// Day of the rejection.
    pub on: NaiveDate,
}

// Its fields are the domain's: a state changes only through the
// transitions below (create, validate, reject…), each checking who acts and
// what the state allows. Outside the crate it is read with its getters, and
// rebuilt from storage with `Workflow::restore`. (A plain comment: the doc
// comment is the OpenAPI description.)
/// The workflow state the database stores next to the content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Workflow {
    /// Assigned at creation; `None` while a draft.
    pub(crate) number: Option<ConventionNumber>,
    /// Levels given, in the order they were given.
    pub(crate) validations: Vec<ValidationLevel>,
    /// The last rejection, kept after the convention is corrected.
    pub(crate) rejection: Option<Rejection>,
    /// Amendments that exist, validated or not (AVN-04 counts both).
    pub(crate) amendments: u32,
    /// Set by a validated termination amendment.
    pub(crate) terminated_on: Option<NaiveDate>,
}

impl Workflow {
    /// A new draft.
    pub fn new() -> Self {
        Self::default()
    }

    /// A state as it was stored (a database row, an import of conventions
    /// validated elsewhere): no transition is checked, so only code that
    /// loads what the domain once decided calls it.
    pub fn restore(
        number: Option<ConventionNumber>,
        validations: Vec<ValidationLevel>,
        rejection: Option<Rejection>,
        amendments: u32,
        terminated_on: Option<NaiveDate>,
    ) -> Self {
        Self {
            number,
            validations,
            rejection,
            amendments,
            terminated_on,
        }
    }

    /// The number, once created.
    pub fn number(&self) -> Option<ConventionNumber> {
        self.number
    }

    /// The levels given, in the order they were given.
    pub fn validations(&self) -> &[ValidationLevel] {
        &self.validations
    }

    /// The last rejection.
    pub fn rejection(&self) -> Option<&Rejection> {
        self.rejection.as_ref()
    }

    /// Amendments that exist, validated or not.
    pub fn amendments(&self) -> u32 {
        self.amendments
    }

    /// The day a termination amendment ended the internship.
    pub fn terminated_on(&self) -> Option<NaiveDate> {
        self.terminated_on
    }

    /// The derived status.
    pub fn status(&self, centre: &CentreSettings) -> Status {
        if self.number.is_none() {
            Status::Draft
        } else if self.terminated_on.is_some() {
            Status::TerminatedEarly
        } else if self.all_levels_given(centre) {
            Status::Validated
        } else if !self.validations.is_empty() {
            Status::InValidation
        } else if self.rejection.is_some() {
            Status::Rejected
        } else {
            Status::Created
        }
    }

    /// Validated (or terminated after validation): content is frozen.
    pub fn is_validated(&self, centre: &CentreSettings) -> bool {
        matches!(
            self.status(centre),
            Status::Validated | Status::TerminatedEarly
        )
    }

    /// Evaluations, their links and the certificate exist once the
    /// convention is validated (WF-13).
    pub fn check_evaluations_open(&self, centre: &CentreSettings) -> Result<(), Refusal> {
        if self.is_validated(centre) {
            Ok(())
        } else {
            Err(Refusal::new("WF-13", MessageKey::NotValidated))
        }
    }

    fn all_levels_given(&self, centre: &CentreSettings) -> bool {
        centre
            .validation_levels
            .levels()
            .iter()
            .all(|level| self.validations.contains(level))
    }

    fn has_enabled_validation(&self, centre: &CentreSettings) -> bool {
        self.validations
            .iter()
            .any(|level| centre.validation_levels.is_enabled(*level))
    }

    fn require_created(&self) -> Result<(), Refusal> {
        self.created_number().map(|_| ())
    }

    /// The convention's number: what is printed needs it (WF-11).
    pub fn created_number(&self) -> Result<ConventionNumber, Refusal> {
        self.number
            .ok_or_else(|| Refusal::new("WF-11", MessageKey::Wf11NotCreated))
    }

    fn require_not_validated(&self, centre: &CentreSettings) -> Result<(), Refusal> {
        if self.is_validated(centre) {
            Err(Refusal::new("WF-10", MessageKey::Wf10AlreadyValidated))
        } else {
            Ok(())
        }
    }

    /// Draft → created: assigns the number. Refused while a data step has a
    /// blocking violation (the complete check of [`crate::rules::check`]);
    /// the refusal lists the steps to finish.
    pub fn create(
        &self,
        actor: Relation,
        centre: &CentreSettings,
        violations: &[Violation],
        number: ConventionNumber,
    ) -> Result<Self, Refusal> {
        roles::may_create(actor, centre)?;
        if self.number.is_some() {
            return Err(Refusal::new("WF-01", MessageKey::Wf01AlreadyCreated));
        }
        let mut incomplete: Vec<WizardStep> = violations
            .iter()
            .filter(|v| v.is_error())
            .filter_map(|v| WizardStep::of_field(&v.field))
            .collect();
        incomplete.sort_unstable();
        incomplete.dedup();
        if has_errors(violations) {
            let steps: Vec<String> = incomplete.iter().map(|s| s.number().to_string()).collect();
            return Err(Refusal::invalid("WF-02", MessageKey::Wf02StepsIncomplete)
                .with_arg("steps", steps.join(", ")));
        }
        Ok(Self {
            number: Some(number),
            ..self.clone()
        })
    }

    /// Gives one validation level. Levels are given in the centre's order,
    /// each once, and only when the convention has no blocking violation.
    pub fn validate(
        &self,
        actor: Relation,
        level: ValidationLevel,
        centre: &CentreSettings,
        violations: &[Violation],
    ) -> Result<Self, Refusal> {
        roles::may_validate_level(actor, level)?;
        self.require_created()?;
        self.require_not_validated(centre)?;
        if !centre.validation_levels.is_enabled(level) {
            return Err(Refusal::new("WF-04", MessageKey::Wf04LevelNotEnabled)
                .with_arg("level", level.as_str()));
        }
        if self.validations.contains(&level) {
            return Err(Refusal::new("WF-05", MessageKey::Wf05LevelAlreadyGiven)
                .with_arg("level", level.as_str()));
        }
        let expected = centre
            .validation_levels
            .levels()
            .iter()
            .find(|l| !self.validations.contains(l));
        if let Some(expected) = expected
            && *expected != level
        {
            return Err(Refusal::new("WF-03", MessageKey::Wf03OutOfOrder)
                .with_arg("expected", expected.as_str()));
        }
        let errors = violations.iter().filter(|v| v.is_error()).count();
        if errors > 0 {
            return Err(Refusal::new("WF-06", MessageKey::Wf06BlockingViolations)
                .with_arg("count", u32::try_from(errors).unwrap_or(u32::MAX)));
        }
        let mut next = self.clone();
        next.validations.push(level);
        Ok(next)
    }

    /// Withdraws a level: only the last one given, and never once an
    /// amendment exists (AVN-04), since the amendment was signed on the
    /// strength of the validated convention.
    pub fn unvalidate(&self, actor: Relation, level: ValidationLevel) -> Result<Self, Refusal> {
        roles::may_validate_level(actor, level)?;
        self.require_created()?;
        if self.amendments > 0 || self.terminated_on.is_some() {
            return Err(Refusal::new("AVN-04", MessageKey::AmendmentExists));
        }
        match self.validations.last() {
            None => Err(Refusal::new("WF-08", MessageKey::Wf08LevelNotGiven)
                .with_arg("level", level.as_str())),
            Some(_) if !self.validations.contains(&level) => {
                Err(Refusal::new("WF-08", MessageKey::Wf08LevelNotGiven)
                    .with_arg("level", level.as_str()))
            }
            Some(last) if *last != level => {
                Err(Refusal::new("WF-07", MessageKey::Wf07NotLastLevel)
                    .with_arg("last", last.as_str()))
            }
            Some(_) => {
                let mut next = self.clone();
                next.validations.pop();
                Ok(next)
            }
        }
    }

    /// Sends the convention back for correction: every level given so far is
    /// withdrawn (the content will change, so they no longer hold) and the
    /// reason is kept for the student to read.
    pub fn reject(
        &self,
        actor: Relation,
        reason: &str,
        today: NaiveDate,
        centre: &CentreSettings,
    ) -> Result<Self, Refusal> {
        roles::may_reject(actor, self, centre)?;
        self.require_created()?;
        self.require_not_validated(centre)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Refusal::new("WF-09", MessageKey::Wf09ReasonRequired));
        }
        Ok(Self {
            validations: Vec::new(),
            rejection: Some(Rejection {
                reason: reason.to_owned(),
                on: today,
            }),
            ..self.clone()
        })
    }

    /// Whether the content may be edited now (by this actor). Students edit
    /// until any enabled level is given; managers and admins until the
    /// convention is validated; after that, only amendments change it.
    pub fn check_edit(&self, actor: Relation, centre: &CentreSettings) -> Result<(), Refusal> {
        roles::may_edit(actor)?;
        self.require_not_validated(centre)?;
        if actor == Relation::OwnerStudent && self.has_enabled_validation(centre) {
            return Err(Refusal::forbidden(
                "PERM-05",
                MessageKey::Perm05StudentEditUntilFirstValidation,
            ));
        }
        Ok(())
    }

    /// Whether the convention may be deleted: by those who may edit it,
    /// never once an amendment exists (AVN-04), and never once any of the
    /// centre's validations is given (WF-15), whoever asks: staff who need
    /// to undo remove the validation first, which is audited.
    pub fn check_delete(&self, actor: Relation, centre: &CentreSettings) -> Result<(), Refusal> {
        roles::may_edit(actor)?;
        if self.amendments > 0 {
            return Err(Refusal::new("AVN-04", MessageKey::AmendmentExists));
        }
        if self.has_enabled_validation(centre) {
            return Err(Refusal::new("WF-15", MessageKey::Wf15ValidationGiven));
        }
        self.check_edit(actor, centre)
    }

    /// DUR-03: whether the internship takes an earlier intern's post is for
    /// the centre's staff to say, on a created convention, until it is
    /// validated (the answer is what lets validation go ahead): managers
    /// whose rights include a validation level.
    pub fn check_post_review(
        &self,
        actor: Relation,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        roles::may_act_as_staff(actor)?;
        if let Relation::CentreManager(rights) = actor {
            crate::staff::require(rights.validates_any(), crate::staff::Right::Validate)?;
        }
        self.require_created()?;
        self.require_not_validated(centre)
    }

    /// Whether the agreement may be printed: admins, and managers whose
    /// rights include printing, once it is created; others per the centre's
    /// print condition. A
    /// condition naming a level the centre does not use is met once the
    /// convention is validated.
    pub fn check_print(&self, actor: Relation, centre: &CentreSettings) -> Result<(), Refusal> {
        roles::may_view(actor)?;
        self.require_created()?;
        if roles::prints_anytime(actor) {
            return Ok(());
        }
        let validated = self.is_validated(centre);
        let met = centre
            .print_condition
            .required_levels()
            .iter()
            .all(|level| {
                self.validations.contains(level)
                    || (!centre.validation_levels.is_enabled(*level) && validated)
            });
        if met {
            Ok(())
        } else if matches!(actor, Relation::CentreManager(_)) {
            Err(crate::staff::not_granted(crate::staff::Right::Print))
        } else {
            Err(
                Refusal::forbidden("PERM-06", MessageKey::Perm06PrintCondition)
                    .with_arg("condition", centre.print_condition.as_str()),
            )
        }
    }

    /// Whether the end-of-internship certificate (ATT-01) may be printed:
    /// by those who see the convention, once it is validated and the
    /// internship is over (its effective end passed, or terminated early).
    pub fn check_certificate(
        &self,
        actor: Relation,
        effective_end: Option<NaiveDate>,
        today: NaiveDate,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        roles::may_view(actor)?;
        self.check_evaluations_open(centre)?;
        let end = match (effective_end, self.terminated_on) {
            (Some(end), Some(stop)) => Some(end.min(stop)),
            (end, stop) => end.or(stop),
        };
        match end {
            Some(end) if today > end => Ok(()),
            Some(end) => {
                Err(Refusal::new("WF-14", MessageKey::Wf14CertificateBeforeEnd)
                    .with_arg("end", end))
            }
            None => Err(Refusal::new("ATT-01", MessageKey::Att01Incomplete)),
        }
    }

    /// Whether an amendment may be written: only on a validated convention
    /// (AVN-01, AVN-04) that has not been terminated.
    pub fn check_new_amendment(
        &self,
        actor: Relation,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        roles::may_write_amendment(actor)?;
        if self.terminated_on.is_some() {
            return Err(Refusal::new("WF-12", MessageKey::Wf12Terminated));
        }
        if !self.is_validated(centre) {
            return Err(Refusal::new("AVN-04", MessageKey::NotValidated));
        }
        Ok(())
    }

    /// Records a new (not yet validated) amendment.
    pub fn add_amendment(&self, actor: Relation, centre: &CentreSettings) -> Result<Self, Refusal> {
        self.check_new_amendment(actor, centre)?;
        Ok(Self {
            amendments: self.amendments + 1,
            ..self.clone()
        })
    }

    /// Whether an amendment may still be edited or deleted: only until it is
    /// validated (AVN-04).
    pub fn check_amendment_edit(
        &self,
        actor: Relation,
        amendment: &Amendment,
    ) -> Result<(), Refusal> {
        roles::may_write_amendment(actor)?;
        if amendment.is_validated() {
            return Err(Refusal::new("AVN-04", MessageKey::AmendmentValidated));
        }
        Ok(())
    }

    /// Forgets a deleted, not yet validated amendment.
    pub fn remove_amendment(
        &self,
        actor: Relation,
        amendment: &Amendment,
    ) -> Result<Self, Refusal> {
        self.check_amendment_edit(actor, amendment)?;
        Ok(Self {
            amendments: self.amendments.saturating_sub(1),
            ..self.clone()
        })
    }

    /// Validates an amendment (managers and admins), refused while the
    /// effective convention it produces has blocking violations (AVN-03;
    /// see [`crate::amendment::check`]). A termination ends the convention.
    pub fn validate_amendment(
        &self,
        actor: Relation,
        amendment: &Amendment,
        violations: &[Violation],
        today: NaiveDate,
        centre: &CentreSettings,
    ) -> Result<(Self, Amendment), Refusal> {
        roles::may_validate_amendment(actor, centre)?;
        if amendment.is_validated() {
            return Err(Refusal::new("AVN-04", MessageKey::AmendmentValidated));
        }
        if !self.is_validated(centre) {
            return Err(Refusal::new("AVN-04", MessageKey::NotValidated));
        }
        if self.terminated_on.is_some() {
            return Err(Refusal::new("WF-12", MessageKey::Wf12Terminated));
        }
        let errors = violations.iter().filter(|v| v.is_error()).count();
        if errors > 0 {
            return Err(Refusal::new("WF-06", MessageKey::Wf06BlockingViolations)
                .with_arg("count", u32::try_from(errors).unwrap_or(u32::MAX)));
        }
        let mut next = self.clone();
        for change in &amendment.changes {
            if let AmendmentChange::Termination { date, .. } = change {
                next.terminated_on = Some(*date);
            }
        }
        let mut validated = amendment.clone();
        validated.validated_on = Some(today);
        Ok((next, validated))
    }

    /// Whether this actor may fill the evaluation of `kind` today: only on a
    /// validated convention; the student's only after the (effective) end
    /// date, since it asks how the internship went.
    pub fn check_evaluation(
        &self,
        actor: Relation,
        kind: EvaluationKind,
        internship_end: Option<NaiveDate>,
        today: NaiveDate,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        roles::may_fill_evaluation(actor, kind)?;
        self.check_evaluations_open(centre)?;
        if kind == EvaluationKind::Student {
            let end = match (internship_end, self.terminated_on) {
                (Some(end), Some(stop)) => Some(end.min(stop)),
                (end, stop) => end.or(stop),
            };
            match end {
                Some(end) if today > end => {}
                Some(end) => {
                    return Err(Refusal::forbidden(
                        "PERM-08",
                        MessageKey::Perm08EvaluationBeforeEnd,
                    )
                    .with_arg("end", end));
                }
                None => {
                    return Err(Refusal::forbidden(
                        "PERM-08",
                        MessageKey::Perm08EvaluationEndUnknown,
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod certificate_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::ValidationOrder;

    fn centre() -> CentreSettings {
        CentreSettings {
            validation_levels: ValidationOrder::new(vec![ValidationLevel::Administrative]).unwrap(),
            ..CentreSettings::default()
        }
    }

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn the_certificate_comes_the_day_after_the_end_of_a_validated_internship() {
        let validated = Workflow {
            number: Some(ConventionNumber::new(2026, 1).unwrap()),
            validations: vec![ValidationLevel::Administrative],
            ..Workflow::default()
        };
        let end = Some(date(26));
        let student = Relation::OwnerStudent;
        assert_eq!(
            validated
                .check_certificate(student, end, date(26), &centre())
                .map_err(|r| r.rule),
            Err("WF-14".to_owned())
        );
        assert!(
            validated
                .check_certificate(student, end, date(27), &centre())
                .is_ok()
        );
        let terminated = Workflow {
            terminated_on: Some(date(10)),
            ..validated.clone()
        };
        assert!(
            terminated
                .check_certificate(student, end, date(11), &centre())
                .is_ok()
        );
        let created = Workflow {
            validations: Vec::new(),
            ..validated
        };
        assert_eq!(
            created
                .check_certificate(student, end, date(27), &centre())
                .map_err(|r| r.rule),
            Err("WF-13".to_owned())
        );
        assert!(
            created
                .check_certificate(Relation::None, end, date(27), &centre())
                .is_err()
        );
    }
}
