//! What each manager of a centre may do there.
//!
//! A centre's staff are not all alike: ESUP-Stage keeps switches per person
//! on the centre's personnel list (`PersonnelCentreGestion`: printing before
//! validation, each evaluation form, alert mails), and P-Stage a level of
//! rights (read, write, write without validating). [`StaffRights`] holds
//! those switches; [`crate::permissions::Relation::CentreManager`] carries
//! the rights of the caller in the convention's centre, and every check of
//! the workflow and of [`crate::access`] reads them. A missing right is
//! refused as PERM-16.

use serde::{Deserialize, Serialize};

use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::model::ValidationLevel;

/// The rights of one manager in one centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRights {
    /// Gives (and withdraws) the pedagogical validation.
    pub validate_pedagogical: bool,
    /// Gives the administrative check.
    pub validate_administrative_check: bool,
    /// Gives the administrative validation.
    pub validate_administrative: bool,
    /// Prints agreements before the centre's print condition is met
    /// (ESUP-Stage's `impressionConvention`).
    pub print: bool,
    /// Fills the supervisor's and the tutor's evaluation forms on their
    /// behalf and sends the tutor's link.
    pub evaluations: bool,
    /// Answers the centre's tickets.
    pub tickets: bool,
    /// Reads the centre's statistics.
    pub statistics: bool,
    /// Receives the centre's alert mails.
    pub alerts: bool,
}

impl StaffRights {
    /// Every right: what a manager had before rights existed, and the
    /// default of a new manager.
    pub const ALL: Self = Self {
        validate_pedagogical: true,
        validate_administrative_check: true,
        validate_administrative: true,
        print: true,
        evaluations: true,
        tickets: true,
        statistics: true,
        alerts: true,
    };

    /// Whether these rights include giving `level`.
    pub fn may_validate(self, level: ValidationLevel) -> bool {
        match level {
            ValidationLevel::Pedagogical => self.validate_pedagogical,
            ValidationLevel::AdministrativeCheck => self.validate_administrative_check,
            ValidationLevel::Administrative => self.validate_administrative,
        }
    }

    /// Whether these rights include at least one validation level: what
    /// rejecting a convention and validating an amendment ask.
    pub fn validates_any(self) -> bool {
        self.validate_pedagogical
            || self.validate_administrative_check
            || self.validate_administrative
    }
}

impl Default for StaffRights {
    fn default() -> Self {
        Self::ALL
    }
}

/// One of the rights, to name what was missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Right {
    /// A validation level (or, for rejecting and amendments, any level).
    Validate,
    /// Printing before the print condition.
    Print,
    /// Evaluations on behalf of others.
    Evaluations,
    /// Answering tickets.
    Tickets,
    /// The centre's statistics.
    Statistics,
}

/// PERM-16: the manager's rights in this centre do not include `right`.
pub fn not_granted(right: Right) -> Refusal {
    let key = match right {
        Right::Validate => MessageKey::Perm16LevelNotGranted,
        Right::Print => MessageKey::Perm16PrintNotGranted,
        Right::Evaluations => MessageKey::Perm16EvaluationsNotGranted,
        Right::Tickets => MessageKey::Perm16TicketsNotGranted,
        Right::Statistics => MessageKey::Perm16StatisticsNotGranted,
    };
    Refusal::forbidden("PERM-16", key)
}

/// `Ok` when `granted`, PERM-16 naming `right` otherwise.
pub fn require(granted: bool, right: Right) -> Result<(), Refusal> {
    if granted {
        Ok(())
    } else {
        Err(not_granted(right))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manager_validates_only_the_levels_granted() {
        let admin_only = StaffRights {
            validate_pedagogical: false,
            validate_administrative_check: false,
            ..StaffRights::ALL
        };
        assert!(admin_only.may_validate(ValidationLevel::Administrative));
        assert!(!admin_only.may_validate(ValidationLevel::Pedagogical));
        assert!(!admin_only.may_validate(ValidationLevel::AdministrativeCheck));
        assert!(admin_only.validates_any());
        let none = StaffRights {
            validate_administrative: false,
            ..admin_only
        };
        assert!(!none.validates_any());
        assert_eq!(
            require(false, Right::Print).map_err(|r| (r.rule, r.message_key)),
            Err(("PERM-16".to_owned(), "perm-16-print-not-granted".to_owned()))
        );
    }
}
