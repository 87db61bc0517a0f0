//! A centre's submitted answers of one questionnaire, as a table: one line
//! per convention, one column per question of the centre's current form
//! (questions a convention's older form did not ask stay empty).

use stages_domain::model::{Answer, EvaluationKind};

use super::{centre_form, kind_code};
use crate::db::AnyConnection;
use crate::db::evaluations as store;
use crate::error::ApiError;
use crate::exports::{Cell, Table};

fn answer_cell(answer: Option<&Answer>) -> Cell {
    match answer {
        None => Cell::Empty,
        Some(Answer::YesNo(yes)) => Cell::Text(if *yes { "oui" } else { "non" }.into()),
        Some(Answer::Choice(code)) => Cell::Text(code.clone()),
        Some(Answer::Choices(codes)) => Cell::Text(codes.join(", ")),
        Some(Answer::Text(text)) => Cell::Text(text.clone()),
        Some(Answer::Scale(value)) => Cell::Number(f64::from(*value)),
    }
}

/// The submitted answers of `kind` for the centre's conventions of `year`.
pub fn table(
    conn: &mut AnyConnection,
    centre: i64,
    year: &str,
    kind: EvaluationKind,
) -> Result<Table, ApiError> {
    let form = centre_form(conn, centre, kind)?.form;
    let questions: Vec<_> = form.sections.iter().flat_map(|s| &s.questions).collect();
    let mut headers = vec![
        "Convention".to_owned(),
        "Étudiant".to_owned(),
        "Organisme".to_owned(),
        "Transmis le".to_owned(),
    ];
    headers.extend(questions.iter().map(|q| format!("{} {}", q.code, q.text)));
    let rows = store::submitted(conn, centre, year, kind)?;
    let mut out = Table {
        title: format!("Évaluations {}", kind_code(kind)),
        headers,
        rows: Vec::with_capacity(rows.len()),
    };
    for (number, last, first, organisation, row) in rows {
        let answers = row.answers()?;
        let mut line = vec![
            Cell::from(number),
            Cell::Text(format!("{last} {first}")),
            Cell::from(organisation),
            Cell::from(
                row.submitted_at
                    .map(|at| at.date().format("%d/%m/%Y").to_string()),
            ),
        ];
        line.extend(
            questions
                .iter()
                .map(|q| answer_cell(answers.answers.get(&q.code))),
        );
        out.rows.push(line);
    }
    Ok(out)
}
