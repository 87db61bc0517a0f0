ALTER TABLE conventions DROP COLUMN post_review;
