-- SQLite's migration 23 keeps the distinct terms of its documents for the
-- exact lookup of query words. PostgreSQL's GIN index reads a prefix's
-- matches without merging them first: nothing to do (PostgreSQL refuses an
-- empty migration).
SELECT 1;
