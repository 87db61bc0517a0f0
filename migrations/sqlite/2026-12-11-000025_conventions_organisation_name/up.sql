-- The host's name as the conventions' search results show it, read by the
-- database from the content (PostgreSQL stores it): a page of results
-- then hands the server 25 names rather than 25 contents of 2.4 KB, which
-- it parsed for the name. Generated, so that every writer keeps it; SQLite
-- adds only virtual ones to an existing table, computed when read.
ALTER TABLE conventions ADD COLUMN organisation_name TEXT
    GENERATED ALWAYS AS (json_extract(content, '$.organisation.name')) VIRTUAL;
