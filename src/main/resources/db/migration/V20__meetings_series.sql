-- Meeting series (a single meeting is a series without a recurrence rule) and their occurrences.
-- Every occurrence is a row: the rule must end (COUNT or UNTIL) and expands to at most 200.
CREATE TABLE meeting_series (
    id               UUID PRIMARY KEY,
    -- The first series of a chain split by "this and following": carry-over and measures follow it.
    family_id        UUID         NOT NULL,
    title            VARCHAR(200) NOT NULL,
    first_start      TIMESTAMP    NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    duration_minutes INT          NOT NULL,
    rrule            VARCHAR(300),
    sponsor_id       UUID         NOT NULL REFERENCES person (id),
    organizer_id     UUID         NOT NULL REFERENCES person (id),
    topic            VARCHAR(300),
    end_goal         VARCHAR(500),
    ical_uid         VARCHAR(120) NOT NULL UNIQUE,
    sequence         INT          NOT NULL,
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_series_family_idx ON meeting_series (family_id);

CREATE TABLE meeting_series_attendee (
    series_id UUID NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (series_id, person_id)
);
CREATE INDEX meeting_series_attendee_person_idx ON meeting_series_attendee (person_id);

CREATE TABLE meeting_series_team (
    series_id UUID NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    team_id   UUID NOT NULL REFERENCES team (id),
    PRIMARY KEY (series_id, team_id)
);

CREATE TABLE meeting (
    id               UUID PRIMARY KEY,
    series_id        UUID        NOT NULL REFERENCES meeting_series (id),
    family_id        UUID        NOT NULL,
    -- The occurrence's start as the rule gives it: its RECURRENCE-ID in calendars.
    recurrence_id    TIMESTAMP WITH TIME ZONE NOT NULL,
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INT         NOT NULL,
    topic            VARCHAR(300),
    end_goal         VARCHAR(500),
    -- Changed on its own (time or length): sent as its own VEVENT with the RECURRENCE-ID.
    moved            BOOLEAN     NOT NULL,
    status           VARCHAR(12) NOT NULL,
    step             VARCHAR(12),
    step_started_at  TIMESTAMP WITH TIME ZONE,
    started_at       TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT meeting_occurrence_uq UNIQUE (series_id, recurrence_id)
);
CREATE INDEX meeting_family_idx ON meeting (family_id, starts_at);
CREATE INDEX meeting_starts_idx ON meeting (starts_at);

CREATE TABLE meeting_agenda_point (
    id           UUID PRIMARY KEY,
    meeting_id   UUID         NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    text         VARCHAR(300) NOT NULL,
    presenter_id UUID         NOT NULL REFERENCES person (id),
    added_by     UUID         NOT NULL REFERENCES person (id),
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_agenda_point_meeting_idx ON meeting_agenda_point (meeting_id, added_at);
