DROP TABLE evaluation_links;
DROP TABLE evaluation_answers;
DROP TABLE evaluation_forms;
ALTER TABLE conventions DROP COLUMN offer_id;
DROP TABLE offers;
DROP TABLE outbox;
