//! The signature circuit of an agreement: who signs, in which order, and
//! what a change after a signature does.
//!
//! Each centre says which parties sign and whether in order or all at
//! once ([`CircuitSettings`]); the official model's parties are the
//! default, and a minor's legal representative signs after the student.
//! A validated convention is sent for signature; each party's signature is
//! recorded with its date and how it was given (electronically, or on
//! paper and recorded by staff); once every party signed, the internship
//! may start, and only if the last signature came before its first day
//! (CONV-03: "start date > date of last signature"). A signed agreement is
//! never altered, only amended.
//!
//! | id | rule |
//! |---|---|
//! | SIG-01 | the centre's parties: no party twice, and a tutor who is also the host's signatory signs once, as signatory; the student, the host's signatory, the academic supervisor and the school always (CONV-02); the legal representative never (added for a minor) |
//! | SIG-02 | only a validated convention goes out for signature |
//! | SIG-03 | a circuit goes out once |
//! | SIG-04 | an electronic signature is asked for once the circuit went out |
//! | SIG-05 | only a party of the circuit signs |
//! | SIG-06 | each party signs once |
//! | SIG-07 | in a sequential circuit, a party signs electronically in its turn |
//! | SIG-08 | a paper signature is dated between the validation and today; an electronic one is given today |
//! | SIG-09 | a fully signed agreement is not withdrawn: it is amended |
//! | SIG-10 | the certificate of a convention with a circuit needs every signature |
//! | SIG-11 | the centre's staff with a validation right, and admins, run the circuit |
//! | SIG-12 | an electronic signature is confirmed by the code last mailed, within its time and attempts |
//! | SIG-13 | an electronic signature is for the agreement sent, named by its SHA-256 |
//! | SIG-14 | a centre reminds pending signers every 1 to 60 days, or never (0) |
//! | SIG-15 | an agreement is not amended while its signatures are being collected |
//! | SIG-16 | a signing link goes to an address: a party without one signs on paper |
//! | SIG-17 | a link goes to the host's signatory, the tutor (to sign, or to evaluate the intern) or a minor's legal representative only at an address the centre's staff vouched for (they entered or checked it) |
//! | CONV-03 | every party signed before the first day |

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::lifecycle::{Refusal, Status};
use crate::messages::MessageKey;
use crate::permissions::Relation;
use crate::staff::{Right, require};
use crate::violation::Violation;

/// Who signs an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The intern.
    Student,
    /// A minor student's legal representative.
    LegalRepresentative,
    /// The host organisation's signatory.
    HostSignatory,
    /// The workplace tutor, where the centre asks it.
    Tutor,
    /// The academic supervisor.
    Supervisor,
    /// The school's representative (the centre's signatory).
    School,
}

/// Whether the parties sign one after the other or all at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigningOrder {
    /// Each party is asked once the previous one signed.
    Sequential,
    /// Every party is asked at once.
    Parallel,
}

/// How a signature was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Through Stages' link, confirmed with a one-time code.
    Electronic,
    /// On paper, recorded by the centre's staff with the signed scan.
    Paper,
}

/// Days between reminders to a party who has not signed, by default.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// The longest delay a centre may set (SIG-14).
pub const MAX_REMINDER_DAYS: u32 = 60;
/// Reminders sent at most to one party for one link.
pub const MAX_REMINDERS: u32 = 3;

fn default_reminder_days() -> u32 {
    DEFAULT_REMINDER_DAYS
}

/// A centre's circuit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CircuitSettings {
    /// The parties, in signing order (without the legal representative).
    pub parties: Vec<Party>,
    pub order: SigningOrder,
    /// Days after which a party asked to sign, who has not, is reminded
    /// (again after as many days, at most three times); 0: never.
    #[serde(default = "default_reminder_days")]
    pub reminder_days: u32,
}

impl Default for CircuitSettings {
    /// The official model (CONV-02's five signatures): the student, the
    /// host's signatory, the tutor, the academic supervisor and the
    /// school, in that order. A centre may leave the tutor out (issue 17:
    /// "the tutor where the centre asks it"), not the others.
    fn default() -> Self {
        Self {
            parties: vec![
                Party::Student,
                Party::HostSignatory,
                Party::Tutor,
                Party::Supervisor,
                Party::School,
            ],
            order: SigningOrder::Sequential,
            reminder_days: DEFAULT_REMINDER_DAYS,
        }
    }
}

/// Where the parties are in a centre's settings.
const PARTIES_FIELD: &str = "settings.signature.parties";

