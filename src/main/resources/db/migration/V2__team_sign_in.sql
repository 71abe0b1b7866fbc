-- Exactly one first start: the set-up claims this row, a concurrent second set-up cannot.
CREATE TABLE installation_claim (
    id         INT PRIMARY KEY,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time links (invitations, password resets) and API tokens; only hashes are stored.
CREATE TABLE one_time_link (
    id         UUID PRIMARY KEY,
    purpose    VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    person_id  UUID NOT NULL REFERENCES person (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT one_time_link_hash_uq UNIQUE (token_hash)
);
CREATE INDEX one_time_link_person_idx ON one_time_link (person_id, purpose);

CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    person_id    UUID NOT NULL REFERENCES person (id),
    name         VARCHAR(60) NOT NULL,
    scope        VARCHAR(20) NOT NULL,
    token_hash   VARCHAR(64) NOT NULL,
    hint         VARCHAR(12) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_uq UNIQUE (token_hash)
);
CREATE INDEX api_token_person_idx ON api_token (person_id);
