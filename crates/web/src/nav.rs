//! Changing page from anywhere: the router's `navigate` function is tied
//! to the component that asked for it and cannot cross into the `Send`
//! closures of the views or outlive an `await`; a signal can.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy)]
pub struct Go(RwSignal<Option<String>>);

/// A navigator owned by the calling component.
pub fn use_go() -> Go {
    let navigate = use_navigate();
    let target = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(path) = target.get() {
            navigate(&path, Default::default());
        }
    });
    Go(target)
}

impl Go {
    pub fn to(&self, path: impl Into<String>) {
        self.0.set(Some(path.into()));
    }
}
