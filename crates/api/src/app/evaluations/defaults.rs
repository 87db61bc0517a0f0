//! The national default questionnaires (ESUP-Stage's student, supervisor
//! and workplace-tutor sheets), which a centre keeps, reorders or extends.
//! Their wording is data, `data/evaluations/<kind>.json`, in French as the
//! national model is: a centre rewords its own copy.

use stages_domain::model::{EvaluationForm, EvaluationKind};
use std::sync::LazyLock;

const STUDENT: &str = include_str!("../../../data/evaluations/student.json");
const SUPERVISOR: &str = include_str!("../../../data/evaluations/supervisor.json");
const TUTOR: &str = include_str!("../../../data/evaluations/tutor.json");

fn parse(json: &str) -> EvaluationForm {
    // Bundled with the program and read back by the tests below.
    serde_json::from_str(json).expect("a bundled questionnaire parses")
}

static FORMS: LazyLock<[EvaluationForm; 3]> =
    LazyLock::new(|| [parse(STUDENT), parse(SUPERVISOR), parse(TUTOR)]);

/// The default questionnaire of `kind`.
pub fn form(kind: EvaluationKind) -> EvaluationForm {
    let index = match kind {
        EvaluationKind::Student => 0,
        EvaluationKind::Supervisor => 1,
        EvaluationKind::Tutor => 2,
    };
    FORMS[index].clone()
}

pub const KINDS: [EvaluationKind; 3] = [
    EvaluationKind::Student,
    EvaluationKind::Supervisor,
    EvaluationKind::Tutor,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_sheets_are_usable_forms_of_their_kind() {
        let sections: Vec<usize> = KINDS.iter().map(|k| form(*k).sections.len()).collect();
        assert_eq!(sections, vec![3, 2, 3]);
        for kind in KINDS {
            let sheet = form(kind);
            assert_eq!(sheet.kind, kind);
            assert_eq!(
                stages_domain::rules::check_form(&sheet),
                Vec::new(),
                "{kind:?}"
            );
        }
    }
}
