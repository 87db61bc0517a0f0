//! What the three documents print alike: names, addresses, periods, the
//! stipend terms, the letterhead lines, and the finishing of the PDF.

use chrono::NaiveDate;
use stages_domain::ids::Currency;
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::{
    Address, Civility, Contact, Convention, HostService, PaymentMode, Period, StipendBasis,
    StipendTerms, StipendUnit, Student, Supervisor,
};

use super::fonts::{self, drawable};
use super::i18n::{Key, Words};
use super::layout::{self, DASH, Header, Sheet, SignatureBox};
use super::{DocumentError, Letterhead, Signatory, pdf};

/// `value`, or an empty string for `None`.
pub(super) fn or_empty(value: Option<&str>) -> &str {
    value.unwrap_or_default()
}

/// `text`, or a dash when blank.
pub(super) fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() { DASH } else { text }
}

/// `Ms Camille Martin`.
pub(super) fn person(
    words: &Words,
    civility: Option<Civility>,
    first_name: &str,
    last_name: &str,
) -> String {
    let civility = civility.map(|c| match c {
        Civility::Ms => words.get(Key::CivilityMs),
        Civility::Mr => words.get(Key::CivilityMr),
    });
    join(
        " ",
        [
            or_empty(civility.as_deref()),
            first_name.trim(),
            last_name.trim(),
        ],
    )
}

pub(super) fn contact_name(words: &Words, contact: &Contact) -> String {
    person(
        words,
        contact.civility,
        &contact.first_name,
        &contact.last_name,
    )
}

pub(super) fn supervisor_name(words: &Words, supervisor: &Supervisor) -> String {
    person(words, None, &supervisor.first_name, &supervisor.last_name)
}

pub(super) fn student_name(words: &Words, student: &Student) -> String {
    person(words, None, &student.first_name, &student.last_name)
}

/// The non-empty parts, joined.
pub(super) fn join<'a>(separator: &str, parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

/// An address on one line; the country only when it is not France.
pub(super) fn address(address: &Address) -> String {
    let town = join(" ", [address.postal_code.as_str(), address.city.as_str()]);
    let country = address
        .country
        .as_ref()
        .filter(|country| !country.is_french_territory())
        .map(|country| country.as_str());
    join(
        ", ",
        [
            address.street.as_str(),
            or_empty(address.building.as_deref()),
            town.as_str(),
            or_empty(country),
        ],
    )
}

/// A service and where it is.
pub(super) fn service(service: &HostService) -> String {
    join(
        " – ",
        [service.name.as_str(), address(&service.address).as_str()],
    )
}

