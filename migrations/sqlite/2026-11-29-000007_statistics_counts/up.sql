-- Running counts behind the statistics: how many conventions (and
-- questionnaires) of a centre's academic year fall under each key of each
-- dimension, kept by triggers in the same transaction as the change, so
-- that the indicators of a year read a few hundred rows whatever the
-- number of conventions. Centre 0 holds the whole university's counts.
CREATE TABLE statistics_counts (
    centre_id BIGINT NOT NULL,
    academic_year TEXT NOT NULL,
    dimension TEXT NOT NULL,
    key TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (centre_id, academic_year, dimension, key)
) WITHOUT ROWID;
-- The most frequent hosts first.
CREATE INDEX statistics_counts_ranked ON statistics_counts (
    centre_id, academic_year, dimension, n DESC, key
);

-- What each convention adds to the counts. Drafts only count by status:
-- a draft is not an internship yet. A questionnaire counts once its
-- convention is validated (or terminated), as submitted or as a draft once
-- saved (version 1 is a requested but untouched questionnaire).
CREATE VIEW statistics_contributions AS
SELECT id AS convention_id, centre_id, academic_year, 'status' AS dimension, status AS key
    FROM conventions
UNION ALL SELECT id, centre_id, academic_year, 'programme', coalesce(programme_code, '')
    FROM conventions WHERE status <> 'draft'
UNION ALL SELECT id, centre_id, academic_year, 'country', country_code
    FROM conventions WHERE status <> 'draft' AND country_code IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'department', department
    FROM conventions WHERE status <> 'draft' AND department IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'stipend',
        CASE stipend_paid WHEN 1 THEN 'paid' WHEN 0 THEN 'unpaid' ELSE 'unknown' END
    FROM conventions WHERE status <> 'draft'
UNION ALL SELECT id, centre_id, academic_year, 'host', CAST(organisation_id AS TEXT)
    FROM conventions WHERE status <> 'draft' AND organisation_id IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'hosted', ''
    FROM conventions WHERE status <> 'draft' AND organisation_id IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'minutes', CAST(effective_minutes AS TEXT)
    FROM conventions WHERE status <> 'draft' AND effective_minutes IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'unpaid_minutes', CAST(effective_minutes AS TEXT)
    FROM conventions
    WHERE status <> 'draft' AND stipend_paid = 0 AND effective_minutes IS NOT NULL
UNION ALL SELECT id, centre_id, academic_year, 'hourly', CAST(stipend_hourly_cents AS TEXT)
    FROM conventions
    WHERE status <> 'draft' AND stipend_paid = 1 AND stipend_hourly_cents IS NOT NULL
UNION ALL SELECT c.id, c.centre_id, c.academic_year,
        CASE WHEN a.submitted_at IS NOT NULL THEN 'evaluation_submitted'
        ELSE 'evaluation_draft' END,
        a.kind
    FROM conventions c JOIN evaluation_answers a ON a.convention_id = c.id
    WHERE c.status IN ('validated', 'terminated_early')
        AND (a.submitted_at IS NOT NULL OR a.version > 1);

-- Each contribution counts for its centre and for the whole university.
CREATE VIEW statistics_scoped_contributions AS
SELECT convention_id, centre_id, academic_year, dimension, key FROM statistics_contributions
UNION ALL
SELECT convention_id, 0, academic_year, dimension, key FROM statistics_contributions;

INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
SELECT centre_id, academic_year, dimension, key, count(*)
    FROM statistics_scoped_contributions GROUP BY centre_id, academic_year, dimension, key;

-- A change takes the row's contributions away before it and adds them back
-- after it; only the columns counted start the triggers.
CREATE TRIGGER statistics_convention_inserted AFTER INSERT ON conventions BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, 1
        FROM statistics_scoped_contributions WHERE convention_id = NEW.id
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_convention_leaving BEFORE UPDATE OF
    academic_year, centre_id, status, programme_code, country_code, department,
    stipend_paid, organisation_id, effective_minutes, stipend_hourly_cents
