//! What every call shares: the access token (in memory only), the reader's
//! language (the server words its messages in it), one silent renewal of
//! the token on a 401, `If-Match` for mutations, and problem decoding.
//!
//! The state lives in thread-locals rather than in the reactive context so
//! that calls made from `spawn_local` tasks, which run outside any owner,
//! still find it.

use super::auth::{self, LoginResponse};
use super::{ApiError, Problem};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Renewal = Shared<LocalBoxFuture<'static, Result<LoginResponse, ApiError>>>;
type Listener = Rc<dyn Fn(&Result<LoginResponse, ApiError>)>;

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
    static LANGUAGE: Cell<&'static str> = const { Cell::new("fr") };
    static RENEWAL: RefCell<Option<Renewal>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

pub use stages_api_types::Page;

pub fn set_token(token: Option<String>) {
    TOKEN.with(|t| *t.borrow_mut() = token);
}

fn token() -> Option<String> {
    TOKEN.with(|t| t.borrow().clone())
}

/// The language the server words its messages in (`Accept-Language`).
pub fn set_language(code: &'static str) {
    LANGUAGE.with(|l| l.set(code));
}

/// Called with the outcome of every renewal, so the session follows it.
pub fn on_renewal(listener: impl Fn(&Result<LoginResponse, ApiError>) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

/// Renews the access token with the refresh cookie. Concurrent callers share
/// one request: the server rotates the refresh token on each use and treats
/// a second use of the old one as a replay, which would end the session.
pub async fn renew() -> Result<LoginResponse, ApiError> {
    let shared = RENEWAL.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                async {
                    let outcome = auth::refresh().await;
                    match &outcome {
                        Ok(res) => set_token(Some(res.access_token.clone())),
                        Err(ApiError::Problem(_)) => set_token(None),
                        Err(ApiError::Network(_)) => {}
                    }
                    RENEWAL.with(|slot| slot.borrow_mut().take());
                    if let Some(listener) = LISTENER.with(|l| l.borrow().clone()) {
                        listener(&outcome);
                    }
                    outcome
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    shared.await
}

/// A query string from the non-empty pairs, encoded.
pub fn query(pairs: &[(&str, String)]) -> String {
    let encoded: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| {
            format!(
                "{name}={}",
                String::from(js_sys::encode_uri_component(value.trim()))
            )
        })
        .collect();
    if encoded.is_empty() {
        String::new()
    } else {
        format!("?{}", encoded.join("&"))
    }
}

enum Body {
    Empty,
    Json(Result<String, String>),
    Bytes(Vec<u8>, &'static str),
}

/// One API call being prepared.
pub struct Call {
    method: Method,
    path: String,
    body: Body,
    version: Option<i32>,
}

/// A file the server sent, ready to be saved.
pub struct File {
    pub bytes: Vec<u8>,
    pub name: String,
    pub content_type: String,
}

impl Call {
    fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            body: Body::Empty,
            version: None,
        }
    }

    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::GET, path)
    }

    pub fn post(path: impl Into<String>) -> Self {
        Self::new(Method::POST, path)
    }

    pub fn put(path: impl Into<String>) -> Self {
        Self::new(Method::PUT, path)
    }

    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path)
    }

    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = Body::Json(serde_json::to_string(body).map_err(|e| e.to_string()));
        self
    }

    pub fn bytes(mut self, bytes: Vec<u8>, content_type: &'static str) -> Self {
        self.body = Body::Bytes(bytes, content_type);
        self
    }

    /// The version read: the server refuses the change if it moved since.
    pub fn if_match(mut self, version: i32) -> Self {
        self.version = Some(version);
        self
    }

    async fn send_once(&self, token: Option<&str>) -> Result<Response, ApiError> {
        let mut builder = RequestBuilder::new(&self.path)
            .method(self.method.clone())
            .header("Accept", "application/json, application/problem+json")
            .header("Accept-Language", LANGUAGE.with(Cell::get));
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(version) = self.version {
            builder = builder.header("If-Match", &format!("\"{version}\""));
        }
        let request = match &self.body {
            Body::Empty => builder.build(),
            Body::Json(Ok(json)) => builder
                .header("Content-Type", "application/json")
                .body(json.as_str()),
            Body::Json(Err(e)) => return Err(ApiError::Network(e.clone())),
            Body::Bytes(bytes, content_type) => builder
                .header("Content-Type", content_type)
                .body(js_sys::Uint8Array::from(bytes.as_slice())),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        request
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))
    }

    /// Sends the call; on a 401 renews the token once and sends it again.
    pub async fn send(self) -> Result<Response, ApiError> {
        let response = self.send_once(token().as_deref()).await?;
        // Signing in and renewing answer 401 for their own reasons, and so
        // does a tutor's or a signer's link (expired, withdrawn): no
        // session to renew.
        let sessionless = ["/api/auth/", "/api/tutor-evaluation/", "/api/signing/"]
            .iter()
            .any(|prefix| self.path.starts_with(prefix));
        if response.status() != 401 || sessionless {
            return Ok(response);
        }
        let renewed = renew().await?;
        self.send_once(Some(&renewed.access_token)).await
    }

    /// Sends the call and decodes the JSON answer.
    pub async fn fetch<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let response = success(self.send().await?).await?;
        response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))
    }

    /// Sends a call whose success has no body worth reading.
    pub async fn run(self) -> Result<(), ApiError> {
        success(self.send().await?).await.map(|_| ())
    }

    /// Sends the call and keeps the file it answers, with the name the
    /// server gives it.
    pub async fn file(self, fallback_name: &str) -> Result<File, ApiError> {
        let response = success(self.send().await?).await?;
        let headers = response.headers();
        let name = headers
            .get("content-disposition")
            .and_then(|d| {
                d.split("filename=")
                    .nth(1)
                    .map(|n| n.trim_matches(['"', ';', ' ']).to_owned())
            })
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| fallback_name.to_owned());
        let content_type = headers
            .get("content-type")
            .unwrap_or_else(|| "application/octet-stream".to_owned());
        let bytes = response
            .binary()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        Ok(File {
            bytes,
            name,
            content_type,
        })
    }
}

/// The response when it is a success, else its problem.
async fn success(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::Network(format!("HTTP {status}"))),
    }
}
