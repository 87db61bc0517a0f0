DROP TRIGGER statistics_answers_deleting;
DROP TRIGGER statistics_answers_updated;
DROP TRIGGER statistics_answers_leaving;
DROP TRIGGER statistics_answers_inserted;
DROP TRIGGER statistics_convention_deleting;
DROP TRIGGER statistics_convention_updated;
DROP TRIGGER statistics_convention_leaving;
DROP TRIGGER statistics_convention_inserted;
DROP VIEW statistics_scoped_contributions;
DROP VIEW statistics_contributions;
DROP TABLE statistics_counts;
CREATE INDEX conventions_statistics ON conventions (
    academic_year, centre_id, status, programme_code, country_code, department,
    stipend_paid, organisation_id, effective_minutes, stipend_hourly_cents
);
