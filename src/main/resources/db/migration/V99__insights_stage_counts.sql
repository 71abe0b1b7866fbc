-- The funnel and rejection tiles' counts, pre-aggregated: how many stage changes per UTC hour x
-- stage entered x source x campaign x owner at that moment x reason (kept only for rejections and
-- recycles), changed in the listener's transaction that takes the change into insight_stage_change
-- (so once per change) and recounted by the rebuild and the nightly reconciliation. An hour, not a
-- day, because a day is a day in the viewer's zone: whole hours add up to the days, weeks and months
-- of any zone with a whole-hour offset; an hour a boundary cuts (a half-hour zone) is counted from
-- insight_stage_change itself. No source, campaign or owner is kept as '' or the nil id, so the key
-- can be the primary key.
CREATE TABLE insight_stage_count (
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    to_stage    VARCHAR(20)              NOT NULL,
    source      VARCHAR(80)              NOT NULL,
    campaign_id UUID                     NOT NULL,
    owner_id    UUID                     NOT NULL,
    reason      VARCHAR(500)             NOT NULL,
    n           BIGINT                   NOT NULL,
    CONSTRAINT insight_stage_count_pk PRIMARY KEY (hour_start, to_stage, source, campaign_id, owner_id, reason)
);

-- The same counts per UTC day, without the owner (a team filter reads the hours): the tiles add up
-- whole UTC days, and move the few hours between a UTC midnight and the viewer's midnight from the
-- hour counts (or, for a zone whose midnight is not on a whole UTC hour, from the changes themselves).
CREATE TABLE insight_stage_day (
    day_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    to_stage    VARCHAR(20)              NOT NULL,
    source      VARCHAR(80)              NOT NULL,
    campaign_id UUID                     NOT NULL,
    reason      VARCHAR(500)             NOT NULL,
    n           BIGINT                   NOT NULL,
    CONSTRAINT insight_stage_day_pk PRIMARY KEY (day_start, to_stage, source, campaign_id, reason)
);
