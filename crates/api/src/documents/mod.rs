//! Printable documents: the internship agreement, its amendments and the
//! end-of-internship certificate, as PDF in the agreement's language.
//!
//! Each document is a plain struct holding everything it prints, filled by
//! the caller from the database; rendering does no I/O. Figures the law
//! defines (effective presence and its breakdown, the legal minimum
//! stipend, the certificate's totals) are computed by `stages-domain`,
//! never here. Wording comes from `locales/<lang>/documents.ftl`.
//!
//! Rendering never panics: missing data prints as a dash, every alphabet
//! that needs no shaping prints in embedded subset fonts and a character no
//! font has prints as `�` (see [`fonts`]), long texts flow over as many
//! pages as they need, and a logo that does not decode is left out. The
//! only refusal is the domain's, for a certificate whose inputs are
//! incomplete.
//!
//! Layers: [`i18n`] words and formats, [`layout`] page and blocks,
//! [`pdf`] the finishing pass, [`archive`] the PDF/A-2b profile of the
//! sealed agreement, then one module per document.

mod amendment;
mod archive;
mod batch;
mod certificate;
mod convention;
mod evaluation;
mod fonts;
mod i18n;
mod layout;
mod logo;

pub use logo::is_printable as logo_is_printable;
mod pdf;
pub mod scan;
pub mod seal;
mod shared;
mod signature_page;

use chrono::NaiveDate;
use stages_domain::Refusal;
use stages_domain::amendment::Amendment;
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::{
    AcademicYear, Address, AgreementLanguage, Convention, ManagementCentre,
};
use stages_domain::stipend::RateTable;

pub use amendment::render_amendment;
pub use batch::{BatchItem, zip_conventions};
pub use certificate::render_certificate;
pub use convention::render_convention;
pub use evaluation::render_evaluation;
pub use signature_page::{SignatureLine, SignaturePage, append, render_signature_page};

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The domain refuses the document (ATT-01: the certificate needs the
    /// dates, the schedule and, when a stipend is paid, its terms).
    #[error("refused by {}: {}", .0.rule, .0.message_key)]
    Refused(#[from] Refusal),
    /// The embedded fonts did not load (a broken build).
    #[error("font: {0}")]
    Font(String),
    /// genpdf could not lay the document out.
    #[error("layout: {0}")]
    Layout(String),
    /// The PDF genpdf wrote could not be finished.
    #[error("pdf: {0}")]
    Pdf(String),
}

/// Formats a centre may upload its logo in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoType {
    /// `image/png`.
    Png,
    /// `image/jpeg`.
    Jpeg,
}

impl LogoType {
    /// From a media type, e.g. the `Content-Type` of the upload.
    pub fn from_media_type(media_type: &str) -> Option<Self> {
        match media_type.trim().to_ascii_lowercase().as_str() {
            "image/png" => Some(Self::Png),
            "image/jpeg" | "image/jpg" => Some(Self::Jpeg),
            _ => None,
        }
    }
}

/// A centre's logo as uploaded. Printed at most 45 × 20 mm; a logo that
/// does not decode is left out, never an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its format.
    pub media_type: LogoType,
}

/// The letterhead: who issues the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letterhead {
    /// The university, e.g. "Université de Franche-Comté".
    pub institution: String,
    /// The management centre; also printed in every page's header.
    pub centre: String,
    /// The centre's postal address; its city is where the agreement is
    /// "done at".
    pub address: Address,
    /// The centre's phone.
    pub phone: Option<String>,
    /// The centre's e-mail address.
    pub email: Option<String>,
    /// The centre's logo.
    pub logo: Option<Logo>,
}

impl Letterhead {
    /// The letterhead of `centre`, a centre of `institution`.
    pub fn of_centre(
        institution: impl Into<String>,
        centre: &ManagementCentre,
        logo: Option<Logo>,
    ) -> Self {
        Self {
            institution: institution.into(),
            centre: centre.name.clone(),
            address: centre.address.clone(),
            phone: centre.phone.as_ref().map(|p| p.as_str().to_owned()),
            email: centre.email.as_ref().map(|e| e.as_str().to_owned()),
            logo,
        }
    }
}

/// A person who signs for an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Position (*qualité*), printed under the name.
    pub position: String,
}

impl Signatory {
    /// The person who signs for the university at `centre` (its *viseur*).
    pub fn of_centre(centre: &ManagementCentre) -> Self {
        Self {
            name: centre.signatory_name.clone().unwrap_or_default(),
            position: centre.signatory_position.clone().unwrap_or_default(),
        }
    }
}

/// Everything the agreement prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConventionDocument {
    /// The convention's number.
    pub number: ConventionNumber,
    /// The content as signed: the original convention, without its
    /// amendments (they print separately).
    pub convention: Convention,
    /// The centre that manages the convention.
    pub letterhead: Letterhead,
    /// Who signs for the university.
    pub institution_signatory: Signatory,
    /// The academic year of the enrolment.
    pub academic_year: AcademicYear,
    /// The programme (curriculum title, CONV-08 1°).
    pub programme: String,
    /// The language of the agreement.
    pub language: AgreementLanguage,
    /// The day printed in "done at … on …".
    pub today: NaiveDate,
    /// The installation's minimum hourly rates (GRAT-02), for the legal
    /// minimum printed.
    pub rates: RateTable,
}

/// Everything an amendment prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentDocument {
    /// The amended convention's number.
    pub number: ConventionNumber,
    /// The amendment's rank among the convention's amendments, from 1.
    pub index: u32,
    /// The original convention.
    pub convention: Convention,
    /// The amendments validated before this one, in validation order: the
    /// "before" values are the convention as they left it.
    pub previous: Vec<Amendment>,
    /// The amendment to print.
    pub amendment: Amendment,
    /// The centre that manages the convention.
    pub letterhead: Letterhead,
    /// Who signs for the university.
    pub institution_signatory: Signatory,
    /// The language of the agreement.
    pub language: AgreementLanguage,
    /// The day printed in "done at … on …".
    pub today: NaiveDate,
}

/// Everything the end-of-internship certificate prints (ATT-01, ATT-02).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateDocument {
    /// The convention's number.
    pub number: ConventionNumber,
    /// The original convention.
    pub convention: Convention,
    /// Its amendments in validation order; only the validated ones apply.
    pub amendments: Vec<Amendment>,
    /// The centre that manages the convention (the header, and the
    /// institution named on the certificate).
    pub letterhead: Letterhead,
    /// The academic year of the enrolment.
    pub academic_year: AcademicYear,
    /// The programme followed.
    pub programme: String,
    /// The language of the agreement.
    pub language: AgreementLanguage,
    /// The day the host issues the certificate.
    pub today: NaiveDate,
}

/// Everything an evaluation sheet prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationDocument {
    pub number: ConventionNumber,
    /// The convention as signed (names, host, dates).
    pub convention: Convention,
    /// The questionnaire the answers belong to.
    pub form: stages_domain::model::EvaluationForm,
    pub answers: stages_domain::model::EvaluationAnswers,
    /// When the answers were submitted; `None` for a draft.
    pub submitted_on: Option<NaiveDate>,
    pub letterhead: Letterhead,
    pub language: AgreementLanguage,
}
