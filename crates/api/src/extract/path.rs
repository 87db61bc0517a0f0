//! The segments of a request's path read into a type (`/students/{id}`),
//! as actix's `web::Path` reads them, but a segment that does not read
//! (`/students/abc`) is refused only after the credentials the request
//! presents were checked, as the query string and the body are: a token
//! signed out, disabled or revoked answers 401 whatever path it asks.

use crate::error::ApiError;
use actix_router::PathDeserializer;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::{Either, LocalBoxFuture};
use serde::de::DeserializeOwned;
use stages_domain::requests;
use std::future::{Ready, ready};

/// A request's path segments read into `T`.
#[derive(Debug)]
pub struct Path<T>(pub T);

impl<T> Path<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Path<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Path<T> {
    type Error = ApiError;
    type Future =
        Either<Ready<Result<Self, ApiError>>, LocalBoxFuture<'static, Result<Self, ApiError>>>;

    /// Ready when the segments read; a refusal waits for the credentials'
    /// check ([`crate::auth::refused_content`]).
    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        match T::deserialize(PathDeserializer::new(req.match_info())) {
            Ok(segments) => Either::Left(ready(Ok(Path(segments)))),
            Err(err) => {
                let refusal = ApiError::bad_request(requests::path_invalid(err.to_string()));
                let req = req.clone();
                Either::Right(Box::pin(async move {
                    Err(crate::auth::refused_content(req, refusal).await)
                }))
            }
        }
    }
}
