//! A created convention's life: creation with its number (step 8), the
//! validation levels given and withdrawn, the rejection with its reason,
//! deletion while nothing is validated, and the history of all of it.

use super::{load_visible, mail_context, transition};
use crate::app::signatures;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::audit::{self, Entity};
use crate::db::conventions::{self as repo, StoredPostReview, ValidationStep};
use crate::error::ApiError;
use crate::i18n::{self, Lang};
use crate::mail;
use crate::state::AppState;
use chrono::Datelike;
use stages_api_types::conventions::{ConventionHistory, ConventionView};
use stages_domain::RefusalKind;
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::ValidationLevel;
use stages_domain::rules::{self, CheckMode, PostReview};

/// Creates the convention from its draft: every step must be complete; a
/// unique number is assigned and the parties are told.
pub async fn submit(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
                Err(r) if r.kind == RefusalKind::Invalid => Err(ApiError::invalid(
                    violations.clone(),
                )
                .with_detail(i18n::message(lang, &r.message_key, &r.args))),
                Err(r) => Err(ApiError::refusal(&r)),
                Ok(_) => {
                    let number = repo::next_number(conn, today.year())?;
                    loaded.workflow = loaded
                        .workflow
                        .create(relation, &loaded.settings, &violations, number)
                        .map_err(|r| ApiError::refusal(&r))?;
                    mail::events::created(conn, &mail_context(loaded, &public_url))?;
                    Ok(())
                }
            }
        },
    )
    .await
}

/// Gives a validation level: in the centre's order, by a role allowed to
/// give it, on a convention (as amended) without blocking violations.
pub async fn validate(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    level: ValidationLevel,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "validate",
        move |conn, ctx, loaded, relation| {
            let check = repo::check_context(conn, loaded, today, CheckMode::Validation)?;
            let effective = repo::effective(conn, loaded)?;
            let violations = rules::check(&effective.convention, &check);
            loaded.workflow = loaded
                .workflow
                .validate(relation, level, &loaded.settings, &violations)
                .map_err(|r| ApiError::refusal(&r))?;
            let step = ValidationStep {
                action: "validate",
                level: Some(level),
                reason: None,
                actor: ctx.user_id,
            };
            repo::record_validation(conn, loaded.row.id, &step)?;
            mail::events::validation(conn, &mail_context(loaded, &public_url), level, true)?;
            signatures::open_if_validated(conn, loaded, today, chrono::Utc::now().naive_utc())?;
            Ok(())
        },
    )
    .await
}

/// Withdraws a validation level: only the last one given, never once an
/// amendment exists, never once every party signed (SIG-09); signatures
/// given so far are voided, and their parties told.
pub async fn unvalidate(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    level: ValidationLevel,
) -> Result<ConventionView, ApiError> {
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "unvalidate",
        move |conn, ctx, loaded, relation| {
            loaded.workflow = loaded
                .workflow
                .unvalidate(relation, level)
                .map_err(|r| ApiError::refusal(&r))?;
            signatures::void(conn, loaded, &public_url, chrono::Utc::now().naive_utc())?;
            let step = ValidationStep {
                action: "unvalidate",
                level: Some(level),
                reason: None,
                actor: ctx.user_id,
            };
            repo::record_validation(conn, loaded.row.id, &step)?;
            mail::events::validation(conn, &mail_context(loaded, &public_url), level, false)?;
            Ok(())
        },
    )
    .await
}

/// Sends a convention back to the student with a reason (levels given so
/// far are withdrawn); the student reads the reason and corrects it.
pub async fn reject(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    reason: String,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "reject",
        move |conn, ctx, loaded, relation| {
            loaded.workflow = loaded
                .workflow
                .reject(relation, &reason, today, &loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            let step = ValidationStep {
                action: "reject",
                level: None,
                reason: Some(reason.trim()),
                actor: ctx.user_id,
            };
            repo::record_validation(conn, loaded.row.id, &step)?;
            mail::events::rejected(conn, &mail_context(loaded, &public_url), reason.trim())?;
            Ok(())
        },
    )
    .await
}

/// Records staff's answer to DUR-03 (does the internship take an earlier
/// intern's post?), at the version read: with it, validation may go ahead
/// (another post) or the waiting period applies (the same post). Who and
/// when are kept with it, and the change is in the audit log.
pub async fn review_post(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    review: PostReview,
) -> Result<ConventionView, ApiError> {
    let today = state.today();
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "review_post",
        move |conn, ctx, loaded, relation| {
            loaded
                .workflow
                .check_post_review(relation, &loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            let before = loaded.post_review()?;
            // The answer is about the earlier interns there are now.
            let facts = repo::check_context(conn, loaded, today, CheckMode::Validation)?;
            let effective = repo::effective(conn, loaded)?;
            let after = StoredPostReview {
                review: PostReview {
                    same_post: review.same_post,
                    reason: review.reason.trim().to_owned(),
                    earlier: rules::waiting_period_candidates(&effective.convention, &facts),
                },
                reviewer_id: ctx.user_id,
                at: chrono::Utc::now().naive_utc(),
            };
            loaded.row.post_review = Some(crate::db::error::encode(&after)?);
            // Apart from the convention's own history, which its student
            // reads: the reason is staff's.
            audit::record(
                conn,
                Entity::PostReview,
                loaded.row.id,
                "post_review",
                Some(ctx.user_id),
                before.as_ref(),
                Some(&after),
            )?;
            Ok(())
        },
    )
    .await
}

/// Deletes a convention the domain lets the caller delete, at the version
/// they read; the audit log keeps what it held.
pub fn delete(
    conn: &mut AnyConnection,
    caller: &Caller,
    expected: i32,
    id: i64,
) -> Result<(), ApiError> {
    crate::db::transaction(conn, |conn| {
        let (ctx, loaded, relation) = load_visible(conn, caller, id)?;
        concurrency::check_version(expected, loaded.row.version)?;
        loaded
            .workflow
            .check_delete(relation, &loaded.settings)
            .map_err(|r| ApiError::refusal(&r))?;
        repo::delete_at_version(conn, id, loaded.row.version)?;
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
}

/// The convention's validation history and change log.
pub fn history(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<ConventionHistory, ApiError> {
    load_visible(conn, caller, id)?;
    Ok(ConventionHistory {
        validations: repo::validation_history(conn, id)?,
        changes: audit::history(conn, Entity::Convention, id)?,
    })
}
