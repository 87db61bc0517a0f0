//! What a caller may do with a convention, and why not.
//!
//! [`permissions`] is the one function the API and the SPA ask. It is computed
//! by dry-running the transitions of [`crate::lifecycle::Workflow`], so the
//! summary and the transitions cannot disagree. Every denial carries a reason
//! (id and message key) that the UI shows next to the disabled button.
//!
//! | id | denial |
//! |---|---|
//! | PERM-01 | not related to the convention |
//! | PERM-02 | a student never validates (convention or amendment) |
//! | PERM-03 | a supervisor acts on the pedagogical level only |
//! | PERM-04 | the role does not allow it |
//! | PERM-05 | a student edits only until the first validation |
//! | PERM-06 | the centre's print condition is not met |
//! | PERM-07 | an amendment prints only once validated |
//! | PERM-08 | the student's evaluation opens after the end date |
//! | PERM-09 | someone else's evaluation form |
//! | PERM-10 | the centre does not let students create conventions |
//! | PERM-16 | the manager's rights in the centre do not include it ([`crate::staff`]) |

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::amendment::Amendment;
use crate::ids::{CentreId, StudentId, SupervisorId};
use crate::lifecycle::{Refusal, Workflow};
use crate::model::{CentreSettings, EvaluationKind, ValidationLevel, WizardStep};
use crate::staff::StaffRights;

/// The caller's relation to the convention, established by the API from the
/// session (role) and the convention (owner, supervisor uid, centre).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The student whose convention it is.
    OwnerStudent,
    /// Its academic supervisor.
    Supervisor,
    /// A manager of its management centre, with their rights there.
    CentreManager(StaffRights),
    /// An administrator.
    Admin,
    /// Its workplace tutor, through the evaluation link (no account).
    Tutor,
    /// Anyone else.
    None,
}

/// Who a signed-in person is to conventions, from their account: an
/// administrator, the student record they are, the supervisor record they
/// are, the centres they manage with their rights in each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub admin: bool,
    pub student_id: Option<StudentId>,
    pub supervisor_id: Option<SupervisorId>,
    pub managed_centres: Vec<(CentreId, StaffRights)>,
}

/// The records of a convention that decide who relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parties {
    pub centre_id: CentreId,
    pub student_id: StudentId,
    pub supervisor_id: Option<SupervisorId>,
}

/// A person's strongest relation to a convention: administrator, then
/// manager of its centre, then its supervisor, then its student.
pub fn relation(person: &Person, parties: Parties) -> Relation {
    if person.admin {
        Relation::Admin
    } else if let Some((_, rights)) = person
        .managed_centres
        .iter()
        .find(|(centre, _)| *centre == parties.centre_id)
    {
        Relation::CentreManager(*rights)
    } else if parties.supervisor_id.is_some() && parties.supervisor_id == person.supervisor_id {
        Relation::Supervisor
    } else if Some(parties.student_id) == person.student_id {
        Relation::OwnerStudent
    } else {
        Relation::None
    }
}

/// Allowed, or denied with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// The action is allowed.
    Allowed,
    /// The action is denied.
    Denied {
        /// Why, for the UI.
        reason: Refusal,
    },
}

impl Decision {
    /// Whether the action is allowed.
    pub fn is_allowed(&self) -> bool {
        matches!(self, Self::Allowed)
    }

    /// `Ok` when allowed, the refusal otherwise.
    pub fn into_result(self) -> Result<(), Refusal> {
        match self {
            Self::Allowed => Ok(()),
            Self::Denied { reason } => Err(reason),
        }
    }
}

/// Whether `relation` may see a convention at all; the API answers "not
/// found" otherwise, so that another person's convention does not leak.
pub fn may_view(relation: Relation) -> Result<(), Refusal> {
    roles::may_view(relation)
}

impl<T> From<Result<T, Refusal>> for Decision {
    fn from(result: Result<T, Refusal>) -> Self {
        match result {
            Ok(_) => Self::Allowed,
            Err(reason) => Self::Denied { reason },
        }
    }
}

/// A decision about one validation level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelDecision {
    /// The level.
    pub level: ValidationLevel,
    /// Whether the caller may act on it now.
    pub decision: Decision,
}

/// A decision about one evaluation form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationDecision {
    /// The form.
    pub kind: EvaluationKind,
    /// Whether the caller may fill it now.
    pub decision: Decision,
}

