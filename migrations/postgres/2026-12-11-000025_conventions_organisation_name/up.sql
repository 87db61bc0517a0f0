-- The host's name as the conventions' search results show it, kept by the
-- database beside the content it comes from: a page of results then reads
-- 25 names rather than 25 contents of 2.4 KB, which the server parsed for
-- the name (a quarter of its instructions for a manager's search,
-- BENCHMARKS.md). Generated, so that every writer keeps it, a replica of
-- an earlier version included. Adding it rewrites the table under an
-- exclusive lock (about 16 s per 100,000 conventions): stop the replicas
-- before `stages migrate`.
ALTER TABLE conventions ADD COLUMN organisation_name TEXT
    GENERATED ALWAYS AS (CAST(content AS jsonb) #>> '{organisation,name}') STORED;
