-- What a meeting produces: ideas, each attendee's action plan items, commitments and ratings.
CREATE TABLE meeting_idea (
    id         UUID PRIMARY KEY,
    meeting_id UUID         NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    text       VARCHAR(500) NOT NULL,
    author_id  UUID         NOT NULL REFERENCES person (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_idea_meeting_idx ON meeting_idea (meeting_id, created_at);

CREATE TABLE action_item (
    id            UUID PRIMARY KEY,
    meeting_id    UUID         NOT NULL REFERENCES meeting (id),
    family_id     UUID         NOT NULL,
    text          VARCHAR(500) NOT NULL,
    owner_id      UUID         NOT NULL REFERENCES person (id),
    author_id     UUID         NOT NULL REFERENCES person (id),
    -- The date promised in the meeting; due_on moves when a follow-up gives a new date.
    first_due_on  DATE         NOT NULL,
    due_on        DATE         NOT NULL,
    link_kind     VARCHAR(10),
    link_id       UUID,
    idea_id       UUID REFERENCES meeting_idea (id) ON DELETE SET NULL,
    status        VARCHAR(8)   NOT NULL,
    reason        VARCHAR(300),
    done_on       DATE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The due date each reminder job last fired for: a job fires once per due date.
    reminded_for  DATE,
    overdue_for   DATE,
    escalated_for DATE
);
CREATE INDEX action_item_owner_idx ON action_item (owner_id, status, due_on);
CREATE INDEX action_item_family_idx ON action_item (family_id, status);
CREATE INDEX action_item_meeting_idx ON action_item (meeting_id);

-- Each follow-up of an open item in a later meeting: done, not done (new date) or dropped.
CREATE TABLE action_item_review (
    id          UUID PRIMARY KEY,
    item_id     UUID        NOT NULL REFERENCES action_item (id) ON DELETE CASCADE,
    meeting_id  UUID        REFERENCES meeting (id),
    outcome     VARCHAR(8)  NOT NULL,
    new_due_on  DATE,
    reason      VARCHAR(300),
    reviewed_by UUID        NOT NULL REFERENCES person (id),
    reviewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX action_item_review_item_idx ON action_item_review (item_id);

CREATE TABLE meeting_commitment (
    meeting_id   UUID         NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id    UUID         NOT NULL REFERENCES person (id),
    action       VARCHAR(300) NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE meeting_rating (
    meeting_id UUID NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id  UUID NOT NULL REFERENCES person (id),
    rating     INT  NOT NULL,
    rated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