/// Everything a caller may do with a convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Permissions {
    /// See it.
    pub view: Decision,
    /// Change its content.
    pub edit: Decision,
    /// The steps that may be changed (empty when `edit` is denied).
    pub editable_steps: Vec<WizardStep>,
    /// Delete it.
    pub delete: Decision,
    /// Give each enabled level, in the centre's order.
    pub validate: Vec<LevelDecision>,
    /// Withdraw each enabled level.
    pub unvalidate: Vec<LevelDecision>,
    /// Send it back with a reason.
    pub reject: Decision,
    /// Print the agreement.
    pub print: Decision,
    /// Print the end-of-internship certificate.
    pub certificate: Decision,
    /// Write an amendment.
    pub create_amendment: Decision,
    /// Fill each evaluation form.
    pub evaluations: Vec<EvaluationDecision>,
    /// Say whether it takes an earlier intern's post (DUR-03).
    pub review_post: Decision,
}

/// Everything a caller may do with one amendment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentPermissions {
    /// Change or delete it.
    pub edit: Decision,
    /// Validate it.
    pub validate: Decision,
    /// Print it: only once validated (P-Stage guide §7).
    pub print: Decision,
}

/// What `relation` may do with a convention in state `workflow`, whose
/// internship ends on `internship_end`, under the centre's `settings`, today.
pub fn permissions(
    relation: Relation,
    workflow: &Workflow,
    internship_end: Option<NaiveDate>,
    centre: &CentreSettings,
    today: NaiveDate,
) -> Permissions {
    let levels = centre.validation_levels.levels();
    let edit: Decision = workflow.check_edit(relation, centre).into();
    let editable_steps = if edit.is_allowed() {
        WizardStep::DATA_STEPS.to_vec()
    } else {
        Vec::new()
    };
    Permissions {
        view: roles::may_view(relation).into(),
        edit,
        editable_steps,
        delete: workflow.check_delete(relation, centre).into(),
        validate: levels
            .iter()
            .map(|&level| LevelDecision {
                level,
                decision: workflow.validate(relation, level, centre, &[]).into(),
            })
            .collect(),
        unvalidate: levels
            .iter()
            .map(|&level| LevelDecision {
                level,
                decision: workflow.unvalidate(relation, level).into(),
            })
            .collect(),
        // Dry run: any non-blank reason, so only role and state decide.
        reject: workflow.reject(relation, "-", today, centre).into(),
        print: workflow.check_print(relation, centre).into(),
        certificate: workflow
            .check_certificate(relation, internship_end, today, centre)
            .into(),
        create_amendment: workflow.check_new_amendment(relation, centre).into(),
        review_post: workflow.check_post_review(relation, centre).into(),
        evaluations: [
            EvaluationKind::Student,
            EvaluationKind::Supervisor,
            EvaluationKind::Tutor,
        ]
        .into_iter()
        .map(|kind| EvaluationDecision {
            kind,
            decision: workflow
                .check_evaluation(relation, kind, internship_end, today, centre)
                .into(),
        })
        .collect(),
    }
}

/// What `relation` may do with `amendment` of a convention in state `workflow`.
pub fn amendment_permissions(
    relation: Relation,
    workflow: &Workflow,
    amendment: &Amendment,
    centre: &CentreSettings,
    today: NaiveDate,
) -> AmendmentPermissions {
    let print = roles::may_view(relation).and_then(|()| {
        if amendment.is_validated() {
            Ok(())
        } else {
            Err(Refusal::forbidden(
                "PERM-07",
                crate::messages::MessageKey::Perm07AmendmentNotValidated,
            ))
        }
    });
    AmendmentPermissions {
        edit: workflow.check_amendment_edit(relation, amendment).into(),
        validate: workflow
            .validate_amendment(relation, amendment, &[], today, centre)
            .into(),
        print: print.into(),
    }
}

/// Whether `relation` may read the answers of an evaluation: staff read
/// every questionnaire; the student their own (it must not weigh on their
/// grade, CONV-12, so the supervisor does not read it); the supervisor the
/// supervisor's and the tutor's; the tutor theirs.
pub fn may_read_evaluation(relation: Relation, kind: EvaluationKind) -> Result<(), Refusal> {
    let allowed = match relation {
        Relation::CentreManager(_) | Relation::Admin => true,
        Relation::OwnerStudent => kind == EvaluationKind::Student,
        Relation::Supervisor => kind != EvaluationKind::Student,
        Relation::Tutor => kind == EvaluationKind::Tutor,
        Relation::None => false,
    };
    if allowed {
        Ok(())
    } else if relation == Relation::None {
        Err(Refusal::forbidden(
            "PERM-01",
            crate::messages::MessageKey::Perm01NotRelated,
        ))
    } else {
        Err(Refusal::forbidden(
            "PERM-09",
            crate::messages::MessageKey::Perm09EvaluationNotYours,
        ))
    }
}

/// Who sends, renews and revokes a tutor's evaluation link: admins, and
/// managers of the centre whose rights include evaluations.
pub fn may_manage_evaluations(relation: Relation) -> Result<(), Refusal> {
    match relation {
        Relation::CentreManager(rights) => {
            crate::staff::require(rights.evaluations, crate::staff::Right::Evaluations)
        }
        other => roles::may_act_as_staff(other),
    }
}

