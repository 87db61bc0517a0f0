//! Évaluations des stages: Rechercher une évaluation for each role, a
//! convention's three questionnaires with the tutor's link, the
//! questionnaire itself, and the tutor's page reached by the link without
//! an account.

mod convention;
mod questionnaire;
mod search;
mod sheet;
mod tutor;

pub use convention::ConventionEvaluationsPage;
pub use questionnaire::QuestionnairePage;
pub use search::EvaluationsPage;
pub use tutor::TutorEvaluationPage;

use stages_domain::model::EvaluationKind;

pub const KINDS: [EvaluationKind; 3] = [
    EvaluationKind::Student,
    EvaluationKind::Supervisor,
    EvaluationKind::Tutor,
];

/// The statuses of a questionnaire, as the API writes them.
pub const STATUSES: [&str; 3] = ["not_started", "draft", "submitted"];

pub fn kind_key(kind: EvaluationKind) -> &'static str {
    match kind {
        EvaluationKind::Student => "evaluation-kind-student",
        EvaluationKind::Supervisor => "evaluation-kind-supervisor",
        EvaluationKind::Tutor => "evaluation-kind-tutor",
    }
}

/// The message key of a questionnaire's status (`not_started`, `draft`,
/// `submitted`).
pub fn status_key(status: &str) -> &'static str {
    match status {
        "draft" => "evaluation-status-draft",
        "submitted" => "evaluation-status-submitted",
        _ => "evaluation-status-not-started",
    }
}
