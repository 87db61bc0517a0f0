//! Searching conventions (seed §8) by number, student number or name, with
//! staff filters; newest first, one page at a time.

use crate::app::caller;
use crate::auth::Caller;
use crate::db::conventions::{self as repo, ListedRow, SearchFilter};
use crate::db::{AnyConnection, centres};
use crate::error::ApiError;
use crate::pagination::{Page, from_rows};
use chrono::NaiveDate;
use stages_api_types::conventions::ConventionSummary;
use stages_domain::lifecycle::{ConventionNumber, Status, Workflow};
use stages_domain::model::CentreSettings;
use std::collections::HashMap;

/// A search as asked: free text (a convention number, a student number or
/// words of the student's name) and filters.
pub struct SearchInput {
    pub text: Option<String>,
    pub centre: Option<i64>,
    /// `2026-2027` (or `2026/2027`).
    pub academic_year: Option<String>,
    pub status: Option<Status>,
    pub organisation: Option<i64>,
    pub student: Option<i64>,
    /// Only those not signed by every party before the first day (CONV-03).
    pub unsigned_at_start: bool,
    pub today: NaiveDate,
}

impl SearchInput {
    /// What the free text names: a number, a student number, else words
    /// (bounded: 400 naming `q`).
    fn filter(self) -> Result<SearchFilter, ApiError> {
        let text = self
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let number = text.and_then(|t| ConventionNumber::parse(t).ok());
        let student_number = text
            .filter(|t| number.is_none() && t.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_owned);
        let words = if number.is_some() || student_number.is_some() {
            Vec::new()
        } else {
            crate::fields::search_words("q", text)?
        };
        Ok(SearchFilter {
            number,
            student_number,
            words,
            centre: self.centre,
            academic_year: self.academic_year.map(|year| year.trim().replace('/', "-")),
            status: self.status,
            organisation: self.organisation,
            student: self.student,
            unsigned_at_start: self.unsigned_at_start.then_some(self.today),
        })
    }
}

/// One page of the conventions the caller may see that match `input`.
pub fn search(
    conn: &mut AnyConnection,
    caller: &Caller,
    input: SearchInput,
    after: Option<i64>,
    limit: i64,
) -> Result<Page<ConventionSummary>, ApiError> {
    let today = input.today;
    let filter = input.filter()?;
    let ctx = caller::load(conn, caller)?;
    let rows = repo::search(conn, &ctx, filter, after, limit)?;
    let page = from_rows(rows, limit, |row| row.id);
    let mut settings: HashMap<i64, CentreSettings> = HashMap::new();
    let mut items = Vec::with_capacity(page.items.len());
    for row in page.items {
        let centre_settings = match settings.get(&row.centre_id) {
            Some(s) => s.clone(),
            None => {
                let s = centres::find_row(conn, row.centre_id)?.settings()?;
                settings.insert(row.centre_id, s.clone());
                s
            }
        };
        // CONV-03, as the convention's page says it.
        let unsigned_at_start = match (row.circuit_open, row.start_date) {
            (true, Some(start)) => {
                stages_domain::signature::late_at_start(row.signed_on, start, today)
            }
            _ => false,
        };
        items.push(summary(row, &centre_settings, unsigned_at_start)?);
    }
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

/// One line of the results.
fn summary(
    row: ListedRow,
    settings: &CentreSettings,
    unsigned_at_start: bool,
) -> Result<ConventionSummary, ApiError> {
    let workflow: Workflow = crate::db::error::decode(&row.workflow)?;
    Ok(ConventionSummary {
        id: row.id,
        number: row.number,
        status: workflow.status(settings),
        centre_id: row.centre_id,
        student_id: row.student_id,
        student_number: row.student_number.unwrap_or_default(),
        student_last_name: row.student_last_name.unwrap_or_default(),
        student_first_name: row.student_first_name.unwrap_or_default(),
        academic_year: row.academic_year,
        organisation_id: row.organisation_id,
        organisation_name: row.organisation_name,
        start_date: row.start_date,
        end_date: row.end_date,
        unsigned_at_start,
        updated_at: row.updated_at.and_utc(),
    })
}
