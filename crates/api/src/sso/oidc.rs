//! OpenID Connect: the authorisation code flow with PKCE, for universities
//! whose identity provider speaks OIDC (many front their CAS with one).
//! The `openidconnect` crate reads the provider's discovery document and
//! keys, builds the authorisation request, exchanges the code and checks
//! the ID token (signature, issuer, audience, expiry, nonce). The person's
//! claims are read at the userinfo endpoint, for the same subject, and go
//! through the same kind of mapping as CAS attributes.

use super::{AttributeMap, Attributes};
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AccessToken, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId,
    ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, SignatureVerificationError, TokenResponse,
};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// Largest answer read from the provider (discovery, keys, tokens,
/// userinfo).
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024;
/// How long the discovery document and keys are kept before being read
/// again (a provider rotates its keys now and then).
pub const METADATA_TTL: Duration = Duration::from_secs(600);
/// Shortest time between two readings forced by an ID token signed with a
/// key not read yet, so that such tokens cannot make Stages hammer the
/// provider.
pub const MIN_REREAD: Duration = Duration::from_secs(30);
/// How long a sign-in may take between leaving for the provider and
/// coming back.
pub const LOGIN_TTL_MINUTES: i64 = 10;

/// The OpenID provider Stages trusts, and Stages' client there.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// Its issuer, e.g. `https://idp.univ.fr/realms/univ`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Scopes asked for besides `openid`.
    pub scopes: Vec<String>,
    pub claims: AttributeMap,
}

/// Standard claim names, and SUPANN's for the university's facts.
pub const DEFAULT_OIDC_CLAIMS: &str = "username=preferred_username,email=email,first_name=given_name,last_name=family_name,display_name=name,department=supannEntiteAffectationPrincipale,affiliations=eduPersonAffiliation,student_number=supannEtuId";
pub const DEFAULT_OIDC_SCOPES: &str = "profile email";

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("OIDC: {0}")]
    Http(#[from] reqwest::Error),
    #[error("OIDC: answer larger than {MAX_RESPONSE_BYTES} bytes")]
    TooLarge,
    #[error("OIDC: {0}")]
    Protocol(String),
}

/// The provider's discovery document and keys, read once in a while.
#[derive(Default)]
pub struct MetadataCache(RwLock<Option<(Instant, Arc<CoreProviderMetadata>)>>);

/// openidconnect's HTTP calls, made with the server's client (no
/// redirects, a time limit) and a bounded body.
async fn send(
    client: reqwest::Client,
    request: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, OidcError> {
    let (parts, body) = request.into_parts();
    let mut builder = client
        .request(parts.method, parts.uri.to_string())
        .body(body);
    for (name, value) in &parts.headers {
        builder = builder.header(name, value);
    }
    let mut response = builder.send().await?;
    let mut answer = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        answer = answer.header(name, value);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(OidcError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    answer
        .body(body)
        .map_err(|e| OidcError::Protocol(e.to_string()))
}

/// The error and its causes, for the logs (the outer messages alone say
/// little: "Request failed").
fn protocol(e: impl std::error::Error) -> OidcError {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    OidcError::Protocol(text)
}

/// Endpoints the discovery document names must be as safe as the issuer:
/// https (http on this machine only), since the client secret and tokens
/// travel to them.
fn check_endpoint(url: &str) -> Result<(), OidcError> {
    super::cas::parse_url(url)
        .map(|_| ())
        .map_err(|e| OidcError::Protocol(e.to_string()))
}

impl MetadataCache {
    /// The provider's metadata, read again when older than the TTL.
    pub async fn get(
        &self,
        http: &reqwest::Client,
        config: &OidcConfig,
    ) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        self.read(http, config, METADATA_TTL).await
    }

    /// The metadata read again, unless it was less than `MIN_REREAD` ago:
    /// for an ID token signed with a key the provider rotated in since.
    pub async fn reread(
        &self,
        http: &reqwest::Client,
        config: &OidcConfig,
    ) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        self.read(http, config, MIN_REREAD).await
    }

    async fn read(
        &self,
        http: &reqwest::Client,
        config: &OidcConfig,
        max_age: Duration,
    ) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        if let Some((at, metadata)) = self.0.read().await.as_ref()
            && at.elapsed() < max_age
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(config.issuer.clone()).map_err(protocol)?;
        let client = http.clone();
        let caller = move |request| send(client.clone(), request);
        let metadata = Arc::new(
            CoreProviderMetadata::discover_async(issuer, &caller)
                .await
                .map_err(protocol)?,
        );
        check_endpoint(metadata.authorization_endpoint().url().as_str())?;
        check_endpoint(metadata.jwks_uri().url().as_str())?;
        if let Some(token) = metadata.token_endpoint() {
            check_endpoint(token.url().as_str())?;
        }
        if let Some(userinfo) = metadata.userinfo_endpoint() {
            check_endpoint(userinfo.url().as_str())?;
        }
        *self.0.write().await = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }
}

/// What a sign-in keeps between leaving for the provider and coming back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The provider's authorisation address for a new sign-in, and what the
/// callback will need to finish it.
pub fn authorisation(
    metadata: &CoreProviderMetadata,
    config: &OidcConfig,
    redirect: &str,
) -> Result<(reqwest::Url, Pending), OidcError> {
    let client = CoreClient::from_provider_metadata(
        metadata.clone(),
        ClientId::new(config.client_id.clone()),
        Some(ClientSecret::new(config.client_secret.clone())),
    )
    .set_redirect_uri(RedirectUrl::new(redirect.to_owned()).map_err(protocol)?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    for scope in &config.scopes {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, state, nonce) = request.url();
    let url = reqwest::Url::parse(url.as_str()).map_err(protocol)?;
    Ok((
        url,
        Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        },
    ))
}

