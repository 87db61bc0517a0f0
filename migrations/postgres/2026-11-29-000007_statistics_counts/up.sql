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
);
-- The most frequent hosts first.
CREATE INDEX statistics_counts_ranked ON statistics_counts (
    centre_id, academic_year, dimension, n DESC, key
);

-- How a questionnaire counts once its convention is validated (or
-- terminated): submitted, or a draft once saved (version 1 is a requested
-- but untouched questionnaire); NULL when it does not count.
CREATE FUNCTION statistics_answer_state(a evaluation_answers) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN a.submitted_at IS NOT NULL THEN 'evaluation_submitted'
        WHEN a.version > 1 THEN 'evaluation_draft' END
$$;

-- Whether a questionnaire's change moves a count.
CREATE FUNCTION statistics_answer_moved(o evaluation_answers, n evaluation_answers)
RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT statistics_answer_state(o) IS DISTINCT FROM statistics_answer_state(n)
        OR o.kind <> n.kind OR o.convention_id <> n.convention_id
$$;

-- What a convention in state r adds to the counts, for its centre and for
-- the whole university. Drafts only count by status: a draft is not an
-- internship yet.
CREATE FUNCTION statistics_contributions(r conventions)
RETURNS TABLE (centre_id BIGINT, academic_year TEXT, dimension TEXT, key TEXT)
LANGUAGE sql STABLE AS $$
    SELECT scope.centre_id, r.academic_year, d.dimension, d.key
    FROM (
        SELECT 'status' AS dimension, r.status AS key
        UNION ALL SELECT 'programme', coalesce(r.programme_code, '') WHERE r.status <> 'draft'
        UNION ALL SELECT 'country', r.country_code
            WHERE r.status <> 'draft' AND r.country_code IS NOT NULL
        UNION ALL SELECT 'department', r.department
            WHERE r.status <> 'draft' AND r.department IS NOT NULL
        UNION ALL SELECT 'stipend', CASE r.stipend_paid WHEN TRUE THEN 'paid'
                WHEN FALSE THEN 'unpaid' ELSE 'unknown' END
            WHERE r.status <> 'draft'
        UNION ALL SELECT 'host', r.organisation_id::TEXT
            WHERE r.status <> 'draft' AND r.organisation_id IS NOT NULL
        UNION ALL SELECT 'hosted', '' WHERE r.status <> 'draft' AND r.organisation_id IS NOT NULL
        UNION ALL SELECT 'minutes', r.effective_minutes::TEXT
            WHERE r.status <> 'draft' AND r.effective_minutes IS NOT NULL
        UNION ALL SELECT 'unpaid_minutes', r.effective_minutes::TEXT
            WHERE r.status <> 'draft' AND r.stipend_paid = FALSE
                AND r.effective_minutes IS NOT NULL
        UNION ALL SELECT 'hourly', r.stipend_hourly_cents::TEXT
            WHERE r.status <> 'draft' AND r.stipend_paid = TRUE
                AND r.stipend_hourly_cents IS NOT NULL
        UNION ALL SELECT statistics_answer_state(a), a.kind FROM evaluation_answers a
            WHERE a.convention_id = r.id AND r.status IN ('validated', 'terminated_early')
                AND statistics_answer_state(a) IS NOT NULL
    ) d
    CROSS JOIN (VALUES (r.centre_id), (0::BIGINT)) AS scope (centre_id)
$$;

