//! An amendment (*avenant*): the convention it amends, its title and
//! reason, each typed change with the value before and after (AVN-02), and
//! the signatures.
//!
//! "Before" is the convention as the previously validated amendments left
//! it, folded by the domain's `apply`; the signatories are those of the
//! convention once this amendment applies (a new tutor signs, not the old).

use stages_domain::amendment::{
    Amendment, AmendmentChange, EffectiveConvention, TerminationInitiator, apply,
};
use stages_domain::model::Contact;

use super::i18n::{Key, Words};
use super::layout::{DASH, Sheet};
use super::shared::{
    contact_name, join, or_dash, periods, render, service, signature_section, stipend,
    student_name, supervisor_name,
};
use super::{AmendmentDocument, DocumentError};

/// Renders the amendment as PDF.
pub fn render_amendment(doc: &AmendmentDocument) -> Result<Vec<u8>, DocumentError> {
    let words = Words::new(doc.language);
    let title = subtitle(doc, &words);
    render(
        sheet(doc, &words),
        &words,
        &doc.letterhead,
        doc.number,
        &title,
    )
}

fn subtitle(doc: &AmendmentDocument, words: &Words) -> String {
    words.with(
        Key::AmendmentSubtitle,
        vec![
            ("index", doc.index.to_string().into()),
            ("number", doc.number.to_string().into()),
        ],
    )
}

fn sheet(doc: &AmendmentDocument, words: &Words) -> Sheet {
    let before = apply(&doc.convention, &doc.previous);
    let this_one = Amendment {
        validated_on: Some(doc.today),
        ..doc.amendment.clone()
    };
    let after = apply(&before.convention, std::slice::from_ref(&this_one));
    let c = &before.convention;

    let mut sheet = Sheet::new();
    sheet.letterhead(&doc.letterhead, words);
    sheet.title(&words.get(Key::AmendmentTitle));
    sheet.subtitle(&subtitle(doc, words));
    sheet.field(&words.get(Key::LabelConvention), &doc.number.to_string());
    sheet.field(
        &words.get(Key::LabelStudent),
        &student_name(words, &c.student.student),
    );
    sheet.field(
        &words.get(Key::LabelHost),
        c.organisation.as_ref().map_or("", |o| o.name.as_str()),
    );
    sheet.field(&words.get(Key::LabelAmendmentTitle), &doc.amendment.title);
    sheet.long_field(&words.get(Key::LabelReason), &doc.amendment.reason);
    sheet.space(0.5);
    sheet.paragraphs(&words.get(Key::AmendmentIntro));

    sheet.heading(&words.get(Key::ChangesTitle));
    if doc.amendment.changes.is_empty() {
        sheet.paragraphs(&words.get(Key::NoChanges));
    }
    for (number, change) in (1..).zip(&doc.amendment.changes) {
        let (title, old, new) = describe(change, &before, words);
        sheet.subheading(&format!("{number}. {}", words.get(title)));
        sheet.long_field(&words.get(Key::LabelBefore), &old);
        sheet.long_field(&words.get(Key::LabelAfter), &new);
    }

    signature_section(
        &mut sheet,
        words,
        &after.convention,
        &doc.institution_signatory,
        &doc.letterhead,
        doc.today,
    );
    sheet
}

/// The change's title, the value before and the value after.
fn describe(
    change: &AmendmentChange,
    before: &EffectiveConvention,
    words: &Words,
) -> (Key, String, String) {
    let c = &before.convention;
    let i = &c.internship;
    match change {
        AmendmentChange::Termination {
            date,
            comment,
            initiated_by,
        } => (
            Key::ChangeTermination,
            i.end.map_or(String::new(), |end| {
                words.with(Key::PlannedEnd, vec![("date", words.date(end).into())])
            }),
            words.with(
                Key::TerminationValue,
                vec![
                    ("date", words.date(*date).into()),
                    ("comment", or_dash(comment).into()),
                    (
                        "initiator",
                        initiated_by
                            .map_or_else(|| DASH.to_owned(), |who| words.get(initiator_key(who)))
                            .into(),
                    ),
                ],
            ),
        ),
        AmendmentChange::Dates { start, end } => (
            Key::ChangeDates,
            i.dates()
                .map_or(String::new(), |(start, end)| words.period(start, end)),
            words.period(*start, *end),
        ),
        AmendmentChange::Interruptions { periods: new } => (
            Key::ChangeInterruptions,
            periods(words, &i.interruptions),
            periods(words, new),
        ),
        AmendmentChange::HostService { service: new } => (
            Key::ChangeHostService,
            c.host_service.as_ref().map_or(String::new(), service),
            service(new),
        ),
        AmendmentChange::Subject { subject } => {
            (Key::ChangeSubject, i.subject.clone(), subject.clone())
        }
        AmendmentChange::Supervisor { supervisor } => (
            Key::ChangeSupervisor,
            c.supervisor
                .as_ref()
                .map_or(String::new(), |s| supervisor_name(words, s)),
            supervisor_name(words, supervisor),
        ),
        AmendmentChange::Tutor { tutor } => (
            Key::ChangeTutor,
            c.tutor
                .as_ref()
                .map_or(String::new(), |t| tutor_line(words, t)),
            tutor_line(words, tutor),
        ),
        AmendmentChange::Stipend { paid, terms } => (
            Key::ChangeStipend,
            stipend(words, i.stipend_paid, &i.stipend),
            stipend(words, Some(*paid), terms),
        ),
        AmendmentChange::AccidentCover { host_insures } => {
            let cover = |host: Option<bool>| {
                words.get(if host == Some(true) {
                    Key::AccidentCoverHost
                } else {
                    Key::AccidentCoverFrenchShort
                })
            };
            (
                Key::ChangeAccidentCover,
                cover(i.host_accident_cover),
                cover(Some(*host_insures)),
            )
        }
        AmendmentChange::Other { description } => {
            (Key::ChangeOther, String::new(), description.clone())
        }
    }
}

fn tutor_line(words: &Words, tutor: &Contact) -> String {
    join(
        ", ",
        [contact_name(words, tutor).as_str(), tutor.position.as_str()],
    )
}

/// Who asked for an early termination, as printed (DUR-03).
fn initiator_key(who: TerminationInitiator) -> Key {
    match who {
        TerminationInitiator::Intern => Key::InitiatedByIntern,
        TerminationInitiator::Host => Key::InitiatedByHost,
        TerminationInitiator::School => Key::InitiatedBySchool,
    }
}
