-- Stored scores are kept current by writes and a job, never by reading a lead (docs/architecture.md).
-- score_due_at: when decay may next move the lead's whole-number score (or a recycled lead's date to
-- look again comes); NULL when it no longer changes by itself. The job reads only the leads due.
ALTER TABLE lead ADD COLUMN score_due_at TIMESTAMP WITH TIME ZONE;

-- After a rule change the job scores every lead again, in id order, remembering how far it came.
CREATE TABLE scoring_rescore (
    id           INT PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE,
    after_lead   UUID,
    CONSTRAINT scoring_rescore_one_row_ck CHECK (id = 1)
);
-- The leads already here get their due moments (and today's scores) from one such pass.
INSERT INTO scoring_rescore (id, requested_at, after_lead) VALUES (1, CURRENT_TIMESTAMP, NULL);

-- The list by score walks this (highest first, then newest); the list by stage walks the other in
-- exactly its order (newest first, ties by id), so neither sorts and a search bounds its walk.
CREATE INDEX lead_score_order_idx ON lead (score, created_at, id);
DROP INDEX lead_stage_idx;
CREATE INDEX lead_stage_newest_idx ON lead (stage, created_at, id);
