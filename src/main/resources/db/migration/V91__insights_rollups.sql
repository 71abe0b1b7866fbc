-- Insights' own read model, fed by the funnel's events (once each, through event_reaction) and
-- rebuilt from the funnel's read face; never read from the funnel's tables.

-- Each stage change of a lead, with the lead's source, campaign and owner at that moment. The key is
-- natural, so an event and a rebuild of the same change meet on one row.
CREATE TABLE insight_stage_change (
    lead_id      UUID                     NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    to_stage     VARCHAR(20)              NOT NULL,
    from_stage   VARCHAR(20),
    reason       VARCHAR(500),
    source       VARCHAR(80),
    campaign_id  UUID,
    owner_id     UUID,
    taken_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insight_stage_change_pk PRIMARY KEY (lead_id, occurred_at, to_stage)
);
CREATE INDEX insight_stage_change_at ON insight_stage_change (occurred_at);

-- Each routing of a lead to an owner (the handoff clocks start here).
CREATE TABLE insight_assignment (
    lead_id           UUID                     NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_id          UUID                     NOT NULL,
    previous_owner_id UUID,
    taken_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insight_assignment_pk PRIMARY KEY (lead_id, occurred_at)
);
CREATE INDEX insight_assignment_at ON insight_assignment (occurred_at);

-- Each handoff clock that ran out.
CREATE TABLE insight_breach (
    lead_id     UUID                     NOT NULL,
    clock       VARCHAR(20)              NOT NULL,
    due         TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_id    UUID,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT insight_breach_pk PRIMARY KEY (lead_id, clock, due)
);
CREATE INDEX insight_breach_due ON insight_breach (due);

-- A rebuild's progress, so a stopped one goes on from its cursor.
CREATE TABLE insight_rebuild (
    name         VARCHAR(40)              PRIMARY KEY,
    next_cursor  VARCHAR(200),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    rows_taken   BIGINT                   NOT NULL
);

-- What each nightly reconciliation found: the rollup's count against the recount from the face.
CREATE TABLE insight_drift (
    id          UUID                     PRIMARY KEY,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    day_from    DATE                     NOT NULL,
    day_to      DATE                     NOT NULL,
    rollup      VARCHAR(40)              NOT NULL,
    counted     BIGINT                   NOT NULL,
    recounted   BIGINT                   NOT NULL,
    repaired    BIGINT                   NOT NULL
);
CREATE INDEX insight_drift_checked ON insight_drift (checked_at);
