DROP TRIGGER statistics_conventions_deleting ON conventions;
DROP FUNCTION statistics_forget_answers();
DROP TRIGGER statistics_answers_deleted ON evaluation_answers;
DROP TRIGGER statistics_answers_updated ON evaluation_answers;
DROP TRIGGER statistics_answers_inserted ON evaluation_answers;
DROP FUNCTION statistics_count_answers();
DROP FUNCTION statistics_apply_answers(evaluation_answers[], evaluation_answers[]);
DROP TRIGGER statistics_conventions_deleted ON conventions;
DROP TRIGGER statistics_conventions_updated ON conventions;
DROP TRIGGER statistics_conventions_inserted ON conventions;
DROP FUNCTION statistics_count_conventions();
DROP FUNCTION statistics_apply(conventions[], conventions[]);
DROP FUNCTION statistics_contributions(conventions);
DROP FUNCTION statistics_answer_moved(evaluation_answers, evaluation_answers);
DROP FUNCTION statistics_answer_state(evaluation_answers);
DROP TABLE statistics_counts;
CREATE INDEX conventions_statistics ON conventions (
    academic_year, centre_id, status, programme_code, country_code, department,
    stipend_paid, organisation_id, effective_minutes, stipend_hourly_cents
);
