-- PostgreSQL only: the leads whose score is due to be worked out again, without the settled ones
-- (most of a large funnel once its engagements have faded).
CREATE INDEX lead_score_due_idx ON lead (score_due_at) WHERE score_due_at IS NOT NULL;
