//! CAS 3.0: the browser is sent to the CAS server's `/login`, comes back
//! with a service ticket, which Stages checks server to server at
//! `/p3/serviceValidate` for the same service address. A ticket is good
//! once, for one service, for seconds; the CAS server enforces all three
//! and Stages also refuses a ticket it has already seen. When the person
//! signs out of CAS, the CAS server posts a SAML `LogoutRequest` naming
//! the ticket to the service address (back-channel single logout).

use super::Attributes;
use reqwest::Url;
use std::time::Duration;

/// How long the CAS server may take to answer a validation.
pub const TIMEOUT: Duration = Duration::from_secs(5);
/// Largest validation answer read: a person's attributes fit in a few KB.
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;
/// Longest ticket accepted (CAS 3.0 allows up to 256 characters).
pub const MAX_TICKET_CHARS: usize = 256;

/// The CAS server Stages trusts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasConfig {
    /// Its base address, such as `https://cas.univ.fr/cas` (no final `/`).
    pub url: Url,
    pub attributes: super::AttributeMap,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CasUrlError {
    #[error("the single sign-on address {0:?} is not an http(s) URL")]
    NotHttp(String),
    #[error(
        "the single sign-on address {0:?} is plain http on a remote host: tickets and codes would travel in clear; use https"
    )]
    Cleartext(String),
}

/// Reads a configured provider address (CAS base, OIDC issuer): https, or
/// http on this machine only.
pub fn parse_url(text: &str) -> Result<Url, CasUrlError> {
    let trimmed = text.trim().trim_end_matches('/');
    let url = Url::parse(trimmed).map_err(|_| CasUrlError::NotHttp(text.to_owned()))?;
    let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => Ok(url),
        "http" if local => Ok(url),
        "http" => Err(CasUrlError::Cleartext(text.to_owned())),
        _ => Err(CasUrlError::NotHttp(text.to_owned())),
    }
}

fn endpoint(config: &CasConfig, path: &str, query: &[(&str, &str)]) -> Url {
    let mut url = config.url.clone();
    url.set_path(&format!(
        "{}/{path}",
        config.url.path().trim_end_matches('/')
    ));
    url.query_pairs_mut().clear().extend_pairs(query);
    url
}

/// Where the browser signs in, to come back to `service`.
pub fn login_url(config: &CasConfig, service: &str) -> Url {
    endpoint(config, "login", &[("service", service)])
}

/// Where the browser ends its CAS session, to come back to `back_to`.
pub fn logout_url(config: &CasConfig, back_to: &str) -> Url {
    endpoint(config, "logout", &[("service", back_to)])
}

fn validate_url(config: &CasConfig, service: &str, ticket: &str) -> Url {
    endpoint(
        config,
        "p3/serviceValidate",
        &[("service", service), ("ticket", ticket)],
    )
}

/// A ticket as CAS writes them (`ST-` and URL-safe characters): anything
/// else is refused without asking the CAS server.
pub fn plausible_ticket(ticket: &str) -> bool {
    ticket.starts_with("ST-")
        && ticket.len() <= MAX_TICKET_CHARS
        && ticket
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// What the CAS server said of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validation {
    Valid {
        user: String,
        attributes: Attributes,
    },
    /// `INVALID_TICKET` (unknown, used or expired), `INVALID_SERVICE`
    /// (issued for another service), …
    Refused { code: String },
}

#[derive(Debug, thiserror::Error)]
pub enum CasError {
    #[error("CAS: {0}")]
    Http(#[from] reqwest::Error),
    #[error("CAS: no answer within {0:?}")]
    Timeout(Duration),
    #[error("CAS: answered HTTP {0}")]
    Status(u16),
    #[error("CAS: answer larger than {MAX_RESPONSE_BYTES} bytes")]
    TooLarge,
    #[error("CAS: unreadable answer: {0}")]
    Unreadable(String),
}

/// Asks the CAS server whether `ticket` signs someone in to `service`.
pub async fn validate(
    http: &reqwest::Client,
    config: &CasConfig,
    service: &str,
    ticket: &str,
) -> Result<Validation, CasError> {
    let work = async {
        let mut response = http
            .get(validate_url(config, service, ticket))
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(CasError::Status(response.status().as_u16()));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                return Err(CasError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        let text = String::from_utf8(body).map_err(|e| CasError::Unreadable(e.to_string()))?;
        parse_response(&text)
    };
    tokio::time::timeout(TIMEOUT, work)
        .await
        .map_err(|_| CasError::Timeout(TIMEOUT))?
}

const CAS_NS: &str = "http://www.yale.edu/tp/cas";

/// Reads a `serviceResponse`. roxmltree refuses DTDs, so an answer cannot
/// define entities (no external or exponential entity expansion).
pub fn parse_response(xml: &str) -> Result<Validation, CasError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| CasError::Unreadable(e.to_string()))?;
    let root = doc.root_element();
    if !root.has_tag_name((CAS_NS, "serviceResponse")) {
        return Err(CasError::Unreadable("not a CAS serviceResponse".into()));
    }
    fn child<'a, 'input>(
        node: roxmltree::Node<'a, 'input>,
        name: &str,
    ) -> Option<roxmltree::Node<'a, 'input>> {
        node.children()
            .find(|n| n.is_element() && n.has_tag_name((CAS_NS, name)))
    }
    if let Some(failure) = child(root, "authenticationFailure") {
        return Ok(Validation::Refused {
            code: failure.attribute("code").unwrap_or("UNKNOWN").to_owned(),
        });
    }
    let success = child(root, "authenticationSuccess")
        .ok_or_else(|| CasError::Unreadable("neither success nor failure".into()))?;
    let user = child(success, "user")
        .and_then(|u| u.text())
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    let mut attributes = Attributes::default();
    if let Some(list) = child(success, "attributes") {
        for attribute in list.children().filter(roxmltree::Node::is_element) {
            if let Some(value) = attribute.text() {
                attributes.push(attribute.tag_name().name(), value.trim().to_owned());
            }
        }
    }
    Ok(Validation::Valid { user, attributes })
}

