-- The 15-minute goal session: the outcome stated, activities proposed and dot-voted, targets and
-- owners for the top picks, each participant's commitment; it ends as a draft goal.
CREATE TABLE goal_session (
    id              UUID PRIMARY KEY,
    team_id         UUID          NOT NULL,
    meeting_id      UUID,
    title           VARCHAR(120)  NOT NULL,
    period_quarter  VARCHAR(7),
    period_month    VARCHAR(7),
    starts_on       DATE,
    ends_on         DATE,
    zone            VARCHAR(60)   NOT NULL,
    measure         VARCHAR(30)   NOT NULL,
    target          NUMERIC(19, 2) NOT NULL,
    currency        VARCHAR(3),
    step            VARCHAR(10)   NOT NULL,
    step_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by      UUID          NOT NULL,
    goal_id         UUID,
    version         INT           NOT NULL
);
CREATE INDEX goal_session_meeting_idx ON goal_session (meeting_id);

CREATE TABLE goal_session_participant (
    session_id   UUID NOT NULL REFERENCES goal_session (id) ON DELETE CASCADE,
    person_id    UUID NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    commitment   VARCHAR(300),
    committed_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (session_id, person_id)
);

-- A proposed activity; a pick once it has a target and owners.
CREATE TABLE goal_session_proposal (
    id          UUID PRIMARY KEY,
    session_id  UUID         NOT NULL REFERENCES goal_session (id) ON DELETE CASCADE,
    proposed_by UUID         NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    note        VARCHAR(300),
    target      INT,
    per         VARCHAR(10),
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX goal_session_proposal_session_idx ON goal_session_proposal (session_id, proposed_at);

CREATE TABLE goal_session_owner (
    proposal_id UUID NOT NULL REFERENCES goal_session_proposal (id) ON DELETE CASCADE,
    person_id   UUID NOT NULL,
    position    INT  NOT NULL,
    PRIMARY KEY (proposal_id, person_id)
);

-- Dot votes: three per participant, at most one on each proposal.
CREATE TABLE goal_session_vote (
    proposal_id UUID NOT NULL REFERENCES goal_session_proposal (id) ON DELETE CASCADE,
    person_id   UUID NOT NULL,
    session_id  UUID NOT NULL REFERENCES goal_session (id) ON DELETE CASCADE,
    voted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal_id, person_id)
);
CREATE INDEX goal_session_vote_person_idx ON goal_session_vote (session_id, person_id);
