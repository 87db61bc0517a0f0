-- The statistics read every indicator of a year (and a centre) from this
-- index alone, without touching the conventions' content.
CREATE INDEX conventions_statistics ON conventions (
    academic_year, centre_id, status, programme_code, country_code, department,
    stipend_paid, organisation_id, effective_minutes, stipend_hourly_cents
);
-- Programme labels are looked up by code.
CREATE INDEX enrolments_programme ON enrolments (programme_code);
