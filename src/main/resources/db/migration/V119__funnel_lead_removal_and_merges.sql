-- A lead deleted by someone stays restorable for 7 days (then a job purges it); a lead merged into
-- another stays as a tombstone pointing to the survivor. Both are hidden from every list and read.
-- Their email, phone and external ids are released while they are removed (the keys are nulled), so
-- that the same person may come in again; a restore takes them back if nobody holds them meanwhile.
ALTER TABLE lead ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN merged_into UUID;
CREATE INDEX lead_deleted_idx ON lead (deleted_at);

-- One merge of two leads, with what undoing it needs: both leads as they were (JSON) and the ids of
-- the rows moved from the merged lead to the survivor (JSON arrays), for 7 days.
CREATE TABLE lead_merge (
    id               UUID PRIMARY KEY,
    survivor_id      UUID NOT NULL REFERENCES lead (id),
    merged_id        UUID NOT NULL REFERENCES lead (id),
    survivor_before  TEXT NOT NULL,
    merged_before    TEXT NOT NULL,
    survivor_version INT  NOT NULL,
    moved            TEXT NOT NULL,
    merged_by        UUID,
    merged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX lead_merge_survivor_idx ON lead_merge (survivor_id, merged_at);
CREATE INDEX lead_merge_merged_idx ON lead_merge (merged_id);

-- Two leads someone looked at and said are not the same person: the duplicates queue leaves them out.
-- The smaller id first, so a pair has one row.
CREATE TABLE lead_duplicate_dismissal (
    lead_a       UUID NOT NULL,
    lead_b       UUID NOT NULL,
    dismissed_by UUID,
    dismissed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (lead_a, lead_b)
);
CREATE INDEX lead_duplicate_dismissal_b_idx ON lead_duplicate_dismissal (lead_b);
