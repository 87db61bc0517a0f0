//! The signed-in user, shared by every component. The access token lives in
//! memory only; the session itself is the refresh-token cookie (HttpOnly,
//! out of reach of scripts), which restores it after a reload and renews
//! the access token before it expires.

use crate::api::{self, ApiError, LoginResponse, Me};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// Asking the server whether the browser has a session.
    Checking,
    SignedOut,
    SignedIn(Me),
    /// The server could not be reached while checking the session.
    Unreachable(String),
}

#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    token: RwSignal<Option<String>>,
}

impl Session {
    fn new() -> Self {
        let session = Self {
            state: RwSignal::new(SessionState::Checking),
            token: RwSignal::new(None),
        };
        session.restore();
        session
    }

    /// Asks for a new access token with the refresh cookie.
    pub fn restore(&self) {
        let this = *self;
        this.state.set(SessionState::Checking);
        spawn_local(async move {
            match api::refresh().await {
                Ok(res) => this.signed_in(res),
                Err(ApiError::Network(message)) => {
                    this.state.set(SessionState::Unreachable(message))
                }
                Err(ApiError::Problem(_)) => this.forget(),
            }
        });
    }

    pub fn signed_in(&self, res: LoginResponse) {
        self.token.set(Some(res.access_token));
        self.state.set(SessionState::SignedIn(res.user));
        // Renew a minute before expiry, while the page is open.
        let this = *self;
        let delay = Duration::from_secs(u64::try_from(res.expires_in - 60).unwrap_or(30).max(30));
        set_timeout(
            move || {
                if matches!(this.state.get_untracked(), SessionState::SignedIn(_)) {
                    spawn_local(async move {
                        match api::refresh().await {
                            Ok(res) => this.signed_in(res),
                            Err(_) => this.forget(),
                        }
                    });
                }
            },
            delay,
        );
    }

    fn forget(&self) {
        self.token.set(None);
        self.state.set(SessionState::SignedOut);
    }

    pub fn sign_out(&self) {
        let this = *self;
        spawn_local(async move {
            let _ = api::logout().await;
            this.forget();
        });
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
