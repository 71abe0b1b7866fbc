-- Team goals: an outcome and its activity plan as it stands now; every version kept as a revision.
CREATE TABLE goal (
    id          UUID PRIMARY KEY,
    team_id     UUID         NOT NULL,
    title       VARCHAR(120) NOT NULL,
    period_kind VARCHAR(10)  NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    zone        VARCHAR(60)  NOT NULL,
    measure     VARCHAR(30)  NOT NULL,
    target      NUMERIC(19, 2) NOT NULL,
    currency    VARCHAR(3),
    cadence     VARCHAR(12)  NOT NULL,
    sponsor_id  UUID,
    draft       BOOLEAN      NOT NULL,
    version     INT          NOT NULL,
    created_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_team_idx ON goal (team_id, starts_on);
CREATE INDEX goal_period_idx ON goal (starts_on, ends_on);

-- The current version's activities (dropped ones stay, with the day they were dropped).
CREATE TABLE goal_activity (
    id                  UUID PRIMARY KEY,
    goal_id             UUID        NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    position            INT         NOT NULL,
    kind                VARCHAR(30) NOT NULL,
    target              INT         NOT NULL,
    per                 VARCHAR(10) NOT NULL,
    assumed_activities  INT,
    assumed_outcomes    NUMERIC(19, 2),
    since               DATE        NOT NULL,
    dropped_on          DATE
);
CREATE INDEX goal_activity_goal_idx ON goal_activity (goal_id, position);

CREATE TABLE goal_activity_owner (
    activity_id UUID NOT NULL REFERENCES goal_activity (id) ON DELETE CASCADE,
    person_id   UUID NOT NULL,
    position    INT  NOT NULL,
    PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX goal_activity_owner_person_idx ON goal_activity_owner (person_id);

-- Every version as it was set: who, when, why, what changed (one line each) and the whole plan (JSON).
CREATE TABLE goal_revision (
    goal_id    UUID          NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    version    INT           NOT NULL,
    changed_by UUID,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(500)  NOT NULL,
    changes    TEXT          NOT NULL,
    plan       TEXT          NOT NULL,
    PRIMARY KEY (goal_id, version)
);

CREATE TABLE goal_endorsement (
    goal_id     UUID        NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    version     INT         NOT NULL,
    person_id   UUID        NOT NULL,
    endorsed_as VARCHAR(20) NOT NULL,
    endorsed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (goal_id, version, person_id)
);

-- Reported progress (custom and amount measures), with confidence 0–10: the whole history.
CREATE TABLE goal_check_in (
    id         UUID PRIMARY KEY,
    goal_id    UUID          NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    person_id  UUID          NOT NULL,
    reached    NUMERIC(19, 2),
    confidence INT           NOT NULL,
    comment    VARCHAR(500),
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_check_in_goal_idx ON goal_check_in (goal_id, checked_at);

-- What each participant of a goal session committed to.
CREATE TABLE goal_commitment (
    goal_id      UUID         NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    person_id    UUID         NOT NULL,
    text         VARCHAR(300) NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (goal_id, person_id)
);
