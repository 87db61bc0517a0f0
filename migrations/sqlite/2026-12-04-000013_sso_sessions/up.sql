-- Sign-ins through single sign-on: the provider's session (a CAS service
-- ticket, stored as its SHA-256) and the Stages sign-in (refresh-token
-- family) it opened. A ticket opens one sign-in only (the unique index),
-- and the CAS server's back-channel logout names the ticket whose
-- sign-in it ends.
CREATE TABLE sso_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    provider TEXT NOT NULL,
    session_hash TEXT NOT NULL,
    family TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX sso_sessions_session ON sso_sessions (provider, session_hash);
CREATE INDEX sso_sessions_created ON sso_sessions (created_at);
