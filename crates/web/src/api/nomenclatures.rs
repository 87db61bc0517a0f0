//! Reference tables (tables de nomenclature): the lists the forms offer,
//! and their administration.

use super::ApiError;
use super::client::{Call, Page, query};
use std::cell::RefCell;
use std::collections::HashMap;

pub use stages_api_types::nomenclatures::{
    NewValue, NomenclatureKind, NomenclatureValue, ValueUpdate,
};

pub async fn kinds() -> Result<Vec<NomenclatureKind>, ApiError> {
    Call::get("/api/nomenclatures").fetch().await
}

pub async fn values(
    kind: &str,
    text: &str,
    include_inactive: bool,
    cursor: Option<String>,
) -> Result<Page<NomenclatureValue>, ApiError> {
    let params = query(&[
        ("q", text.to_owned()),
        (
            "include_inactive",
            if include_inactive { "true" } else { "" }.to_owned(),
        ),
        ("limit", "100".to_owned()),
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/nomenclatures/{kind}{params}"))
        .fetch()
        .await
}

thread_local! {
    /// Active values by table, fetched once per page load: forms offer the
    /// same lists again and again.
    static CACHE: RefCell<HashMap<String, Vec<NomenclatureValue>>> = RefCell::new(HashMap::new());
}

/// Every active value of a table, in display order (cached).
pub async fn options(kind: &str) -> Result<Vec<NomenclatureValue>, ApiError> {
    if let Some(cached) = CACHE.with(|c| c.borrow().get(kind).cloned()) {
        return Ok(cached);
    }
    let mut all = Vec::new();
    let mut cursor = None;
    loop {
        let page = values(kind, "", false, cursor).await?;
        all.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    CACHE.with(|c| c.borrow_mut().insert(kind.to_owned(), all.clone()));
    Ok(all)
}

/// Forgets a table after an administrator changed it.
pub fn forget(kind: &str) {
    CACHE.with(|c| c.borrow_mut().remove(kind));
}

pub async fn create(kind: &str, value: &NewValue) -> Result<NomenclatureValue, ApiError> {
    Call::post(format!("/api/nomenclatures/{kind}"))
        .json(value)
        .fetch()
        .await
}

pub async fn update(
    kind: &str,
    code: &str,
    version: i32,
    value: &ValueUpdate,
) -> Result<NomenclatureValue, ApiError> {
    Call::put(format!(
        "/api/nomenclatures/{kind}/{}",
        String::from(js_sys::encode_uri_component(code))
    ))
    .if_match(version)
    .json(value)
    .fetch()
    .await
}
