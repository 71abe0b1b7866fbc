-- The shared activity log: what sales and marketing did, written by both and counted by goals and
-- insights. person_id, lead_id and campaign_id belong to other parts, so there are no foreign keys:
-- the activity part checks them through those parts' services when an activity is logged.
CREATE TABLE activity (
    id          UUID PRIMARY KEY,
    type        VARCHAR(20)  NOT NULL,
    person_id   UUID         NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(500),
    lead_id     UUID,
    campaign_id UUID,
    source      VARCHAR(10)  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX activity_type_idx ON activity (type, occurred_at);
CREATE INDEX activity_person_idx ON activity (person_id, occurred_at);
CREATE INDEX activity_lead_idx ON activity (lead_id, occurred_at);
CREATE INDEX activity_occurred_idx ON activity (occurred_at);
