-- OpenID Connect sign-ins under way: between leaving for the provider and
-- coming back, the state (stored as its SHA-256, also kept in the
-- browser's cookie), the nonce the ID token must carry, the PKCE verifier
-- and where to go afterwards. Each row is taken once, within minutes.
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next_path TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX oidc_logins_created ON oidc_logins (created_at);
