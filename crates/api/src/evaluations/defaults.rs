//! The national default questionnaires (ESUP-Stage's student, supervisor
//! and workplace-tutor sheets), which a centre keeps, reorders or extends.

use stages_domain::model::{EvaluationForm, EvaluationKind, Question, QuestionKind, Section};

fn q(code: &str, text: &str, kind: QuestionKind) -> Question {
    Question {
        code: code.to_owned(),
        text: text.to_owned(),
        kind,
        required: true,
    }
}

fn optional(code: &str, text: &str) -> Question {
    Question {
        required: false,
        ..q(code, text, QuestionKind::Text)
    }
}

fn yes_no(code: &str, text: &str) -> Question {
    q(code, text, QuestionKind::YesNo)
}

fn scale(code: &str, text: &str) -> Question {
    q(code, text, QuestionKind::Scale)
}

fn single(code: &str, text: &str, options: &[&str]) -> Question {
    q(
        code,
        text,
        QuestionKind::SingleChoice {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
        },
    )
}

fn multi(code: &str, text: &str, options: &[&str]) -> Question {
    q(
        code,
        text,
        QuestionKind::MultiChoice {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
        },
    )
}

fn section(title: &str, questions: Vec<Question>) -> Section {
    Section {
        title: title.to_owned(),
        questions,
    }
}

const CONTACT_MEANS: &[&str] = &["Téléphone", "Courriel", "Rencontre", "Visite sur place"];

