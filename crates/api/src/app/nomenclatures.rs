//! Reference tables (Tables de nomenclature): read by everyone, changed by
//! administrators, audited. A value is never deleted, only deactivated:
//! conventions keep the label they were signed with, and old records keep
//! resolving.

use crate::auth::Caller;
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::nomenclatures::{self as repo, ValueTexts};
use crate::db::reference;
use crate::error::ApiError;
use crate::i18n::{self, Lang};
use crate::state::AppState;
use stages_api_types::nomenclatures::{NewValue, NomenclatureKind, NomenclatureValue, ValueUpdate};
use stages_domain::{access, references, requests};

/// Longest code and label accepted.
const MAX_CODE: usize = 32;
const MAX_LABEL: usize = 255;

/// The reference tables, titled in `lang`, with how many values each holds.
pub async fn kinds(state: &AppState, lang: Lang) -> Result<Vec<NomenclatureKind>, ApiError> {
    let counts: Vec<(String, i64)> = state.db(|conn| Ok(repo::counts(conn)?)).await?;
    Ok(reference::KINDS
        .iter()
        .map(|k| NomenclatureKind {
            kind: k.code.to_owned(),
            title: i18n::text(lang, k.title),
            system: k.system,
            values: counts
                .iter()
                .find(|(kind, _)| kind == k.code)
                .map_or(0, |(_, n)| *n),
        })
        .collect())
}

/// The table of this code (404 for a table that does not exist).
pub fn known_kind(kind: &str) -> Result<&'static reference::Kind, ApiError> {
    reference::kind(kind).ok_or_else(ApiError::not_found)
}

/// A required text of at most `max` characters (400 naming the field).
fn check_text(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.trim().is_empty() || value.chars().count() > max {
        Err(ApiError::bad_request(requests::length(field, max)))
    } else {
        Ok(())
    }
}

/// One page of a table's values in display order; with `words`, those
/// whose code or labels contain every word (accents folded). `limit + 1`
/// rows at most, so that the caller knows whether a next page exists.
pub async fn values(
    state: &AppState,
    kind: &'static str,
    include_inactive: bool,
    words: Vec<String>,
    after: Option<(i32, String)>,
    limit: i64,
) -> Result<Vec<NomenclatureValue>, ApiError> {
    state
        .db(move |conn| {
            let rows: Vec<NomenclatureValue> = if words.is_empty() {
                repo::values(conn, kind, include_inactive, after, Some(limit + 1))?
            } else {
                // Reference tables are small (at most a few thousand rows):
                // filter the words in memory, after accent folding.
                repo::values(conn, kind, include_inactive, after, None)?
                    .into_iter()
                    .filter(|v| {
                        let haystack = crate::text::normalise(&format!(
                            "{} {} {}",
                            v.code,
                            v.label,
                            v.label_en.as_deref().unwrap_or("")
                        ));
                        words.iter().all(|w| haystack.contains(w.as_str()))
                    })
                    .take(usize::try_from(limit + 1).unwrap_or(usize::MAX))
                    .collect()
            };
            Ok(rows)
        })
        .await
}

/// Adds a value to a table that accepts new ones (administrators).
pub async fn create(
    state: &AppState,
    caller: Caller,
    kind: &str,
    value: NewValue,
) -> Result<NomenclatureValue, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let kind = known_kind(kind)?;
    references::may_add_value(kind.system).map_err(|r| ApiError::refusal(&r))?;
    let code = value.code.trim().to_owned();
    check_text("code", &code, MAX_CODE)?;
    check_text("label", &value.label, MAX_LABEL)?;
    if let Some(en) = &value.label_en {
        check_text("label_en", en, MAX_LABEL)?;
    }
    let kind_code = kind.code;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let texts = ValueTexts {
                    label: value.label.trim(),
                    label_en: value.label_en.as_deref().map(str::trim),
                };
                let created = repo::insert(conn, kind_code, &code, &texts)?;
                audit::record(
                    conn,
                    Entity::Nomenclature,
                    0,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&created),
                )?;
                Ok::<_, ApiError>(created)
            })
        })
        .await
}

/// Renames or (de)activates the value read at version `expected`
/// (administrators); conventions keep the label they were created with.
pub async fn update(
    state: &AppState,
    caller: Caller,
    kind: &str,
    code: String,
    expected: i32,
    update: ValueUpdate,
) -> Result<NomenclatureValue, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let kind = known_kind(kind)?.code;
    check_text("label", &update.label, MAX_LABEL)?;
    if let Some(en) = &update.label_en {
        check_text("label_en", en, MAX_LABEL)?;
    }
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find(conn, kind, &code)?;
                concurrency::check_version(expected, before.version)?;
                let texts = ValueTexts {
                    label: update.label.trim(),
                    label_en: update.label_en.as_deref().map(str::trim),
                };
                repo::update_at_version(conn, kind, &code, before.version, &texts, update.active)?;
                let after = repo::find(conn, kind, &code)?;
                audit::record(
                    conn,
                    Entity::Nomenclature,
                    0,
                    "update",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(after)
            })
        })
        .await
}
