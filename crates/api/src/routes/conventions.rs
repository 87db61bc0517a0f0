//! Conventions (seed §4, §6, §8–10): create a draft, read the summary,
//! create it with a number, search, delete, validate, un-validate, reject,
//! history. Every decision is the domain's; handlers load, ask, persist.

use crate::audit::{self, Entity};
use crate::auth::Caller;
use crate::caller::{self, Context};
use crate::centres;
use crate::concurrency;
use crate::conventions::{self as repo, Loaded};
use crate::db::AnyConnection;
use crate::db::schema::{conventions, enrolments, students, validation_history};
use crate::error::{ApiError, Problem, problem_violation};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::mail;
use crate::pagination::{Page, PageParams};
use crate::search::Kind;
use crate::state::AppState;
use crate::students as student_repo;
use crate::word_ids;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;
use stages_domain::RefusalKind;
use stages_domain::figures;
use stages_domain::lifecycle::{ConventionNumber, Status, Workflow};
use stages_domain::model::{
    AcademicYear, Convention, Enrolment, NomenclatureRef, Student, StudentStep, ValidationLevel,
};
use stages_domain::permissions::{self, Relation};
use stages_domain::rules::{self, CheckMode};
use utoipa::IntoParams;

pub use stages_api_types::conventions::{AmendmentSummary, CentreRef, ConventionView};

/// The convention's relation to the caller; 404 when the caller may not
/// see it, so that another student's convention does not even exist.
pub fn visible_relation(loaded: &Loaded, ctx: &Context) -> Result<Relation, ApiError> {
    let relation = loaded.relation(ctx);
    match permissions::may_view(relation) {
        Ok(()) => Ok(relation),
        Err(_) => Err(ApiError::not_found()),
    }
}

/// Loads a convention the caller may see, with their relation to it.
pub fn load_visible(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(Context, Loaded, Relation), ApiError> {
    let ctx = caller::load(conn, caller)?;
    let loaded = repo::load(conn, id)?;
    let relation = visible_relation(&loaded, &ctx)?;
    Ok((ctx, loaded, relation))
}

pub fn view(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    relation: Relation,
    today: NaiveDate,
    lang: Lang,
) -> Result<ConventionView, ApiError> {
    let amendments = repo::amendments_of(conn, loaded.row.id)?;
    let validated: Vec<_> = amendments.iter().map(|(_, a)| a.clone()).collect();
    let effective = stages_domain::amendment::apply(&loaded.content, &validated);
    let mode = if loaded.workflow.number.is_some() {
        CheckMode::Complete
    } else {
        CheckMode::Draft
    };
    let ctx = repo::check_context(conn, loaded, today, mode)?;
    let strict = repo::check_context(conn, loaded, today, CheckMode::Complete)?;
    let violations = rules::check(&effective.convention, &ctx);
    Ok(ConventionView {
        id: loaded.row.id,
        number: loaded.workflow.number.map(|n| n.to_string()),
        status: loaded.status(),
        version: loaded.row.version,
        centre: CentreRef {
            id: loaded.row.centre_id,
            name: loaded.centre_name.clone(),
        },
        student_id: loaded.row.student_id,
        academic_year: loaded.row.academic_year.clone(),
        parties: loaded.parties,
        figures: figures::figures(&effective.convention.internship),
        completion: rules::completion(&loaded.content, &strict),
        violations: violations
            .iter()
            .map(|v| problem_violation(v, lang))
            .collect(),
        permissions: permissions::permissions(
            relation,
            &loaded.workflow,
            effective.convention.internship.end,
            &loaded.settings,
            today,
        ),
        amendments: amendments
            .iter()
            .map(|(row, a)| AmendmentSummary {
                id: row.id,
                position: row.position,
                title: row.title.clone(),
                validated_on: a.validated_on,
                version: row.version,
            })
            .collect(),
        content: loaded.content.clone(),
        effective: effective.convention,
        termination: effective.termination,
        workflow: loaded.workflow.clone(),
        created_at: loaded.row.created_at.and_utc(),
        updated_at: loaded.row.updated_at.and_utc(),
        submitted_at: loaded.row.submitted_at.map(|at| at.and_utc()),
    })
}

/// What the mail templates need about this convention.
pub fn mail_context<'a>(loaded: &'a Loaded, public_url: &'a str) -> mail::events::Context<'a> {
    mail::events::Context { loaded, public_url }
}

pub fn respond(status: actix_web::http::StatusCode, view: &ConventionView) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(concurrency::etag(view.version))
        .json(view)
}

