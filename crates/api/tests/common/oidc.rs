//! The test OpenID provider `cargo xtask test` starts
//! (django-oidc-provider over the test directory): a browser's visit, from
//! Stages' redirect to the provider's sign-in form and back.
#![allow(dead_code)]

use stages_api::sso::oidc::OidcConfig;
use stages_api::sso::{AttributeMap, oidc::DEFAULT_OIDC_CLAIMS};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name}: run the OpenID Connect tests through `cargo xtask test`")
    })
}

/// Stages' client at the test provider, reading the claims it releases.
pub fn config() -> OidcConfig {
    OidcConfig {
        issuer: var("STAGES_TEST_OIDC_ISSUER"),
        client_id: var("STAGES_TEST_OIDC_CLIENT_ID"),
        client_secret: var("STAGES_TEST_OIDC_CLIENT_SECRET"),
        scopes: vec!["profile".into(), "email".into(), "university".into()],
        claims: AttributeMap::parse(
            DEFAULT_OIDC_CLAIMS,
            Some("affiliations=eduperson_affiliation,student_number=supann_etu_id"),
        )
        .unwrap(),
    }
}

/// Registers a test server's addresses with the Stages client, as the
/// provider's administrator would.
pub async fn register(base: &str) {
    let res = reqwest::Client::new()
        .post(var("STAGES_TEST_OIDC_REGISTRATION"))
        .form(&[("base", base)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "registration: {}", res.status());
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in the form"))
        + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].replace("&amp;", "&")
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .unwrap_or_else(|| panic!("no redirect: {}", res.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

/// A browser at the provider: its cookies; redirects followed by hand.
pub struct ProviderBrowser {
    client: reqwest::Client,
    origin: String,
}

impl ProviderBrowser {
    pub fn new() -> Self {
        let issuer = var("STAGES_TEST_OIDC_ISSUER");
        let origin = issuer.trim_end_matches("/openid").to_owned();
        Self {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            origin,
        }
    }

    fn absolute(&self, location: &str) -> String {
        if location.starts_with('/') {
            format!("{}{location}", self.origin)
        } else {
            location.to_owned()
        }
    }

    /// Follows Stages' redirect to the provider; signs in on its form as
    /// `username` when it asks; returns where the provider sends the
    /// browser back (Stages' callback with a code and the state).
    pub async fn authorise(&self, authorize: &str, username: &str, password: &str) -> String {
        let res = self.client.get(authorize).send().await.unwrap();
        let next = location(&res);
        if next.contains("/accounts/login/") {
            let form = self.absolute(&next);
            let page = self
                .client
                .get(&form)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let res = self
                .client
                .post(&form)
                .form(&[
                    (
                        "csrfmiddlewaretoken",
                        hidden(&page, "csrfmiddlewaretoken").as_str(),
                    ),
                    ("username", username),
                    ("password", password),
                    ("next", hidden(&page, "next").as_str()),
                ])
                .send()
                .await
                .unwrap();
            let back = self.absolute(&location(&res));
            let res = self.client.get(&back).send().await.unwrap();
            return location(&res);
        }
        next
    }
}
