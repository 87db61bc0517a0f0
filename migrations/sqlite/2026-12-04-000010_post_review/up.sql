-- DUR-03: staff's answer to whether a convention takes the post of an
-- earlier intern at the same service or with the same tutor (same_post,
-- reason, who, when; JSON). Validation waits for it when such an intern
-- ended within the waiting period.
ALTER TABLE conventions ADD COLUMN post_review TEXT;
