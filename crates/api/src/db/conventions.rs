//! Conventions in the database: the content as the domain's document, the
//! workflow state, the columns that scope, search and count them, and the
//! facts the domain's rules need from other conventions.

use crate::app::caller::Context;
use crate::db::AnyConnection;
use crate::db::amendments::amendment_list;
use crate::db::centres;
use crate::db::codec;
use crate::db::error::{decode, encode};
use crate::db::schema::{
    convention_counters, convention_interruptions, convention_schedule_periods, conventions,
    organisations, students, validation_history,
};
use crate::db::search::{self, Access, Kind};
use crate::db::{Backend, RepoError, RepoResult};
use chrono::{Days, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use stages_domain::amendment::{self, Amendment};
use stages_domain::figures;
use stages_domain::ids::{CentreId, StudentId, SupervisorId};
use stages_domain::lifecycle::{ConventionNumber, Status, Workflow};
use stages_domain::model::{CentreSettings, Convention, Period, SchedulePeriod, ValidationLevel};
use stages_domain::permissions::{self, Relation};
use stages_domain::rules::{CheckContext, CheckMode, PostReview, PreviousInternship, monday_of};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conventions)]
pub struct ConventionRow {
    pub id: i64,
    pub number: Option<String>,
    pub status: String,
    pub centre_id: i64,
    pub student_id: i64,
    pub created_by: i64,
    pub academic_year: String,
    pub programme_code: Option<String>,
    pub organisation_id: Option<i64>,
    pub host_service_id: Option<i64>,
    pub tutor_id: Option<i64>,
    pub signatory_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub effective_minutes: Option<i64>,
    pub stipend_paid: Option<bool>,
    pub stipend_hourly_cents: Option<i64>,
    pub country_code: Option<String>,
    pub department: Option<String>,
    pub language: Option<String>,
    pub content: String,
    pub workflow: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub offer_id: Option<i64>,
    /// DUR-03: staff's [`StoredPostReview`], as JSON.
    pub post_review: Option<String>,
}

pub use stages_api_types::conventions::{Parties, ValidationEvent};

/// A convention with its decoded content and its centre's settings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub row: ConventionRow,
    pub content: Convention,
    pub workflow: Workflow,
    pub parties: Parties,
    pub settings: CentreSettings,
    pub centre_name: String,
    /// The centre and supervisor as stored: who may find it by name. A
    /// save that changes them re-indexes the convention.
    indexed_access: (i64, Option<i64>),
}

/// DUR-03: staff's answer as stored, with who gave it and when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredPostReview {
    #[serde(flatten)]
    pub review: PostReview,
    pub reviewer_id: i64,
    pub at: NaiveDateTime,
}

impl Loaded {
    /// Staff's DUR-03 answer, once given.
    pub fn post_review(&self) -> RepoResult<Option<StoredPostReview>> {
        self.row.post_review.as_deref().map(decode).transpose()
    }

    pub fn status(&self) -> Status {
        self.workflow.status(&self.settings)
    }

    pub fn relation(&self, ctx: &Context) -> Relation {
        ctx.relation(permissions::Parties {
            centre_id: CentreId(self.row.centre_id),
            student_id: StudentId(self.row.student_id),
            supervisor_id: self.parties.supervisor_id.map(SupervisorId),
        })
    }
}

pub fn load(conn: &mut AnyConnection, id: i64) -> RepoResult<Loaded> {
    let row: ConventionRow = conventions::table
        .find(id)
        .select(ConventionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)?;
    let mut content: Convention = decode(&row.content)?;
    content.internship.interruptions = convention_interruptions::table
        .filter(convention_interruptions::convention_id.eq(id))
        .order(convention_interruptions::position)
        .select((
            convention_interruptions::start_date,
            convention_interruptions::end_date,
        ))
        .load::<(NaiveDate, NaiveDate)>(conn)?
        .into_iter()
        .map(|(start, end)| Period { start, end })
        .collect();
    content.internship.schedule_periods = convention_schedule_periods::table
        .filter(convention_schedule_periods::convention_id.eq(id))
        .order(convention_schedule_periods::position)
        .select((
            convention_schedule_periods::start_date,
            convention_schedule_periods::end_date,
            convention_schedule_periods::daily_minutes,
        ))
        .load::<(NaiveDate, NaiveDate, i32)>(conn)?
        .into_iter()
        .map(|(start, end, minutes)| SchedulePeriod {
            start,
            end,
            minutes_per_day: u32::try_from(minutes).unwrap_or_default(),
        })
        .collect();
    let centre = centres::find_row(conn, row.centre_id)?;
    Ok(Loaded {
        indexed_access: (row.centre_id, row.supervisor_id),
        workflow: decode(&row.workflow)?,
        parties: Parties {
            organisation_id: row.organisation_id,
            host_service_id: row.host_service_id,
            tutor_id: row.tutor_id,
            signatory_id: row.signatory_id,
            supervisor_id: row.supervisor_id,
            offer_id: row.offer_id,
        },
        settings: centre.settings()?,
        centre_name: centre.name,
        content,
        row,
    })
}