-- Adds the contributions of the rows `added` and takes away those of the
-- rows `removed`, in one statement whose rows are sorted: two such
-- statements lock the counts in the same order and cannot deadlock each
-- other. An update that moves no count (most of them: the wizard's saves)
-- writes nothing and locks nothing.
CREATE FUNCTION statistics_apply(added conventions[], removed conventions[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO statistics_counts AS s (centre_id, academic_year, dimension, key, n)
    SELECT c.centre_id, c.academic_year, c.dimension, c.key, sum(d.sign)
    FROM (
        SELECT r, 1 AS sign FROM unnest(added) AS r
        UNION ALL SELECT r, -1 FROM unnest(removed) AS r
    ) d CROSS JOIN LATERAL statistics_contributions(d.r) c
    GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = s.n + excluded.n
$$;

-- (ROW(r.*): a transition table's rows are anonymous records.)
CREATE FUNCTION statistics_count_conventions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM statistics_apply(
            ARRAY(SELECT ROW(r.*)::conventions FROM new_rows r), '{}'::conventions[]);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM statistics_apply(
            ARRAY(SELECT ROW(r.*)::conventions FROM new_rows r),
            ARRAY(SELECT ROW(r.*)::conventions FROM old_rows r));
    ELSE
        PERFORM statistics_apply(
            '{}'::conventions[], ARRAY(SELECT ROW(r.*)::conventions FROM old_rows r));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER statistics_conventions_inserted AFTER INSERT ON conventions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_conventions();
CREATE TRIGGER statistics_conventions_updated AFTER UPDATE ON conventions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_conventions();
CREATE TRIGGER statistics_conventions_deleted AFTER DELETE ON conventions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_conventions();

-- A questionnaire's change moves its own contribution. Its convention is
-- locked first, so that a change of the convention's status at the same
-- time sees the questionnaire, or is seen by it.
CREATE FUNCTION statistics_count_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM statistics_apply_answers(
            ARRAY(SELECT ROW(a.*)::evaluation_answers FROM new_rows a),
            '{}'::evaluation_answers[]);
    ELSIF TG_OP = 'UPDATE' THEN
        -- Only the questionnaires whose count moves: the scheduler's
        -- reminders must not lock their conventions.
        PERFORM statistics_apply_answers(
            ARRAY(SELECT ROW(n.*)::evaluation_answers FROM new_rows n JOIN old_rows o USING (id)
                WHERE statistics_answer_moved(ROW(o.*)::evaluation_answers,
                    ROW(n.*)::evaluation_answers)),
            ARRAY(SELECT ROW(o.*)::evaluation_answers FROM new_rows n JOIN old_rows o USING (id)
                WHERE statistics_answer_moved(ROW(o.*)::evaluation_answers,
                    ROW(n.*)::evaluation_answers)));
    ELSE
        PERFORM statistics_apply_answers(
            '{}'::evaluation_answers[],
            ARRAY(SELECT ROW(a.*)::evaluation_answers FROM old_rows a));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION statistics_apply_answers(added evaluation_answers[], removed evaluation_answers[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM conventions
        WHERE id IN (SELECT a.convention_id FROM unnest(added || removed) a)
        ORDER BY id FOR SHARE;
    INSERT INTO statistics_counts AS s (centre_id, academic_year, dimension, key, n)
    SELECT scope.centre_id, c.academic_year, statistics_answer_state(d.a), (d.a).kind, sum(d.sign)
    FROM (
        SELECT a, 1 AS sign FROM unnest(added) AS a
        UNION ALL SELECT a, -1 FROM unnest(removed) AS a
    ) d
    JOIN conventions c ON c.id = (d.a).convention_id
    CROSS JOIN LATERAL (VALUES (c.centre_id), (0::BIGINT)) AS scope (centre_id)
    WHERE c.status IN ('validated', 'terminated_early')
        AND statistics_answer_state(d.a) IS NOT NULL
    GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (centre_id, academic_year, dimension, key) DO UPDATE SET n = s.n + excluded.n;
END
$$;

CREATE TRIGGER statistics_answers_inserted AFTER INSERT ON evaluation_answers
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_answers();
CREATE TRIGGER statistics_answers_updated AFTER UPDATE ON evaluation_answers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_answers();
CREATE TRIGGER statistics_answers_deleted AFTER DELETE ON evaluation_answers
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statistics_count_answers();

-- A deleted convention's questionnaires are deleted with it (ON DELETE
-- CASCADE) before the statement's triggers run, when their convention can
-- no longer be found: they leave the counts first, while it still can.
CREATE FUNCTION statistics_forget_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM statistics_apply_answers(
        '{}'::evaluation_answers[],
        ARRAY(SELECT ROW(a.*)::evaluation_answers FROM evaluation_answers a
            WHERE a.convention_id = OLD.id));
    RETURN OLD;
END
$$;

CREATE TRIGGER statistics_conventions_deleting BEFORE DELETE ON conventions
    FOR EACH ROW EXECUTE FUNCTION statistics_forget_answers();

INSERT INTO statistics_counts (centre_id, academic_year, dimension, key, n)
SELECT c.centre_id, c.academic_year, c.dimension, c.key, count(*)
-- (ROW(r.*): PostgreSQL 15 fails to plan the grouping over a plain r.)
FROM conventions r CROSS JOIN LATERAL statistics_contributions(ROW(r.*)::conventions) c
GROUP BY 1, 2, 3, 4;

-- The counts replace the statistics' scan of the conventions.
DROP INDEX conventions_statistics;
