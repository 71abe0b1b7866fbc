-- Private iCalendar feed links: the secret is shown once and stored as its SHA-256 hash.
CREATE TABLE calendar_feed (
    id         UUID PRIMARY KEY,
    person_id  UUID        NOT NULL REFERENCES person (id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    hint       VARCHAR(8)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX calendar_feed_person_idx ON calendar_feed (person_id);
