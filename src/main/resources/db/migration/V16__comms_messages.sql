-- Messages, their recipients, the delivery plan per recipient (which is also the outbox: one row
-- per plan step, delivered at most once) and every delivery attempt with its outcome.
CREATE TABLE comms_message (
    id              UUID PRIMARY KEY,
    sender_id       UUID,
    sender_name     VARCHAR(120) NOT NULL,
    audience_kind   VARCHAR(10)  NOT NULL,
    audience_ref    VARCHAR(120) NOT NULL,
    audience_label  VARCHAR(200) NOT NULL,
    urgency         VARCHAR(10)  NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    regarding_kind  VARCHAR(40),
    regarding_id    VARCHAR(100),
    regarding_title VARCHAR(200),
    regarding_path  VARCHAR(500),
    last_resort_id  UUID,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX comms_message_sender_idx ON comms_message (sender_id, sent_at);
CREATE INDEX comms_message_sent_idx ON comms_message (sent_at);

-- One row per person the message is for; acknowledged by them or by whoever it escalated to.
CREATE TABLE comms_recipient (
    message_id         UUID NOT NULL REFERENCES comms_message (id),
    person_id          UUID NOT NULL,
    person_name        VARCHAR(120) NOT NULL,
    promised_minutes   INT,
    first_delivered_at TIMESTAMP WITH TIME ZONE,
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    acknowledged_by    UUID,
    acknowledged_by_name VARCHAR(120),
    PRIMARY KEY (message_id, person_id)
);
CREATE INDEX comms_recipient_person_idx ON comms_recipient (person_id);

-- The plan: steps in order per recipient. PLANNED (waits for the step before), PENDING (its job is
-- scheduled for due_at), SENDING (claimed by one node), DELIVERED, FAILED, SKIPPED (acknowledged first).
CREATE TABLE comms_step (
    id              UUID PRIMARY KEY,
    message_id      UUID NOT NULL REFERENCES comms_message (id),
    recipient_id    UUID NOT NULL,
    step_no         INT  NOT NULL,
    person_id       UUID NOT NULL,
    person_name     VARCHAR(120) NOT NULL,
    channel         VARCHAR(10)  NOT NULL,
    address         VARCHAR(500) NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    wait_minutes    INT,
    held            BOOLEAN NOT NULL,
    state           VARCHAR(10)  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    attempts        INT NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    UNIQUE (message_id, recipient_id, step_no)
);
CREATE INDEX comms_step_person_idx ON comms_step (person_id, state, held);

-- Every hand-over to a channel, kept with what came of it.
CREATE TABLE comms_attempt (
    step_id    UUID NOT NULL REFERENCES comms_step (id),
    attempt    INT  NOT NULL,
    channel    VARCHAR(10) NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome    VARCHAR(10) NOT NULL,
    reason     VARCHAR(500),
    PRIMARY KEY (step_id, attempt)
);
CREATE INDEX comms_attempt_at_idx ON comms_attempt (at);

-- The key that signs acknowledgement links: made once by the first node that needs it, shared by all.
CREATE TABLE comms_link_key (
    id   INT PRIMARY KEY,
    hmac VARCHAR(100) NOT NULL
);
