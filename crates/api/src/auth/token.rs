//! Short-lived access tokens: HS256 JWTs with the algorithm pinned, an
//! audience and an issuer, so a token minted for another service or with
//! another algorithm (including `none`) is refused.

use super::Role;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const AUDIENCE: &str = "stages-api";
pub const ISSUER: &str = "stages";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub roles: Vec<Role>,
    pub aud: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    /// The sign-in (refresh-token family) the token was issued for: what a
    /// change of password keeps while it ends the account's others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
}

#[derive(Clone)]
pub struct TokenService {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime_secs: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the JWT secret must not be empty")]
    EmptySecret,
    #[error("cannot sign the token: {0}")]
    Sign(jsonwebtoken::errors::Error),
}

impl TokenService {
    pub fn new(secret: &[u8], lifetime_minutes: i64) -> Result<Self, TokenError> {
        let encoding = EncodingKey::from_secret(secret).map_err(|_| TokenError::EmptySecret)?;
        let decoding = DecodingKey::from_secret(secret).map_err(|_| TokenError::EmptySecret)?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "aud", "iss"]);
        validation.leeway = 5;
        Ok(Self {
            encoding,
            decoding,
            validation,
            lifetime_secs: lifetime_minutes * 60,
        })
    }

    pub fn lifetime_secs(&self) -> i64 {
        self.lifetime_secs
    }

    /// Issues a token for `user_id`, of the sign-in `sid`, valid from
    /// `now` (Unix seconds).
    pub fn issue(
        &self,
        user_id: i64,
        roles: Vec<Role>,
        sid: Option<&str>,
        now: i64,
    ) -> Result<String, TokenError> {
        let claims = Claims {
            sid: sid.map(str::to_owned),
            sub: user_id.to_string(),
            roles,
            aud: AUDIENCE.to_owned(),
            iss: ISSUER.to_owned(),
            iat: now,
            exp: now + self.lifetime_secs,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(TokenError::Sign)
    }

    /// The claims of a valid token; `None` for anything else (bad signature,
    /// other algorithm, wrong audience or issuer, expired, malformed).
    pub fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service() -> TokenService {
        TokenService::new(b"test secret", 15).expect("service")
    }

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    #[test]
    fn a_fresh_token_verifies() {
        let s = service();
        let token = s
            .issue(7, vec![Role::Student], Some("f"), now())
            .expect("token");
        let claims = s.verify(&token).expect("valid");
        assert_eq!(claims.sub, "7");
        assert_eq!(claims.roles, vec![Role::Student]);
    }

    #[test]
    fn expired_token_is_refused() {
        let s = service();
        let token = s.issue(7, vec![], None, now() - 3600).expect("token");
        assert!(s.verify(&token).is_none());
    }

    #[test]
    fn token_signed_with_another_secret_is_refused() {
        let other = TokenService::new(b"other secret", 15).expect("service");
        let token = other
            .issue(7, vec![Role::Admin], None, now())
            .expect("token");
        assert!(service().verify(&token).is_none());
    }

    #[test]
    fn unsigned_alg_none_token_is_refused() {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let t = now();
        let payload = b64.encode(
            format!(
                r#"{{"sub":"1","roles":["admin"],"aud":"{AUDIENCE}","iss":"{ISSUER}","iat":{t},"exp":{}}}"#,
                t + 600
            )
            .as_bytes(),
        );
        assert!(service().verify(&format!("{header}.{payload}.")).is_none());
    }

    #[test]
    fn wrong_audience_is_refused() {
        let s = service();
        let t = now();
        let claims = Claims {
            sub: "1".into(),
            roles: vec![],
            aud: "another-service".into(),
            iss: ISSUER.into(),
            iat: t,
            exp: t + 600,
            sid: None,
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"test secret").expect("key"),
        )
        .expect("encode");
        assert!(s.verify(&token).is_none());
    }
}