fn refused(refusal: &stages_domain::Refusal, lang: Lang) -> ApiError {
    ApiError::refused(refusal, lang)
}

pub use stages_api_types::conventions::NewConvention;

/// Starts a convention (step 1 of the wizard) for one of the student's
/// enrolments; the enrolment decides the management centre.
#[utoipa::path(
    tag = "conventions",
    operation_id = "create_convention_draft",
    security(("bearer" = [])),
    request_body = NewConvention,
    responses(
        (status = 201, description = "The new draft", body = ConventionView, headers(("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The centre does not let students create conventions, or the role may not", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such student", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an enrolment of the student, or no centre manages it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions")]
pub async fn create_draft(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    body: Json<NewConvention>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let today = state.today();
    let year = AcademicYear::parse(input.academic_year.trim())
        .map_err(|e| ApiError::from_violations(&[e.to_violation("academic_year")], lang))?;
    let view = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let student_id = match (input.student_id, ctx.student_id) {
                (Some(id), _) if ctx.is_staff() => id,
                (None, Some(own)) => own,
                (Some(id), Some(own)) if id == own => own,
                _ => return Err(ApiError::not_found()),
            };
            let student =
                student_repo::find_row(conn, student_id)?.ok_or_else(ApiError::not_found)?;
            let year_code = year.to_string();
            let enrolment = enrolments::table
                .filter(enrolments::student_id.eq(student_id))
                .filter(enrolments::academic_year.eq(&year_code))
                .filter(enrolments::programme_code.eq(input.programme_code.trim()))
                .select(student_repo::EnrolmentRecord::as_select())
                .first(conn)
                .optional()?;
            let enrolment = stages_domain::references::enrolment(enrolment, "programme_code")
                .map_err(|v| ApiError::violation(&v, lang))?;
            let centre_id =
                centres::route(conn, &enrolment.programme_code, &enrolment.faculty_code)?.map_err(
                    |r| {
                        ApiError::from_violations(
                            &[stages_domain::Violation {
                                rule: r.rule.clone(),
                                field: "programme_code".into(),
                                severity: stages_domain::Severity::Error,
                                message_key: r.message_key.clone(),
                                args: r.args.clone(),
                            }],
                            lang,
                        )
                    },
                )?;
            let settings = centres::find_row(conn, centre_id)?.settings()?;
            let relation = ctx.relation(centre_id, student_id, None);
            permissions::may_create_convention(relation, &settings)
                .into_result()
                .map_err(|r| refused(&r, lang))?;
            let content = Convention {
                student: StudentStep {
                    student: Student {
                        student_number: student.student_number.clone(),
                        ine: student
                            .ine
                            .as_deref()
                            .and_then(|i| stages_domain::ids::Ine::parse(i).ok()),
                        last_name: student.last_name.clone(),
                        first_name: student.first_name.clone(),
                        usage_name: None,
                        birth_date: None,
                        university_email: student
                            .email
                            .as_deref()
                            .and_then(|e| stages_domain::ids::Email::parse(e).ok()),
                    },
                    enrolment: Some(Enrolment {
                        academic_year: year,
                        programme: NomenclatureRef {
                            code: enrolment.programme_code.clone(),
                            label: enrolment.programme_label.clone(),
                        },
                        faculty: NomenclatureRef {
                            code: enrolment.faculty_code.clone(),
                            label: enrolment.faculty_label.clone(),
                        },
                        teaching_hours: enrolment
                            .teaching_hours
                            .and_then(|h| u32::try_from(h).ok()),
                        teaching_element: None,
                    }),
                    ..StudentStep::default()
                },
                ..Convention::default()
            };
            crate::db::transaction(conn, |conn| {
                let id = repo::insert_draft(
                    conn,
                    centre_id,
                    student_id,
                    ctx.user_id,
                    &year_code,
                    &enrolment.programme_code,
                    &content,
                )?;
                let loaded = repo::load(conn, id)?;
                audit::record(
                    conn,
                    Entity::Convention,
                    id,
                    "create_draft",
                    Some(ctx.user_id),
                    None::<&()>,
                    Some(&loaded.content),
                )?;
                view(conn, &loaded, relation, today, lang)
            })
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::CREATED, &view))
}

