-- Each lead's time in a stage, kept once when it leaves it: the change that left the stage, the
-- stage left, when the lead had entered it (its change before) and the seconds between, with the
-- lead's source, campaign and owner at the leaving change. The funnel tile's velocity is the exact
-- median over the stays that ended on the days (percentile_cont on these rows, no rereading of the
-- history). Recomputed for a lead whenever one of its changes is taken in, so a change that arrives
-- late (a rebuild's history) fixes the stay after it.
CREATE TABLE insight_stage_stay (
    lead_id     UUID                     NOT NULL,
    left_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    to_stage    VARCHAR(20)              NOT NULL,
    stage       VARCHAR(20)              NOT NULL,
    entered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seconds     BIGINT                   NOT NULL,
    source      VARCHAR(80),
    campaign_id UUID,
    owner_id    UUID,
    CONSTRAINT insight_stage_stay_pk PRIMARY KEY (lead_id, left_at, to_stage)
);
CREATE INDEX insight_stage_stay_left ON insight_stage_stay (left_at, stage, seconds);

-- One row per lead whose stays are kept, locked while they are recomputed: two changes of one lead
-- taken at once (the intake and the scoring that makes it an MQL a moment later) wait for each
-- other, so the second sees the first and no stay is missed.
CREATE TABLE insight_stage_lead (
    lead_id UUID PRIMARY KEY
);
