-- A person's saved lead-list filters ("my MQLs waiting for acceptance").
CREATE TABLE saved_lead_view (
    id         UUID PRIMARY KEY,
    owner_id   UUID NOT NULL,
    name       VARCHAR(60) NOT NULL,
    query      VARCHAR(500) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saved_lead_view_owner_idx ON saved_lead_view (owner_id, name);
