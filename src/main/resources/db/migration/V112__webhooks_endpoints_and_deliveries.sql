-- Outgoing webhooks: the endpoints admins register, one delivery per endpoint and event (its id is
-- the webhook-id receivers deduplicate on), and every attempt with what the receiver answered.
CREATE TABLE webhook_endpoint (
    id                    UUID PRIMARY KEY,
    url                   VARCHAR(2000) NOT NULL,
    description           VARCHAR(500),
    -- the event types, comma-separated (lead.created,lead.assigned)
    events                VARCHAR(1000) NOT NULL,
    secret                VARCHAR(100) NOT NULL,
    -- the secret before the last rotation, still signing beside the new one until previous_secret_until
    previous_secret       VARCHAR(100),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    enabled               BOOLEAN NOT NULL,
    disabled_reason       VARCHAR(500),
    failures_in_a_row     INT NOT NULL,
    failing_since         TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    endpoint_id     UUID NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        UUID NOT NULL,
    event_type      VARCHAR(60) NOT NULL,
    payload         TEXT NOT NULL,
    -- PENDING (an attempt's job waits), SENDING, DELIVERED (answered 2xx: never sent again), FAILED
    state           VARCHAR(10) NOT NULL,
    attempts        INT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    give_up_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at);

CREATE TABLE webhook_attempt (
    delivery_id   UUID NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt       INT NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms   INT NOT NULL,
    response_code INT,
    response_body VARCHAR(1000),
    error         VARCHAR(500),
    PRIMARY KEY (delivery_id, attempt)
);