ON conventions WHEN
    OLD.academic_year IS NOT NEW.academic_year OR OLD.centre_id IS NOT NEW.centre_id
    OR OLD.status IS NOT NEW.status OR OLD.programme_code IS NOT NEW.programme_code
    OR OLD.country_code IS NOT NEW.country_code OR OLD.department IS NOT NEW.department
    OR OLD.stipend_paid IS NOT NEW.stipend_paid OR OLD.organisation_id IS NOT NEW.organisation_id
    OR OLD.effective_minutes IS NOT NEW.effective_minutes
    OR OLD.stipend_hourly_cents IS NOT NEW.stipend_hourly_cents
BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, -1
        FROM statistics_scoped_contributions WHERE convention_id = OLD.id
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_convention_updated AFTER UPDATE OF
    academic_year, centre_id, status, programme_code, country_code, department,
    stipend_paid, organisation_id, effective_minutes, stipend_hourly_cents
ON conventions WHEN
    OLD.academic_year IS NOT NEW.academic_year OR OLD.centre_id IS NOT NEW.centre_id
    OR OLD.status IS NOT NEW.status OR OLD.programme_code IS NOT NEW.programme_code
    OR OLD.country_code IS NOT NEW.country_code OR OLD.department IS NOT NEW.department
    OR OLD.stipend_paid IS NOT NEW.stipend_paid OR OLD.organisation_id IS NOT NEW.organisation_id
    OR OLD.effective_minutes IS NOT NEW.effective_minutes
    OR OLD.stipend_hourly_cents IS NOT NEW.stipend_hourly_cents
BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, 1
        FROM statistics_scoped_contributions WHERE convention_id = NEW.id
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_convention_deleting BEFORE DELETE ON conventions BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, -1
        FROM statistics_scoped_contributions WHERE convention_id = OLD.id
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

-- A questionnaire's own contribution: its convention's rows of its kind.
CREATE TRIGGER statistics_answers_inserted AFTER INSERT ON evaluation_answers BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, 1
        FROM statistics_scoped_contributions
        WHERE convention_id = NEW.convention_id AND key = NEW.kind
            AND dimension IN ('evaluation_submitted', 'evaluation_draft')
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_answers_leaving BEFORE UPDATE OF submitted_at, version, kind, convention_id
ON evaluation_answers WHEN
    OLD.submitted_at IS NOT NEW.submitted_at OR OLD.version IS NOT NEW.version
    OR OLD.kind IS NOT NEW.kind OR OLD.convention_id IS NOT NEW.convention_id
BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, -1
        FROM statistics_scoped_contributions
        WHERE convention_id = OLD.convention_id AND key = OLD.kind
            AND dimension IN ('evaluation_submitted', 'evaluation_draft')
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_answers_updated AFTER UPDATE OF submitted_at, version, kind, convention_id
ON evaluation_answers WHEN
    OLD.submitted_at IS NOT NEW.submitted_at OR OLD.version IS NOT NEW.version
    OR OLD.kind IS NOT NEW.kind OR OLD.convention_id IS NOT NEW.convention_id
BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, 1
        FROM statistics_scoped_contributions
        WHERE convention_id = NEW.convention_id AND key = NEW.kind
            AND dimension IN ('evaluation_submitted', 'evaluation_draft')
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER statistics_answers_deleting BEFORE DELETE ON evaluation_answers BEGIN
    INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
    SELECT centre_id, academic_year, dimension, key, -1
        FROM statistics_scoped_contributions
        WHERE convention_id = OLD.convention_id AND key = OLD.kind
            AND dimension IN ('evaluation_submitted', 'evaluation_draft')
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = n + excluded.n;
END;

-- The counts replace the statistics' scan of the conventions.
DROP INDEX conventions_statistics;
