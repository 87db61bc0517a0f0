ALTER TABLE students DROP COLUMN birth_date;