/// Returns a convention with its summary (récapitulatif): content, figures,
/// violations, permissions, amendments.
#[utoipa::path(
    tag = "conventions",
    operation_id = "get_convention",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The convention", body = ConventionView, headers(("ETag" = String, description = "Version"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let view = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            view(conn, &loaded, relation, today, lang)
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, &view))
}

/// Runs `change` on a convention the caller may see, at the version they
/// read, and saves it with its audit record, all in one transaction.
pub async fn transition<F>(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    req: &HttpRequest,
    id: i64,
    action: &'static str,
    change: F,
) -> Result<ConventionView, ApiError>
where
    F: FnOnce(&mut AnyConnection, &Context, &mut Loaded, Relation) -> Result<(), ApiError>
        + Send
        + 'static,
{
    let expected = concurrency::expected_version(req)?;
    let today = state.today();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, mut loaded, relation) = load_visible(conn, &caller, id)?;
                concurrency::check_version(expected, loaded.row.version)?;
                repo::claim(conn, id, expected)?;
                let before = loaded.content.clone();
                let before_workflow = loaded.workflow.clone();
                change(conn, &ctx, &mut loaded, relation)?;
                repo::save(conn, &loaded)?;
                audit::record(
                    conn,
                    Entity::Convention,
                    id,
                    action,
                    Some(ctx.user_id),
                    Some(&(&before, &before_workflow)),
                    Some(&(&loaded.content, &loaded.workflow)),
                )?;
                let saved = repo::load(conn, id)?;
                view(conn, &saved, relation, today, lang)
            })
        })
        .await
}

/// Creates the convention from its draft (step 8, "Créer"): every step
/// must be complete; a unique number is assigned.
#[utoipa::path(
    tag = "conventions",
    operation_id = "submit_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Created, with its number", body = ConventionView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role may not create it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already created", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Steps incomplete: every blocking violation", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/submit")]
