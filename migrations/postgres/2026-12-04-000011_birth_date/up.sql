-- The birth date from the student registry (optional column of the
-- enrolment CSV): it tells whether an intern is a minor (SAF-07) and is
-- printed on the agreement.
ALTER TABLE students ADD COLUMN birth_date DATE;
