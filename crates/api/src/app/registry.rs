//! Importing the student registry: identity and enrolments exported by the
//! student information system (Apogée, Pégase…) as CSV. Idempotent: the
//! same file twice changes nothing the second time. Every line is checked
//! whole before anything of it is written; a bad line is reported with its
//! number and reason and the others go in.

use crate::db::AnyConnection;
use crate::db::students::{self, RegistryLine, RegistryWrite};
use crate::i18n::{self, Lang};
use chrono::NaiveDate;
use stages_domain::ids::{Email, Ine};
use stages_domain::model::AcademicYear;
use stages_domain::{Violation, requests};

/// The columns, in the header's order or any other (found by name).
pub const COLUMNS: [&str; 12] = [
    "student_number",
    "last_name",
    "first_name",
    "email",
    "ine",
    "academic_year",
    "programme_code",
    "programme_label",
    "faculty_code",
    "faculty_label",
    "teaching_hours",
    "birth_date",
];

/// Columns that may be left empty or left out. An empty birth date keeps
/// the one stored (a later export may lack it).
const OPTIONAL: [&str; 4] = ["email", "ine", "teaching_hours", "birth_date"];

pub use stages_api_types::registry::{ImportReport, LineError};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not CSV with a header line: {0}")]
    Format(String),
    #[error("the header lacks the column {0} (expected: {columns})", columns = COLUMNS.join(", "))]
    MissingColumn(&'static str),
    #[error("database error: {0}")]
    Db(#[from] diesel::result::Error),
}

/// Semicolons (the usual export of French tools) or commas.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// The longest student number and the most teaching hours of a line.
const MAX_STUDENT_NUMBER: usize = 20;
const MAX_TEACHING_HOURS: i32 = 5000;

/// A line's values, checked by the domain's rules; the first broken one
/// refuses the line.
fn check(fields: &[(&'static str, String)], today: NaiveDate) -> Result<RegistryLine, Violation> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    for name in COLUMNS {
        if !OPTIONAL.contains(&name) && get(name).is_empty() {
            return Err(requests::required(name));
        }
        // PostgreSQL cannot store NUL, and no column holds control characters.
        if let Some(c) = requests::forbidden_character(&get(name)) {
            return Err(requests::control_character(name, c));
        }
        // Names print on agreements: as in a JSON body (TEXT-02).
        if let Some(c) = requests::unprintable_script(&get(name)) {
            return Err(requests::unprintable_character(name, c));
        }
    }
    let number = get("student_number");
    if number.len() > MAX_STUDENT_NUMBER || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(requests::student_number(
            "student_number",
            MAX_STUDENT_NUMBER,
        ));
    }
    let email = match get("email") {
        e if e.is_empty() => None,
        e => Some(
            Email::parse(&e)
                .map_err(|err| err.to_violation("email"))?
                .as_str()
                .to_owned(),
        ),
    };
    let ine = match get("ine") {
        i if i.is_empty() => None,
        i => Some(
            Ine::parse(&i)
                .map_err(|err| err.to_violation("ine"))?
                .as_str()
                .to_owned(),
        ),
    };
    let year = AcademicYear::parse(&get("academic_year"))
        .map_err(|_| requests::academic_year_format("academic_year"))?;
    let teaching_hours = match get("teaching_hours") {
        h if h.is_empty() => None,
        h => Some(
            h.parse::<i32>()
                .ok()
                .filter(|h| (0..=MAX_TEACHING_HOURS).contains(h))
                .ok_or_else(|| requests::teaching_hours("teaching_hours", MAX_TEACHING_HOURS))?,
        ),
    };
    let birth_date = match get("birth_date") {
        b if b.is_empty() => None,
        b => Some(requests::parse_birth_date("birth_date", &b, today)?),
    };
    for name in [
        "last_name",
        "first_name",
        "programme_label",
        "faculty_label",
    ] {
        if get(name).chars().count() > 255 {
            return Err(requests::too_long(name, 255));
        }
    }
    for name in ["programme_code", "faculty_code"] {
        if get(name).chars().count() > 64 {
            return Err(requests::too_long(name, 64));
        }
    }
    Ok(RegistryLine {
        student_number: number,
        last_name: get("last_name"),
        first_name: get("first_name"),
        email,
        ine,
        academic_year: year.to_string(),
        programme_code: get("programme_code"),
        programme_label: get("programme_label"),
        faculty_code: get("faculty_code"),
        faculty_label: get("faculty_label"),
        teaching_hours,
        birth_date,
    })
}

/// Adds what one line did to the report.
fn count(report: &mut ImportReport, write: RegistryWrite) {
    report.students_created += u64::from(write.student_created);
    report.students_updated += u64::from(write.student_updated);
    report.enrolments_created += u64::from(write.enrolment_created);
    report.enrolments_updated += u64::from(write.enrolment_updated);
    if write == RegistryWrite::default() {
        report.unchanged += 1;
    }
}

/// Imports a CSV export of the student information system; a refused
/// line's reason is worded in `lang`; birth dates after `today` are refused.
pub fn import(
    conn: &mut AnyConnection,
    text: &str,
    lang: Lang,
    today: NaiveDate,
) -> Result<ImportReport, ImportError> {
    let refused = |line: u64, v: Violation| LineError {
        line,
        field: v.field.clone(),
        message: i18n::message(lang, &v.message_key, &v.args),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Format(e.to_string()))?
        .clone();
    let mut positions = Vec::with_capacity(COLUMNS.len());
    for name in COLUMNS {
        let at = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name));
        match (at, OPTIONAL.contains(&name)) {
            (Some(i), _) => positions.push((name, Some(i))),
            (None, true) => positions.push((name, None)),
            (None, false) => return Err(ImportError::MissingColumn(name)),
        }
    }
    let mut report = ImportReport::default();
    for (index, result) in reader.records().enumerate() {
        let line = u64::try_from(index).unwrap_or(u64::MAX) + 2;
        report.lines += 1;
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                report
                    .errors
                    .push(refused(line, requests::csv_line_unreadable(e.to_string())));
                continue;
            }
        };
        let fields: Vec<(&'static str, String)> = positions
            .iter()
            .map(|(name, at)| {
                (
                    *name,
                    at.and_then(|i| record.get(i))
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .collect();
        match check(&fields, today) {
            Ok(checked) => count(&mut report, students::write_registry_line(conn, &checked)?),
            Err(violation) => report.errors.push(refused(line, violation)),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_or_commas() {
        assert_eq!(delimiter("a;b;c\n1;2;3"), b';');
        assert_eq!(delimiter("a,b,c"), b',');
    }

    #[test]
    fn a_line_is_checked_whole() {
        let fields = |year: &str, email: &str| -> Vec<(&'static str, String)> {
            COLUMNS
                .iter()
                .map(|c| {
                    let v = match *c {
                        "academic_year" => year.to_owned(),
                        "email" => email.to_owned(),
                        "ine" | "teaching_hours" | "birth_date" => String::new(),
                        other => format!("x{other}").replace('_', ""),
                    };
                    (*c, v)
                })
                .collect()
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date");
        assert!(check(&fields("2026-2027", ""), today).is_ok());
        let bad = check(&fields("2026", ""), today).err().expect("bad year");
        assert_eq!(bad, requests::academic_year_format("academic_year"));
        let bad = check(&fields("2026-2027", "nope"), today)
            .err()
            .expect("bad email");
        assert_eq!(bad.field, "email");
        let mut arabic = fields("2026-2027", "");
        if let Some((_, last_name)) = arabic.iter_mut().find(|(n, _)| *n == "last_name") {
            *last_name = "حداد".into();
        }
        let bad = check(&arabic, today).err().expect("unprintable");
        assert_eq!(bad, requests::unprintable_character("last_name", 'ح'));
    }
}
