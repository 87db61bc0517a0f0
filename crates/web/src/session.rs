//! The signed-in user, shared by every component. The access token lives in
//! memory only (handed to the API client); the session itself is the
//! refresh-token cookie (HttpOnly, out of reach of scripts), which restores
//! it after a reload and renews the access token before it expires.

use crate::api::auth::{self, LoginResponse, Me};
use crate::api::{ApiError, client};
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
    /// Counts sign-ins and renewals: a renewal timer only fires for the
    /// token it was set for.
    generation: RwSignal<u64>,
}

impl Session {
    fn new() -> Self {
        let session = Self {
            state: RwSignal::new(SessionState::Checking),
            generation: RwSignal::new(0),
        };
        // Renewals happen here on a timer and in the API client on a 401:
        // the session follows both.
        client::on_renewal(move |outcome| session.follow(outcome));
        session.restore();
        session
    }

    /// Asks for a new access token with the refresh cookie.
    pub fn restore(&self) {
        self.state.set(SessionState::Checking);
        spawn_local(async move {
            let _ = client::renew().await;
        });
    }

    fn follow(&self, outcome: &Result<LoginResponse, ApiError>) {
        match outcome {
            Ok(res) => self.signed_in(res.clone()),
            Err(ApiError::Problem(_)) => self.forget(),
            // A renewal that could not reach the server leaves a working
            // page alone; only the first check has nothing to show.
            Err(ApiError::Network(message)) => {
                if self.state.get_untracked() == SessionState::Checking {
                    self.state.set(SessionState::Unreachable(message.clone()));
                }
            }
        }
    }

    pub fn signed_in(&self, res: LoginResponse) {
        client::set_token(Some(res.access_token));
        let state = SessionState::SignedIn(res.user);
        // Setting the same user again would rebuild every page.
        if self.state.get_untracked() != state {
            self.state.set(state);
        }
        self.generation.update(|g| *g += 1);
        let generation = self.generation.get_untracked();
        // Renew a minute before expiry, while the page is open.
        let this = *self;
        let delay = Duration::from_secs(u64::try_from(res.expires_in - 60).unwrap_or(30).max(30));
        set_timeout(
            move || {
                let current = this.generation.try_get_untracked() == Some(generation);
                if current && matches!(this.state.get_untracked(), SessionState::SignedIn(_)) {
                    spawn_local(async move {
                        let _ = client::renew().await;
                    });
                }
            },
            delay,
        );
    }

    fn forget(&self) {
        client::set_token(None);
        self.state.set(SessionState::SignedOut);
    }

    /// Signs out of Stages; an account signed in through CAS then signs
    /// out of CAS too (the browser leaves for its logout page).
    pub fn sign_out(&self) {
        let this = *self;
        let cas = matches!(
            self.state.get_untracked(),
            SessionState::SignedIn(Me {
                sign_in: auth::SignInMethod::Cas,
                ..
            })
        );
        spawn_local(async move {
            let _ = auth::logout().await;
            this.forget();
            if cas {
                let _ = window().location().set_href(auth::CAS_LOGOUT_HREF);
            }
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