impl CircuitSettings {
    /// SIG-01: the problems of these settings, empty when they are usable.
    pub fn check(&self) -> Vec<Violation> {
        let mut problems = Vec::new();
        let mut seen = Vec::new();
        for party in &self.parties {
            if seen.contains(party) {
                problems.push(Violation::error(
                    "SIG-01",
                    PARTIES_FIELD,
                    MessageKey::Sig01PartyTwice,
                ));
                break;
            }
            seen.push(*party);
        }
        if self.parties.contains(&Party::LegalRepresentative) {
            problems.push(Violation::error(
                "SIG-01",
                PARTIES_FIELD,
                MessageKey::Sig01RepresentativeAdded,
            ));
        }
        let required = [
            Party::Student,
            Party::HostSignatory,
            Party::Supervisor,
            Party::School,
        ];
        if required.iter().any(|p| !self.parties.contains(p)) {
            problems.push(Violation::error(
                "SIG-01",
                PARTIES_FIELD,
                MessageKey::Sig01RequiredParties,
            ));
        }
        if self.reminder_days > MAX_REMINDER_DAYS {
            problems.push(
                Violation::error(
                    "SIG-14",
                    "settings.signature.reminder_days",
                    MessageKey::Sig14ReminderDays,
                )
                .with_arg("max", MAX_REMINDER_DAYS),
            );
        }
        problems
    }

    /// Whether a party asked at `asked_at`, reminded `reminders` times
    /// (the last at `reminded_at`), is reminded at `now` (SIG-14).
    pub fn reminder_due(
        &self,
        asked_at: NaiveDateTime,
        reminders: u32,
        reminded_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> bool {
        if self.reminder_days == 0 || reminders >= MAX_REMINDERS {
            return false;
        }
        let last = reminded_at.unwrap_or(asked_at);
        now - last >= chrono::Duration::days(i64::from(self.reminder_days))
    }

    /// The parties of one convention: a minor's legal representative signs
    /// right after the student (SAF-07).
    pub fn parties_for(&self, minor: bool) -> Vec<Party> {
        let mut parties = Vec::with_capacity(self.parties.len() + 1);
        for party in &self.parties {
            parties.push(*party);
            if minor && *party == Party::Student {
                parties.push(Party::LegalRepresentative);
            }
        }
        parties
    }
}

/// One party's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    pub party: Party,
    pub signed_on: NaiveDate,
    pub method: Method,
}

/// Where a circuit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CircuitStatus {
    /// Not sent for signature yet.
    NotSent,
    /// Sent; some parties have not signed.
    OutForSignature,
    /// Every party signed.
    Signed,
}

/// The circuit of one convention (or one amendment): its parties in order,
/// the day it opened (the convention's validation), when it went out, and
/// the signatures given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Circuit {
    parties: Vec<Party>,
    order: SigningOrder,
    opened_on: NaiveDate,
    sent_on: Option<NaiveDate>,
    signatures: Vec<Signature>,
}

/// What a convention tells its circuit about the people who sign it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signers {
    /// The intern is a minor on the first day: their legal representative
    /// signs too.
    pub minor: bool,
    /// The tutor is the host's signatory (one contact for both).
    pub tutor_is_signatory: bool,
}

