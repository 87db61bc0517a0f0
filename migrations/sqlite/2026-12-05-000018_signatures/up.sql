-- The signature circuit of a convention (issue 17). A circuit opens when
-- the convention is validated, with the parties its centre's settings
-- name; it keeps the exact agreement sent for signature (the bytes every
-- signer sees, and their SHA-256) and, once every party signed, the
-- sealed final PDF. Withdrawing the validation closes it (withdrawn_at)
-- and keeps it, with its signatures, as evidence; one open circuit per
-- convention (and, later, per amendment).
CREATE TABLE signature_circuits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    convention_id BIGINT NOT NULL REFERENCES conventions (id) ON DELETE CASCADE,
    parties TEXT NOT NULL,
    signing_order TEXT NOT NULL,
    opened_on DATE NOT NULL,
    sent_on DATE,
    document BLOB,
    document_sha256 TEXT,
    signed_document BLOB,
    signed_on DATE,
    withdrawn_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX signature_circuits_open ON signature_circuits (convention_id) WHERE withdrawn_at IS NULL;
CREATE INDEX signature_circuits_convention ON signature_circuits (convention_id);
-- The search filter "not signed by the first day" (CONV-03) reads the
-- open circuits and the day their last signature came (signed_on).
CREATE INDEX signature_circuits_open_signed ON signature_circuits (convention_id, signed_on) WHERE withdrawn_at IS NULL;

-- One party's signature, with its evidence: who recorded it (staff, for
-- paper), or the signer's address and user agent (electronic), and the
-- SHA-256 of the PDF signed. A paper signature keeps the signed scan.
-- The unique key makes "each party signs once" hold under concurrency.
CREATE TABLE signatures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    circuit_id BIGINT NOT NULL REFERENCES signature_circuits (id) ON DELETE CASCADE,
    party TEXT NOT NULL,
    signed_on DATE NOT NULL,
    method TEXT NOT NULL,
    signer_name TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    address TEXT,
    user_agent TEXT,
    document_sha256 TEXT,
    scan BLOB,
    scan_sha256 TEXT,
    recorded_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX signatures_party ON signatures (circuit_id, party);

-- The signing links sent to each party (a signed token naming this row,
-- revocable, expiring, spent by the signature) and the one-time code
-- mailed to confirm: the code is derived from the server's secret and a
-- random nonce kept here, so the database alone never holds a code.
CREATE TABLE signature_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    circuit_id BIGINT NOT NULL REFERENCES signature_circuits (id) ON DELETE CASCADE,
    party TEXT NOT NULL,
    email TEXT NOT NULL,
    signer_name TEXT NOT NULL,
    jti TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    used_at TIMESTAMP,
    code_nonce TEXT,
    code_sent_at TIMESTAMP,
    code_expires_at TIMESTAMP,
    code_attempts INTEGER NOT NULL DEFAULT 0,
    reminders INTEGER NOT NULL DEFAULT 0,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX signature_requests_jti ON signature_requests (jti);
CREATE INDEX signature_requests_circuit ON signature_requests (circuit_id);

-- A queued mail that carries a signing link and code holds placeholders;
-- the mail worker fills them from this request when it sends.
ALTER TABLE outbox ADD COLUMN signature_request_id BIGINT REFERENCES signature_requests (id) ON DELETE SET NULL;