/// The default questionnaire of `kind`.
pub fn form(kind: EvaluationKind) -> EvaluationForm {
    let sections = match kind {
        EvaluationKind::Student => vec![
            section(
                "Avant le départ",
                vec![
                    yes_no(
                        "ETU-1-1",
                        "Avez-vous eu des difficultés à trouver votre stage ?",
                    ),
                    single(
                        "ETU-1-2",
                        "Combien de temps a duré votre recherche ?",
                        &["Moins d'un mois", "1 à 3 mois", "Plus de 3 mois"],
                    ),
                    single(
                        "ETU-1-3",
                        "Combien d'organismes avez-vous contactés ?",
                        &["1 à 5", "6 à 20", "Plus de 20"],
                    ),
                    multi(
                        "ETU-1-4",
                        "Par quels moyens avez-vous prospecté ?",
                        &[
                            "Offres de l'université",
                            "Sites d'emploi",
                            "Réseau personnel",
                            "Candidature spontanée",
                            "Forum entreprises",
                        ],
                    ),
                    single(
                        "ETU-1-5",
                        "Qui a défini le contenu du stage ?",
                        &[
                            "L'organisme d'accueil",
                            "Moi-même",
                            "L'enseignant référent",
                            "Ensemble",
                        ],
                    ),
                    yes_no(
                        "ETU-1-6",
                        "Avez-vous été accompagné(e) dans votre recherche ?",
                    ),
                    yes_no(
                        "ETU-1-7",
                        "Les modalités d'évaluation du stage vous ont-elles été expliquées ?",
                    ),
                ],
            ),
            section(
                "Pendant le stage",
                vec![
                    scale("ETU-2-1", "Accueil dans l'organisme"),
                    scale("ETU-2-2", "Encadrement par le tuteur"),
                    scale("ETU-2-3", "Adaptation des missions à votre niveau"),
                    optional("ETU-2-4", "Pourquoi ?"),
                    scale(
                        "ETU-2-5",
                        "Conditions matérielles (poste de travail, outils)",
                    ),
                    yes_no("ETU-2-6", "Avez-vous eu des responsabilités ?"),
                    yes_no(
                        "ETU-2-7",
                        "Le stage avait-il une dimension internationale ?",
                    ),
                ],
            ),
            section(
                "Après le stage",
                vec![
                    yes_no(
                        "ETU-3-1",
                        "Le sujet initial a-t-il changé en cours de stage ?",
                    ),
                    scale("ETU-3-2", "Adéquation du stage avec votre formation"),
                    q(
                        "ETU-3-3",
                        "Quelles compétences avez-vous acquises ?",
                        QuestionKind::Text,
                    ),
                    yes_no(
                        "ETU-3-4",
                        "Le stage a-t-il fait progresser votre projet professionnel ?",
                    ),
                    yes_no("ETU-3-5", "Avez-vous reçu votre attestation de stage ?"),
                    yes_no(
                        "ETU-3-6",
                        "Avez-vous rencontré des difficultés pour le versement de la gratification ?",
                    ),
                    yes_no(
                        "ETU-3-7",
                        "Vous a-t-on proposé un emploi ou un contrat d'alternance ?",
                    ),
                    yes_no(
                        "ETU-3-8",
                        "Recommanderiez-vous cet organisme à d'autres étudiants ?",
                    ),
                    scale("ETU-3-9", "Appréciation générale du stage"),
                ],
            ),
        ],
        EvaluationKind::Supervisor => vec![
            section(
                "Suivi du stage",
                vec![
                    multi(
                        "ENS-1-1",
                        "Comment avez-vous suivi l'étudiant ?",
                        CONTACT_MEANS,
                    ),
                    multi(
                        "ENS-1-2",
                        "Comment avez-vous échangé avec le tuteur ?",
                        CONTACT_MEANS,
                    ),
                    optional("ENS-1-3", "Commentaires sur le suivi"),
                ],
            ),
            section(
                "Soutenance et rapport",
                vec![
                    scale("ENS-2-1", "Présentation"),
                    scale("ENS-2-2", "Cadrage du projet"),
                    scale("ENS-2-3", "Mise en œuvre des connaissances"),
                    scale("ENS-2-4", "Maîtrise du sujet"),
                    scale("ENS-2-5", "Mise en évidence des points clés"),
                    scale("ENS-2-6", "Qualité des supports de communication"),
                    scale("ENS-2-7", "Expression orale"),
                    scale("ENS-2-8", "Intérêt suscité"),
                    scale("ENS-2-9", "Pertinence des réponses"),
                    scale("ENS-2-10", "Respect du temps imparti"),
                    optional("ENS-2-11", "Commentaire"),
                ],
            ),
        ],
        EvaluationKind::Tutor => vec![
            section(
                "Savoir-être",
                vec![
                    scale("ENT-1-1", "Capacité d'adaptation"),
                    scale("ENT-1-2", "Intégration dans l'équipe"),
                    scale("ENT-1-3", "Ponctualité"),
                    scale("ENT-1-4", "Intérêt pour le travail"),
                    scale("ENT-1-5", "Organisation"),
                    scale("ENT-1-6", "Autonomie"),
                    scale("ENT-1-7", "Esprit d'initiative"),
                    scale("ENT-1-8", "Implication"),
                    scale("ENT-1-9", "Rigueur"),
                ],
            ),
            section(
                "Savoir-faire",
                vec![
                    scale("ENT-2-1", "Cadrage du projet"),
                    scale("ENT-2-2", "Mise en œuvre des connaissances"),
                    scale("ENT-2-3", "Sens de l'observation"),
                    scale("ENT-2-4", "Capacité de synthèse"),
                    scale("ENT-2-5", "Communication"),
                ],
            ),
            section(
                "Appréciation générale",
                vec![
                    yes_no("ENT-3-1", "Les objectifs du stage ont-ils été atteints ?"),
                    scale("ENT-3-2", "Appréciation générale"),
                    optional("ENT-3-3", "Observations"),
                    yes_no(
                        "ENT-3-4",
                        "L'attestation de stage a-t-elle été remise au stagiaire ?",
                    ),
                    yes_no(
                        "ENT-3-5",
                        "Accueilleriez-vous un autre stagiaire de cette formation ?",
                    ),
                ],
            ),
        ],
    };
    EvaluationForm { kind, sections }
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
    fn the_national_sheets_have_their_sections_and_unique_codes() {
        let sections: Vec<usize> = KINDS.iter().map(|k| form(*k).sections.len()).collect();
        assert_eq!(sections, vec![3, 2, 3]);
        for kind in KINDS {
            let mut codes: Vec<String> = form(kind)
                .sections
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.code.clone()))
                .collect();
            let total = codes.len();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), total, "{kind:?}");
        }
    }
}
