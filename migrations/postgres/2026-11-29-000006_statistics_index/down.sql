DROP INDEX enrolments_programme;
DROP INDEX conventions_statistics;
