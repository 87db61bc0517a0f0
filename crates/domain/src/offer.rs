//! Offers: what an offer must say (OFR-01) and how its status moves
//! (OFR-02).
//!
//! ```text
//! draft ──publish──▶ published ──close──▶ filled | withdrawn
//!   ▲                   │
//!   └────unpublish──────┘        (draft ──close──▶ withdrawn)
//! ```
//!
//! A draft may be incomplete; publishing checks it as complete, including
//! where to apply, so that no student reads an offer they cannot answer.

use crate::ids::PostalCode;
use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::model::{ContractType, Offer, OfferAction, OfferKind, OfferStatus};
use crate::rules::CheckMode;
use crate::violation::{Severity, Violation};

/// Longest title.
pub const TITLE_CHARS: usize = 150;
/// Longest description.
pub const DESCRIPTION_CHARS: usize = 8_000;

fn missing(mode: CheckMode, field: &str) -> Violation {
    let mut violation = Violation::error("FORM-01", field, MessageKey::FieldRequired);
    if mode == CheckMode::Draft {
        violation.severity = Severity::Warning;
    }
    violation
}

fn text(out: &mut Vec<Violation>, mode: CheckMode, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        out.push(missing(mode, field));
    } else if value.chars().count() > max {
        out.push(
            Violation::error("FMT-03", field, MessageKey::TextTooLong)
                .with_arg("max", u32::try_from(max).unwrap_or(u32::MAX)),
        );
    }
}

/// Checks an offer: title, description, place and, in complete mode (to
/// publish), where to apply; a French postcode parses (ID-05); the end
/// follows the start; an internship has no employment contract and an
/// apprenticeship is an apprenticeship or professionalisation contract.
pub fn check_offer(offer: &Offer, mode: CheckMode) -> Vec<Violation> {
    let mut out = Vec::new();
    text(&mut out, mode, "title", &offer.title, TITLE_CHARS);
    text(
        &mut out,
        mode,
        "description",
        &offer.description,
        DESCRIPTION_CHARS,
    );
    text(&mut out, mode, "city", &offer.city, 100);
    if offer.country.is_french_territory() {
        match offer.postal_code.as_deref().map(str::trim) {
            None | Some("") => out.push(missing(mode, "postal_code")),
            Some(code) => {
                if let Err(error) = PostalCode::parse(code) {
                    out.push(error.to_violation("postal_code"));
                }
            }
        }
    }
    if let (Some(start), Some(end)) = (offer.start, offer.end)
        && end < start
    {
        out.push(Violation::error(
            "OFR-01",
            "end",
            MessageKey::Dur05EndBeforeStart,
        ));
    }
    match (offer.kind, offer.contract) {
        (OfferKind::Internship, Some(_)) => out.push(Violation::error(
            "OFR-01",
            "contract",
            MessageKey::Ofr01InternshipContract,
        )),
        (
            OfferKind::Apprenticeship,
            Some(ContractType::FixedTerm | ContractType::Permanent | ContractType::Temporary),
        ) => out.push(Violation::error(
            "OFR-01",
            "contract",
            MessageKey::Ofr01ApprenticeshipContract,
        )),
        (OfferKind::Apprenticeship | OfferKind::Job, None) => {
            out.push(missing(mode, "contract"));
        }
        _ => {}
    }
    if offer.contact_email.is_none() {
        out.push(missing(mode, "contact_email"));
    }
    out
}

/// The status after `action`, or why not (OFR-02): only a draft is
/// published, only a published offer is taken back, and a closed offer
/// stays closed (its history counts in the statistics).
pub fn transition(status: OfferStatus, action: OfferAction) -> Result<OfferStatus, Refusal> {
    use OfferAction as A;
    use OfferStatus as S;
    match (status, action) {
        (S::Filled | S::Withdrawn, _) => Err(Refusal::new("OFR-02", MessageKey::Ofr02Closed)),
        (S::Draft, A::Publish) => Ok(S::Published),
        (S::Published, A::Publish) => {
            Err(Refusal::new("OFR-02", MessageKey::Ofr02AlreadyPublished))
        }
        (S::Published, A::Unpublish) => Ok(S::Draft),
        (S::Draft, A::Unpublish) => Err(Refusal::new("OFR-02", MessageKey::Ofr02NotPublished)),
        (S::Published, A::CloseFilled) => Ok(S::Filled),
        (S::Draft, A::CloseFilled) => Err(Refusal::new("OFR-02", MessageKey::Ofr02NotPublished)),
        (S::Draft | S::Published, A::CloseWithdrawn) => Ok(S::Withdrawn),
    }
}

/// Whether what the offer says may still change: not once closed (OFR-02).
pub fn check_editable(status: OfferStatus) -> Result<(), Refusal> {
    match status {
        OfferStatus::Filled | OfferStatus::Withdrawn => {
            Err(Refusal::new("OFR-02", MessageKey::Ofr02Closed))
        }
        OfferStatus::Draft | OfferStatus::Published => Ok(()),
    }
}

/// Whether a student may link the offer to a convention: a published one,
/// or one already closed as filled (by them, typically).
pub fn may_be_linked(status: OfferStatus) -> bool {
    matches!(status, OfferStatus::Published | OfferStatus::Filled)
}

/// Whether students see the offer.
pub fn is_visible_to_students(status: OfferStatus) -> bool {
    status == OfferStatus::Published
}

