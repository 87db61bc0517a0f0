//! Step 1: the student, their enrolment and the per-convention snapshot.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AcademicYear, Address, Contact};
use crate::ids::{Email, Ine, Phone};

/// A value of a reference list (nomenclature), with the label it had when
/// chosen: a convention keeps the labels it was signed with even if the list
/// is renamed later.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NomenclatureRef {
    /// Stable code in the reference list.
    pub code: String,
    /// Label at the time of choice.
    pub label: String,
}

/// The student as the directory (LDAP, Apogée/Pégase) knows them.
///
/// There is deliberately no social-security number: the agreement does not
/// need it and it must not be collected (ID-08, RGPD-05).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Student {
    /// University student number.
    pub student_number: String,
    /// National student identifier, when known.
    pub ine: Option<Ine>,
    /// Family name.
    pub last_name: String,
    /// Given name.
    pub first_name: String,
    /// Married or usage name.
    pub usage_name: Option<String>,
    /// Birth date: tells whether the intern is a minor (SAF-07).
    pub birth_date: Option<NaiveDate>,
    /// University e-mail address.
    pub university_email: Option<Email>,
}

/// Health-insurance affiliation (CPAM): name and address of the fund.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HealthInsurance {
    /// Name of the fund, e.g. "CPAM de Meurthe-et-Moselle".
    pub fund: String,
    /// Region of the fund.
    pub region: Option<String>,
    /// Address of the fund.
    pub address: Option<String>,
}

/// The enrolment that frames the internship (the *cadre du stage*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolment {
    /// Academic year of enrolment (CONV-07 limits the end date by it).
    pub academic_year: AcademicYear,
    /// Programme year (*étape*), e.g. "M1 Informatique"; its label is the
    /// curriculum title the agreement must state (CONV-08 1°).
    pub programme: NomenclatureRef,
    /// Faculty (*UFR*).
    pub faculty: NomenclatureRef,
    /// Teaching hours per year of the curriculum, internship excluded
    /// (CONV-04: at least 200). `None` until entered.
    pub teaching_hours: Option<u32>,
    /// Teaching element that carries the internship (Apogée ELP), if any.
    pub teaching_element: Option<NomenclatureRef>,
}

/// Step 1 of the wizard: the student and what they enter for this agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct StudentStep {
    /// Identity from the directory.
    pub student: Student,
    /// The chosen enrolment; `None` until chosen.
    pub enrolment: Option<Enrolment>,
    /// Postal address during the internship.
    pub address: Address,
    /// Personal e-mail address (the university one may expire).
    pub personal_email: Option<Email>,
    /// Landline.
    pub phone: Option<Phone>,
    /// Mobile phone.
    pub mobile_phone: Option<Phone>,
    /// Health-insurance affiliation.
    pub health_insurance: HealthInsurance,
    /// A minor's legal representative (parent or guardian), who signs the
    /// agreement with them (SAF-07); `position` says in what capacity.
    /// Ignored for an adult.
    pub legal_representative: Option<Contact>,
}
