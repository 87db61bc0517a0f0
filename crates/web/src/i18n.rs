//! UI wording from Fluent resources, French by default, English by a switch.
//! The chosen language is kept in local storage.
//!
//! Each language's bundle holds the SPA's own messages and the domain's rule
//! messages (`stages_domain::RULES_FTL_*`), so a violation found in the
//! browser reads exactly as the server words it.

use crate::api::client;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use stages_domain::violation::ArgValue;
use std::collections::BTreeMap;

const FR: &str = include_str!("../locales/fr/main.ftl");
const EN: &str = include_str!("../locales/en/main.ftl");
const STORAGE_KEY: &str = "stages.lang";

pub use stages_web_format::Lang;

fn bundle(lang: Lang, sources: [&str; 2]) -> FluentBundle<FluentResource> {
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
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

thread_local! {
    static BUNDLES: (FluentBundle<FluentResource>, FluentBundle<FluentResource>) =
        (
            bundle(Lang::Fr, [FR, stages_domain::RULES_FTL_FR]),
            bundle(Lang::En, [EN, stages_domain::RULES_FTL_EN]),
        );
}

/// Formats `key` in `lang`; shows the key itself when a message is missing
/// so that the gap is visible instead of silent.
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    BUNDLES.with(|(fr, en)| {
        let bundle = match lang {
            Lang::Fr => fr,
            Lang::En => en,
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
        let stored = local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|code| Lang::from_code(&code));
        let lang = RwSignal::new(stored.unwrap_or(Lang::Fr));
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

    pub fn toggle(&self) {
        self.lang.update(|l| *l = l.other());
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