/// The status a search of offers lists (`None`: every status): staff see
/// any, or the one they ask for; everyone else sees published offers and
/// may not ask for another status (QUERY-01 on `field`).
pub fn listed_status(
    staff: bool,
    asked: Option<OfferStatus>,
    field: &str,
) -> Result<Option<OfferStatus>, Violation> {
    match (asked, staff) {
        (asked, true) => Ok(asked),
        (None, false) => Ok(Some(OfferStatus::Published)),
        (Some(_), false) => Err(crate::requests::query_published_only(field)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::ids::{Country, Email};

    #[test]
    fn students_list_published_offers_only() {
        assert_eq!(listed_status(true, None, "s"), Ok(None));
        assert_eq!(
            listed_status(true, Some(OfferStatus::Draft), "s"),
            Ok(Some(OfferStatus::Draft))
        );
        assert_eq!(
            listed_status(false, None, "s"),
            Ok(Some(OfferStatus::Published))
        );
        assert_eq!(
            listed_status(false, Some(OfferStatus::Published), "s")
                .unwrap_err()
                .rule,
            "QUERY-01"
        );
    }

    fn offer() -> Offer {
        Offer {
            kind: OfferKind::Internship,
            title: "Développeur web (stage M1)".into(),
            description: "Participation à la refonte d'une application métier.".into(),
            city: "Besançon".into(),
            postal_code: Some("25000".into()),
            country: Country::parse("FR").unwrap(),
            contract: None,
            start: chrono::NaiveDate::from_ymd_opt(2027, 4, 1),
            end: chrono::NaiveDate::from_ymd_opt(2027, 9, 30),
            paid: Some(true),
            disability_friendly: true,
            contact_name: Some("Sophie Lefèvre".into()),
            contact_email: Some(Email::parse("rh@example.org").unwrap()),
        }
    }

    fn rules(violations: &[Violation]) -> Vec<(String, String)> {
        violations
            .iter()
            .map(|v| (v.rule.clone(), v.field.clone()))
            .collect()
    }

    #[test]
    fn a_complete_internship_offer_passes() {
        assert_eq!(check_offer(&offer(), CheckMode::Complete), []);
    }

    #[test]
    fn a_draft_may_lack_what_publishing_needs() {
        let draft = Offer {
            description: String::new(),
            contact_email: None,
            ..offer()
        };
        let found = check_offer(&draft, CheckMode::Draft);
        assert!(found.iter().all(|v| v.severity == Severity::Warning));
        let found = check_offer(&draft, CheckMode::Complete);
        assert_eq!(
            rules(&found),
            [
                ("FORM-01".into(), "description".into()),
                ("FORM-01".into(), "contact_email".into())
            ]
        );
        assert!(found.iter().all(|v| v.severity == Severity::Error));
    }

    #[test]
    fn incoherent_offers_are_errors_even_as_drafts() {
        let wrong = Offer {
            postal_code: Some("2500".into()),
            end: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
            contract: Some(ContractType::Permanent),
            title: "x".repeat(TITLE_CHARS + 1),
            ..offer()
        };
        assert_eq!(
            rules(&check_offer(&wrong, CheckMode::Draft)),
            [
                ("FMT-03".into(), "title".into()),
                ("ID-05".into(), "postal_code".into()),
                ("OFR-01".into(), "end".into()),
                ("OFR-01".into(), "contract".into()),
            ]
        );
    }

    #[test]
    fn contracts_follow_the_kind() {
        let apprenticeship = Offer {
            kind: OfferKind::Apprenticeship,
            contract: Some(ContractType::FixedTerm),
            ..offer()
        };
        assert_eq!(
            rules(&check_offer(&apprenticeship, CheckMode::Complete)),
            [("OFR-01".into(), "contract".into())]
        );
        let job = Offer {
            kind: OfferKind::Job,
            contract: None,
            ..offer()
        };
        assert_eq!(
            rules(&check_offer(&job, CheckMode::Complete)),
            [("FORM-01".into(), "contract".into())]
        );
        let abroad = Offer {
            country: Country::parse("DE").unwrap(),
            postal_code: None,
            ..offer()
        };
        assert_eq!(check_offer(&abroad, CheckMode::Complete), []);
    }

    #[test]
    fn statuses_move_as_drawn() {
        use OfferAction as A;
        use OfferStatus as S;
        assert_eq!(transition(S::Draft, A::Publish), Ok(S::Published));
        assert_eq!(transition(S::Published, A::Unpublish), Ok(S::Draft));
        assert_eq!(transition(S::Published, A::CloseFilled), Ok(S::Filled));
        assert_eq!(transition(S::Draft, A::CloseWithdrawn), Ok(S::Withdrawn));
        for (status, action, key) in [
            (S::Published, A::Publish, "ofr-02-already-published"),
            (S::Draft, A::Unpublish, "ofr-02-not-published"),
            (S::Draft, A::CloseFilled, "ofr-02-not-published"),
            (S::Filled, A::Publish, "ofr-02-closed"),
            (S::Withdrawn, A::Unpublish, "ofr-02-closed"),
        ] {
            let refusal = transition(status, action).unwrap_err();
            assert_eq!(refusal.rule, "OFR-02");
            assert_eq!(refusal.message_key, key);
        }
        assert!(check_editable(S::Published).is_ok());
        assert_eq!(check_editable(S::Filled).unwrap_err().rule, "OFR-02");
        assert!(may_be_linked(S::Filled) && !may_be_linked(S::Draft));
        assert!(is_visible_to_students(S::Published));
        assert!(!is_visible_to_students(S::Draft));
    }
}
