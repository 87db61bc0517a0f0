-- An administrator reset the account's local password: until its owner
-- chooses a new one, the account only changes its password (AUTH-06).
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
