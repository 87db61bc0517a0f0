ALTER TABLE centre_staff DROP COLUMN alerts;
ALTER TABLE centre_staff DROP COLUMN statistics;
ALTER TABLE centre_staff DROP COLUMN tickets;
ALTER TABLE centre_staff DROP COLUMN evaluations;
ALTER TABLE centre_staff DROP COLUMN print;
ALTER TABLE centre_staff DROP COLUMN validate_administrative;
ALTER TABLE centre_staff DROP COLUMN validate_administrative_check;
ALTER TABLE centre_staff DROP COLUMN validate_pedagogical;
