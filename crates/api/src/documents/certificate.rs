//! The end-of-internship certificate (*attestation de stage*, ATT-01 and
//! ATT-02): the host certifies the intern's effective duration, counted by
//! the domain on the convention as amended, and the total stipend paid.

use stages_domain::amendment::{EffectiveConvention, apply};
use stages_domain::certificate::{Certificate, certificate};

use super::i18n::{Key, Words};
use super::layout::{Sheet, SignatureBox, signatures_height};
use super::shared::{address, contact_name, or_dash, or_empty, periods, render, student_name};
use super::{CertificateDocument, DocumentError};

/// Renders the certificate as PDF; refused, with the domain's reason, when
/// the convention lacks what the certificate needs (ATT-01).
pub fn render_certificate(doc: &CertificateDocument) -> Result<Vec<u8>, DocumentError> {
    let effective = apply(&doc.convention, &doc.amendments);
    let figures = certificate(&effective)?;
    let words = Words::new(doc.language);
    let title = format!("{} {}", words.get(Key::CertificateTitle), doc.number);
    render(
        sheet(doc, &effective, &figures, &words),
        &words,
        &doc.letterhead,
        doc.number,
        &title,
    )
}

fn sheet(
    doc: &CertificateDocument,
    effective: &EffectiveConvention,
    figures: &Certificate,
    words: &Words,
) -> Sheet {
    let c = &effective.convention;
    let mut sheet = Sheet::new();
    sheet.letterhead(&doc.letterhead, words);
    sheet.title(&words.get(Key::CertificateTitle));
    sheet.subtitle(&words.get(Key::CertificateLegalBasis));

    let organisation = c.organisation.clone().unwrap_or_default();
    sheet.subheading(&words.get(Key::CertificateHost));
    sheet.field(&words.get(Key::LabelName), &organisation.name);
    sheet.field(
        &words.get(Key::LabelSiret),
        or_empty(organisation.siret.as_ref().map(|s| s.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelAddress),
        &address(&organisation.address),
    );
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(organisation.phone.as_ref().map(|p| p.as_str())),
    );
    sheet.space(0.3);
    sheet.paragraphs(&words.get(Key::CertificateCertifies));

    let step = &c.student;
    let student = &step.student;
    sheet.subheading(&words.get(Key::PartyStudent));
    sheet.field(&words.get(Key::LabelName), &student_name(words, student));
    if let Some(usage) = &student.usage_name {
        sheet.field(&words.get(Key::LabelUsageName), usage);
    }
    sheet.field(
        &words.get(Key::LabelBirthDate),
        &student
            .birth_date
            .map(|d| words.date(d))
            .unwrap_or_default(),
    );
    sheet.field(&words.get(Key::LabelAddress), &address(&step.address));
    let email = step
        .personal_email
        .as_ref()
        .or(student.university_email.as_ref());
    sheet.field(
        &words.get(Key::LabelEmail),
        or_empty(email.map(|e| e.as_str())),
    );
    let phone = step.mobile_phone.as_ref().or(step.phone.as_ref());
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(phone.map(|p| p.as_str())),
    );
    sheet.space(0.3);
    sheet.paragraphs(&words.get(Key::CertificateInternship));

    sheet.space(0.3);
    sheet.field(
        &words.get(Key::LabelInstitution),
        &doc.letterhead.institution,
    );
    sheet.field(&words.get(Key::LabelProgramme), &doc.programme);
    sheet.field(
        &words.get(Key::LabelAcademicYear),
        &doc.academic_year.to_string(),
    );
    sheet.field(
        &words.get(Key::LabelPeriod),
        &words.period(figures.start, figures.end),
    );
    sheet.field(
        &words.get(Key::LabelInterruptions),
        &periods(words, &figures.interruptions),
    );
    if figures.terminated_early {
        sheet.paragraphs(&words.get(Key::CertificateTerminatedEarly));
    }
    sheet.field(
        &words.get(Key::LabelDuration),
        &words.with(
            Key::DurationValue,
            vec![
                ("hours", words.hours(figures.effective_minutes).into()),
                ("breakdown", words.breakdown(figures.duration).into()),
            ],
        ),
    );
    sheet.paragraphs(&words.get(Key::CountingRule));
    let stipend = figures.stipend_total.as_ref().map_or_else(
        || words.get(Key::CertificateNoStipend),
        |total| words.money(total.amount_cents, &total.currency),
    );
    sheet.field(&words.get(Key::LabelStipendPaidTotal), &stipend);
    sheet.space(0.3);
    sheet.paragraphs(&words.get(Key::CertificatePension));

    // Done where the intern worked, by whoever signs for the host.
    let place = c
        .host_service
        .as_ref()
        .map(|s| s.address.city.as_str())
        .filter(|city| !city.trim().is_empty())
        .unwrap_or(organisation.address.city.as_str());
    sheet.space(0.5);
    let mut section = Sheet::new();
    section.paragraphs(&words.with(
        Key::DoneAt,
        vec![
            ("place", or_dash(place).into()),
            ("date", words.date(doc.today).into()),
        ],
    ));
    section.space(0.5);
    let representative = c.signatory.clone().unwrap_or_default();
    section.signatures(
        vec![SignatureBox {
            role: words.get(Key::CertificateRepresentative),
            name: contact_name(words, &representative),
            position: representative.position,
        }],
        &words.get(Key::SignDateSignature),
    );
    sheet.keep_together(section, signatures_height(1));
    sheet
}
