//! Evaluation answers against their form (EVAL-01); a questionnaire a
//! centre may use (EVAL-02); submitted answers are final (EVAL-03).

use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::model::{Answer, EvaluationAnswers, EvaluationForm, EvaluationKind, QuestionKind};
use crate::violation::Violation;

/// Checks answers against the form: each answer has the question's type and
/// allowed values; on submission every required question is answered. An
/// unsubmitted form may be incomplete (it is saved as a draft).
pub fn check_answers(form: &EvaluationForm, answers: &EvaluationAnswers) -> Vec<Violation> {
    let mut violations = Vec::new();
    for question in form.sections.iter().flat_map(|s| &s.questions) {
        let field = format!("answers.{}", question.code);
        let Some(answer) = answers.answers.get(&question.code) else {
            if question.required && answers.submitted {
                violations.push(Violation::error(
                    "EVAL-01",
                    field,
                    MessageKey::FieldRequired,
                ));
            }
            continue;
        };
        let fits = match (&question.kind, answer) {
            (QuestionKind::YesNo, Answer::YesNo(_)) | (QuestionKind::Text, Answer::Text(_)) => true,
            (QuestionKind::SingleChoice { options }, Answer::Choice(choice)) => {
                options.contains(choice)
            }
            (QuestionKind::MultiChoice { options }, Answer::Choices(choices)) => {
                choices.iter().all(|c| options.contains(c))
            }
            (QuestionKind::Scale, Answer::Scale(value)) => {
                if !(1..=5).contains(value) {
                    violations.push(
                        Violation::error("EVAL-01", field.clone(), MessageKey::Eval01ScaleRange)
                            .with_arg("min", 1u32)
                            .with_arg("max", 5u32),
                    );
                }
                true
            }
            _ => false,
        };
        if !fits {
            violations.push(Violation::error(
                "EVAL-01",
                field,
                MessageKey::Eval01AnswerType,
            ));
        }
    }
    violations
}

/// EVAL-02: a questionnaire is saved under its own kind (`kind`: the one
/// the request names).
pub fn check_form_kind(kind: EvaluationKind, form: &EvaluationForm) -> Result<(), Violation> {
    if form.kind == kind {
        Ok(())
    } else {
        Err(Violation::error(
            "EVAL-02",
            "form.kind",
            MessageKey::Eval02KindMismatch,
        ))
    }
}

/// EVAL-02: a questionnaire a centre may use has at least one question,
/// every code unique and every title, text and choice filled in.
pub fn check_form(form: &EvaluationForm) -> Vec<Violation> {
    let mut violations = Vec::new();
    let mut problem =
        |field: String, key: MessageKey| violations.push(Violation::error("EVAL-02", field, key));
    if form.sections.iter().all(|s| s.questions.is_empty()) {
        problem("form.sections".into(), MessageKey::Eval02NoQuestion);
    }
    let mut codes = std::collections::BTreeSet::new();
    for (i, section) in form.sections.iter().enumerate() {
        if section.title.trim().is_empty() {
            problem(
                format!("form.sections[{i}].title"),
                MessageKey::Eval02SectionTitle,
            );
        }
        for (j, question) in section.questions.iter().enumerate() {
            let at = format!("form.sections[{i}].questions[{j}]");
            if question.code.trim().is_empty() || !codes.insert(question.code.as_str()) {
                problem(format!("{at}.code"), MessageKey::Eval02QuestionCode);
            }
            if question.text.trim().is_empty() {
                problem(format!("{at}.text"), MessageKey::Eval02QuestionText);
            }
            if let QuestionKind::SingleChoice { options } | QuestionKind::MultiChoice { options } =
                &question.kind
                && (options.len() < 2 || options.iter().any(|o| o.trim().is_empty()))
            {
                problem(
                    format!("{at}.kind.options"),
                    MessageKey::Eval02ChoiceOptions,
                );
            }
        }
    }
    violations
}

/// Whether answers may still change: once submitted they are final, so
/// that what the centre exported and printed stays what was answered, and a
/// tutor's link is spent (EVAL-03).
pub fn check_still_open(submitted: bool) -> Result<(), Refusal> {
    if submitted {
        Err(Refusal::new("EVAL-03", MessageKey::Eval03Submitted))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{EvaluationKind, Question, Section};
    use std::collections::BTreeMap;

    fn form() -> EvaluationForm {
        EvaluationForm {
            kind: EvaluationKind::Tutor,
            sections: vec![Section {
                title: "Savoir-être".to_owned(),
                questions: vec![
                    Question {
                        code: "ent_1".to_owned(),
                        text: "Adaptation au milieu professionnel".to_owned(),
                        kind: QuestionKind::Scale,
                        required: true,
                    },
                    Question {
                        code: "ent_2".to_owned(),
                        text: "Accueilleriez-vous un autre stagiaire ?".to_owned(),
                        kind: QuestionKind::SingleChoice {
                            options: vec!["oui".to_owned(), "non".to_owned()],
                        },
                        required: false,
                    },
                ],
            }],
        }
    }

    #[test]
    fn a_form_names_each_field_it_lacks() {
        assert!(check_form(&form()).is_empty());
        assert!(check_form_kind(EvaluationKind::Tutor, &form()).is_ok());
        assert_eq!(
            check_form_kind(EvaluationKind::Student, &form())
                .unwrap_err()
                .field,
            "form.kind"
        );
        let mut bad = form();
        bad.sections[0].title = " ".into();
        bad.sections[0].questions[1].code = bad.sections[0].questions[0].code.clone();
        let found: Vec<(String, String)> = check_form(&bad)
            .into_iter()
            .map(|v| (v.field, v.message_key))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "form.sections[0].title".to_owned(),
                    "eval-02-section-title".to_owned()
                ),
                (
                    "form.sections[0].questions[1].code".to_owned(),
                    "eval-02-question-code".to_owned()
                ),
            ]
        );
        let empty = EvaluationForm {
            kind: EvaluationKind::Tutor,
            sections: Vec::new(),
        };
        assert_eq!(check_form(&empty)[0].message_key, "eval-02-no-question");
    }

    #[test]
    fn submitted_form_needs_required_answers_of_the_right_type() {
        let mut answers = EvaluationAnswers {
            kind: EvaluationKind::Tutor,
            answers: BTreeMap::new(),
            submitted: false,
        };
        assert!(
            check_answers(&form(), &answers).is_empty(),
            "a draft may be empty"
        );
        answers.submitted = true;
        let v = check_answers(&form(), &answers);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].field, "answers.ent_1");
        answers.answers.insert("ent_1".to_owned(), Answer::Scale(6));
        answers
            .answers
            .insert("ent_2".to_owned(), Answer::Choice("peut-être".to_owned()));
        let keys: Vec<_> = check_answers(&form(), &answers)
            .into_iter()
            .map(|v| v.message_key)
            .collect();
        assert_eq!(keys, ["eval-01-scale-range", "eval-01-answer-type"]);
        answers.answers.insert("ent_1".to_owned(), Answer::Scale(2));
        answers
            .answers
            .insert("ent_2".to_owned(), Answer::Choice("oui".to_owned()));
        assert!(check_answers(&form(), &answers).is_empty());
    }
}