pub async fn submit(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let today = state.today();
    let public_url = state.config.public_url.clone();
    let view = transition(
        &state,
        caller,
        lang,
        &req,
        id.into_inner(),
        "create",
        move |conn, _, loaded, relation| {
            let ctx = repo::check_context(conn, loaded, today, CheckMode::Complete)?;
            let violations = rules::check(&loaded.content, &ctx);
            // A dry run with a number that is never stored tells whether the
            // role and the state allow creation; the real number is taken only
            // then, so that refusals do not burn numbers.
            let dry_run = ConventionNumber::new(today.year(), 1).map_err(ApiError::internal)?;
            match loaded
                .workflow
                .create(relation, &loaded.settings, &violations, dry_run)
            {
                Err(r) if r.kind == RefusalKind::Invalid => {
                    Err(ApiError::from_violations(&violations, lang)
                        .with_detail(crate::i18n::message(lang, &r.message_key, &r.args)))
                }
                Err(r) => Err(refused(&r, lang)),
                Ok(_) => {
                    let number = repo::next_number(conn, today.year())?;
                    loaded.workflow = loaded
                        .workflow
                        .create(relation, &loaded.settings, &violations, number)
                        .map_err(|r| refused(&r, lang))?;
                    mail::events::created(conn, &mail_context(loaded, &public_url))?;
                    Ok(())
                }
            }
        },
    )
    .await?;
    Ok(respond(actix_web::http::StatusCode::OK, &view))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConventionQuery {
    /// Convention number (`2026-000123`), student number, or words of the
    /// student's name.
    pub q: Option<String>,
    pub centre_id: Option<i64>,
    /// `2026-2027`
    pub academic_year: Option<String>,
    pub status: Option<Status>,
    pub organisation_id: Option<i64>,
    pub student_id: Option<i64>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub use stages_api_types::conventions::ConventionSummary;

type ConventionFilter = Box<
    dyn BoxableExpression<
            conventions::table,
            <AnyConnection as diesel::Connection>::Backend,
            SqlType = diesel::sql_types::Nullable<diesel::sql_types::Bool>,
        >,
>;

/// The conventions the caller may see: their own as a student, those they
/// supervise, those of the centres they manage; everything for an admin.
pub fn visible_filter(ctx: &Context) -> Option<ConventionFilter> {
    if ctx.is_admin() {
        return None;
    }
    Some(Box::new(
        conventions::student_id
            .eq(ctx.student_id.unwrap_or(-1))
            .nullable()
            .or(conventions::supervisor_id.eq(ctx.supervisor_id.unwrap_or(-1)))
            .or(conventions::centre_id.eq_any(ctx.centre_ids.clone())),
    ))
}

/// Searches conventions (seed §8) by number, student number or name, with
/// staff filters; newest first.
#[utoipa::path(
    tag = "conventions",
    operation_id = "search_conventions",
    security(("bearer" = [])),
    params(ConventionQuery),
    responses(
        (status = 200, description = "One page of conventions the caller may see", body = Page<ConventionSummary>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions")]
pub async fn search(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<ConventionQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<i64> = page.after()?;
    let text = query.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let by_number = text.and_then(|t| ConventionNumber::parse(t).ok());
    let by_student_number = text
        .filter(|t| by_number.is_none() && t.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned);
    let words = if by_number.is_some() || by_student_number.is_some() {
        Vec::new()
    } else {
        crate::search::words("q", text)?
    };
    let page = state
        .search(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let mut q = conventions::table
                .select(repo::ConventionRow::as_select())
                .into_boxed();
            if let Some(visible) = visible_filter(&ctx) {
                q = q.filter(visible);
            }
            if let Some(number) = by_number {
                q = q.filter(conventions::number.eq(number.to_string()));
            }
            if let Some(number) = by_student_number {
                q = q.filter(
                    conventions::student_id.eq_any(
                        students::table
                            .filter(students::student_number.eq(number))
                            .select(students::id),
                    ),
                );
            }
            for word in &words {
                q = q.filter(conventions::student_id.eq_any(word_ids!(Kind::Student, word)));
            }
            if let Some(centre) = query.centre_id {
                q = q.filter(conventions::centre_id.eq(centre));
            }
            if let Some(year) = query.academic_year.as_deref() {
                q = q.filter(conventions::academic_year.eq(year.trim().replace('/', "-")));
            }
            if let Some(status) = query.status {
                q = q.filter(conventions::status.eq(repo::status_code(status)));
            }
            if let Some(org) = query.organisation_id {
                q = q.filter(conventions::organisation_id.eq(org));
            }
            if let Some(student) = query.student_id {
                q = q.filter(conventions::student_id.eq(student));
            }
            if let Some(after) = after {
                q = q.filter(conventions::id.lt(after));
            }
            let rows: Vec<repo::ConventionRow> = q
                .order(conventions::id.desc())
                .limit(limit + 1)
                .load(conn)?;
            let page = crate::pagination::from_rows(rows, limit, |row| row.id);
            let ids: Vec<i64> = page.items.iter().map(|r| r.student_id).collect();
            let names: Vec<(i64, String, String, String)> = students::table
                .filter(students::id.eq_any(ids))
                .select((
                    students::id,
                    students::student_number,
                    students::last_name,
                    students::first_name,
                ))
                .load(conn)?;
            let mut settings: std::collections::HashMap<i64, stages_domain::model::CentreSettings> =
                std::collections::HashMap::new();
            let mut items = Vec::with_capacity(page.items.len());
            for row in page.items {
                let (number, last, first) = names
                    .iter()
                    .find(|(id, ..)| *id == row.student_id)
                    .map(|(_, n, l, f)| (n.clone(), l.clone(), f.clone()))
                    .unwrap_or_default();
                let content: Convention =
                    serde_json::from_str(&row.content).map_err(ApiError::internal)?;
                let workflow: Workflow =
                    serde_json::from_str(&row.workflow).map_err(ApiError::internal)?;
                let centre_settings = match settings.get(&row.centre_id) {
                    Some(s) => s.clone(),
                    None => {
                        let s = centres::find_row(conn, row.centre_id)?.settings()?;
                        settings.insert(row.centre_id, s.clone());
                        s
                    }
                };
                items.push(ConventionSummary {
                    id: row.id,
                    number: row.number,
                    status: workflow.status(&centre_settings),
                    centre_id: row.centre_id,
                    student_id: row.student_id,
                    student_number: number,
                    student_last_name: last,
                    student_first_name: first,
                    academic_year: row.academic_year,
                    organisation_id: row.organisation_id,
                    organisation_name: content.organisation.map(|o| o.name),
                    start_date: row.start_date,
                    end_date: row.end_date,
                    updated_at: row.updated_at.and_utc(),
                });
            }
            Ok(Page {
                items,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Deletes a convention while nothing is validated (seed §9); refused with
/// the reason once a validation is given or an amendment exists.
#[utoipa::path(
    tag = "conventions",
    operation_id = "delete_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role may not delete it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated, in validation or amended: the reason", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/conventions/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, loaded, relation) = load_visible(conn, &caller, id)?;
                concurrency::check_version(expected, loaded.row.version)?;
                loaded
                    .workflow
                    .check_delete(relation, &loaded.settings)
                    .map_err(|r| refused(&r, lang))?;
                let deleted = diesel::delete(
                    conventions::table
                        .find(id)
                        .filter(conventions::version.eq(loaded.row.version)),
                )
                .execute(conn)?;
                concurrency::check_written(deleted)?;
                audit::record(
                    conn,
                    Entity::Convention,
                    id,
                    "delete",
                    Some(ctx.user_id),
                    Some(&(&loaded.content, &loaded.workflow)),
                    None::<&()>,
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn history_entry(
    conn: &mut AnyConnection,
    id: i64,
    action: &str,
    level: Option<ValidationLevel>,
    reason: Option<&str>,
    actor: i64,
) -> QueryResult<usize> {
    diesel::insert_into(validation_history::table)
        .values((
            validation_history::convention_id.eq(id),
            validation_history::action.eq(action),
            validation_history::level.eq(level.map(ValidationLevel::as_str)),
            validation_history::reason.eq(reason),
            validation_history::actor_id.eq(actor),
            validation_history::at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)
}

/// Gives a validation level (seed §6): in the centre's order, by a role
/// allowed to give it, on a convention without blocking violations.
#[utoipa::path(
    tag = "conventions",
    operation_id = "validate_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("level" = ValidationLevel, Path, description = "Level to give"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Given", body = ConventionView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role may not give this level", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Out of order, already given, not enabled, or blocking violations", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/validations/{level}")]
pub async fn validate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: web::Path<(i64, ValidationLevel)>,
) -> Result<HttpResponse, ApiError> {
    let (id, level) = path.into_inner();
    let today = state.today();
    let public_url = state.config.public_url.clone();
    let view = transition(
        &state,
        caller,
        lang,
        &req,
        id,
        "validate",
        move |conn, ctx, loaded, relation| {
            let check = repo::check_context(conn, loaded, today, CheckMode::Complete)?;
            let effective = repo::effective(conn, loaded)?;
            let violations = rules::check(&effective.convention, &check);
            loaded.workflow = loaded
                .workflow
                .validate(relation, level, &loaded.settings, &violations)
                .map_err(|r| refused(&r, lang))?;
            history_entry(
                conn,
                loaded.row.id,
                "validate",
                Some(level),
                None,
                ctx.user_id,
            )?;
            mail::events::validation(conn, &mail_context(loaded, &public_url), level, true)?;
            Ok(())
        },
    )
    .await?;
    Ok(respond(actix_web::http::StatusCode::OK, &view))
}

/// Withdraws a validation level: only the last one given, never once an
/// amendment exists.
#[utoipa::path(
    tag = "conventions",
    operation_id = "unvalidate_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("level" = ValidationLevel, Path, description = "Level to withdraw"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Withdrawn", body = ConventionView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role may not withdraw this level", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not the last level given, not given, or amended", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/conventions/{id}/validations/{level}")]
pub async fn unvalidate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: web::Path<(i64, ValidationLevel)>,
) -> Result<HttpResponse, ApiError> {
    let (id, level) = path.into_inner();
    let public_url = state.config.public_url.clone();
    let view = transition(
        &state,
        caller,
        lang,
        &req,
        id,
        "unvalidate",
        move |conn, ctx, loaded, relation| {
            loaded.workflow = loaded
                .workflow
                .unvalidate(relation, level)
                .map_err(|r| refused(&r, lang))?;
            history_entry(
                conn,
                loaded.row.id,
                "unvalidate",
                Some(level),
                None,
                ctx.user_id,
            )?;
            mail::events::validation(conn, &mail_context(loaded, &public_url), level, false)?;
            Ok(())
        },
    )
    .await?;
    Ok(respond(actix_web::http::StatusCode::OK, &view))
}

pub use stages_api_types::conventions::RejectionInput;

/// Longest rejection reason kept.
const MAX_REASON: usize = 2_000;

/// Sends a convention back to the student with a reason (levels given so
/// far are withdrawn); the student reads the reason and corrects it.
#[utoipa::path(
    tag = "conventions",
    operation_id = "reject_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = RejectionInput,
    responses(
        (status = 200, description = "Sent back", body = ConventionView),
        (status = 400, description = "Reason too long", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller's role may not reject", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not created yet, validated, or no reason", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<RejectionInput>,
) -> Result<HttpResponse, ApiError> {
    let reason = body.into_inner().reason;
    if reason.chars().count() > MAX_REASON {
        return Err(ApiError::bad_request(
            "reason",
            "FMT-03",
            format!("The reason must not exceed {MAX_REASON} characters."),
        ));
    }
    let today = state.today();
    let public_url = state.config.public_url.clone();
    let view = transition(
        &state,
        caller,
        lang,
        &req,
        id.into_inner(),
        "reject",
        move |conn, ctx, loaded, relation| {
            loaded.workflow = loaded
                .workflow
                .reject(relation, &reason, today, &loaded.settings)
                .map_err(|r| refused(&r, lang))?;
            history_entry(
                conn,
                loaded.row.id,
                "reject",
                None,
                Some(reason.trim()),
                ctx.user_id,
            )?;
            mail::events::rejected(conn, &mail_context(loaded, &public_url), reason.trim())?;
            Ok(())
        },
    )
    .await?;
    Ok(respond(actix_web::http::StatusCode::OK, &view))
}

pub use stages_api_types::conventions::{ConventionHistory, ValidationEvent};

/// The convention's validation history and change log.
#[utoipa::path(
    tag = "conventions",
    operation_id = "get_convention_history",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "History, oldest first", body = ConventionHistory),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let history = state
        .db(move |conn| {
            load_visible(conn, &caller, id)?;
            let validations = validation_history::table
                .filter(validation_history::convention_id.eq(id))
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
                .collect();
            let changes = audit::history(conn, Entity::Convention, id)?;
            Ok(ConventionHistory {
                validations,
                changes,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(history))
}
