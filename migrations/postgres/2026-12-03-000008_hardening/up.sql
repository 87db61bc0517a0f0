-- A username names one account whatever its case: the directory compares
-- names without case, so "ADMIN" and "admin" must not be two accounts
-- (a directory person could otherwise sign in as a local one).
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

-- A ticket belongs to the centre whose staff handle it: the convention's
-- centre, else its author's latest convention's (new tickets), else the
-- fallback centre. A manager reads the tickets of the centres they manage
-- only; tickets made before this version go to their convention's centre,
-- or to the fallback centre.
ALTER TABLE tickets ADD COLUMN centre_id BIGINT REFERENCES centres (id) ON DELETE SET NULL;
UPDATE tickets SET centre_id = (
    SELECT conventions.centre_id FROM conventions WHERE conventions.id = tickets.convention_id
);
UPDATE tickets SET centre_id = (
    SELECT centres.id FROM centres WHERE centres.is_fallback ORDER BY centres.id LIMIT 1
) WHERE centre_id IS NULL;
CREATE INDEX tickets_centre ON tickets (centre_id, id);

-- The tutor's link a queued mail carries, signed by the worker when it
-- sends: the body holds a placeholder for this link only, so neither the
-- outbox nor a text someone typed into a mail can yield a usable link.
ALTER TABLE outbox ADD COLUMN link_id BIGINT REFERENCES evaluation_links (id) ON DELETE SET NULL;
