//! Amendments (Avenants, seed §7): written on a validated convention, with
//! a title, a reason and typed changes (AVN-02); editable and deletable
//! until validated; once validated they apply to the effective convention,
//! on which every rule runs again (AVN-03). Each use case is one
//! transaction that claims the convention first, as every change of it
//! does, so that two changes of its amendments take turns.

use crate::app::caller::Context;
use crate::app::conventions::{ConventionView, load_visible, mail_context, transition};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::amendments::{self as store, AmendmentRow, NamedRecords};
use crate::db::audit::{self, Entity};
use crate::db::conventions::{self as repo, Loaded};
use crate::db::organisations as records;
use crate::directory;
use crate::error::{ApiError, problem_violation};
use crate::i18n::Lang;
use crate::mail;
use crate::state::AppState;
use chrono::NaiveDate;
use stages_domain::Violation;
use stages_domain::amendment::{self, Amendment, AmendmentChange};
use stages_domain::ids::Email;
use stages_domain::lifecycle::Refusal;
use stages_domain::model::Supervisor;
use stages_domain::permissions::{self, Relation};
use stages_domain::references;
use stages_domain::rules::CheckMode;

pub use stages_api_types::amendments::{AmendmentInput, AmendmentView, ChangeInput};

/// The changes with their records' content, and the ids of the service
/// and tutor they name (applied to the convention on validation).
struct Resolved {
    changes: Vec<AmendmentChange>,
    records: NamedRecords,
}

/// Resolves the changes' record ids into the records' content.
fn resolve(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    input: &[ChangeInput],
    people: &[(String, directory::Person)],
) -> Result<Resolved, ApiError> {
    let invalid = |v: Violation| ApiError::invalid(vec![v]);
    let new_service = input.iter().find_map(|c| match c {
        ChangeInput::HostService { host_service_id } => Some(*host_service_id),
        _ => None,
    });
    let mut service_id = None;
    let mut tutor_id = None;
    let mut changes = Vec::with_capacity(input.len());
    for (i, change) in input.iter().enumerate() {
        let field = |name: &str| format!("changes[{i}].{name}");
        changes.push(match change.clone() {
            ChangeInput::Termination {
                date,
                comment,
                initiated_by,
            } => AmendmentChange::Termination {
                date,
                comment,
                initiated_by,
            },
            ChangeInput::Dates { start, end } => AmendmentChange::Dates { start, end },
            ChangeInput::Interruptions { periods } => AmendmentChange::Interruptions { periods },
            ChangeInput::Subject { subject } => AmendmentChange::Subject { subject },
            ChangeInput::Stipend { paid, terms } => AmendmentChange::Stipend { paid, terms },
            ChangeInput::Other { description } => AmendmentChange::Other { description },
            ChangeInput::AccidentCover { host_insures } => {
                AmendmentChange::AccidentCover { host_insures }
            }
            ChangeInput::HostService { host_service_id } => {
                let service = references::amended_host_service(
                    records::lookup_service(conn, host_service_id)?,
                    |s| s.organisation_id,
                    loaded.parties.organisation_id,
                    &field("host_service_id"),
                )
                .map_err(invalid)?;
                service_id = Some(service.id);
                AmendmentChange::HostService {
                    service: service.to_domain(),
                }
            }
            ChangeInput::Tutor { contact_id } => {
                let of_service = new_service.or(loaded.parties.host_service_id);
                let contact = references::tutor(
                    records::lookup_contact(conn, contact_id)?,
                    |c| c.host_service_id,
                    of_service,
                    &field("contact_id"),
                )
                .map_err(invalid)?;
                tutor_id = Some(contact.id);
                AmendmentChange::Tutor {
                    tutor: contact.to_domain(),
                }
            }
            ChangeInput::Supervisor { uid } => {
                let person = references::supervisor(
                    people
                        .iter()
                        .find(|(u, _)| *u == uid)
                        .map(|(_, p)| p.clone()),
                    &field("uid"),
                )
                .map_err(invalid)?;
                AmendmentChange::Supervisor {
                    supervisor: Supervisor {
                        uid: person.uid,
                        last_name: person.last_name,
                        first_name: person.first_name,
                        email: person.email.as_deref().and_then(|e| Email::parse(e).ok()),
                        phone: None,
                        department: person.department,
                    },
                }
            }
        });
    }
    Ok(Resolved {
        changes,
        records: NamedRecords {
            host_service_id: service_id,
            tutor_id,
        },
    })
}

