-- What each manager may do in the centre (ESUP-Stage's per-person switches
-- on the centre's personnel list): the validation levels they give,
-- printing before the print condition, evaluations on behalf of others,
-- answering tickets, reading statistics, receiving alert mails. Existing
-- managers keep every right.
ALTER TABLE centre_staff ADD COLUMN validate_pedagogical BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN validate_administrative_check BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN validate_administrative BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN print BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN evaluations BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN tickets BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN statistics BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE centre_staff ADD COLUMN alerts BOOLEAN NOT NULL DEFAULT TRUE;
