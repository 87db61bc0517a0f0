-- What an offer says beyond its title and place, and its numbering:
-- OF-2026-0001, one counter per year.
ALTER TABLE offers ADD COLUMN contract TEXT;
ALTER TABLE offers ADD COLUMN paid BOOLEAN;
ALTER TABLE offers ADD COLUMN disability_friendly BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE offers ADD COLUMN department TEXT;
ALTER TABLE offers ADD COLUMN closed_at TIMESTAMP;
CREATE INDEX offers_organisation ON offers (organisation_id);
CREATE INDEX conventions_offer ON conventions (offer_id);

CREATE TABLE offer_counters (
    year INTEGER PRIMARY KEY,
    last_value BIGINT NOT NULL
);
