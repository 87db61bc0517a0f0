//! Conventions: reading one as its summary, the skeleton every change runs
//! in ([`transition`]), and the use cases of the convention's own life
//! (create, search, delete, validate, reject, history).

mod create;
mod lifecycle;
mod search;
pub mod steps;

pub use create::create_draft;
pub use lifecycle::{delete, history, reject, review_post, submit, unvalidate, validate};
pub use search::{SearchInput, search};

use crate::app::caller::{self, Context};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::amendments::{self, AmendmentRow};
use crate::db::audit::{self, Entity};
use crate::db::conventions::{self as repo, Loaded};
use crate::error::{ApiError, problem_violation};
use crate::i18n::Lang;
use crate::mail;
use crate::state::AppState;
use chrono::NaiveDate;
use stages_domain::amendment::{self, Amendment};
use stages_domain::figures;
use stages_domain::permissions::{self, Relation};
use stages_domain::rules::{self, CheckContext, CheckMode};

pub use stages_api_types::conventions::{
    AmendmentSummary, CentreRef, ConventionView, PostReviewView,
};

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

/// The convention as its page shows it: content, the convention after its
/// amendments, figures, the rules' verdict, what the caller may do.
pub fn view(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    relation: Relation,
    today: NaiveDate,
    lang: Lang,
) -> Result<ConventionView, ApiError> {
    let amendments = amendments::amendments_of(conn, loaded.row.id)?;
    view_with(conn, loaded, &amendments, relation, today, lang)
}

/// [`view`] with the amendments already read.
fn view_with(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    amendments: &[(AmendmentRow, Amendment)],
    relation: Relation,
    today: NaiveDate,
    lang: Lang,
) -> Result<ConventionView, ApiError> {
    let list: Vec<Amendment> = amendments.iter().map(|(_, a)| a.clone()).collect();
    let effective = amendment::apply(&loaded.content, &list);
    // In validation, what blocks the next level shows as an error (an
    // unanswered DUR-03 question among them).
    let mode = if loaded.workflow.number().is_none() {
        CheckMode::Draft
    } else if loaded.workflow.is_validated(&loaded.settings) {
        CheckMode::Complete
    } else {
        CheckMode::Validation
    };
    // The facts are the same whatever the strictness: read them once.
    let facts = repo::check_context(conn, loaded, today, mode)?;
    let strict = CheckContext {
        mode: CheckMode::Complete,
        ..facts.clone()
    };
    let mut violations = rules::check(&effective.convention, &facts);
    let (signature, amendment_signatures) = crate::app::signatures::view(conn, loaded, relation)?;
    if let Some(shown) = &signature {
        violations = stages_domain::signature::with_start_check(
            violations,
            &shown.circuit,
            effective.convention.internship.start,
            today,
        );
    }
    let mut permissions = permissions::permissions(
        relation,
        &loaded.workflow,
        effective.convention.internship.end,
        &loaded.settings,
        today,
    );
    if let Some(shown) = &signature
        && permissions.certificate.is_allowed()
    {
        permissions.certificate =
            stages_domain::signature::check_certificate(Some(&shown.circuit)).into();
    }
    if permissions.create_amendment.is_allowed() {
        permissions.create_amendment = stages_domain::signature::check_amendable(
            signature
                .iter()
                .chain(&amendment_signatures)
                .map(|shown| &shown.circuit),
        )
        .into();
    }
    // Where the evaluation scheduler mails the tutor their link, and
    // whether it may, as it decides (staff only).
    let tutor_evaluation_address = if stages_domain::signature::may_read_evidence(relation) {
        crate::app::evaluations::scheduler::tutor_address(conn, loaded)?.map(
            |(address, vouched)| stages_api_types::signatures::CheckedAddress { address, vouched },
        )
    } else {
        None
    };
    Ok(ConventionView {
        id: loaded.row.id,
        number: loaded.workflow.number().map(|n| n.to_string()),
        status: loaded.status(),
        version: loaded.row.version,
        centre: CentreRef {
            id: loaded.row.centre_id,
            name: loaded.centre_name.clone(),
        },
        student_id: loaded.row.student_id,
        academic_year: loaded.row.academic_year.clone(),
        parties: loaded.parties,
        figures: figures::figures(&effective.convention.internship, &facts.rates),
        completion: rules::completion(&loaded.content, &strict),
        violations: violations
            .iter()
            .map(|v| problem_violation(v, lang))
            .collect(),
        permissions,
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
        post_review: loaded
            .post_review()?
            .filter(|_| permissions::may_read_post_review(relation))
            .map(|stored| PostReviewView {
                same_post: stored.review.same_post,
                reason: stored.review.reason,
                reviewer_id: stored.reviewer_id,
                at: stored.at.and_utc(),
            }),
        signature: signature.map(|shown| shown.view),
        amendment_signatures: amendment_signatures
            .into_iter()
            .map(|shown| shown.view)
            .collect(),
        tutor_evaluation_address,
        created_at: loaded.row.created_at.and_utc(),
        updated_at: loaded.row.updated_at.and_utc(),
        submitted_at: loaded.row.submitted_at.map(|at| at.and_utc()),
    })
}

/// What the mail templates need about this convention.
pub fn mail_context<'a>(loaded: &'a Loaded, public_url: &'a str) -> mail::events::Context<'a> {
    mail::events::Context { loaded, public_url }
}

/// Runs `change` on a convention the caller may see, at the version they
/// read (`expected`), and saves it with its audit record, all in one
/// transaction; answers the convention as saved.
pub async fn transition<F>(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    action: &'static str,
    change: F,
) -> Result<ConventionView, ApiError>
where
    F: FnOnce(&mut AnyConnection, &Context, &mut Loaded, Relation) -> Result<(), ApiError>
        + Send
        + 'static,
{
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
                // Read after the change, which may have added one.
                let amendments = amendments::amendments_of(conn, id)?;
                let list: Vec<Amendment> = amendments.iter().map(|(_, a)| a.clone()).collect();
                repo::save(conn, &mut loaded, &list)?;
                audit::record(
                    conn,
                    Entity::Convention,
                    id,
                    action,
                    Some(ctx.user_id),
                    Some(&(&before, &before_workflow)),
                    Some(&(&loaded.content, &loaded.workflow)),
                )?;
                view_with(conn, &loaded, &amendments, relation, today, lang)
            })
        })
        .await
}