const SAML_PROTOCOL_NS: &str = "urn:oasis:names:tc:SAML:2.0:protocol";

/// The ticket a back-channel `LogoutRequest` ends, if it is one.
pub fn logout_session_index(xml: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let root = doc.root_element();
    if !root.has_tag_name((SAML_PROTOCOL_NS, "LogoutRequest")) {
        return None;
    }
    root.children()
        .find(|n| n.has_tag_name((SAML_PROTOCOL_NS, "SessionIndex")))
        .and_then(|n| n.text())
        .map(str::trim)
        .filter(|t| plausible_ticket(t))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What django-cas-server 3.1 answers, trimmed.
    const SUCCESS: &str = r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>cmartin</cas:user>
    <cas:attributes>
      <cas:displayName>Camille Martin</cas:displayName>
      <cas:mail>camille.martin@etu.univ-demo.fr</cas:mail>
      <cas:eduPersonAffiliation>student</cas:eduPersonAffiliation>
      <cas:eduPersonAffiliation>member</cas:eduPersonAffiliation>
    </cas:attributes>
    <cas:attribute name="mail" value="camille.martin@etu.univ-demo.fr"/>
  </cas:authenticationSuccess>
</cas:serviceResponse>"#;

    #[test]
    fn a_success_names_the_user_and_their_attributes() {
        let Ok(Validation::Valid { user, attributes }) = parse_response(SUCCESS) else {
            panic!("a success");
        };
        assert_eq!(user, "cmartin");
        let mut expected = Attributes::default();
        expected.push("displayName", "Camille Martin".into());
        expected.push("mail", "camille.martin@etu.univ-demo.fr".into());
        expected.push("eduPersonAffiliation", "student".into());
        expected.push("eduPersonAffiliation", "member".into());
        assert_eq!(attributes, expected);
    }

    #[test]
    fn failures_keep_their_code_and_entities_are_refused() {
        let failure = r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
 <cas:authenticationFailure code="INVALID_SERVICE">http://x/</cas:authenticationFailure>
</cas:serviceResponse>"#;
        assert_eq!(
            parse_response(failure).ok(),
            Some(Validation::Refused {
                code: "INVALID_SERVICE".into()
            })
        );
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa">]>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">&a;</cas:serviceResponse>"#;
        assert!(parse_response(bomb).is_err());
        assert!(parse_response("<html>CAS is down</html>").is_err());
    }

    #[test]
    fn a_logout_request_names_its_ticket() {
        let request = r#"<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
 ID="1" Version="2.0" IssueInstant="2026-12-04T15:36:09+00:00">
<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"></saml:NameID>
<samlp:SessionIndex>ST-abc123</samlp:SessionIndex>
</samlp:LogoutRequest>"#;
        assert_eq!(logout_session_index(request).as_deref(), Some("ST-abc123"));
        assert_eq!(logout_session_index("<a/>"), None);
    }

    #[test]
    fn addresses_are_built_from_the_base() {
        let config = CasConfig {
            url: parse_url("https://cas.univ.fr/cas/").expect("valid"),
            attributes: super::super::AttributeMap::parse(
                super::super::DEFAULT_CAS_ATTRIBUTES,
                None,
            )
            .expect("default"),
        };
        assert_eq!(
            login_url(
                &config,
                "https://stages.univ.fr/api/auth/cas/callback?next=/a&b"
            )
            .as_str(),
            "https://cas.univ.fr/cas/login?service=https%3A%2F%2Fstages.univ.fr%2Fapi%2Fauth%2Fcas%2Fcallback%3Fnext%3D%2Fa%26b"
        );
        assert_eq!(
            validate_url(&config, "s", "ST-1").as_str(),
            "https://cas.univ.fr/cas/p3/serviceValidate?service=s&ticket=ST-1"
        );
        assert!(matches!(
            parse_url("http://cas.univ.fr/cas"),
            Err(CasUrlError::Cleartext(_))
        ));
        assert!(parse_url("http://127.0.0.1:9000/cas").is_ok());
        assert!(!plausible_ticket("ST-<script>"));
        assert!(!plausible_ticket("PT-123"));
    }
}
