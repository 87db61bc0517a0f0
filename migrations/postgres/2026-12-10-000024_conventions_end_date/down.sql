DROP INDEX conventions_end_date;
