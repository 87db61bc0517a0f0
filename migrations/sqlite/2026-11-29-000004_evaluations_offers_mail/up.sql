-- Mail to send: written in the same transaction as the change it reports,
-- sent by a worker. A worker claims a row for a while (claimed_until) so
-- that two replicas never send the same mail; dedupe_key stops a scheduled
-- mail from being queued twice.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    convention_id BIGINT,
    dedupe_key TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at);
CREATE UNIQUE INDEX outbox_dedupe ON outbox (dedupe_key);

-- Offers (internship, apprenticeship, job).
CREATE TABLE offers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    city TEXT NOT NULL,
    postal_code TEXT,
    country_code TEXT NOT NULL,
    start_date DATE,
    end_date DATE,
    contact_name TEXT,
    contact_email TEXT,
    status TEXT NOT NULL,
    centre_id BIGINT REFERENCES centres (id),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    published_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX offers_number ON offers (number);
CREATE INDEX offers_status ON offers (status, id);

ALTER TABLE conventions ADD COLUMN offer_id BIGINT REFERENCES offers (id);

-- A centre's questionnaires: the national sections and questions it keeps,
-- in its order, with its own questions.
CREATE TABLE evaluation_forms (
    centre_id BIGINT NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    form TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (centre_id, kind)
);

-- One questionnaire's answers for one convention, as a draft then submitted.
CREATE TABLE evaluation_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    form TEXT NOT NULL,
    answers TEXT NOT NULL,
    submitted_at TIMESTAMP,
    submitted_by TEXT,
    requested_at TIMESTAMP,
    reminders INTEGER NOT NULL DEFAULT 0,
    last_reminder_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX evaluation_answers_key ON evaluation_answers (convention_id, kind);

-- Links given to workplace tutors (no account): a signed token, recorded
-- so that it can be revoked, and single use for the final submission.
CREATE TABLE evaluation_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
    jti TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    used_at TIMESTAMP,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX evaluation_links_jti ON evaluation_links (jti);
CREATE INDEX evaluation_links_convention ON evaluation_links (convention_id);
