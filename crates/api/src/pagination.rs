//! Keyset pagination: lists return at most `limit` items and an opaque
//! cursor for the next page, so deep pages cost as little as the first.

use crate::error::ApiError;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use stages_domain::requests;
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: i64 = 25;
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page, 1 to 100 (default 25).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    pub fn limit(&self) -> Result<i64, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::bad_request(requests::page_limit(MAX_LIMIT))),
        }
    }

    /// The position after which the page starts.
    pub fn after<K: DeserializeOwned>(&self) -> Result<Option<K>, ApiError> {
        let Some(cursor) = &self.cursor else {
            return Ok(None);
        };
        let invalid = || ApiError::bad_request(requests::page_cursor());
        let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|_| invalid())
    }
}

pub use stages_api_types::Page;

/// Builds the page from up to `limit + 1` rows: the extra row only tells
/// that a next page exists.
pub fn from_rows<T, K: Serialize>(mut rows: Vec<T>, limit: i64, key: impl Fn(&T) -> K) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last()
            .and_then(|last| serde_json::to_vec(&key(last)).ok())
            .map(|json| URL_SAFE_NO_PAD.encode(json))
    } else {
        None
    };
    Page {
        items: rows,
        next_cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_of_a_page_starts_the_next_one() {
        let page = from_rows(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(page.items, vec![1, 2]);
        let params = PageParams {
            limit: Some(2),
            cursor: page.next_cursor,
        };
        assert_eq!(params.after::<i32>().ok().flatten(), Some(2));
        let last = from_rows(vec![3], 2, |n| *n);
        assert!(last.next_cursor.is_none());
    }

    #[test]
    fn limits_are_bounded() {
        let params = PageParams {
            limit: Some(1000),
            cursor: None,
        };
        assert_eq!(params.limit().expect_err("too big").problem().status, 400);
        let bad = PageParams {
            limit: None,
            cursor: Some("!!".into()),
        };
        assert!(bad.after::<i64>().is_err());
    }
}
