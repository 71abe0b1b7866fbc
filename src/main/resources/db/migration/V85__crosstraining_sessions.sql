-- Cross-training: hour budgets, shadowing and planned sessions, offers of seats, asks, reflections,
-- and the handoff facts (from the funnel's events) its effect is measured on.
CREATE TABLE crosstraining_settings (
    id            INT PRIMARY KEY,
    default_hours INT NOT NULL
);
INSERT INTO crosstraining_settings (id, default_hours) VALUES (1, 12);

-- A person's own hours per quarter, set by their manager (or an admin); others have the default.
CREATE TABLE crosstraining_budget (
    person_id UUID PRIMARY KEY,
    hours     INT  NOT NULL,
    set_by    UUID NOT NULL,
    set_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A host's open seats on a real piece of their work.
CREATE TABLE crosstraining_offer (
    id               UUID PRIMARY KEY,
    host_id          UUID         NOT NULL,
    title            VARCHAR(200) NOT NULL,
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INT          NOT NULL,
    zone             VARCHAR(60)  NOT NULL,
    work_kind        VARCHAR(10)  NOT NULL,
    work_id          UUID         NOT NULL,
    work_type        VARCHAR(20)  NOT NULL,
    work_title       VARCHAR(300),
    seats            INT          NOT NULL,
    seats_taken      INT          NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    session_id       UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crosstraining_offer_open_idx ON crosstraining_offer (status, starts_at);

CREATE TABLE crosstraining_session (
    id               UUID PRIMARY KEY,
    kind             VARCHAR(10)  NOT NULL,
    topic            VARCHAR(200) NOT NULL,
    host_id          UUID         NOT NULL,
    host_department  VARCHAR(20)  NOT NULL,
    host_job_role    VARCHAR(100),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INT          NOT NULL,
    zone             VARCHAR(60)  NOT NULL,
    work_kind        VARCHAR(10),
    work_id          UUID,
    work_type        VARCHAR(20),
    work_title       VARCHAR(300),
    offer_id         UUID,
    status           VARCHAR(10)  NOT NULL,
    sequence         INT          NOT NULL,
    created_by       UUID         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crosstraining_session_host_idx ON crosstraining_session (host_id, starts_at);
CREATE INDEX crosstraining_session_starts_idx ON crosstraining_session (starts_at);
CREATE UNIQUE INDEX crosstraining_session_offer_idx ON crosstraining_session (offer_id);

CREATE TABLE crosstraining_learner (
    session_id        UUID        NOT NULL REFERENCES crosstraining_session (id),
    person_id         UUID        NOT NULL,
    department        VARCHAR(20) NOT NULL,
    joined_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the "no reflection yet" reminder went: it goes once.
    reflection_nudged TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX crosstraining_learner_person_idx ON crosstraining_learner (person_id);

-- What a learner asks to see; matched with an offer in one click.
CREATE TABLE crosstraining_ask (
    id            UUID PRIMARY KEY,
    learner_id    UUID         NOT NULL,
    wants         VARCHAR(300) NOT NULL,
    job_role      VARCHAR(100),
    activity_type VARCHAR(20),
    status        VARCHAR(10)  NOT NULL,
    session_id    UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crosstraining_ask_open_idx ON crosstraining_ask (status, created_at);

CREATE TABLE crosstraining_reflection (
    session_id     UUID          NOT NULL REFERENCES crosstraining_session (id),
    person_id      UUID          NOT NULL,
    learned        VARCHAR(2000) NOT NULL,
    change_text    VARCHAR(500),
    action_item_id UUID,
    written_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, person_id)
);

-- One row per funnel event that matters to handoff quality (idempotent by the event's id):
-- HANDED_OVER (a marketer moved a lead to MQL), REJECTED (with the reason), ASSIGNED (to a rep),
-- ANSWERED (accepted or rejected by sales), BREACHED (a handoff clock ran out for the owner).
CREATE TABLE crosstraining_handoff_fact (
    event_id  UUID PRIMARY KEY,
    kind      VARCHAR(12)  NOT NULL,
    lead_id   UUID         NOT NULL,
    person_id UUID,
    reason    VARCHAR(300),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX crosstraining_handoff_fact_at_idx ON crosstraining_handoff_fact (occurred_at);
CREATE INDEX crosstraining_handoff_fact_lead_idx ON crosstraining_handoff_fact (lead_id, occurred_at);
