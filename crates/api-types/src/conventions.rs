//! Conventions: the read model of one convention, the lines of a search,
//! creation, rejection and the validation history.

use crate::audit::AuditEntry;
use crate::problem::ProblemViolation;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::amendment::Termination;
use stages_domain::figures::Figures;
use stages_domain::lifecycle::{Status, Workflow};
use stages_domain::model::Convention;
use stages_domain::permissions::Permissions;
use stages_domain::rules::Completion;

/// The parties a convention names, by record id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Parties {
    pub organisation_id: Option<i64>,
    pub host_service_id: Option<i64>,
    pub tutor_id: Option<i64>,
    pub signatory_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    /// The offer the student answered (linked at step 2).
    pub offer_id: Option<i64>,
}

/// An amendment as listed on its convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentSummary {
    pub id: i64,
    /// 1 for the first amendment of the convention.
    pub position: i32,
    pub title: String,
    pub validated_on: Option<NaiveDate>,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreRef {
    pub id: i64,
    pub name: String,
}

/// A convention as its screens show it: the signed content, the effective
/// content after validated amendments, the figures, the rules it breaks,
/// and what the caller may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConventionView {
    pub id: i64,
    /// Assigned at creation: `2026-000123`.
    #[cfg_attr(feature = "openapi", schema(example = "2026-000123"))]
    pub number: Option<String>,
    pub status: Status,
    pub version: i32,
    pub centre: CentreRef,
    pub student_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "2026-2027"))]
    pub academic_year: String,
    pub parties: Parties,
    /// The content as entered and validated.
    pub content: Convention,
    /// The content after the validated amendments.
    pub effective: Convention,
    pub termination: Option<Termination>,
    pub workflow: Workflow,
    /// Hours and stipend of the effective content, once dates and schedule
    /// are known.
    pub figures: Option<Figures>,
    /// Which wizard steps are complete.
    pub completion: Completion,
    /// Every rule the effective content breaks (errors block creation and
    /// validation; warnings inform).
    pub violations: Vec<ProblemViolation>,
    pub permissions: Permissions,
    pub amendments: Vec<AmendmentSummary>,
    /// Staff's answer to DUR-03 (does it take an earlier intern's post?),
    /// once given.
    pub post_review: Option<PostReviewView>,
    /// The signature circuit, once the convention is validated.
    pub signature: Option<crate::signatures::CircuitView>,
    /// The circuits of its validated amendments, in their order: each
    /// amendment is signed by the parties of the convention it makes.
    pub amendment_signatures: Vec<crate::signatures::CircuitView>,
    /// SIG-17: where the evaluation scheduler mails the tutor the link to
    /// their form (the tutor contact's own address, a correction by staff
    /// included, which vouches for it), and whether the centre's staff
    /// vouched for it. The centre's staff only; `None` for others and for
    /// a tutor without an address.
    #[serde(default)]
    pub tutor_evaluation_address: Option<crate::signatures::CheckedAddress>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// Staff's answer to DUR-03, with who gave it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostReviewView {
    /// Whether the internship takes the earlier intern's post: then the
    /// waiting period applies (DUR-03).
    pub same_post: bool,
    pub reason: String,
    pub reviewer_id: i64,
    pub at: DateTime<Utc>,
}

/// Staff's answer to DUR-03: does this internship take the post of the
/// earlier intern at the same service or with the same tutor?
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"same_post": false, "reason": "Autre service : poste de développeur, le précédent était en comptabilité."})))]
pub struct PostReviewInput {
    pub same_post: bool,
    /// Why, in the reviewer's words (required, at most 1,000 characters).
    pub reason: String,
}

/// A line of the search results table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConventionSummary {
    pub id: i64,
    pub number: Option<String>,
    pub status: Status,
    pub centre_id: i64,
    pub student_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "22401234"))]
    pub student_number: String,
    #[cfg_attr(feature = "openapi", schema(example = "Martin"))]
    pub student_last_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "Camille"))]
    pub student_first_name: String,
    pub academic_year: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// CONV-03: the internship starts (or started) without every party's
    /// signature before its first day.
    pub unsigned_at_start: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})))]
pub struct NewConvention {
    /// The student (staff only; a student creates their own).
    pub student_id: Option<i64>,
    /// The enrolment the internship belongs to (cadre du stage).
    pub academic_year: String,
    pub programme_code: String,
}

/// Why a convention is sent back (a name of its own: the domain's
/// `Rejection`, with its date, is another schema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Les dates ne correspondent pas à la période de stage de la formation."})))]
pub struct RejectionInput {
    pub reason: String,
}

/// One validation event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValidationEvent {
    pub id: i64,
    /// `validate`, `unvalidate` or `reject`.
    pub action: String,
    pub level: Option<String>,
    pub reason: Option<String>,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConventionHistory {
    pub validations: Vec<ValidationEvent>,
    /// Every change of the convention, with the state before and after.
    pub changes: Vec<AuditEntry>,
}
