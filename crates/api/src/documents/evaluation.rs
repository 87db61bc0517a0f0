//! The evaluation sheets (student, supervisor, workplace tutor): the
//! questions of the convention's form and the answers given, printable.

use stages_domain::model::{Answer, EvaluationAnswers, EvaluationForm, EvaluationKind};

use super::i18n::{Key, Words};
use super::layout::Sheet;
use super::shared::{render, student_name};
use super::{DocumentError, EvaluationDocument};

pub fn render_evaluation(doc: &EvaluationDocument) -> Result<Vec<u8>, DocumentError> {
    let words = Words::new(doc.language);
    let title = words.get(match doc.form.kind {
        EvaluationKind::Student => Key::EvaluationTitleStudent,
        EvaluationKind::Supervisor => Key::EvaluationTitleSupervisor,
        EvaluationKind::Tutor => Key::EvaluationTitleTutor,
    });
    let mut sheet = Sheet::new();
    sheet.letterhead(&doc.letterhead, &words);
    sheet.title(&title);
    let c = &doc.convention;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| words.date(d)).unwrap_or_default();
    sheet.subtitle(&words.with(
        Key::EvaluationAbout,
        vec![
            ("student", student_name(&words, &c.student.student).into()),
            (
                "host",
                c.organisation
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default()
                    .into(),
            ),
            ("start", date(c.internship.start).into()),
            ("end", date(c.internship.end).into()),
        ],
    ));
    sheet.paragraphs(&match doc.submitted_on {
        Some(day) => words.with(
            Key::EvaluationSubmitted,
            vec![("date", words.date(day).into())],
        ),
        None => words.get(Key::EvaluationDraft),
    });
    questions(&mut sheet, &words, &doc.form, &doc.answers);
    render(sheet, &words, &doc.letterhead, doc.number, &title)
}

fn questions(sheet: &mut Sheet, words: &Words, form: &EvaluationForm, answers: &EvaluationAnswers) {
    for section in &form.sections {
        sheet.heading(&section.title);
        for question in &section.questions {
            let answer = match answers.answers.get(&question.code) {
                None => words.get(Key::EvaluationUnanswered),
                Some(Answer::YesNo(true)) => words.get(Key::EvaluationYes),
                Some(Answer::YesNo(false)) => words.get(Key::EvaluationNo),
                Some(Answer::Choice(choice)) => choice.clone(),
                Some(Answer::Choices(choices)) => choices.join(", "),
                Some(Answer::Text(text)) => text.clone(),
                Some(Answer::Scale(value)) => words.with(
                    Key::EvaluationScale,
                    vec![("value", value.to_string().into())],
                ),
            };
            if matches!(answers.answers.get(&question.code), Some(Answer::Text(_))) {
                sheet.long_field(&question.text, &answer);
            } else {
                sheet.field(&question.text, &answer);
            }
        }
    }
}