/// Stored data that no sequence of the rules below can have produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("inconsistent signature circuit: {0}")]
pub struct Inconsistent(&'static str);

impl Circuit {
    /// The circuit of a convention validated on `opened_on`, of a centre
    /// with `settings`, whose intern is a minor or not: not sent yet.
    pub fn new(settings: &CircuitSettings, minor: bool, opened_on: NaiveDate) -> Self {
        Self {
            parties: settings.parties_for(minor),
            order: settings.order,
            opened_on,
            sent_on: None,
            signatures: Vec::new(),
        }
    }

    /// The circuit of a convention: as [`Circuit::new`], but a tutor who is
    /// also the host's signatory signs once, as the signatory (SIG-01): one
    /// person, one signature, one link.
    pub fn for_convention(
        settings: &CircuitSettings,
        signers: Signers,
        opened_on: NaiveDate,
    ) -> Self {
        let mut circuit = Self::new(settings, signers.minor, opened_on);
        if signers.tutor_is_signatory {
            circuit.parties.retain(|party| *party != Party::Tutor);
        }
        circuit
    }

    /// A circuit as stored, checked: distinct parties, signatures by
    /// parties of the circuit, once each, dated from its opening, and
    /// electronic ones only once it went out.
    pub fn restore(
        parties: Vec<Party>,
        order: SigningOrder,
        opened_on: NaiveDate,
        sent_on: Option<NaiveDate>,
        signatures: Vec<Signature>,
    ) -> Result<Self, Inconsistent> {
        for (i, party) in parties.iter().enumerate() {
            if parties[..i].contains(party) {
                return Err(Inconsistent("a party twice"));
            }
        }
        if sent_on.is_some_and(|sent| sent < opened_on) {
            return Err(Inconsistent("sent before it opened"));
        }
        for (i, signature) in signatures.iter().enumerate() {
            if !parties.contains(&signature.party) {
                return Err(Inconsistent("a signature by someone else"));
            }
            if signatures[..i].iter().any(|s| s.party == signature.party) {
                return Err(Inconsistent("a party signed twice"));
            }
            if signature.signed_on < opened_on {
                return Err(Inconsistent("a signature before the validation"));
            }
            let earliest = sent_on.unwrap_or(NaiveDate::MAX);
            if signature.method == Method::Electronic && signature.signed_on < earliest {
                return Err(Inconsistent("an electronic signature before sending"));
            }
        }
        Ok(Self {
            parties,
            order,
            opened_on,
            sent_on,
            signatures,
        })
    }

    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    pub fn order(&self) -> SigningOrder {
        self.order
    }

    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    pub fn sent_on(&self) -> Option<NaiveDate> {
        self.sent_on
    }

    pub fn signatures(&self) -> &[Signature] {
        &self.signatures
    }

    /// Signed once every party signed (paper signatures may all come back
    /// before the circuit is sent); else out for signature once sent.
    pub fn status(&self) -> CircuitStatus {
        if !self.parties.is_empty() && self.unsigned().next().is_none() {
            CircuitStatus::Signed
        } else if self.sent_on.is_none() {
            CircuitStatus::NotSent
        } else {
            CircuitStatus::OutForSignature
        }
    }

    fn has_signed(&self, party: Party) -> bool {
        self.signatures.iter().any(|s| s.party == party)
    }

    fn unsigned(&self) -> impl Iterator<Item = Party> + '_ {
        self.parties
            .iter()
            .copied()
            .filter(|p| !self.has_signed(*p))
    }

    /// The parties asked to sign now: every one still to sign in a
    /// parallel circuit, the first of them in a sequential one; none
    /// before the circuit went out.
    pub fn awaited(&self) -> Vec<Party> {
        if self.sent_on.is_none() {
            return Vec::new();
        }
        match self.order {
            SigningOrder::Parallel => self.unsigned().collect(),
            SigningOrder::Sequential => self.unsigned().take(1).collect(),
        }
    }

    /// Whether staff may send `party` a new signing link (the mail was
    /// lost, the link expired or locked itself after wrong codes): only a
    /// party the circuit awaits now (SIG-04 to SIG-07).
    pub fn check_new_link(&self, party: Party) -> Result<(), Refusal> {
        if self.sent_on.is_none() {
            return Err(Refusal::new("SIG-04", MessageKey::Sig04NotSent));
        }
        if !self.parties.contains(&party) {
            return Err(Refusal::new("SIG-05", MessageKey::Sig05NotAParty));
        }
        if self.has_signed(party) {
            return Err(already_signed());
        }
        if !self.awaited().contains(&party) {
            return Err(Refusal::new("SIG-07", MessageKey::Sig07NotYourTurn));
        }
        Ok(())
    }

    /// The date of the last signature, once every party signed.
    pub fn signed_on(&self) -> Option<NaiveDate> {
        (self.status() == CircuitStatus::Signed)
            .then(|| self.signatures.iter().map(|s| s.signed_on).max())
            .flatten()
    }

    /// Sends the circuit out (SIG-02, SIG-03): a convention in `status`
    /// Validated (not one terminated early), not fully signed already.
    pub fn send(&self, status: Status, today: NaiveDate) -> Result<Self, Refusal> {
        if status != Status::Validated {
            return Err(Refusal::new("SIG-02", MessageKey::Sig02NotValidated));
        }
        if self.sent_on.is_some() || self.status() == CircuitStatus::Signed {
            return Err(Refusal::new("SIG-03", MessageKey::Sig03AlreadySent));
        }
        Ok(Self {
            sent_on: Some(today),
            ..self.clone()
        })
    }

    /// Records `party`'s signature given on `signed_on` by `method`
    /// (SIG-04 to SIG-08). Paper signatures come back in any order, dated
    /// as written on them, from the validation on (staff may collect them
    /// before sending the circuit); an electronic one is asked for once
    /// sent, in the circuit's order, and is given today (it cannot be
    /// backdated).
    pub fn record(
        &self,
        party: Party,
        method: Method,
        signed_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, Refusal> {
        if method == Method::Electronic && self.sent_on.is_none() {
            return Err(Refusal::new("SIG-04", MessageKey::Sig04NotSent));
        }
        if !self.parties.contains(&party) {
            return Err(Refusal::new("SIG-05", MessageKey::Sig05NotAParty));
        }
        if self.has_signed(party) {
            return Err(already_signed());
        }
        if method == Method::Electronic && !self.awaited().contains(&party) {
            return Err(Refusal::new("SIG-07", MessageKey::Sig07NotYourTurn));
        }
        let dated_wrong = match method {
            Method::Electronic => signed_on != today,
            Method::Paper => signed_on < self.opened_on || signed_on > today,
        };
        if dated_wrong {
            return Err(Refusal::invalid("SIG-08", MessageKey::Sig08SignatureDate)
                .with_arg("from", self.opened_on)
                .with_arg("today", today));
        }
        let mut next = self.clone();
        next.signatures.push(Signature {
            party,
            signed_on,
            method,
        });
        Ok(next)
    }

    /// What withdrawing the validation does to the circuit: one not fully
    /// signed is abandoned, and the signatures given (for a text that may
    /// now change) are returned, to be told to their parties; the next
    /// validation opens a new circuit. A fully signed agreement is refused
    /// (SIG-09): it is amended instead.
    pub fn withdraw(&self) -> Result<Vec<Signature>, Refusal> {
        if self.status() == CircuitStatus::Signed {
            return Err(Refusal::new("SIG-09", MessageKey::Sig09SignedIsAmended));
        }
        Ok(self.signatures.clone())
    }

    /// CONV-03 once the convention has a circuit: an error when the
    /// internship starts (or started) without every signature given before
    /// its first day; `None` while there is still time.
    pub fn check_start(&self, start: NaiveDate, today: NaiveDate) -> Option<Violation> {
        late_at_start(self.signed_on(), start, today).then(|| {
            Violation::error(
                "CONV-03",
                "internship.start",
                MessageKey::Conv03NotSignedBeforeStart,
            )
            .with_arg("start", start)
        })
    }
}

/// The convention's violations once it has a circuit: the CONV-03
/// warning ("sign before the first day") gives way to the fact, an error
/// when the first day came without every signature.
pub fn with_start_check(
    mut violations: Vec<Violation>,
    circuit: &Circuit,
    start: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Violation> {
    violations.retain(|v| v.rule != "CONV-03");
    if let Some(late) = start.and_then(|start| circuit.check_start(start, today)) {
        violations.push(late);
    }
    violations
}

/// CONV-03's test on the facts a search result has: the day the last
/// signature came (`None` while some party has not signed), the first
/// day, today. The search filter of the same name asks the database the
/// same question (`db::conventions::search`).
pub fn late_at_start(signed_on: Option<NaiveDate>, start: NaiveDate, today: NaiveDate) -> bool {
    match signed_on {
        Some(last) => last >= start,
        None => today >= start,
    }
}

/// SIG-10: the end-of-internship certificate of a convention with a
/// circuit needs every signature. A convention validated before circuits
/// existed has none, and its agreement was signed outside Stages.
pub fn check_certificate(circuit: Option<&Circuit>) -> Result<(), Refusal> {
    match circuit {
        Some(circuit) if circuit.status() != CircuitStatus::Signed => {
            Err(Refusal::new("SIG-10", MessageKey::Sig10NotSigned))
        }
        _ => Ok(()),
    }
}

/// SIG-15: an amendment changes an agreement. While its signatures are
/// being collected (the circuit went out and some party has not signed),
/// amending it would leave some signatures on the old terms and others on
/// the new: staff wait for the last signature, or withdraw the validation
/// (which voids the signatures given) and correct the convention. Before
/// the circuit goes out, and once every party signed, amendments are
/// written as before; a convention validated before circuits existed has
/// none. An amendment out for signature holds the next one back the same
/// way: the next amendment's text starts from its terms.
///
/// `circuits` are the open circuits of the agreement and of its
/// amendments.
pub fn check_amendable<'a>(circuits: impl IntoIterator<Item = &'a Circuit>) -> Result<(), Refusal> {
    if circuits
        .into_iter()
        .any(|circuit| circuit.status() == CircuitStatus::OutForSignature)
    {
        Err(Refusal::new("SIG-15", MessageKey::Sig15OutForSignature))
    } else {
        Ok(())
    }
}

/// SIG-16: the party has no address to mail a link to.
pub fn no_address() -> Refusal {
    Refusal::new("SIG-16", MessageKey::Sig16NoAddress)
}

/// SIG-17: whether a link to `party` goes only to an address staff vouched
/// for. The host's signatory and the tutor are contacts that anyone on the
/// convention may enter, and the student enters their legal
/// representative: a student could give their own address and sign for
/// the host or for their parent. The others' addresses come from the
/// registry, the directory or the centre.
pub fn link_needs_vouched_address(party: Party) -> bool {
    matches!(
        party,
        Party::HostSignatory | Party::Tutor | Party::LegalRepresentative
    )
}

/// SIG-16 and SIG-17: whether a link may be mailed to `party`, who has
/// `address` (or none), vouched for by staff or not.
pub fn check_link_address(party: Party, address: bool, vouched: bool) -> Result<(), Refusal> {
    if !address {
        return Err(no_address());
    }
    if link_needs_vouched_address(party) && !vouched {
        return Err(Refusal::new("SIG-17", MessageKey::Sig17AddressNotVouched));
    }
    Ok(())
}

/// SIG-16 and SIG-17 for an electronic signature reported by a platform or
/// given through a link: of the host's signatory, the tutor or a minor's
/// legal representative, only where a link may go (an address staff
/// vouched for), since whoever holds the link, or whom the platform was
/// told the party is, signs. The others sign electronically whatever
/// their address: theirs come from the university's own records.
pub fn check_electronic_signer(party: Party, address: bool, vouched: bool) -> Result<(), Refusal> {
    if link_needs_vouched_address(party) {
        check_link_address(party, address, vouched)
    } else {
        Ok(())
    }
}

/// SIG-17: staff vouch only for the address of a party that needs it.
pub fn check_vouchable(party: Party) -> Result<(), Refusal> {
    if link_needs_vouched_address(party) {
        Ok(())
    } else {
        Err(Refusal::new("SIG-17", MessageKey::Sig17NotVouchable))
    }
}

/// SIG-17: whose entry of an address in a host contact vouches for it:
/// those who run circuits (SIG-11), admins and the managers of a centre
/// with a validation right. A role from the directory alone does not.
pub fn vouches_for_addresses(person: &crate::permissions::Person) -> bool {
    person.admin
        || person
            .managed_centres
            .iter()
            .any(|(_, rights)| rights.validates_any())
}

/// SIG-02: a convention without an open circuit is not validated.
pub fn not_open() -> Refusal {
    Refusal::new("SIG-02", MessageKey::Sig02NotValidated)
}

/// SIG-06: the party signed (a concurrent signature came first).
pub fn already_signed() -> Refusal {
    Refusal::new("SIG-06", MessageKey::Sig06AlreadySigned)
}

/// SIG-12: the one-time code is wrong, expired, or spent by too many
/// attempts.
pub fn wrong_code() -> Refusal {
    Refusal::invalid("SIG-12", MessageKey::Sig12WrongCode)
}

/// SIG-12: too many wrong codes: the link is locked.
pub fn link_locked() -> Refusal {
    Refusal::forbidden("SIG-12", MessageKey::Sig12LinkLocked)
}

/// SIG-13: the signer was shown another document than the one sent.
pub fn other_document() -> Refusal {
    Refusal::new("SIG-13", MessageKey::Sig13OtherDocument)
}

/// Whether `relation` reads the evidence of electronic signatures (the
/// signer's network address and browser): the centre's staff and admins.
pub fn may_read_evidence(relation: Relation) -> bool {
    crate::permissions::roles::is_staff(relation)
}

/// SIG-11: who sends a circuit and records paper signatures: admins, and
/// the centre's managers whose rights include a validation level.
pub fn may_manage(relation: Relation) -> Result<(), Refusal> {
    match relation {
        Relation::CentreManager(rights) => require(rights.validates_any(), Right::Validate),
        other => crate::permissions::roles::may_act_as_staff(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::StaffRights;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).expect("date")
    }

    fn rule<T: std::fmt::Debug>(r: Result<T, Refusal>) -> String {
        r.expect_err("refused").rule
    }

    /// A centre that leaves the tutor out.
    fn no_tutor() -> CircuitSettings {
        CircuitSettings {
            parties: vec![
                Party::Student,
                Party::HostSignatory,
                Party::Supervisor,
                Party::School,
            ],
            ..CircuitSettings::default()
        }
    }

    fn signature(party: Party, signed_on: NaiveDate, method: Method) -> Signature {
        Signature {
            party,
            signed_on,
            method,
        }
    }

    #[test]
    fn the_official_model_is_valid_and_a_minor_adds_a_representative() {
        let settings = CircuitSettings::default();
        assert!(settings.check().is_empty());
        assert_eq!(
            settings.parties_for(true),
            vec![
                Party::Student,
                Party::LegalRepresentative,
                Party::HostSignatory,
                Party::Tutor,
                Party::Supervisor,
                Party::School
            ]
        );
        assert!(no_tutor().check().is_empty(), "the tutor is optional");
        let no_supervisor = CircuitSettings {
            parties: vec![Party::Student, Party::HostSignatory, Party::School],
            ..CircuitSettings::default()
        };
        assert_eq!(
            no_supervisor.check().len(),
            1,
            "CONV-02: the supervisor signs"
        );
        let broken = CircuitSettings {
            parties: vec![Party::Student, Party::Student, Party::LegalRepresentative],
            order: SigningOrder::Parallel,
            reminder_days: 61,
        };
        let rules: Vec<_> = broken.check().into_iter().map(|v| v.message_key).collect();
        assert_eq!(
            rules,
            vec![
                "sig-01-party-twice".to_owned(),
                "sig-01-representative-added".to_owned(),
                "sig-01-required-parties".to_owned(),
                "sig-14-reminder-days".to_owned()
            ]
        );
    }

    #[test]
    fn a_pending_signer_is_reminded_every_n_days_three_times() {
        let settings = CircuitSettings::default();
        let asked = d(3, 1).and_hms_opt(9, 0, 0).expect("time");
        let at = |day| d(3, day).and_hms_opt(9, 0, 0).expect("time");
        assert!(!settings.reminder_due(asked, 0, None, at(7)));
        assert!(settings.reminder_due(asked, 0, None, at(8)));
        assert!(!settings.reminder_due(asked, 1, Some(at(8)), at(14)));
        assert!(settings.reminder_due(asked, 1, Some(at(8)), at(15)));
        assert!(!settings.reminder_due(asked, 3, Some(at(8)), at(30)));
        let never = CircuitSettings {
            reminder_days: 0,
            ..CircuitSettings::default()
        };
        assert!(!never.reminder_due(asked, 0, None, at(30)));
    }

    #[test]
    fn a_sequential_circuit_asks_each_party_in_turn() {
        let circuit = Circuit::new(&no_tutor(), false, d(2, 27));
        assert_eq!(circuit.status(), CircuitStatus::NotSent);
        assert_eq!(rule(circuit.send(Status::InValidation, d(3, 1))), "SIG-02");
        assert_eq!(
            rule(circuit.send(Status::TerminatedEarly, d(3, 1))),
            "SIG-02"
        );
        assert_eq!(
            rule(circuit.record(Party::Student, Method::Electronic, d(3, 1), d(3, 1))),
            "SIG-04"
        );
        let sent = circuit.send(Status::Validated, d(3, 1)).expect("sent");
        assert_eq!(rule(sent.send(Status::Validated, d(3, 2))), "SIG-03");
        assert_eq!(sent.awaited(), vec![Party::Student]);
        assert_eq!(
            rule(sent.record(Party::School, Method::Electronic, d(3, 2), d(3, 2))),
            "SIG-07"
        );
        assert_eq!(
            rule(sent.record(Party::Tutor, Method::Paper, d(3, 2), d(3, 2))),
            "SIG-05"
        );
        assert_eq!(
            rule(sent.record(Party::Student, Method::Electronic, d(3, 1), d(3, 2))),
            "SIG-08",
            "an electronic signature is given today"
        );
        assert_eq!(
            rule(sent.record(Party::Student, Method::Paper, d(2, 26), d(3, 2))),
            "SIG-08",
            "not before the validation"
        );
        assert_eq!(
            rule(sent.record(Party::Student, Method::Paper, d(3, 3), d(3, 2))),
            "SIG-08",
            "not in the future"
        );
        let student = sent
            .record(Party::Student, Method::Electronic, d(3, 2), d(3, 2))
            .expect("the student signs");
        assert_eq!(
            rule(student.record(Party::Student, Method::Paper, d(3, 2), d(3, 2))),
            "SIG-06"
        );
        assert_eq!(student.awaited(), vec![Party::HostSignatory]);
        // A paper signature comes back in any order.
        let school = student
            .record(Party::School, Method::Paper, d(3, 3), d(3, 4))
            .expect("recorded");
        assert_eq!(school.awaited(), vec![Party::HostSignatory]);
        let done = school
            .record(Party::HostSignatory, Method::Electronic, d(3, 4), d(3, 4))
            .and_then(|c| c.record(Party::Supervisor, Method::Electronic, d(3, 5), d(3, 5)))
            .expect("every party signs");
        assert_eq!(done.status(), CircuitStatus::Signed);
        assert_eq!(done.signed_on(), Some(d(3, 5)));
        assert!(done.awaited().is_empty());
    }

    #[test]
    fn paper_signatures_may_all_come_back_before_sending() {
        let mut circuit = Circuit::new(&no_tutor(), false, d(3, 1));
        for party in no_tutor().parties {
            circuit = circuit
                .record(party, Method::Paper, d(3, 1), d(3, 2))
                .expect("recorded before sending");
        }
        assert_eq!(circuit.status(), CircuitStatus::Signed);
        assert_eq!(rule(circuit.send(Status::Validated, d(3, 2))), "SIG-03");
    }

    #[test]
    fn a_parallel_circuit_asks_everyone_at_once() {
        let settings = CircuitSettings {
            order: SigningOrder::Parallel,
            ..no_tutor()
        };
        let sent = Circuit::new(&settings, false, d(3, 1))
            .send(Status::Validated, d(3, 1))
            .expect("sent");
        assert_eq!(sent.awaited().len(), 4);
        let school = sent
            .record(Party::School, Method::Electronic, d(3, 1), d(3, 1))
            .expect("in any order");
        assert_eq!(school.awaited().len(), 3);
    }

    #[test]
    fn conv_03_every_signature_before_the_first_day() {
        let opened = Circuit::new(&no_tutor(), false, d(3, 1));
        let start = d(3, 10);
        // Still time.
        assert_eq!(opened.check_start(start, d(3, 9)), None);
        // The first day came, not signed (sent or not).
        assert_eq!(
            opened.check_start(start, d(3, 10)).map(|v| v.rule),
            Some("CONV-03".to_owned())
        );
        let mut circuit = opened.send(Status::Validated, d(3, 1)).expect("sent");
        for (party, day) in [
            (Party::Student, 2),
            (Party::HostSignatory, 3),
            (Party::Supervisor, 4),
            (Party::School, 10),
        ] {
            circuit = circuit
                .record(party, Method::Paper, d(3, day), d(3, 10))
                .expect("recorded");
        }
        // Signed on the first day: too late (start > last signature).
        assert!(circuit.check_start(start, d(3, 12)).is_some());
        assert_eq!(circuit.check_start(d(3, 11), d(3, 12)), None);
    }

    #[test]
    fn withdrawing_voids_a_partial_circuit_and_spares_a_signed_one() {
        let sent = Circuit::new(&no_tutor(), false, d(3, 1))
            .send(Status::Validated, d(3, 1))
            .expect("sent");
        let student = sent
            .record(Party::Student, Method::Electronic, d(3, 2), d(3, 2))
            .expect("signed");
        assert_eq!(rule(check_amendable(Some(&student))), "SIG-15");
        let voided = student.withdraw().expect("partial circuits are voided");
        assert_eq!(voided.len(), 1);
        assert_eq!(voided[0].party, Party::Student);
        let mut signed = student;
        for party in [Party::HostSignatory, Party::Supervisor, Party::School] {
            signed = signed
                .record(party, Method::Paper, d(3, 3), d(3, 3))
                .expect("recorded");
        }
        assert_eq!(rule(signed.withdraw()), "SIG-09");
        assert!(check_amendable([&signed]).is_ok(), "signed: amended");
    }

    #[test]
    fn a_tutor_who_signs_for_the_host_signs_once() {
        let with_tutor = CircuitSettings::default();
        assert!(with_tutor.parties.contains(&Party::Tutor));
        let both = Signers {
            minor: false,
            tutor_is_signatory: true,
        };
        let circuit = Circuit::for_convention(&with_tutor, both, d(3, 1));
        assert!(!circuit.parties().contains(&Party::Tutor));
        assert!(circuit.parties().contains(&Party::HostSignatory));
        let apart = Signers {
            minor: true,
            tutor_is_signatory: false,
        };
        let circuit = Circuit::for_convention(&with_tutor, apart, d(3, 1));
        assert!(circuit.parties().contains(&Party::Tutor));
        assert!(circuit.parties().contains(&Party::LegalRepresentative));
    }

    #[test]
    fn a_new_link_goes_only_to_a_party_awaited_now() {
        let opened = Circuit::new(&no_tutor(), false, d(3, 1));
        assert_eq!(rule(opened.check_new_link(Party::Student)), "SIG-04");
        let sent = opened.send(Status::Validated, d(3, 1)).expect("sent");
        assert!(sent.check_new_link(Party::Student).is_ok());
        assert_eq!(rule(sent.check_new_link(Party::Tutor)), "SIG-05");
        let signed = sent
            .record(Party::Student, Method::Electronic, d(3, 2), d(3, 2))
            .expect("signed");
        assert_eq!(rule(signed.check_new_link(Party::Student)), "SIG-06");
    }

    #[test]
    fn the_certificate_needs_every_signature_once_a_circuit_exists() {
        assert!(check_certificate(None).is_ok(), "signed outside Stages");
        let opened = Circuit::new(&no_tutor(), false, d(3, 1));
        assert_eq!(rule(check_certificate(Some(&opened))), "SIG-10");
        assert!(check_amendable([&opened]).is_ok(), "not sent yet");
        assert!(check_amendable([]).is_ok());
        let out = opened.send(Status::Validated, d(3, 2)).expect("sent");
        assert_eq!(
            rule(check_amendable([&opened, &out])),
            "SIG-15",
            "an amendment out for signature holds the next one back"
        );
    }

    #[test]
    fn staff_with_a_validation_right_run_the_circuit() {
        assert!(may_manage(Relation::Admin).is_ok());
        assert!(may_manage(Relation::CentreManager(StaffRights::ALL)).is_ok());
        let printer = StaffRights {
            validate_pedagogical: false,
            validate_administrative_check: false,
            validate_administrative: false,
            ..StaffRights::ALL
        };
        assert_eq!(
            rule(may_manage(Relation::CentreManager(printer))),
            "PERM-16"
        );
        assert!(may_manage(Relation::OwnerStudent).is_err());
        assert!(may_manage(Relation::Supervisor).is_err());
    }

    #[test]
    fn restoring_refuses_what_the_rules_never_produce() {
        let parties = no_tutor().parties;
        let restore = |sent, signatures| {
            Circuit::restore(
                parties.clone(),
                SigningOrder::Sequential,
                d(3, 1),
                sent,
                signatures,
            )
        };
        assert!(
            restore(
                None,
                vec![signature(Party::Student, d(3, 2), Method::Paper)]
            )
            .is_ok()
        );
        for (sent, signatures) in [
            (
                None,
                vec![signature(Party::Student, d(3, 2), Method::Electronic)],
            ),
            (
                Some(d(3, 1)),
                vec![signature(Party::Tutor, d(3, 2), Method::Paper)],
            ),
            (
                Some(d(3, 1)),
                vec![
                    signature(Party::Student, d(3, 2), Method::Paper),
                    signature(Party::Student, d(3, 3), Method::Paper),
                ],
            ),
            (
                Some(d(3, 1)),
                vec![signature(Party::Student, d(2, 2), Method::Paper)],
            ),
            (Some(d(2, 1)), Vec::new()),
        ] {
            assert!(restore(sent, signatures).is_err());
        }
        assert!(
            Circuit::restore(
                vec![Party::Student, Party::Student],
                SigningOrder::Parallel,
                d(3, 1),
                None,
                Vec::new()
            )
            .is_err()
        );
    }

    #[test]
    fn an_empty_circuit_is_never_signed() {
        let empty = Circuit::restore(
            Vec::new(),
            SigningOrder::Parallel,
            d(3, 1),
            Some(d(3, 1)),
            Vec::new(),
        )
        .expect("restored");
        assert_eq!(empty.status(), CircuitStatus::OutForSignature);
        assert_eq!(empty.signed_on(), None);
    }

    #[test]
    fn typed_in_addresses_get_links_only_once_staff_vouched_for_them() {
        let rule = |r: Result<(), Refusal>| r.err().map(|r| r.rule).unwrap_or_default();
        // The host's side waits for staff; the others do not.
        for party in [
            Party::HostSignatory,
            Party::Tutor,
            Party::LegalRepresentative,
        ] {
            assert_eq!(rule(check_link_address(party, true, false)), "SIG-17");
            assert_eq!(rule(check_link_address(party, true, true)), "");
            assert_eq!(rule(check_vouchable(party)), "");
        }
        for party in [Party::Student, Party::Supervisor, Party::School] {
            assert_eq!(rule(check_link_address(party, true, false)), "");
            assert_eq!(rule(check_vouchable(party)), "SIG-17");
        }
        // An electronic signature of the host's side needs the same; the
        // university's people sign electronically whatever their address.
        assert_eq!(
            rule(check_electronic_signer(Party::HostSignatory, true, false)),
            "SIG-17"
        );
        assert_eq!(
            rule(check_electronic_signer(Party::Tutor, false, true)),
            "SIG-16"
        );
        assert_eq!(
            rule(check_electronic_signer(Party::HostSignatory, true, true)),
            ""
        );
        for party in [Party::Student, Party::Supervisor, Party::School] {
            assert_eq!(rule(check_electronic_signer(party, false, false)), "");
        }
        // No address at all is SIG-16 first, vouched for or not.
        assert_eq!(
            rule(check_link_address(Party::Tutor, false, true)),
            "SIG-16"
        );
        assert_eq!(
            rule(check_link_address(Party::Student, false, true)),
            "SIG-16"
        );
        // Entering a contact vouches for its address when admins and those
        // who run a centre's circuits do it; not a manager's role alone,
        // nor a student or a supervisor.
        let person = |admin, rights: Option<StaffRights>| crate::permissions::Person {
            admin,
            student_id: None,
            supervisor_id: None,
            managed_centres: rights
                .map(|r| vec![(crate::ids::CentreId(1), r)])
                .unwrap_or_default(),
        };
        assert!(vouches_for_addresses(&person(true, None)));
        assert!(vouches_for_addresses(&person(
            false,
            Some(StaffRights::ALL)
        )));
        let reader = StaffRights {
            validate_pedagogical: false,
            validate_administrative_check: false,
            validate_administrative: false,
            ..StaffRights::ALL
        };
        assert!(!reader.validates_any());
        assert!(!vouches_for_addresses(&person(false, Some(reader))));
        assert!(!vouches_for_addresses(&person(false, None)));
    }
}
