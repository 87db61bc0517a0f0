//! The entities and values of the eight wizard steps and beyond.
//!
//! Step data allow partial drafts: a draft is saved step by step, so most
//! fields are `Option` (or an empty string for free text) and the rules say
//! what is missing. Identifiers are already parsed (`Siret`, `Email`…), so a
//! draft can be incomplete but never malformed.

mod academic_year;
mod address;
mod centre;
mod contact;
mod convention;
mod evaluation;
mod internship;
mod offer;
mod organisation;
mod schedule;
mod student;
mod ticket;

pub use academic_year::AcademicYear;
pub use address::Address;
pub use centre::{
    CentreLevel, CentreSettings, ManagementCentre, PrintCondition, ValidationLevel, ValidationOrder,
};
pub use contact::{Civility, Contact, HostService, Supervisor};
pub use convention::{Convention, WizardStep};
pub use evaluation::{
    Answer, EvaluationAnswers, EvaluationForm, EvaluationKind, EvaluationProgress, Question,
    QuestionKind, Section,
};
pub use internship::{
    AgreementLanguage, Confidentiality, ConventionType, Internship, InternshipOrigin, PaymentMode,
    PresenceType, StipendBasis, StipendTerms, StipendUnit, WorkingTime,
};
pub use offer::{ContractType, Offer, OfferAction, OfferKind, OfferStatus};
pub use organisation::{Organisation, OrganisationKind};
pub use schedule::{DaysPerWeek, Period, Schedule, SchedulePeriod};
pub use student::{Enrolment, HealthInsurance, NomenclatureRef, Student, StudentStep};
pub use ticket::{Ticket, TicketCategory, TicketStatus};

/// Money: integer cents and a currency, never a float.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    /// Amount in cents (1 417,50 € = 141750).
    pub amount_cents: i64,
    /// ISO 4217 currency.
    pub currency: crate::ids::Currency,
}
