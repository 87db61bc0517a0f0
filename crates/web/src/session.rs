//! The signed-in user, shared by every component. The access token lives in
//! session storage so that a reload keeps the user signed in within the tab.

use crate::api::{self, ApiError, Me};
use leptos::prelude::*;
use leptos::task::spawn_local;

const TOKEN_KEY: &str = "stages.token";

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// Checking a stored token with the server.
    Checking,
    SignedOut,
    SignedIn(Me),
    /// The server could not be reached while checking the stored token.
    Unreachable(String),
}

#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    token: RwSignal<Option<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

impl Session {
    fn new() -> Self {
        let token = storage().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten());
        let state = if token.is_some() {
            SessionState::Checking
        } else {
            SessionState::SignedOut
        };
        let session = Self {
            state: RwSignal::new(state),
            token: RwSignal::new(token),
        };
        session.refresh();
        session
    }

    /// Re-reads the signed-in user from the server with the stored token.
    pub fn refresh(&self) {
        let Some(token) = self.token.get_untracked() else {
            return;
        };
        let this = *self;
        this.state.set(SessionState::Checking);
        spawn_local(async move {
            match api::me(&token).await {
                Ok(me) => this.state.set(SessionState::SignedIn(me)),
                Err(ApiError::Network(message)) => {
                    this.state.set(SessionState::Unreachable(message))
                }
                Err(ApiError::Problem(_)) => this.sign_out(),
            }
        });
    }

    pub fn signed_in(&self, token: String, me: Me) {
        if let Some(s) = storage() {
            let _ = s.set_item(TOKEN_KEY, &token);
        }
        self.token.set(Some(token));
        self.state.set(SessionState::SignedIn(me));
    }

    pub fn sign_out(&self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(TOKEN_KEY);
        }
        self.token.set(None);
        self.state.set(SessionState::SignedOut);
    }

    pub fn me(&self) -> Option<Me> {
        match self.state.get() {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }
}

pub fn provide_session() -> Session {
    let session = Session::new();
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(provide_session)
}
