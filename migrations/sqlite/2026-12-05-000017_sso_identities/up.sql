-- Which person of an OpenID provider an account is: the provider's `sub`
-- (stable, never reassigned), bound at the account's first sign-in
-- through that provider. A username the provider later gives to someone
-- else then no longer opens the account; a renamed person keeps theirs.
CREATE TABLE sso_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE UNIQUE INDEX sso_identities_user ON sso_identities (issuer, user_id);
