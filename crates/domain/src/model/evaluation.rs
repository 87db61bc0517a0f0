//! Evaluation forms (student, supervisor, tutor) and their answers.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whose evaluation a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvaluationKind {
    /// The student rates the internship and the host (after the end date).
    Student,
    /// The supervisor assesses the follow-up and the defence.
    Supervisor,
    /// The tutor assesses the intern (through a link, without an account).
    Tutor,
}

/// Where one questionnaire of a convention stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvaluationProgress {
    /// No answer saved yet (requested or not).
    NotStarted,
    /// Answers saved, not submitted.
    Draft,
    /// Submitted: read-only.
    Submitted,
}

impl EvaluationProgress {
    /// The version of answers started (by a request) but never saved:
    /// every save bumps it, so a requested questionnaire still counts as
    /// not started.
    pub const UNTOUCHED_VERSION: i32 = 1;

    /// The progress of stored answers (`None`: none stored) at `version`.
    pub fn of(answers: Option<(i32, bool)>) -> Self {
        match answers {
            Some((_, true)) => Self::Submitted,
            Some((version, false)) if version > Self::UNTOUCHED_VERSION => Self::Draft,
            _ => Self::NotStarted,
        }
    }
}

/// The kind of answer a question expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// One of the options.
    SingleChoice {
        /// Allowed option codes.
        options: Vec<String>,
    },
    /// Any number of the options.
    MultiChoice {
        /// Allowed option codes.
        options: Vec<String>,
    },
    /// Free text.
    Text,
    /// A five-point scale (1 = excellent … 5 = insufficient, or agreement).
    Scale,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable code, the key of its answer (e.g. `etu_ii_3`).
    pub code: String,
    /// Wording.
    pub text: String,
    /// Expected answer.
    pub kind: QuestionKind,
    /// Whether the form cannot be submitted without it.
    pub required: bool,
}

/// A titled group of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    /// Title, e.g. "Pendant le stage".
    pub title: String,
    /// Questions in display order.
    pub questions: Vec<Question>,
}

/// A centre's evaluation form of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationForm {
    /// Whose form it is.
    pub kind: EvaluationKind,
    /// Sections in display order.
    pub sections: Vec<Section>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Yes or no.
    YesNo(bool),
    /// One option code.
    Choice(String),
    /// Several option codes.
    Choices(Vec<String>),
    /// Free text.
    Text(String),
    /// 1–5.
    Scale(u8),
}

/// The answers to one form for one convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationAnswers {
    /// Which form.
    pub kind: EvaluationKind,
    /// Answers by question code.
    pub answers: BTreeMap<String, Answer>,
    /// Whether the form has been submitted (then read-only).
    pub submitted: bool,
}

#[cfg(test)]
mod tests {
    use super::EvaluationProgress as P;

    /// A questionnaire started by a reminder but never saved is not started;
    /// the first save makes it a draft; submitting ends it.
    #[test]
    fn progress_follows_the_saves() {
        assert_eq!(P::of(None), P::NotStarted);
        assert_eq!(P::of(Some((P::UNTOUCHED_VERSION, false))), P::NotStarted);
        assert_eq!(P::of(Some((P::UNTOUCHED_VERSION + 1, false))), P::Draft);
        assert_eq!(P::of(Some((P::UNTOUCHED_VERSION + 1, true))), P::Submitted);
    }
}
