-- The scheduler asks, at every pass, for the conventions that ended in the
-- last 30 days (db::evaluations::ended_between): without an index it read
-- every convention (454 ms at a million on PostgreSQL, for 74 rows).
CREATE INDEX conventions_end_date ON conventions (end_date);
