//! UI wording from Fluent resources, French by default, English by a switch.
//! The chosen language is kept in local storage.
//!
//! Each language's bundle holds the SPA's own messages and the domain's rule
//! messages (the domain's `rules.ftl`), so a violation found in the browser
//! reads exactly as the server words it. The resources are files served
//! beside the module (`/locales/<lang>/`), fetched once per language when
//! it is first shown: wording is data, cached apart from the code, and a
//! language nobody picks is never downloaded.

use crate::api::client;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use stages_domain::violation::ArgValue;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

const STORAGE_KEY: &str = "stages.lang";
/// The resources of a language, under `/locales/<lang>/`.
const RESOURCES: [&str; 2] = ["main.ftl", "rules.ftl"];

pub use stages_web_format::Lang;

fn bundle(lang: Lang, sources: Vec<String>) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new(vec![id]);
    // Without this, placeables get invisible bidi marks around them.
    bundle.set_use_isolating(false);
    // The resources are ours and checked by tests; a syntax error keeps the
    // valid messages, and a missing one shows its key.
    for source in sources {
        let resource = FluentResource::try_new(source).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

thread_local! {
    /// Whether a language switch waits for its wording.
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
    /// The bundles fetched so far, French first.
    static BUNDLES: RefCell<[Option<FluentBundle<FluentResource>>; 2]> =
        const { RefCell::new([None, None]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

/// Fetches `lang`'s resources unless they are here already. When one
/// cannot be fetched nothing is kept, so that the next call tries again;
/// meanwhile the other language's wording, if any, stands in.
pub async fn load(lang: Lang) {
    if BUNDLES.with(|b| b.borrow()[slot(lang)].is_some()) {
        return;
    }
    let mut sources = Vec::new();
    for file in RESOURCES {
        let url = format!("/locales/{}/{file}", lang.code());
        let text = match gloo_net::http::Request::get(&url).send().await {
            Ok(response) if response.ok() => response.text().await.ok(),
            _ => None,
        };
        // A missing file is answered with the SPA's page, not Fluent.
        match text {
            Some(text) if !text.trim_start().starts_with('<') => sources.push(text),
            _ => return,
        }
    }
    let loaded = bundle(lang, sources);
    BUNDLES.with(|b| b.borrow_mut()[slot(lang)] = Some(loaded));
}

/// The language stored from the last visit, else French.
pub fn stored_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Fr)
}

/// Formats `key` in `lang`; shows the key itself when a message is missing
/// so that the gap is visible instead of silent.
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    BUNDLES.with(|bundles| {
        let bundles = bundles.borrow();
        let Some(bundle) = bundles[slot(lang)]
            .as_ref()
            .or(bundles[slot(lang.other())].as_ref())
        else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    })
}

/// The arguments of a domain message as Fluent values, the way the server
/// passes them (decimals as their exact text).
fn fluent_args(args: &BTreeMap<String, ArgValue>) -> FluentArgs<'static> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            ArgValue::Integer(n) => FluentValue::from(*n),
            ArgValue::Decimal(d) => FluentValue::from(d.as_str().to_owned()),
            ArgValue::Text(t) => FluentValue::from(t.clone()),
        };
        fluent.set(name.clone(), value);
    }
    fluent
}

/// The current language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    fn new() -> Self {
        let lang = RwSignal::new(stored_lang());
        // Now, not in the effect: the first requests leave before it runs.
        client::set_language(lang.get_untracked().code());
        Effect::new(move |_| {
            let lang = lang.get();
            if let Some(storage) = local_storage() {
                let _ = storage.set_item(STORAGE_KEY, lang.code());
            }
            client::set_language(lang.code());
            if let Some(root) = document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
        });
        Self { lang }
    }

    /// Reactive translation: re-runs when the language changes.
    pub fn t(&self, key: &str) -> String {
        translate(self.lang.get(), key, None)
    }

    pub fn t_with(&self, key: &str, args: &[(&'static str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        translate(self.lang.get(), key, Some(&fluent_args))
    }

    /// Like [`Self::t_with`], with a number the message's plural forms
    /// select on (`{ $count -> [one] … *[other] … }`).
    pub fn t_count(
        &self,
        key: &str,
        count_name: &'static str,
        count: usize,
        args: &[(&'static str, String)],
    ) -> String {
        let mut fluent_args = FluentArgs::new();
        fluent_args.set(count_name, FluentValue::from(count));
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        translate(self.lang.get(), key, Some(&fluent_args))
    }

    /// A domain message (rule, refusal, identifier error) with its
    /// arguments, in the current language.
    pub fn message(&self, key: &str, args: &BTreeMap<String, ArgValue>) -> String {
        translate(self.lang.get(), key, Some(&fluent_args(args)))
    }

    pub fn is_english(&self) -> bool {
        self.lang.get() == Lang::En
    }

    /// Switches to the other language once its wording has arrived; a
    /// click while a switch is under way does nothing.
    pub fn toggle(&self) {
        if SWITCHING.with(|s| s.replace(true)) {
            return;
        }
        let lang = self.lang;
        let next = lang.get_untracked().other();
        leptos::task::spawn_local(async move {
            load(next).await;
            lang.set(next);
            SWITCHING.with(|s| s.set(false));
        });
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

pub fn provide_i18n() -> I18n {
    let i18n = I18n::new();
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}