/// Directory look-ups happen before the transaction.
async fn people_of(
    state: &AppState,
    input: &[ChangeInput],
) -> Result<Vec<(String, directory::Person)>, ApiError> {
    let mut people = Vec::new();
    for change in input {
        if let ChangeInput::Supervisor { uid } = change
            && let Some(person) = directory::find_supervisor(state, uid.trim().to_owned()).await?
        {
            people.push((uid.clone(), person));
        }
    }
    Ok(people)
}

/// The rules' verdict on `proposed`, given the other validated amendments.
fn check(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    others: &[Amendment],
    proposed: &Amendment,
    today: NaiveDate,
) -> Result<Vec<stages_domain::Violation>, ApiError> {
    let ctx = repo::check_context(conn, loaded, today, CheckMode::Amendment)?;
    Ok(amendment::check(&loaded.content, others, proposed, &ctx))
}

fn validated_except(list: &[(AmendmentRow, Amendment)], except: Option<i64>) -> Vec<Amendment> {
    list.iter()
        .filter(|(row, a)| Some(row.id) != except && a.is_validated())
        .map(|(_, a)| a.clone())
        .collect()
}

/// `view` with SIG-15 of its convention now (`amendable`): while a
/// circuit is out for signature, validating shows as denied, with the
/// reason.
fn held_back(mut view: AmendmentView, amendable: &Result<(), Refusal>) -> AmendmentView {
    if view.permissions.validate.is_allowed() {
        view.permissions.validate = amendable.clone().into();
    }
    view
}

fn to_view(
    row: &AmendmentRow,
    amendment: &Amendment,
    loaded: &Loaded,
    relation: Relation,
    violations: &[stages_domain::Violation],
    today: NaiveDate,
    lang: Lang,
) -> AmendmentView {
    let permissions = permissions::amendment_permissions(
        relation,
        &loaded.workflow,
        amendment,
        &loaded.settings,
        today,
    );
    AmendmentView {
        id: row.id,
        convention_id: row.convention_id,
        position: row.position,
        title: row.title.clone(),
        reason: row.reason.clone(),
        changes: amendment.changes.clone(),
        validated_on: amendment.validated_on,
        validated_by: row.validated_by,
        version: row.version,
        permissions,
        violations: violations
            .iter()
            .map(|v| problem_violation(v, lang))
            .collect(),
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    }
}

fn list_views(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    relation: Relation,
    today: NaiveDate,
    lang: Lang,
) -> Result<Vec<AmendmentView>, ApiError> {
    let list = repo_list(conn, loaded.row.id)?;
    let amendable = crate::app::signatures::amendable(conn, loaded.row.id)?;
    let mut views = Vec::with_capacity(list.len());
    for (row, amendment) in &list {
        let violations = if amendment.is_validated() {
            Vec::new()
        } else {
            check(
                conn,
                loaded,
                &validated_except(&list, Some(row.id)),
                amendment,
                today,
            )?
        };
        views.push(held_back(
            to_view(row, amendment, loaded, relation, &violations, today, lang),
            &amendable,
        ));
    }
    Ok(views)
}

fn refuse_errors(violations: &[stages_domain::Violation]) -> Result<(), ApiError> {
    if stages_domain::violation::has_errors(violations) {
        Err(ApiError::invalid(violations.to_vec()))
    } else {
        Ok(())
    }
}

/// Loads an amendment and its convention, which the caller must see.
fn load_amendment(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(Context, Loaded, Relation, AmendmentRow, Amendment), ApiError> {
    let row = store::find(conn, id)?;
    let (ctx, loaded, relation) = load_visible(conn, caller, row.convention_id)?;
    let amendment = row.to_domain()?;
    Ok((ctx, loaded, relation, row, amendment))
}

/// The proposal of `input`, its records resolved.
fn proposal(input: &AmendmentInput, resolved: Resolved) -> (Amendment, NamedRecords) {
    (
        Amendment {
            title: input.title.trim().to_owned(),
            reason: input.reason.trim().to_owned(),
            changes: resolved.changes,
            validated_on: None,
        },
        resolved.records,
    )
}

/// A convention's amendments, in order, with what each unvalidated one
/// breaks.
pub async fn list(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    convention: i64,
) -> Result<Vec<AmendmentView>, ApiError> {
    let today = state.today();
    state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, convention)?;
            list_views(conn, &loaded, relation, today, lang)
        })
        .await
}

