-- The quarterly self-assessment: a round per quarter, who has answered it, and the answers apart
-- from who gave them. An answer keeps only its department's side (sales, marketing, other), never
-- the person or the time, so a group's figures cannot be traced to one of its people; they are
-- shown only for five or more answers.
CREATE TABLE insight_assessment_round (
    id          UUID PRIMARY KEY,
    quarter     VARCHAR(7)               NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by   VARCHAR(20)              NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    reminded_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT insight_assessment_round_quarter UNIQUE (quarter)
);

-- Who answered a round: one row each, so a second (or concurrent) answer is refused.
CREATE TABLE insight_assessment_participant (
    round_id  UUID NOT NULL,
    person_id UUID NOT NULL,
    CONSTRAINT insight_assessment_participant_pk PRIMARY KEY (round_id, person_id)
);

-- One person's answers, by side only.
CREATE TABLE insight_assessment_response (
    id       UUID PRIMARY KEY,
    round_id UUID        NOT NULL,
    side     VARCHAR(20) NOT NULL
);
CREATE INDEX insight_assessment_response_round ON insight_assessment_response (round_id);

CREATE TABLE insight_assessment_score (
    response_id UUID        NOT NULL REFERENCES insight_assessment_response (id),
    statement   VARCHAR(40) NOT NULL,
    score       INT         NOT NULL,
    CONSTRAINT insight_assessment_score_pk PRIMARY KEY (response_id, statement),
    CONSTRAINT insight_assessment_score_range CHECK (score BETWEEN 1 AND 5)
);
