-- SQLite's migration 22 lists the terms of its FTS5 index for the exact
-- lookup of query words. PostgreSQL's GIN index reads a prefix's matches
-- without merging them first: nothing to do (PostgreSQL refuses an empty
-- migration).
SELECT 1;
