-- The host's name stored rather than computed when read. SQLite adds only
-- virtual generated columns to an existing table (migration 25), and a
-- virtual one parses the 2.4 KB content at every read: a quarter more
-- instructions for a manager's search than a stored name (BENCHMARKS.md).
-- Triggers keep it, so that every writer does, a replica of an earlier
-- version included. The backfill reads every content once: about a
-- second per 100,000 conventions.
ALTER TABLE conventions DROP COLUMN organisation_name;
ALTER TABLE conventions ADD COLUMN organisation_name TEXT;
UPDATE conventions SET organisation_name = json_extract(content, '$.organisation.name');
CREATE TRIGGER conventions_organisation_name_inserted AFTER INSERT ON conventions BEGIN
    UPDATE conventions SET organisation_name = json_extract(NEW.content, '$.organisation.name')
    WHERE id = NEW.id;
END;
CREATE TRIGGER conventions_organisation_name_updated AFTER UPDATE OF content ON conventions BEGIN
    UPDATE conventions SET organisation_name = json_extract(NEW.content, '$.organisation.name')
    WHERE id = NEW.id;
END;