/// Writes an amendment on a validated convention read at `expected`;
/// refused with every violation when the amended convention would break
/// a rule.
pub async fn create(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    convention: i64,
    input: AmendmentInput,
) -> Result<ConventionView, ApiError> {
    let people = people_of(state, &input.changes).await?;
    let today = state.today();
    let public_url = state.config.public_url.clone();
    transition(
        state,
        caller,
        lang,
        expected,
        convention,
        "amendment_create",
        move |conn, ctx, loaded, relation| {
            loaded.workflow = loaded
                .workflow
                .add_amendment(relation, &loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            amendable(conn, loaded.row.id)?;
            let resolved = resolve(conn, loaded, &input.changes, &people)?;
            let (proposed, named) = proposal(&input, resolved);
            let list = repo_list(conn, loaded.row.id)?;
            let violations = check(
                conn,
                loaded,
                &validated_except(&list, None),
                &proposed,
                today,
            )?;
            refuse_errors(&violations)?;
            let position = i32::try_from(list.len() + 1).unwrap_or(i32::MAX);
            mail::events::amendment_created(
                conn,
                &mail_context(loaded, &public_url),
                &proposed.title,
            )?;
            let id = store::insert(conn, loaded.row.id, position, &proposed, named, ctx.user_id)?;
            audit::record(
                conn,
                Entity::Amendment,
                id,
                "create",
                Some(ctx.user_id),
                None::<&()>,
                Some(&proposed),
            )?;
            Ok(())
        },
    )
    .await
}

/// SIG-15: an agreement, or an amendment, out for signature is not
/// amended (the domain says why).
fn amendable(conn: &mut AnyConnection, convention: i64) -> Result<(), ApiError> {
    crate::app::signatures::amendable(conn, convention)?.map_err(|r| ApiError::refusal(&r))
}

fn repo_list(
    conn: &mut AnyConnection,
    convention: i64,
) -> Result<Vec<(AmendmentRow, Amendment)>, ApiError> {
    Ok(store::amendments_of(conn, convention)?)
}

/// One amendment, with what it breaks while unvalidated.
pub async fn get(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
) -> Result<AmendmentView, ApiError> {
    let today = state.today();
    state
        .db(move |conn| {
            let (_, loaded, relation, row, amendment) = load_amendment(conn, &caller, id)?;
            let violations = if amendment.is_validated() {
                Vec::new()
            } else {
                let list = repo_list(conn, loaded.row.id)?;
                check(
                    conn,
                    &loaded,
                    &validated_except(&list, Some(id)),
                    &amendment,
                    today,
                )?
            };
            let amendable = crate::app::signatures::amendable(conn, loaded.row.id)?;
            Ok(held_back(
                to_view(
                    &row,
                    &amendment,
                    &loaded,
                    relation,
                    &violations,
                    today,
                    lang,
                ),
                &amendable,
            ))
        })
        .await
}

/// Changes an amendment that is not validated yet, read at `expected`.
pub async fn update(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: AmendmentInput,
) -> Result<AmendmentView, ApiError> {
    let people = people_of(state, &input.changes).await?;
    let today = state.today();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, loaded, relation, row, before) = load_amendment(conn, &caller, id)?;
                concurrency::check_version(expected, row.version)?;
                repo::claim(conn, loaded.row.id, loaded.row.version)?;
                loaded
                    .workflow
                    .check_amendment_edit(relation, &before)
                    .map_err(|r| ApiError::refusal(&r))?;
                let resolved = resolve(conn, &loaded, &input.changes, &people)?;
                let (proposed, named) = proposal(&input, resolved);
                let list = repo_list(conn, loaded.row.id)?;
                let violations = check(
                    conn,
                    &loaded,
                    &validated_except(&list, Some(id)),
                    &proposed,
                    today,
                )?;
                refuse_errors(&violations)?;
                store::update_at_version(conn, id, row.version, &proposed, named)?;
                audit::record(
                    conn,
                    Entity::Amendment,
                    id,
                    "update",
                    Some(ctx.user_id),
                    Some(&before),
                    Some(&proposed),
                )?;
                let row = store::find(conn, id)?;
                let amendable = crate::app::signatures::amendable(conn, loaded.row.id)?;
                Ok(held_back(
                    to_view(&row, &proposed, &loaded, relation, &violations, today, lang),
                    &amendable,
                ))
            })
        })
        .await
}

