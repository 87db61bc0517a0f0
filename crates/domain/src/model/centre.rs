//! The management centre and the settings that drive validation and printing.

use serde::{Deserialize, Serialize};

use super::Address;
use crate::ids::{Email, IdError, Phone};
use crate::messages::MessageKey;

/// A validation level a centre may enable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValidationLevel {
    /// *Validation pédagogique*, usually by the supervisor.
    Pedagogical,
    /// *Vérification administrative*.
    AdministrativeCheck,
    /// *Validation administrative*.
    Administrative,
}

impl ValidationLevel {
    /// The level's name in JSON and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pedagogical => "pedagogical",
            Self::AdministrativeCheck => "administrative_check",
            Self::Administrative => "administrative",
        }
    }
}

/// The validation levels a centre enables, in the order they must be given.
/// Each level appears at most once; the list may be empty (a centre that
/// validates nothing: a convention is validated as soon as it is created).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "Vec<ValidationLevel>", into = "Vec<ValidationLevel>")]
#[cfg_attr(feature = "openapi", schema(value_type = Vec<ValidationLevel>))]
pub struct ValidationOrder(Vec<ValidationLevel>);

impl ValidationOrder {
    /// Checks that no level is listed twice.
    pub fn new(levels: Vec<ValidationLevel>) -> Result<Self, IdError> {
        let mut seen = Vec::with_capacity(levels.len());
        for level in &levels {
            if seen.contains(level) {
                return Err(IdError::new("FMT-02", MessageKey::FmtValidationOrder));
            }
            seen.push(*level);
        }
        Ok(Self(levels))
    }

    /// The three levels in ESUP-Stage's default order.
    pub fn all_three() -> Self {
        Self(vec![
            ValidationLevel::Pedagogical,
            ValidationLevel::AdministrativeCheck,
            ValidationLevel::Administrative,
        ])
    }

    /// The enabled levels, in order.
    pub fn levels(&self) -> &[ValidationLevel] {
        &self.0
    }

    /// Whether the centre uses this level.
    pub fn is_enabled(&self, level: ValidationLevel) -> bool {
        self.0.contains(&level)
    }

    /// The last level: once given, the convention is validated.
    pub fn last(&self) -> Option<ValidationLevel> {
        self.0.last().copied()
    }
}

impl TryFrom<Vec<ValidationLevel>> for ValidationOrder {
    type Error = IdError;
    fn try_from(levels: Vec<ValidationLevel>) -> Result<Self, Self::Error> {
        Self::new(levels)
    }
}

impl From<ValidationOrder> for Vec<ValidationLevel> {
    fn from(order: ValidationOrder) -> Self {
        order.0
    }
}

/// When students and supervisors may print the agreement (ESUP-Stage's
/// `conditionValidationImpression` 0–4). Managers and admins may always print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrintCondition {
    /// 0: as soon as the convention is created.
    Always,
    /// 1: after the pedagogical validation.
    AfterPedagogical,
    /// 2: after the administrative validation.
    AfterAdministrative,
    /// 3: after both the pedagogical and the administrative validation.
    AfterBoth,
    /// 4: after the administrative check.
    AfterAdministrativeCheck,
}

impl PrintCondition {
    /// The levels that must have been given.
    pub fn required_levels(self) -> &'static [ValidationLevel] {
        match self {
            Self::Always => &[],
            Self::AfterPedagogical => &[ValidationLevel::Pedagogical],
            Self::AfterAdministrative => &[ValidationLevel::Administrative],
            Self::AfterBoth => &[
                ValidationLevel::Pedagogical,
                ValidationLevel::Administrative,
            ],
            Self::AfterAdministrativeCheck => &[ValidationLevel::AdministrativeCheck],
        }
    }

    /// The condition's name in JSON and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::AfterPedagogical => "after_pedagogical",
            Self::AfterAdministrative => "after_administrative",
            Self::AfterBoth => "after_both",
            Self::AfterAdministrativeCheck => "after_administrative_check",
        }
    }
}

/// The switches of a centre that change what the domain allows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreSettings {
    /// Enabled validation levels, in order.
    pub validation_levels: ValidationOrder,
    /// When students and supervisors may print.
    pub print_condition: PrintCondition,
    /// Whether students may create conventions themselves.
    pub students_may_create: bool,
    /// Whether a student may have internships whose dates overlap.
    pub overlaps_allowed: bool,
    /// Who signs the agreements, in which order (the official model when
    /// a stored centre predates the setting).
    #[serde(default)]
    pub signature: crate::signature::CircuitSettings,
}

impl Default for CentreSettings {
    /// ESUP-Stage's defaults: three levels, print after both validations,
    /// student creation allowed, no overlap.
    fn default() -> Self {
        Self {
            validation_levels: ValidationOrder::all_three(),
            print_condition: PrintCondition::AfterBoth,
            students_may_create: true,
            overlaps_allowed: false,
            signature: crate::signature::CircuitSettings::default(),
        }
    }
}

/// Level at which a centre sits; exactly one is the establishment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CentreLevel {
    /// The whole university; receives conventions no other centre claims.
    Establishment,
    /// A faculty (UFR).
    Faculty,
    /// A programme year (étape).
    Programme,
}

/// A management centre: owns conventions; its settings drive the workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ManagementCentre {
    /// Name.
    pub name: String,
    /// Level.
    pub level: CentreLevel,
    /// Settings.
    pub settings: CentreSettings,
    /// Postal address, printed on the agreement.
    pub address: Address,
    /// Contact e-mail.
    pub email: Option<Email>,
    /// Contact phone.
    pub phone: Option<Phone>,
    /// Name of the person who signs for the university (*viseur*).
    pub signatory_name: Option<String>,
    /// Their position.
    pub signatory_position: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_level_appears_once() {
        let json = r#"["administrative","pedagogical"]"#;
        let order: ValidationOrder = serde_json::from_str(json).unwrap();
        assert_eq!(order.last(), Some(ValidationLevel::Pedagogical));
        assert!(
            serde_json::from_str::<ValidationOrder>(r#"["administrative","administrative"]"#)
                .is_err()
        );
    }
}
