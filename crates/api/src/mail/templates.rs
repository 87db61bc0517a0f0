//! Mail wording from Fluent (`locales/{fr,en}/mail.ftl`): each message has
//! a `-subject` and a `-body`; the body ends with the signature.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::LazyLock;

const FR: &str = include_str!("../../locales/fr/mail.ftl");
const EN: &str = include_str!("../../locales/en/mail.ftl");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailLang {
    Fr,
    En,
}

fn bundle(lang: unic_langid::LanguageIdentifier, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    // Checked by the tests below and by e2e/tests/locales.rs.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

static BUNDLES: LazyLock<(FluentBundle<FluentResource>, FluentBundle<FluentResource>)> =
    LazyLock::new(|| {
        (
            bundle(unic_langid::langid!("fr"), FR),
            bundle(unic_langid::langid!("en"), EN),
        )
    });

fn format(lang: MailLang, key: &str, args: &FluentArgs) -> String {
    let bundle = match lang {
        MailLang::Fr => &BUNDLES.0,
        MailLang::En => &BUNDLES.1,
    };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(args), &mut errors)
        .into_owned()
}

/// The subject and body of the message `key` (e.g. `convention-created`).
pub fn render(lang: MailLang, key: &str, args: &[(&str, String)]) -> (String, String) {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    let subject = format(lang, &format!("{key}-subject"), &fluent);
    let body = format!(
        "{}\n\n{}\n",
        format(lang, &format!("{key}-body"), &fluent),
        format(lang, "signature", &fluent)
    );
    (subject, body)
}

/// Every message the code sends, so that a test can check both languages.
pub const KEYS: [&str; 9] = [
    "convention-created",
    "convention-to-validate",
    "validation-given",
    "validation-withdrawn",
    "convention-rejected",
    "amendment-created",
    "amendment-validated",
    "evaluation-requested",
    "evaluation-reminder",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_with_its_placeables_filled() {
        let args = [
            ("number", "2026-000001".to_owned()),
            ("student", "Camille Martin".to_owned()),
            ("host", "SGI".to_owned()),
            ("centre", "Sciences".to_owned()),
            ("level", "validation pédagogique".to_owned()),
            ("reason", "dates".to_owned()),
            ("title", "Prolongation".to_owned()),
            ("link", "http://stages/x".to_owned()),
        ];
        for lang in [MailLang::Fr, MailLang::En] {
            for key in KEYS {
                let (subject, body) = render(lang, key, &args);
                assert!(!subject.ends_with("-subject"), "{key} has no subject");
                assert!(!body.contains("-body"), "{key} has no body");
                assert!(
                    !subject.contains('{') && !body.contains('{'),
                    "{key}: {body}"
                );
                assert!(body.contains("Stages"));
            }
        }
    }
}
