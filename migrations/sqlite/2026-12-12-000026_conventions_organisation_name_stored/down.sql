DROP TRIGGER conventions_organisation_name_updated;
DROP TRIGGER conventions_organisation_name_inserted;
ALTER TABLE conventions DROP COLUMN organisation_name;
ALTER TABLE conventions ADD COLUMN organisation_name TEXT
    GENERATED ALWAYS AS (json_extract(content, '$.organisation.name')) VIRTUAL;
