//! Offres de stage et d'emploi: students search the published offers and
//! read one with its number, which they type in the wizard to link it;
//! staff also see drafts and closed offers, write, publish, take back and
//! close them.

mod detail;
mod form;
mod search;

pub use detail::OfferPage;
pub use form::NewOfferPage;
pub use search::OffersPage;

use stages_domain::model::{ContractType, OfferKind, OfferStatus};

pub const KINDS: [OfferKind; 4] = [
    OfferKind::Internship,
    OfferKind::Apprenticeship,
    OfferKind::Job,
    OfferKind::Volunteering,
];

pub const STATUSES: [OfferStatus; 4] = [
    OfferStatus::Draft,
    OfferStatus::Published,
    OfferStatus::Filled,
    OfferStatus::Withdrawn,
];

pub const CONTRACTS: [ContractType; 5] = [
    ContractType::FixedTerm,
    ContractType::Permanent,
    ContractType::Temporary,
    ContractType::Apprenticeship,
    ContractType::Professionalisation,
];

pub fn kind_key(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Internship => "offer-kind-internship",
        OfferKind::Apprenticeship => "offer-kind-apprenticeship",
        OfferKind::Job => "offer-kind-job",
        OfferKind::Volunteering => "offer-kind-volunteering",
    }
}

pub fn status_key(status: OfferStatus) -> &'static str {
    match status {
        OfferStatus::Draft => "offer-status-draft",
        OfferStatus::Published => "offer-status-published",
        OfferStatus::Filled => "offer-status-filled",
        OfferStatus::Withdrawn => "offer-status-withdrawn",
    }
}

pub fn contract_key(contract: ContractType) -> &'static str {
    match contract {
        ContractType::FixedTerm => "offer-contract-fixed-term",
        ContractType::Permanent => "offer-contract-permanent",
        ContractType::Temporary => "offer-contract-temporary",
        ContractType::Apprenticeship => "offer-contract-apprenticeship",
        ContractType::Professionalisation => "offer-contract-professionalisation",
    }
}
