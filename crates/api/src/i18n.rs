//! Messages of the domain's rules and refusals, and the server's own
//! texts, in the caller's language (French by default, English when the
//! request prefers it).
//!
//! The language of the request being served is also kept for the time of
//! the request ([`in_request`]), so that an error built far from the
//! request (in a repository's transaction, on a blocking thread) is worded
//! when its response is written, in the language the client asked for.

use actix_web::HttpRequest;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use stages_domain::violation::ArgValue;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::texts::{self, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// The first of fr/en named in `Accept-Language`; French otherwise.
    pub fn from_request(req: &HttpRequest) -> Self {
        let header = req
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Self::from_accept_language(header)
    }

    pub fn from_accept_language(header: &str) -> Self {
        header
            .split(',')
            .filter_map(|part| {
                let tag = part.split(';').next()?.trim().to_ascii_lowercase();
                match tag.split('-').next()? {
                    "fr" => Some(Lang::Fr),
                    "en" => Some(Lang::En),
                    _ => None,
                }
            })
            .next()
            .unwrap_or(Lang::Fr)
    }
}

struct Bundles {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: unic_langid::LanguageIdentifier, sources: &[&str]) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    // The domain's and `texts`' tests guarantee these resources parse and
    // hold every key.
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    fr: bundle(
        unic_langid::langid!("fr"),
        &[stages_domain::RULES_FTL_FR, texts::SERVER_FTL_FR],
    ),
    en: bundle(
        unic_langid::langid!("en"),
        &[stages_domain::RULES_FTL_EN, texts::SERVER_FTL_EN],
    ),
});

tokio::task_local! {
    /// The language of the request being served.
    static REQUEST_LANG: Lang;
}

/// Runs `serve` (a request's handling) with `lang` as [`current`].
pub async fn in_request<F: std::future::Future>(lang: Lang, serve: F) -> F::Output {
    REQUEST_LANG.scope(lang, serve).await
}

/// Runs `f` with `lang` as [`current`] (an answer written outside a
/// handler, by a middleware).
pub fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    REQUEST_LANG.sync_scope(lang, f)
}

/// The language of the request being served; French outside a request.
pub fn current() -> Lang {
    REQUEST_LANG.try_with(|lang| *lang).unwrap_or(Lang::Fr)
}

/// One of the server's own texts, without placeables.
pub fn text(lang: Lang, text: Text) -> String {
    message(lang, text.as_str(), &BTreeMap::new())
}

/// Formats the message `key` with its arguments; an unknown key is shown as
/// is so that the gap is visible.
pub fn message(lang: Lang, key: &str, args: &BTreeMap<String, ArgValue>) -> String {
    let bundle = match lang {
        Lang::Fr => &BUNDLES.fr,
        Lang::En => &BUNDLES.en,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            ArgValue::Integer(n) => FluentValue::from(*n),
            ArgValue::Decimal(d) => FluentValue::from(d.as_str().to_owned()),
            ArgValue::Text(t) => FluentValue::from(t.clone()),
        };
        fluent_args.set(name.clone(), value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_when_preferred() {
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Lang::En);
        assert_eq!(
            Lang::from_accept_language("de-DE,fr;q=0.8,en;q=0.5"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
    }

    #[test]
    fn rule_messages_are_worded_with_their_arguments() {
        let mut args = BTreeMap::new();
        args.insert("max".to_owned(), ArgValue::Integer(1000));
        let fr = message(Lang::Fr, "text-too-long", &args);
        assert_eq!(fr, "Ce texte dépasse 1000 caractères.");
        let en = message(Lang::En, "text-too-long", &args);
        assert!(en.contains("1000"), "{en}");
        assert_eq!(message(Lang::Fr, "no-such-key", &args), "no-such-key");
    }

    #[test]
    fn server_texts_are_worded_too() {
        assert_eq!(text(Lang::Fr, Text::StatusValidated), "Validée");
        assert_eq!(text(Lang::En, Text::StatusValidated), "Validated");
    }

    #[test]
    fn the_request_language_holds_for_its_time_only() {
        assert_eq!(current(), Lang::Fr);
        assert_eq!(with(Lang::En, current), Lang::En);
        assert_eq!(current(), Lang::Fr);
    }
}
