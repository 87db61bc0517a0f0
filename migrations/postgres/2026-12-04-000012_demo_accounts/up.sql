-- The accounts `stages seed-demo` creates: the SPA shows a banner to
-- whoever signs in with one, and seed-demo refuses a database whose
-- accounts are not its own (a production database).
ALTER TABLE users ADD COLUMN is_demo BOOLEAN NOT NULL DEFAULT FALSE;