/// Deletes an amendment that is not validated yet, read at `expected`.
pub async fn remove(
    state: &AppState,
    caller: Caller,
    expected: i32,
    id: i64,
) -> Result<(), ApiError> {
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, mut loaded, relation, row, amendment) =
                    load_amendment(conn, &caller, id)?;
                concurrency::check_version(expected, row.version)?;
                repo::claim(conn, loaded.row.id, loaded.row.version)?;
                loaded.workflow = loaded
                    .workflow
                    .remove_amendment(relation, &amendment)
                    .map_err(|r| ApiError::refusal(&r))?;
                store::delete_at_version(conn, &row)?;
                let amended = store::amendment_list(conn, loaded.row.id)?;
                repo::save(conn, &mut loaded, &amended)?;
                audit::record(
                    conn,
                    Entity::Amendment,
                    id,
                    "delete",
                    Some(ctx.user_id),
                    Some(&amendment),
                    None::<&Amendment>,
                )?;
                Ok(())
            })
        })
        .await
}

/// Validates an amendment read at `expected` (managers and admins): it
/// then applies to the effective convention, and the convention's parties
/// follow it; a termination ends the internship.
pub async fn validate(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
) -> Result<AmendmentView, ApiError> {
    let today = state.today();
    let public_url = state.config.public_url.clone();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, mut loaded, relation, row, amendment) =
                    load_amendment(conn, &caller, id)?;
                concurrency::check_version(expected, row.version)?;
                repo::claim(conn, loaded.row.id, loaded.row.version)?;
                amendable(conn, loaded.row.id)?;
                let list = repo_list(conn, loaded.row.id)?;
                let violations = check(
                    conn,
                    &loaded,
                    &validated_except(&list, Some(id)),
                    &amendment,
                    today,
                )?;
                let (workflow, validated) = loaded
                    .workflow
                    .validate_amendment(relation, &amendment, &violations, today, &loaded.settings)
                    .map_err(|r| ApiError::refusal(&r))?;
                loaded.workflow = workflow;
                store::mark_validated_at_version(conn, id, row.version, ctx.user_id)?;
                // The convention's parties follow the amendment: counts of a
                // tutor's or supervisor's interns see who follows them now.
                for change in &validated.changes {
                    match change {
                        AmendmentChange::Supervisor { supervisor } => {
                            let person = directory::Person {
                                uid: supervisor.uid.clone(),
                                first_name: supervisor.first_name.clone(),
                                last_name: supervisor.last_name.clone(),
                                email: supervisor.email.as_ref().map(|e| e.as_str().to_owned()),
                                department: supervisor.department.clone(),
                            };
                            loaded.parties.supervisor_id =
                                Some(directory::upsert_supervisor(conn, &person)?);
                        }
                        AmendmentChange::HostService { .. } => {
                            loaded.parties.host_service_id = row.host_service_id;
                        }
                        AmendmentChange::Tutor { .. } => {
                            loaded.parties.tutor_id = row.tutor_id;
                        }
                        _ => {}
                    }
                }
                let amended = store::amendment_list(conn, loaded.row.id)?;
                repo::save(conn, &mut loaded, &amended)?;
                // The amendment is signed in its own circuit.
                crate::app::signatures::open_for_amendment(
                    conn,
                    &loaded,
                    id,
                    today,
                    chrono::Utc::now().naive_utc(),
                )?;
                mail::events::amendment_validated(
                    conn,
                    &mail_context(&loaded, &public_url),
                    &validated.title,
                )?;
                audit::record(
                    conn,
                    Entity::Amendment,
                    id,
                    "validate",
                    Some(ctx.user_id),
                    Some(&amendment),
                    Some(&validated),
                )?;
                let row = store::find(conn, id)?;
                Ok(to_view(
                    &row,
                    &validated,
                    &loaded,
                    relation,
                    &[],
                    today,
                    lang,
                ))
            })
        })
        .await
}