/// Stages' client at the provider described by `metadata`.
fn client_of(
    metadata: &CoreProviderMetadata,
    config: &OidcConfig,
    redirect: &str,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    OidcError,
> {
    Ok(CoreClient::from_provider_metadata(
        metadata.clone(),
        ClientId::new(config.client_id.clone()),
        Some(ClientSecret::new(config.client_secret.clone())),
    )
    .set_redirect_uri(RedirectUrl::new(redirect.to_owned()).map_err(protocol)?))
}

/// Exchanges the code (with the PKCE verifier), checks the ID token
/// against the nonce, and reads the claims of the same subject: the
/// claims and the subject (`sub`). An ID token signed with a key not read
/// yet makes the keys be read again (the provider rotated them), once.
pub async fn finish(
    http: &reqwest::Client,
    cache: &MetadataCache,
    config: &OidcConfig,
    redirect: &str,
    code: &str,
    pending: &Pending,
) -> Result<(Attributes, String), OidcError> {
    let metadata = cache.get(http, config).await?;
    let client = client_of(&metadata, config, redirect)?;
    let caller = {
        let http = http.clone();
        move |request| send(http.clone(), request)
    };
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(protocol)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(&caller)
        .await
        .map_err(protocol)?;
    let id_token = tokens
        .id_token()
        .ok_or_else(|| OidcError::Protocol("no ID token".into()))?;
    let nonce = Nonce::new(pending.nonce.clone());
    let subject = match id_token.claims(&client.id_token_verifier(), &nonce) {
        Ok(claims) => claims.subject().as_str().to_owned(),
        Err(ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey,
        )) => {
            tracing::info!("an ID token signed with a key not read yet: the keys are read again");
            let fresh = cache.reread(http, config).await?;
            let client = client_of(&fresh, config, redirect)?;
            id_token
                .claims(&client.id_token_verifier(), &nonce)
                .map_err(protocol)?
                .subject()
                .as_str()
                .to_owned()
        }
        Err(e) => return Err(protocol(e)),
    };
    let userinfo = metadata
        .userinfo_endpoint()
        .ok_or_else(|| OidcError::Protocol("no userinfo endpoint".into()))?;
    let (info, info_json) =
        userinfo_claims(http, userinfo.url().as_str(), tokens.access_token()).await?;
    // Exactly the same subject: a string, compared as is.
    let same = response_subject(&info_json) == Some(subject.as_str());
    if !same {
        return Err(OidcError::Protocol(
            "the userinfo subject is not the ID token's".into(),
        ));
    }
    Ok((info, subject))
}

/// The userinfo endpoint's JSON object as attributes: strings, numbers and
/// booleans as one value, arrays of them as several.
async fn userinfo_claims(
    http: &reqwest::Client,
    url: &str,
    token: &AccessToken,
) -> Result<(Attributes, serde_json::Value), OidcError> {
    let response = send(
        http.clone(),
        http::Request::get(url)
            .header("Authorization", format!("Bearer {}", token.secret()))
            .header("Accept", "application/json")
            .body(Vec::new())
            .map_err(protocol)?,
    )
    .await?;
    if !response.status().is_success() {
        return Err(OidcError::Protocol(format!(
            "userinfo answered {}",
            response.status()
        )));
    }
    let json: serde_json::Value = serde_json::from_slice(response.body()).map_err(protocol)?;
    let claims = claims_of(&json)
        .ok_or_else(|| OidcError::Protocol("userinfo is not a JSON object".into()))?;
    Ok((claims, json))
}

/// The `sub` of a userinfo answer, when it is a string.
fn response_subject(json: &serde_json::Value) -> Option<&str> {
    json.get("sub").and_then(serde_json::Value::as_str)
}

/// The claims of a JSON object, as attributes.
pub fn claims_of(json: &serde_json::Value) -> Option<Attributes> {
    let scalar = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let mut attributes = Attributes::default();
    for (name, value) in json.as_object()? {
        match value {
            serde_json::Value::Array(items) => {
                for item in items.iter().filter_map(scalar) {
                    attributes.push(name, item);
                }
            }
            other => {
                if let Some(v) = scalar(other) {
                    attributes.push(name, v);
                }
            }
        }
    }
    Some(attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_becomes_attributes_the_mapping_reads() {
        let json = serde_json::json!({
            "sub": "1",
            "preferred_username": "cmartin",
            "given_name": "Camille",
            "family_name": "Martin",
            "eduperson_affiliation": ["student", "member"],
            "supann_etu_id": "22401234",
            "address": {"locality": "Lille"},
        });
        let claims = claims_of(&json).expect("an object");
        let map = AttributeMap::parse(
            DEFAULT_OIDC_CLAIMS,
            Some("affiliations=eduperson_affiliation,student_number=supann_etu_id"),
        )
        .expect("valid");
        let person = map.person("", &claims).expect("usable");
        assert_eq!(person.uid, "cmartin");
        assert_eq!(person.display_name, "Camille Martin");
        assert_eq!(person.affiliations, ["student", "member"]);
        assert_eq!(person.student_number.as_deref(), Some("22401234"));
        assert!(claims_of(&serde_json::json!(["not", "an", "object"])).is_none());
        assert_eq!(response_subject(&json), Some("1"));
        for loose in [
            serde_json::json!({"SUB": "1"}),
            serde_json::json!({"sub": ["1"]}),
            serde_json::json!({"sub": 1}),
        ] {
            assert_eq!(response_subject(&loose), None, "{loose}");
        }
    }
}
