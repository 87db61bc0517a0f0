-- SQLite's host name becomes a stored column kept by triggers; PostgreSQL
-- stores its generated column already (migration 25). Nothing to do here:
-- the two folders keep the same migrations.
SELECT 1;
