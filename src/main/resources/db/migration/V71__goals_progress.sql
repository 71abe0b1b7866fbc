-- Goals' own counts of what other parts announced, filled after commit by idempotent listeners.
-- A lead's stage moves the outcomes count (MQL, SAL, SQL, CUSTOMER), with the person who moved it.
CREATE TABLE goal_funnel_move (
    event_id UUID PRIMARY KEY,
    lead_id  UUID        NOT NULL,
    to_stage VARCHAR(20) NOT NULL,
    mover_id UUID,
    moved_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_funnel_move_stage_idx ON goal_funnel_move (to_stage, moved_at);
CREATE INDEX goal_funnel_move_mover_idx ON goal_funnel_move (mover_id, to_stage, moved_at);

-- Leads whose accept clock ran out: an acceptance after it is not within the SLA.
CREATE TABLE goal_sla_breach (
    event_id    UUID PRIMARY KEY,
    lead_id     UUID NOT NULL,
    breached_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_sla_breach_lead_idx ON goal_sla_breach (lead_id, breached_at);

-- Meeting action items done, by their owner.
CREATE TABLE goal_item_done (
    event_id UUID PRIMARY KEY,
    item_id  UUID NOT NULL,
    owner_id UUID NOT NULL,
    done_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_item_done_owner_idx ON goal_item_done (owner_id, done_at);
