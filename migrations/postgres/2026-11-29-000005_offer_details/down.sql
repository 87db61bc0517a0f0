DROP TABLE offer_counters;
DROP INDEX conventions_offer;
DROP INDEX offers_organisation;
ALTER TABLE offers DROP COLUMN closed_at;
ALTER TABLE offers DROP COLUMN department;
ALTER TABLE offers DROP COLUMN disability_friendly;
ALTER TABLE offers DROP COLUMN paid;
ALTER TABLE offers DROP COLUMN contract;