/// Interruption periods, `; `-separated; empty when there are none.
pub(super) fn periods(words: &Words, periods: &[Period]) -> String {
    periods
        .iter()
        .map(|p| words.period(p.start, p.end))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `693,00 € brut par mois, virement bancaire`; a dash for each missing
/// term.
pub(super) fn stipend_terms(words: &Words, terms: &StipendTerms) -> String {
    let amount = match (terms.amount_cents, &terms.currency) {
        (Some(cents), Some(currency)) => words.money(cents, currency),
        (Some(cents), None) => words.money(cents, &Currency::euro()),
        _ => DASH.to_owned(),
    };
    let basis = terms.basis.map_or(DASH.to_owned(), |basis| {
        words.get(match basis {
            StipendBasis::Gross => Key::BasisGross,
            StipendBasis::Net => Key::BasisNet,
        })
    });
    let unit = terms.unit.map_or(DASH.to_owned(), |unit| {
        words.get(match unit {
            StipendUnit::Hour => Key::UnitHour,
            StipendUnit::Day => Key::UnitDay,
            StipendUnit::Week => Key::UnitWeek,
            StipendUnit::Month => Key::UnitMonth,
        })
    });
    words.with(
        Key::StipendAmountValue,
        vec![
            ("amount", amount.into()),
            ("basis", basis.into()),
            ("unit", unit.into()),
        ],
    )
}

pub(super) fn payment_mode(words: &Words, mode: Option<PaymentMode>) -> String {
    mode.map_or(DASH.to_owned(), |mode| {
        words.get(match mode {
            PaymentMode::BankTransfer => Key::PaymentBankTransfer,
            PaymentMode::Cheque => Key::PaymentCheque,
            PaymentMode::Cash => Key::PaymentCash,
        })
    })
}

/// Whether a stipend is paid, and on which terms.
pub(super) fn stipend(words: &Words, paid: Option<bool>, terms: &StipendTerms) -> String {
    match paid {
        Some(true) => join(
            ", ",
            [
                stipend_terms(words, terms).as_str(),
                payment_mode(words, terms.payment_mode).as_str(),
            ],
        ),
        Some(false) => words.get(Key::StipendNone),
        None => DASH.to_owned(),
    }
}

impl Letterhead {
    /// The address and contact lines under the centre's name.
    pub(super) fn lines(&self, words: &Words) -> Vec<String> {
        let mut lines = vec![address(&self.address)];
        let labelled = |label: Key, value: &Option<String>| {
            value
                .as_deref()
                .filter(|v| !v.trim().is_empty())
                .map(|v| format!("{} {}", words.get(label), v.trim()))
        };
        lines.extend(labelled(Key::LabelPhone, &self.phone));
        lines.extend(labelled(Key::LabelEmail, &self.email));
        lines.retain(|line| !line.is_empty());
        lines
    }
}

/// "Done at … on …" and the five signature boxes of the agreement and its
/// amendments: student, institution, host, tutor, supervisor.
pub(super) fn signature_section(
    sheet: &mut Sheet,
    words: &Words,
    convention: &Convention,
    institution: &Signatory,
    letterhead: &Letterhead,
    today: NaiveDate,
) {
    let mut section = Sheet::new();
    section.heading(&words.get(Key::SignaturesTitle));
    section.paragraphs(&words.with(
        Key::DoneAt,
        vec![
            ("place", or_dash(&letterhead.address.city).into()),
            ("date", words.date(today).into()),
        ],
    ));
    section.space(0.5);
    let signatory = convention.signatory.clone().unwrap_or_default();
    let tutor = convention.tutor.clone().unwrap_or_default();
    let supervisor = convention.supervisor.clone().unwrap_or_default();
    let mut boxes = vec![SignatureBox {
        role: words.get(Key::SignStudent),
        name: student_name(words, &convention.student.student),
        position: String::new(),
    }];
    // SAF-07: a minor signs with their legal representative.
    if convention.intern_is_minor() {
        let representative = convention
            .student
            .legal_representative
            .clone()
            .unwrap_or_default();
        boxes.push(SignatureBox {
            role: words.get(Key::SignLegalRepresentative),
            name: contact_name(words, &representative),
            position: representative.position,
        });
    }
    boxes.extend([
        SignatureBox {
            role: words.get(Key::SignInstitution),
            name: institution.name.clone(),
            position: institution.position.clone(),
        },
        SignatureBox {
            role: words.get(Key::SignHost),
            name: contact_name(words, &signatory),
            position: signatory.position,
        },
        SignatureBox {
            role: words.get(Key::SignTutor),
            name: contact_name(words, &tutor),
            position: tutor.position,
        },
        SignatureBox {
            role: words.get(Key::SignSupervisor),
            name: supervisor_name(words, &supervisor),
            position: supervisor.department.unwrap_or_default(),
        },
    ]);
    let height = layout::signatures_height(boxes.len());
    section.signatures(boxes, &words.get(Key::SignDateSignature));
    sheet.keep_together(section, height);
}

/// Lays out and finishes a document: header with the centre and the
/// number, footer "page n / N", `title` in the PDF's metadata.
pub(super) fn render(
    sheet: Sheet,
    words: &Words,
    letterhead: &Letterhead,
    number: ConventionNumber,
    title: &str,
) -> Result<Vec<u8>, DocumentError> {
    let header = Header {
        left: letterhead.centre.clone(),
        right: words.with(
            Key::HeaderNumber,
            vec![("number", number.to_string().into())],
        ),
    };
    let footer_chars = words.with(
        Key::FooterPage,
        vec![("page", "0123456789".into()), ("pages", "".into())],
    );
    let (raw, regular) = layout::layout(sheet, header, &footer_chars)?;
    let measure = fonts::Measure::new(regular)?;
    pdf::finish(
        &raw,
        title,
        |page, pages| {
            drawable(&words.with(
                Key::FooterPage,
                vec![
                    ("page", page.to_string().into()),
                    ("pages", pages.to_string().into()),
                ],
            ))
        },
        &measure,
    )
}
