-- Funnel figures. Each stage change keeps the lead's source, campaign and owner as they were at
-- that moment (before: only the lead's current ones could be known), so the history can be
-- filtered by them and the rollup rebuilt from it alone. Rows older than this migration take the
-- lead's current values: the best that is known of them.
ALTER TABLE lead_stage_event ADD COLUMN source VARCHAR(80);
ALTER TABLE lead_stage_event ADD COLUMN campaign_id UUID;
ALTER TABLE lead_stage_event ADD COLUMN owner_id UUID;
UPDATE lead_stage_event SET
    source = (SELECT l.source FROM lead l WHERE l.id = lead_stage_event.lead_id),
    campaign_id = (SELECT l.campaign_id FROM lead l WHERE l.id = lead_stage_event.lead_id),
    owner_id = (SELECT l.owner_id FROM lead l WHERE l.id = lead_stage_event.lead_id);
-- The history listed by time (keyset on occurred_at, id).
CREATE INDEX lead_stage_event_occurred_idx ON lead_stage_event (occurred_at, id);

-- The rollup: how many times leads entered each stage per UTC day, source, campaign and owner,
-- kept in the stage change's transaction. A key is spread over up to 8 slots (rows), each change
-- adding to one picked at random, so concurrent intakes seldom wait for one another's row; a read
-- sums the slots; the rebuild writes one row (slot 0) per key. No source is '', no campaign or
-- owner the nil UUID, so that the key can be a primary key on both databases.
CREATE TABLE lead_stage_entry_day (
    entry_day   DATE        NOT NULL,
    stage       VARCHAR(20) NOT NULL,
    source      VARCHAR(80) NOT NULL,
    campaign_id UUID        NOT NULL,
    owner_id    UUID        NOT NULL,
    slot        SMALLINT    NOT NULL,
    entries     BIGINT      NOT NULL,
    PRIMARY KEY (entry_day, stage, source, campaign_id, owner_id, slot)
);
CREATE INDEX lead_stage_entry_day_owner_idx ON lead_stage_entry_day (owner_id, entry_day);

-- The UTC day as whole days since 1970 counted from the instant: the same on both databases,
-- whatever the session's time zone.
INSERT INTO lead_stage_entry_day (entry_day, stage, source, campaign_id, owner_id, slot, entries)
SELECT DATE '1970-01-01' + CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS INT), to_stage,
       COALESCE(source, ''), COALESCE(campaign_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
       COALESCE(owner_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)), 0, COUNT(*)
FROM lead_stage_event
GROUP BY DATE '1970-01-01' + CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS INT), to_stage,
         COALESCE(source, ''), COALESCE(campaign_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
         COALESCE(owner_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID));
