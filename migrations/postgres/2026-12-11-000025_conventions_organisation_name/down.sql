ALTER TABLE conventions DROP COLUMN organisation_name;
