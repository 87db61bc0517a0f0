ALTER TABLE outbox DROP COLUMN link_id;
DROP INDEX tickets_centre;
ALTER TABLE tickets DROP COLUMN centre_id;
DROP INDEX users_username_lower;