/// DUR-03: staff's answer about an earlier intern's post, and its reason,
/// are read by the centre's staff only.
pub fn may_read_post_review(relation: Relation) -> bool {
    roles::is_staff(relation)
}

/// Whether `relation` may start a new convention in this centre: students
/// only where the centre allows it; managers and admins always.
pub fn may_create_convention(relation: Relation, centre: &CentreSettings) -> Decision {
    roles::may_create(relation, centre).into()
}

/// Role checks, independent of the convention's state.
pub(crate) mod roles {
    use super::Relation;
    use crate::lifecycle::{Refusal, Workflow};
    use crate::messages::MessageKey;
    use crate::model::{CentreSettings, EvaluationKind, ValidationLevel};
    use crate::staff::{self, Right};

    fn not_related() -> Refusal {
        Refusal::forbidden("PERM-01", MessageKey::Perm01NotRelated)
    }

    fn role_not_allowed() -> Refusal {
        Refusal::forbidden("PERM-04", MessageKey::Perm04RoleNotAllowed)
    }

    /// Staff only: managers of the centre and admins.
    pub(crate) fn may_act_as_staff(relation: Relation) -> Result<(), Refusal> {
        match relation {
            Relation::CentreManager(_) | Relation::Admin => Ok(()),
            Relation::OwnerStudent | Relation::Supervisor => Err(role_not_allowed()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// Managers of the centre and admins.
    pub(crate) fn is_staff(relation: Relation) -> bool {
        matches!(relation, Relation::CentreManager(_) | Relation::Admin)
    }

    /// Admins, and managers whose rights in the centre include printing
    /// before the print condition is met.
    pub(crate) fn prints_anytime(relation: Relation) -> bool {
        match relation {
            Relation::Admin => true,
            Relation::CentreManager(rights) => rights.print,
            _ => false,
        }
    }

    pub(crate) fn may_view(relation: Relation) -> Result<(), Refusal> {
        match relation {
            Relation::OwnerStudent
            | Relation::Supervisor
            | Relation::CentreManager(_)
            | Relation::Admin => Ok(()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    pub(crate) fn may_create(relation: Relation, centre: &CentreSettings) -> Result<(), Refusal> {
        match relation {
            Relation::OwnerStudent if centre.students_may_create => Ok(()),
            Relation::OwnerStudent => Err(Refusal::forbidden(
                "PERM-10",
                MessageKey::Perm10StudentsMayNotCreate,
            )),
            Relation::CentreManager(_) | Relation::Admin => Ok(()),
            Relation::Supervisor => Err(role_not_allowed()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// Content is entered by the student and the centre; the supervisor
    /// reads and validates (ESUP-Stage's ENS role).
    pub(crate) fn may_edit(relation: Relation) -> Result<(), Refusal> {
        match relation {
            Relation::OwnerStudent | Relation::CentreManager(_) | Relation::Admin => Ok(()),
            Relation::Supervisor => Err(role_not_allowed()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// A student never validates; a supervisor gives only the pedagogical
    /// level; managers the levels their rights include; admins every level.
    pub(crate) fn may_validate_level(
        relation: Relation,
        level: ValidationLevel,
    ) -> Result<(), Refusal> {
        match relation {
            Relation::Admin => Ok(()),
            Relation::CentreManager(rights) => {
                staff::require(rights.may_validate(level), Right::Validate)
            }
            Relation::Supervisor if level == ValidationLevel::Pedagogical => Ok(()),
            Relation::Supervisor => Err(Refusal::forbidden(
                "PERM-03",
                MessageKey::Perm03SupervisorPedagogicalOnly,
            )),
            Relation::OwnerStudent => Err(Refusal::forbidden(
                "PERM-02",
                MessageKey::Perm02StudentNeverValidates,
            )),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// Admins reject at any level, and managers whose rights include
    /// every level rejecting takes back and the next one due (rejecting
    /// withdraws the levels given); the supervisor only while the
    /// pedagogical validation, which is theirs, is still to be given.
    pub(crate) fn may_reject(
        relation: Relation,
        workflow: &Workflow,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        match relation {
            Relation::Admin => Ok(()),
            Relation::CentreManager(rights) => {
                let levels = centre.validation_levels.levels();
                let due = levels.iter().find(|l| !workflow.validations.contains(l));
                let granted = if levels.is_empty() {
                    rights.validates_any()
                } else {
                    workflow
                        .validations
                        .iter()
                        .chain(due)
                        .all(|level| rights.may_validate(*level))
                };
                staff::require(granted, Right::Validate)
            }
            Relation::Supervisor => {
                let pedagogical = ValidationLevel::Pedagogical;
                if centre.validation_levels.is_enabled(pedagogical)
                    && !workflow.validations.contains(&pedagogical)
                {
                    Ok(())
                } else {
                    Err(Refusal::forbidden(
                        "PERM-03",
                        MessageKey::Perm03SupervisorPedagogicalOnly,
                    ))
                }
            }
            Relation::OwnerStudent => Err(role_not_allowed()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// Student, supervisor and centre may propose an amendment.
    pub(crate) fn may_write_amendment(relation: Relation) -> Result<(), Refusal> {
        match relation {
            Relation::OwnerStudent
            | Relation::Supervisor
            | Relation::CentreManager(_)
            | Relation::Admin => Ok(()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// The centre validates amendments (P-Stage guide §7): admins, and
    /// managers who give the centre's last level (the one that made the
    /// convention valid; any level when the centre has none).
    pub(crate) fn may_validate_amendment(
        relation: Relation,
        centre: &CentreSettings,
    ) -> Result<(), Refusal> {
        match relation {
            Relation::Admin => Ok(()),
            Relation::CentreManager(rights) => {
                let granted = match centre.validation_levels.levels().last() {
                    Some(level) => rights.may_validate(*level),
                    None => rights.validates_any(),
                };
                staff::require(granted, Right::Validate)
            }
            Relation::OwnerStudent => Err(Refusal::forbidden(
                "PERM-02",
                MessageKey::Perm02StudentNeverValidates,
            )),
            Relation::Supervisor => Err(role_not_allowed()),
            Relation::Tutor | Relation::None => Err(not_related()),
        }
    }

    /// Each form has its authors: the student theirs; the supervisor theirs;
    /// the tutor theirs through the link; admins, and managers whose rights
    /// include evaluations, may fill the supervisor's and the tutor's on
    /// their behalf (ESUP-Stage), never the student's, which is the
    /// student's own opinion.
    pub(crate) fn may_fill_evaluation(
        relation: Relation,
        kind: EvaluationKind,
    ) -> Result<(), Refusal> {
        let allowed = match kind {
            EvaluationKind::Student => relation == Relation::OwnerStudent,
            EvaluationKind::Supervisor => matches!(
                relation,
                Relation::Supervisor | Relation::CentreManager(_) | Relation::Admin
            ),
            EvaluationKind::Tutor => matches!(
                relation,
                Relation::Tutor | Relation::CentreManager(_) | Relation::Admin
            ),
        };
        if allowed && let Relation::CentreManager(rights) = relation {
            return staff::require(rights.evaluations, Right::Evaluations);
        }
        match (allowed, relation) {
            (true, _) => Ok(()),
            (false, Relation::None) => Err(not_related()),
            (false, _) => Err(Refusal::forbidden(
                "PERM-09",
                MessageKey::Perm09EvaluationNotYours,
            )),
        }
    }
}

#[cfg(test)]
mod evaluation_read_tests {
    use super::*;

    #[test]
    fn the_strongest_relation_wins() {
        let parties = Parties {
            centre_id: CentreId(3),
            student_id: StudentId(10),
            supervisor_id: Some(SupervisorId(20)),
        };
        let student = Person {
            student_id: Some(StudentId(10)),
            ..Person::default()
        };
        assert_eq!(relation(&student, parties), Relation::OwnerStudent);
        let supervisor = Person {
            supervisor_id: Some(SupervisorId(20)),
            ..student.clone()
        };
        assert_eq!(relation(&supervisor, parties), Relation::Supervisor);
        let manager = Person {
            managed_centres: vec![(CentreId(3), StaffRights::ALL)],
            ..supervisor.clone()
        };
        assert_eq!(
            relation(&manager, parties),
            Relation::CentreManager(StaffRights::ALL)
        );
        let admin = Person {
            admin: true,
            ..manager
        };
        assert_eq!(relation(&admin, parties), Relation::Admin);
        // No supervisor on either side is no supervision.
        let unsupervised = Parties {
            supervisor_id: None,
            ..parties
        };
        assert_eq!(relation(&Person::default(), unsupervised), Relation::None);
    }

    #[test]
    fn the_supervisor_does_not_read_the_students_own_evaluation() {
        use EvaluationKind::*;
        assert!(may_read_evaluation(Relation::OwnerStudent, Student).is_ok());
        assert!(may_read_evaluation(Relation::OwnerStudent, Tutor).is_err());
        assert!(may_read_evaluation(Relation::Supervisor, Student).is_err());
        assert!(may_read_evaluation(Relation::Supervisor, Tutor).is_ok());
        assert!(may_read_evaluation(Relation::CentreManager(StaffRights::ALL), Student).is_ok());
        assert!(may_read_evaluation(Relation::Tutor, Supervisor).is_err());
        assert_eq!(
            may_read_evaluation(Relation::None, Tutor).map_err(|r| r.rule),
            Err("PERM-01".to_owned())
        );
    }
}