/// The columns derived from the content, recomputed on every save.
struct Derived {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    effective_minutes: Option<i64>,
    stipend_paid: Option<bool>,
    stipend_hourly_cents: Option<i64>,
    country_code: Option<String>,
    department: Option<String>,
    language: Option<String>,
}

fn derive(content: &Convention, organisation_department: Option<String>) -> Derived {
    let figures = figures::measure(&content.internship);
    let country = content
        .host_service
        .as_ref()
        .and_then(|s| s.address.country.clone())
        .or_else(|| {
            content
                .organisation
                .as_ref()
                .and_then(|o| o.address.country.clone())
        });
    Derived {
        start: content.internship.start,
        end: content.internship.end,
        effective_minutes: figures
            .as_ref()
            .and_then(|f| i64::try_from(f.effective_minutes).ok()),
        stipend_paid: content.internship.stipend_paid,
        stipend_hourly_cents: figures.as_ref().and_then(|f| f.stipend_hourly_cents),
        country_code: country.map(|c| c.as_str().to_owned()),
        department: organisation_department,
        language: content
            .internship
            .language
            .and_then(|l| serde_json::to_value(l).ok())
            .and_then(|v| v.as_str().map(str::to_owned)),
    }
}

fn organisation_department(
    conn: &mut AnyConnection,
    organisation: Option<i64>,
) -> RepoResult<Option<String>> {
    let Some(id) = organisation else {
        return Ok(None);
    };
    Ok(organisations::table
        .find(id)
        .select(organisations::department)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

fn write_children(conn: &mut AnyConnection, id: i64, content: &Convention) -> QueryResult<()> {
    diesel::delete(
        convention_interruptions::table.filter(convention_interruptions::convention_id.eq(id)),
    )
    .execute(conn)?;
    for (position, period) in content.internship.interruptions.iter().enumerate() {
        diesel::insert_into(convention_interruptions::table)
            .values((
                convention_interruptions::convention_id.eq(id),
                convention_interruptions::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                convention_interruptions::start_date.eq(period.start),
                convention_interruptions::end_date.eq(period.end),
            ))
            .execute(conn)?;
    }
    diesel::delete(
        convention_schedule_periods::table
            .filter(convention_schedule_periods::convention_id.eq(id)),
    )
    .execute(conn)?;
    for (position, period) in content.internship.schedule_periods.iter().enumerate() {
        diesel::insert_into(convention_schedule_periods::table)
            .values((
                convention_schedule_periods::convention_id.eq(id),
                convention_schedule_periods::position
                    .eq(i32::try_from(position).unwrap_or(i32::MAX)),
                convention_schedule_periods::start_date.eq(period.start),
                convention_schedule_periods::end_date.eq(period.end),
                convention_schedule_periods::daily_minutes
                    .eq(i32::try_from(period.minutes_per_day).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The content as stored in the JSON column: the periods live in their own
/// tables.
fn stored_content(content: &Convention) -> RepoResult<String> {
    let mut stored = content.clone();
    stored.internship.interruptions.clear();
    stored.internship.schedule_periods.clear();
    encode(&stored)
}

/// Inserts a new draft; returns its id.
pub fn insert_draft(
    conn: &mut AnyConnection,
    centre_id: i64,
    student_id: i64,
    created_by: i64,
    academic_year: &str,
    programme_code: &str,
    content: &Convention,
) -> RepoResult<i64> {
    let now = chrono::Utc::now().naive_utc();
    let workflow = Workflow::new();
    let id: i64 = diesel::insert_into(conventions::table)
        .values((
            conventions::status.eq(codec::to_code(Status::Draft)),
            conventions::centre_id.eq(centre_id),
            conventions::student_id.eq(student_id),
            conventions::created_by.eq(created_by),
            conventions::academic_year.eq(academic_year),
            conventions::programme_code.eq(programme_code),
            conventions::content.eq(stored_content(content)?),
            conventions::workflow.eq(encode(&workflow)?),
            conventions::version.eq(1),
            conventions::created_at.eq(now),
            conventions::updated_at.eq(now),
        ))
        .returning(conventions::id)
        .get_result(conn)?;
    write_children(conn, id, content)?;
    reindex(conn, id)?;
    Ok(id)
}

/// Keeps the convention's search document in step: its student's name,
/// and who may see it (its centre, supervisor and student), so that a
/// search filters by access inside the engine (db/search.rs).
pub fn reindex(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    let (student, centre, supervisor, last, first): (i64, i64, Option<i64>, String, String) =
        conventions::table
            .inner_join(students::table)
            .filter(conventions::id.eq(id))
            .select((
                conventions::student_id,
                conventions::centre_id,
                conventions::supervisor_id,
                students::last_name,
                students::first_name,
            ))
            .first(conn)?;
    let mut access = vec![Access::Centre(centre), Access::Student(student)];
    access.extend(supervisor.map(Access::Supervisor));
    let document = search::document(Kind::Convention, &[&last, &first], &access);
    search::write(conn, Kind::Convention.key(id), &document)
}

/// Re-indexes the conventions of a student whose name changed.
pub fn reindex_of_student(conn: &mut AnyConnection, student: i64) -> QueryResult<()> {
    let ids: Vec<i64> = conventions::table
        .filter(conventions::student_id.eq(student))
        .select(conventions::id)
        .load(conn)?;
    for id in ids {
        reindex(conn, id)?;
    }
    Ok(())
}

/// Writes the content, parties and workflow of `loaded`, bumping the
/// version, provided the stored version is still the one `loaded` was read
/// at ([`RepoError::Stale`] otherwise). The derived columns (dates, hours,
/// stipend) are those of the convention after `amendments` (its amendments
/// as stored, in order). On success `loaded.row` is the row as now stored,
/// so the caller answers from it without reading it back.
pub fn save(
    conn: &mut AnyConnection,
    loaded: &mut Loaded,
    amendments: &[Amendment],
) -> RepoResult<()> {
    let department = organisation_department(conn, loaded.parties.organisation_id)?;
    // Searches, counts and statistics see the internship as amended.
    let effective = amendment::apply(&loaded.content, amendments);
    let d = derive(&effective.convention, department);
    let id = loaded.row.id;
    let now = chrono::Utc::now().naive_utc();
    let submitted_at = match (loaded.row.submitted_at, loaded.workflow.number()) {
        (None, Some(_)) => Some(now),
        (at, _) => at,
    };
    let number = loaded.workflow.number().map(|n| n.to_string());
    let status = codec::to_code(loaded.status());
    let content = stored_content(&loaded.content)?;
    let workflow = encode(&loaded.workflow)?;
    let version = loaded.row.version + 1;
    let written = diesel::update(
        conventions::table
            .find(id)
            .filter(conventions::version.eq(loaded.row.version)),
    )
    .set((
        conventions::number.eq(&number),
        conventions::status.eq(&status),
        conventions::academic_year.eq(&loaded.row.academic_year),
        conventions::programme_code.eq(&loaded.row.programme_code),
        conventions::centre_id.eq(loaded.row.centre_id),
        conventions::organisation_id.eq(loaded.parties.organisation_id),
        conventions::host_service_id.eq(loaded.parties.host_service_id),
        conventions::tutor_id.eq(loaded.parties.tutor_id),
        conventions::signatory_id.eq(loaded.parties.signatory_id),
        conventions::supervisor_id.eq(loaded.parties.supervisor_id),
        conventions::offer_id.eq(loaded.parties.offer_id),
        conventions::start_date.eq(d.start),
        conventions::end_date.eq(d.end),
        conventions::effective_minutes.eq(d.effective_minutes),
        conventions::stipend_paid.eq(d.stipend_paid),
        conventions::stipend_hourly_cents.eq(d.stipend_hourly_cents),
        conventions::country_code.eq(&d.country_code),
        conventions::department.eq(&d.department),
        conventions::language.eq(&d.language),
        conventions::content.eq(&content),
        conventions::workflow.eq(&workflow),
        conventions::version.eq(version),
        conventions::updated_at.eq(now),
        conventions::submitted_at.eq(submitted_at),
        conventions::post_review.eq(&loaded.row.post_review),
    ))
    .execute(conn)?;
    crate::db::check_written(written)?;
    write_children(conn, id, &loaded.content)?;
    let access = (loaded.row.centre_id, loaded.parties.supervisor_id);
    if access != loaded.indexed_access {
        reindex(conn, id)?;
        loaded.indexed_access = access;
    }
    let row = &mut loaded.row;
    row.number = number;
    row.status = status;
    row.organisation_id = loaded.parties.organisation_id;
    row.host_service_id = loaded.parties.host_service_id;
    row.tutor_id = loaded.parties.tutor_id;
    row.signatory_id = loaded.parties.signatory_id;
    row.supervisor_id = loaded.parties.supervisor_id;
    row.offer_id = loaded.parties.offer_id;
    row.start_date = d.start;
    row.end_date = d.end;
    row.effective_minutes = d.effective_minutes;
    row.stipend_paid = d.stipend_paid;
    row.stipend_hourly_cents = d.stipend_hourly_cents;
    row.country_code = d.country_code;
    row.department = d.department;
    row.language = d.language;
    row.content = content;
    row.workflow = workflow;
    row.version = version;
    row.updated_at = now;
    row.submitted_at = submitted_at;
    Ok(())
}

/// Brings the stored status of a centre's conventions in line with new
/// settings: the number of validation levels decides whether a convention
/// with validations is "in validation" or "validated", and searches,
/// statistics and the evaluation scheduler read the stored status. Only
/// conventions with a validation can change. Returns those that did.
///
/// Each change is a new version, written only over the version read: a
/// validation saved meanwhile makes the write miss, and the convention is
/// read again and decided anew; a save that read the old settings and
/// comes after finds the version moved on and gets its 412.
pub fn restatus_centre(
    conn: &mut AnyConnection,
    centre: i64,
    settings: &CentreSettings,
) -> RepoResult<Vec<i64>> {
    let candidates: Vec<i64> = conventions::table
        .filter(conventions::centre_id.eq(centre))
        .filter(conventions::status.eq_any([
            codec::to_code(Status::InValidation),
            codec::to_code(Status::Validated),
        ]))
        .select(conventions::id)
        .load(conn)?;
    let mut changed = Vec::new();
    for id in candidates {
        let mut attempts = 0;
        loop {
            attempts += 1;
            if attempts > 10 {
                return Err(RepoError::Busy);
            }
            let (stored, workflow, version): (String, String, i32) = conventions::table
                .find(id)
                .select((
                    conventions::status,
                    conventions::workflow,
                    conventions::version,
                ))
                .first(conn)?;
            let status = codec::to_code(decode::<Workflow>(&workflow)?.status(settings));
            if status == stored {
                break;
            }
            let written = diesel::update(
                conventions::table
                    .find(id)
                    .filter(conventions::version.eq(version)),
            )
            .set((
                conventions::status.eq(status),
                conventions::version.eq(version + 1),
            ))
            .execute(conn)?;
            if written == 1 {
                changed.push(id);
                break;
            }
        }
    }
    Ok(changed)
}

/// Takes the convention's row for this transaction if it is still at
/// `version`, else 412. Called before a change does any other work: on
/// PostgreSQL a second transaction that read the same version waits here
/// for the first to commit, then finds the version moved on, instead of
/// doing its work beside the first one and losing only at the end.
pub fn claim(conn: &mut AnyConnection, id: i64, version: i32) -> RepoResult<()> {
    let claimed = diesel::update(
        conventions::table
            .find(id)
            .filter(conventions::version.eq(version)),
    )
    .set(conventions::version.eq(version))
    .execute(conn)?;
    crate::db::check_written(claimed)
}

/// Moves the convention's version on without another change: something it
/// shows changed elsewhere (a signature given through a link), so a page
/// read before reads again, and a save over the old version is 412.
pub fn touch(conn: &mut AnyConnection, id: i64) -> RepoResult<()> {
    let written = diesel::update(conventions::table.find(id))
        .set((
            conventions::version.eq(conventions::version + 1),
            conventions::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    crate::db::check_written(written)
}

/// The next convention number of `year`: one counter row per year, bumped
/// inside the caller's transaction, so two creations never share a number.
pub fn next_number(conn: &mut AnyConnection, year: i32) -> RepoResult<ConventionNumber> {
    let updated = diesel::update(convention_counters::table.find(year))
        .set(convention_counters::last_value.eq(convention_counters::last_value + 1))
        .returning(convention_counters::last_value)
        .get_result::<i64>(conn)
        .optional()?;
    let value = match updated {
        Some(value) => value,
        None => {
            diesel::insert_into(convention_counters::table)
                .values((
                    convention_counters::year.eq(year),
                    convention_counters::last_value.eq(1_i64),
                ))
                .execute(conn)?;
            1
        }
    };
    let seq = u32::try_from(value).map_err(RepoError::corrupt)?;
    ConventionNumber::new(year, seq).map_err(RepoError::corrupt)
}

/// Sets the last number given in `year` (bulk loads that number their own
/// conventions).
pub fn set_counter(conn: &mut AnyConnection, year: i32, last: i64) -> QueryResult<()> {
    let updated = diesel::update(convention_counters::table.find(year))
        .set(convention_counters::last_value.eq(last))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(convention_counters::table)
            .values((
                convention_counters::year.eq(year),
                convention_counters::last_value.eq(last),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The created conventions of a centre in an academic year, in number
/// order; `limit` at most.
pub fn numbered_of_centre(
    conn: &mut AnyConnection,
    centre: i64,
    academic_year: &str,
    limit: i64,
) -> RepoResult<Vec<i64>> {
    Ok(conventions::table
        .filter(conventions::centre_id.eq(centre))
        .filter(conventions::academic_year.eq(academic_year))
        .filter(conventions::number.is_not_null())
        .order(conventions::number)
        .limit(limit)
        .select(conventions::id)
        .load(conn)?)
}

/// The convention after its validated amendments.
pub fn effective(
    conn: &mut AnyConnection,
    loaded: &Loaded,
) -> RepoResult<amendment::EffectiveConvention> {
    let list = amendment_list(conn, loaded.row.id)?;
    Ok(amendment::apply(&loaded.content, &list))
}

fn count(q: i64) -> u32 {
    u32::try_from(q).unwrap_or(u32::MAX)
}

/// What the rules need from the rest of the database: the installation's
/// minimum hourly rates (GRAT-02), the same student's
/// time at the same host this year (DUR-02), the earlier interns at the
/// same service or with the same tutor and staff's review of them
/// (DUR-03, before and after), the supervisor's and tutor's other interns at the
/// start date (ENC-01, ENC-02), the host's other interns around the period
/// (ENC-03), and overlapping internships (OVL-01).
/// Drafts of other conventions do not count: nothing is agreed yet.
pub fn check_context(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    today: NaiveDate,
    mode: CheckMode,
) -> RepoResult<CheckContext> {
    let mut ctx = CheckContext::new(today, loaded.settings.clone());
    ctx.mode = mode;
    ctx.rates = crate::db::rates::table(conn)?;
    let id = loaded.row.id;
    let agreed = conventions::number.is_not_null();
    let start = loaded.content.internship.start;
    let end = loaded.content.internship.end;

    let siren = loaded
        .content
        .organisation
        .as_ref()
        .and_then(|o| o.siret.as_ref())
        .map(|s| s.siren().as_str().to_owned());
    // The same host is the same legal entity (SIREN), whichever of its
    // establishments (SIRET) the other convention named.
    let same_host = conventions::organisation_id
        .eq_any(
            organisations::table
                .filter(organisations::siren.eq(siren.unwrap_or_default()))
                .select(organisations::id.nullable()),
        )
        .or(conventions::organisation_id.eq(loaded.parties.organisation_id.unwrap_or(-1)));
    if loaded.parties.organisation_id.is_some() {
        // Summed here: a sum of BIGINT is NUMERIC on PostgreSQL and INTEGER
        // on SQLite, and a student has few conventions.
        let minutes: Vec<Option<i64>> = conventions::table
            .filter(conventions::id.ne(id))
            .filter(agreed)
            .filter(conventions::student_id.eq(loaded.row.student_id))
            .filter(conventions::academic_year.eq(&loaded.row.academic_year))
            .filter(same_host)
            .select(conventions::effective_minutes)
            .load(conn)?;
        let total: i64 = minutes.into_iter().flatten().sum();
        ctx.same_host_minutes = u64::try_from(total).unwrap_or(0);
    }

    if let (Some(start), Some(end)) = (start, end) {
        let ongoing_at_start = conventions::start_date
            .le(start)
            .and(conventions::end_date.ge(start));
        if let Some(supervisor) = loaded.parties.supervisor_id {
            let n: i64 = conventions::table
                .filter(conventions::id.ne(id))
                .filter(agreed)
                .filter(conventions::supervisor_id.eq(supervisor))
                .filter(ongoing_at_start)
                .count()
                .get_result(conn)?;
            ctx.supervisor_ongoing = Some(count(n));
        }
        if let Some(tutor) = loaded.parties.tutor_id {
            let n: i64 = conventions::table
                .filter(conventions::id.ne(id))
                .filter(agreed)
                .filter(conventions::tutor_id.eq(tutor))
                .filter(ongoing_at_start)
                .count()
                .get_result(conn)?;
            ctx.tutor_ongoing = Some(count(n));
        }
        if let Some(organisation) = loaded.parties.organisation_id {
            // The host's other interns in the calendar weeks of the
            // internship (ENC-03); for an amendment, which may move the
            // dates, a year on either side: the domain counts those who
            // share a week with the period it checks.
            let margin = Days::new(if mode == CheckMode::Amendment { 366 } else { 0 });
            let from = monday_of(start).checked_sub_days(margin).unwrap_or(start);
            let until = monday_of(end)
                .checked_add_days(Days::new(6))
                .and_then(|sunday| sunday.checked_add_days(margin))
                .unwrap_or(end);
            let periods: Vec<(NaiveDate, NaiveDate)> = conventions::table
                .filter(conventions::id.ne(id))
                .filter(agreed)
                .filter(conventions::organisation_id.eq(organisation))
                .filter(conventions::start_date.le(until))
                .filter(conventions::end_date.ge(from))
                .select((
                    conventions::start_date.assume_not_null(),
                    conventions::end_date.assume_not_null(),
                ))
                .load(conn)?;
            ctx.host_interns = Some(
                periods
                    .into_iter()
                    .map(|(start, end)| Period { start, end })
                    .collect(),
            );
        }
        let overlapping: i64 = conventions::table
            .filter(conventions::id.ne(id))
            .filter(agreed)
            .filter(conventions::student_id.eq(loaded.row.student_id))
            .filter(conventions::start_date.le(end))
            .filter(conventions::end_date.ge(start))
            .count()
            .get_result(conn)?;
        ctx.overlapping_conventions = count(overlapping);

        // DUR-03: the host's earlier interns at the same service or with
        // the same tutor, ended within a year before this start (no
        // internship's waiting period is longer), most recent first.
        if loaded.parties.host_service_id.is_some() || loaded.parties.tutor_id.is_some() {
            let service = loaded.parties.host_service_id.unwrap_or(-1);
            let tutor = loaded.parties.tutor_id.unwrap_or(-1);
            // An amendment may move the start by up to a year either way:
            // the domain keeps those that ended before the start it checks.
            let margin = Days::new(if mode == CheckMode::Amendment { 366 } else { 0 });
            let before = start.checked_add_days(margin).unwrap_or(start);
            let since = start
                .checked_sub_days(Days::new(366))
                .and_then(|d| d.checked_sub_days(margin))
                .unwrap_or(start);
            let earlier: Vec<(i64, String, NaiveDate, NaiveDate)> = conventions::table
                .filter(conventions::id.ne(id))
                .filter(agreed)
                .filter(
                    conventions::host_service_id
                        .eq(service)
                        .or(conventions::tutor_id.eq(tutor)),
                )
                .filter(conventions::start_date.is_not_null())
                .filter(conventions::end_date.lt(before))
                .filter(conventions::end_date.ge(since))
                .order(conventions::end_date.desc())
                .select((
                    conventions::id,
                    conventions::content,
                    conventions::start_date.assume_not_null(),
                    conventions::end_date.assume_not_null(),
                ))
                .limit(20)
                .load(conn)?;
            for (other, content, start, end) in earlier {
                // Who asked for an early end, and whether it was early, is
                // in its validated amendments applied to its content.
                let planned: Convention = decode(&content)?;
                let amendments = amendment_list(conn, other)?;
                let ended_early_by_intern = amendment::apply(&planned, &amendments)
                    .termination
                    .is_some_and(|t| t.by_intern());
                ctx.earlier_interns.push(PreviousInternship {
                    start,
                    end,
                    ended_early_by_intern,
                });
            }
            // And the later ones, agreed first, that start within a year
            // after this end (no waiting period is longer), soonest first:
            // this internship's own waiting period may fall on them.
            let after = end.checked_sub_days(margin).unwrap_or(end);
            let until = end
                .checked_add_days(Days::new(366))
                .and_then(|d| d.checked_add_days(margin))
                .unwrap_or(end);
            let later: Vec<(NaiveDate, NaiveDate)> = conventions::table
                .filter(conventions::id.ne(id))
                .filter(agreed)
                .filter(
                    conventions::host_service_id
                        .eq(service)
                        .or(conventions::tutor_id.eq(tutor)),
                )
                .filter(conventions::end_date.is_not_null())
                .filter(conventions::start_date.gt(after))
                .filter(conventions::start_date.le(until))
                .order(conventions::start_date.asc())
                .select((
                    conventions::start_date.assume_not_null(),
                    conventions::end_date.assume_not_null(),
                ))
                .limit(20)
                .load(conn)?;
            ctx.later_interns = later
                .into_iter()
                .map(|(start, end)| PreviousInternship {
                    start,
                    end,
                    ended_early_by_intern: false,
                })
                .collect();
        }
    }
    ctx.post_review = loaded.post_review()?.map(|stored| stored.review);
    Ok(ctx)
}

/// Deletes the convention if it is still at `version` (its periods,
/// amendments and questionnaires go with it by cascade).
pub fn delete_at_version(conn: &mut AnyConnection, id: i64, version: i32) -> RepoResult<()> {
    let deleted = diesel::delete(
        conventions::table
            .find(id)
            .filter(conventions::version.eq(version)),
    )
    .execute(conn)?;
    crate::db::check_written(deleted)
}

/// One step of the validation history: a level given or withdrawn, or the
/// convention sent back with its reason.
pub struct ValidationStep<'a> {
    pub action: &'a str,
    pub level: Option<ValidationLevel>,
    pub reason: Option<&'a str>,
    pub actor: i64,
}

/// Appends to the convention's validation history.
pub fn record_validation(
    conn: &mut AnyConnection,
    convention: i64,
    step: &ValidationStep<'_>,
) -> RepoResult<()> {
    diesel::insert_into(validation_history::table)
        .values((
            validation_history::convention_id.eq(convention),
            validation_history::action.eq(step.action),
            validation_history::level.eq(step.level.map(ValidationLevel::as_str)),
            validation_history::reason.eq(step.reason),
            validation_history::actor_id.eq(step.actor),
            validation_history::at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The convention's validation history, oldest first.
pub fn validation_history(
    conn: &mut AnyConnection,
    convention: i64,
) -> RepoResult<Vec<ValidationEvent>> {
    Ok(validation_history::table
        .filter(validation_history::convention_id.eq(convention))
        .order(validation_history::id)
        .select((
            validation_history::id,
            validation_history::action,
            validation_history::level,
            validation_history::reason,
            validation_history::actor_id,
            validation_history::at,
        ))
        .load::<(
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
            NaiveDateTime,
        )>(conn)?
        .into_iter()
        .map(
            |(id, action, level, reason, actor_id, at)| ValidationEvent {
                id,
                action,
                level,
                reason,
                actor_id,
                at: at.and_utc(),
            },
        )
        .collect())
}

/// A condition on the conventions table.
pub type ConventionFilter = Box<
    dyn BoxableExpression<
            conventions::table,
            crate::db::Backend,
            SqlType = diesel::sql_types::Nullable<diesel::sql_types::Bool>,
        >,
>;

/// [`visible_filter`] as the access words of the conventions' search
/// documents, for the search engine to apply inside its query.
fn visible_access(ctx: &Context) -> Option<Vec<Access>> {
    if ctx.is_admin() {
        return None;
    }
    let mut access: Vec<Access> = ctx.centre_keys().into_iter().map(Access::Centre).collect();
    access.extend(ctx.student_id.map(|s| Access::Student(s.get())));
    access.extend(ctx.supervisor_id.map(|s| Access::Supervisor(s.get())));
    Some(access)
}

/// The conventions the caller may see: their own as a student, those they
/// supervise, those of the centres they manage; everything for an admin.
pub fn visible_filter(ctx: &Context) -> Option<ConventionFilter> {
    if ctx.is_admin() {
        return None;
    }
    Some(Box::new(
        conventions::student_id
            .eq(ctx.student_key())
            .nullable()
            .or(conventions::supervisor_id.eq(ctx.supervisor_key()))
            .or(conventions::centre_id.eq_any(ctx.centre_keys())),
    ))
}

/// What a convention search asks for; every part narrows it.
#[derive(Default)]
pub struct SearchFilter {
    pub number: Option<ConventionNumber>,
    pub student_number: Option<String>,
    /// Prefixes of words of the student's name, all of which must match.
    pub words: Vec<String>,
    pub centre: Option<i64>,
    /// `2026-2027`
    pub academic_year: Option<String>,
    pub status: Option<Status>,
    pub organisation: Option<i64>,
    pub student: Option<i64>,
    /// CONV-03: only conventions whose circuit was not fully signed before
    /// the first day, as of this day.
    pub unsigned_at_start: Option<NaiveDate>,
}

/// A line of the conventions' search results: the columns it shows, with
/// its student's names and its open circuit read by the same statement
/// (correlated sub-selects in SQL both backends share: one statement a page
/// rather than three).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = conventions)]
pub struct ListedRow {
    pub id: i64,
    pub number: Option<String>,
    pub centre_id: i64,
    pub student_id: i64,
    pub academic_year: String,
    pub organisation_id: Option<i64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub updated_at: NaiveDateTime,
    /// The content's host name, kept by the database: a stored generated
    /// column on PostgreSQL (migration 25), a column its triggers write on
    /// SQLite (migration 26).
    pub organisation_name: Option<String>,
    pub workflow: String,
    #[diesel(select_expression = listed::STUDENT_NUMBER, select_expression_type = listed::Name)]
    pub student_number: Option<String>,
    #[diesel(select_expression = listed::LAST_NAME, select_expression_type = listed::Name)]
    pub student_last_name: Option<String>,
    #[diesel(select_expression = listed::FIRST_NAME, select_expression_type = listed::Name)]
    pub student_first_name: Option<String>,
    /// Whether the agreement has an open signature circuit (at most one,
    /// a unique index says), and the day every party had signed it.
    #[diesel(select_expression = listed::CIRCUIT_OPEN, select_expression_type = listed::Open)]
    pub circuit_open: bool,
    #[diesel(select_expression = listed::SIGNED_ON, select_expression_type = listed::SignedOn)]
    pub signed_on: Option<NaiveDate>,
}

/// The sub-selects of [`ListedRow`], on the student and the open circuit of
/// the agreement itself (not of an amendment).
mod listed {
    use crate::db::schema::conventions;
    use diesel::backend::Backend;
    use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
    use diesel::query_builder::{AstPass, QueryFragment, QueryId};
    use diesel::sql_types::{Bool, Date, Nullable, Text};
    use std::marker::PhantomData;

    /// A sub-select correlated with the conventions row, as fixed SQL.
    /// Unlike diesel's `sql` literal, which it resembles, it does not
    /// keep the statement that holds it out of the cache of prepared
    /// statements: its text never changes. (On PostgreSQL the statement
    /// is cached, the ids bound as one array; SQLite's `IN` lists of as
    /// many binds as ids keep it out anyway.)
    #[derive(Debug, Clone, Copy)]
    pub struct Sub<ST> {
        sql: &'static str,
        sql_type: PhantomData<ST>,
    }

    const fn sub<ST>(sql: &'static str) -> Sub<ST> {
        Sub {
            sql,
            sql_type: PhantomData,
        }
    }

    impl<ST: diesel::sql_types::SqlType + diesel::expression::TypedExpressionType> Expression
        for Sub<ST>
    {
        type SqlType = ST;
    }

    impl<ST, DB: Backend> QueryFragment<DB> for Sub<ST> {
        fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> diesel::QueryResult<()> {
            out.push_sql(self.sql);
            Ok(())
        }
    }

    /// No static id: the statement is cached by its text.
    impl<ST> QueryId for Sub<ST> {
        type QueryId = ();
        const HAS_STATIC_QUERY_ID: bool = false;
    }

    impl<ST> AppearsOnTable<conventions::table> for Sub<ST> where Self: Expression {}
    impl<ST> SelectableExpression<conventions::table> for Sub<ST> where Self: Expression {}
    impl<ST, GB> ValidGrouping<GB> for Sub<ST> {
        type IsAggregate = diesel::expression::is_aggregate::Never;
    }

    pub type Name = Sub<Nullable<Text>>;
    pub type Open = Sub<Bool>;
    pub type SignedOn = Sub<Nullable<Date>>;

    pub const STUDENT_NUMBER: Name =
        sub("(SELECT s.student_number FROM students s WHERE s.id = conventions.student_id)");
    pub const LAST_NAME: Name =
        sub("(SELECT s.last_name FROM students s WHERE s.id = conventions.student_id)");
    pub const FIRST_NAME: Name =
        sub("(SELECT s.first_name FROM students s WHERE s.id = conventions.student_id)");
    pub const CIRCUIT_OPEN: Open = sub(
        "EXISTS (SELECT 1 FROM signature_circuits sc WHERE sc.convention_id = conventions.id \
         AND sc.withdrawn_at IS NULL AND sc.amendment_id IS NULL)",
    );
    pub const SIGNED_ON: SignedOn = sub(
        "(SELECT sc.signed_on FROM signature_circuits sc WHERE sc.convention_id = conventions.id \
         AND sc.withdrawn_at IS NULL AND sc.amendment_id IS NULL)",
    );
}

/// One page of the conventions `ctx` may see that match `filter`, newest
/// first: at most `limit + 1` rows with an id below `after` (the extra row
/// tells that a next page exists). A search by name is led by the engine
/// ([`search::newest_first`]), asked for the conventions the caller may
/// see only ([`visible_access`]); [`visible_filter`] checks them again.
pub fn search(
    conn: &mut AnyConnection,
    ctx: &Context,
    filter: SearchFilter,
    after: Option<i64>,
    limit: i64,
) -> RepoResult<Vec<ListedRow>> {
    if !filter.words.is_empty() {
        let access = visible_access(ctx);
        let newest = conventions::table
            .select(diesel::dsl::max(conventions::id))
            .first(conn)?;
        let walk = search::Walk {
            kind: Kind::Convention,
            words: &filter.words,
            access: access.as_deref(),
            newest,
            before: after,
            limit: limit + 1,
        };
        return Ok(search::newest_first(
            conn,
            walk,
            |c: &ListedRow| c.id,
            |conn, ids| {
                filtered(ctx, &filter)
                    .filter(conventions::id.eq_any(ids))
                    .select(ListedRow::as_select())
                    .load(conn)
            },
        )?);
    }
    let mut q = filtered(ctx, &filter);
    if let Some(after) = after {
        q = q.filter(conventions::id.lt(after));
    }
    Ok(q.select(ListedRow::as_select())
        .order(conventions::id.desc())
        .limit(limit + 1)
        .load(conn)?)
}

type Boxed = conventions::BoxedQuery<'static, Backend>;

/// The conventions `ctx` may see that meet every criterion of `filter` but
/// its words, which the engine applies.
fn filtered(ctx: &Context, filter: &SearchFilter) -> Boxed {
    let mut q = conventions::table.into_boxed();
    if let Some(visible) = visible_filter(ctx) {
        q = q.filter(visible);
    }
    if let Some(number) = filter.number.as_ref() {
        q = q.filter(conventions::number.eq(number.to_string()));
    }
    if let Some(number) = filter.student_number.clone() {
        q = q.filter(
            conventions::student_id.eq_any(
                students::table
                    .filter(students::student_number.eq(number))
                    .select(students::id),
            ),
        );
    }
    if let Some(centre) = filter.centre {
        q = q.filter(conventions::centre_id.eq(centre));
    }
    if let Some(year) = filter.academic_year.clone() {
        q = q.filter(conventions::academic_year.eq(year));
    }
    if let Some(status) = filter.status {
        q = q.filter(conventions::status.eq(codec::to_code(status)));
    }
    if let Some(org) = filter.organisation {
        q = q.filter(conventions::organisation_id.eq(org));
    }
    if let Some(student) = filter.student {
        q = q.filter(conventions::student_id.eq(student));
    }
    if let Some(today) = filter.unsigned_at_start {
        // `signature::late_at_start` asked of the database: the open
        // circuit's last signature came on or after the first day, or
        // not every party signed and the first day came.
        use crate::db::schema::signature_circuits as sc;
        let late = sc::table
            .filter(sc::withdrawn_at.is_null())
            .filter(sc::amendment_id.is_null())
            .filter(
                sc::signed_on.ge(conventions::start_date).or(sc::signed_on
                    .is_null()
                    .and(conventions::start_date.le(today))),
            )
            .select(sc::convention_id);
        q = q.filter(conventions::id.eq_any(late));
    }
    q
}
