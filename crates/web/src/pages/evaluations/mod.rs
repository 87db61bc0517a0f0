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

use stages_domain::model::{EvaluationKind, EvaluationProgress};

pub const KINDS: [EvaluationKind; 3] = [
    EvaluationKind::Student,
    EvaluationKind::Supervisor,
    EvaluationKind::Tutor,
];

/// Where a questionnaire may stand, as the search filters offer it.
pub const STATUSES: [EvaluationProgress; 3] = [
    EvaluationProgress::NotStarted,
    EvaluationProgress::Draft,
    EvaluationProgress::Submitted,
];

pub fn kind_key(kind: EvaluationKind) -> &'static str {
    match kind {
        EvaluationKind::Student => "evaluation-kind-student",
        EvaluationKind::Supervisor => "evaluation-kind-supervisor",
        EvaluationKind::Tutor => "evaluation-kind-tutor",
    }
}

/// The message key of where a questionnaire stands.
pub fn status_key(status: EvaluationProgress) -> &'static str {
    match status {
        EvaluationProgress::NotStarted => "evaluation-status-not-started",
        EvaluationProgress::Draft => "evaluation-status-draft",
        EvaluationProgress::Submitted => "evaluation-status-submitted",
    }
}
