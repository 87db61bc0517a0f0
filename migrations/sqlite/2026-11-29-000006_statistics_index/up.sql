-- The statistics read every indicator of a year (and a centre) from this
-- index alone, without touching the conventions' content.
CREATE INDEX conventions_statistics ON conventions (
    academic_year, centre_id, status, organisation_id, programme_code, country_code,
    department, effective_minutes, stipend_paid, stipend_hourly_cents
);
-- Programme labels are looked up by code.
CREATE INDEX enrolments_programme ON enrolments (programme_code);
