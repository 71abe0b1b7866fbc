-- One row per reaction to an event that was done (shared.events.Reactions), written in the
-- reaction's own transaction: a publication delivered again finds it and does nothing. Kept as long
-- as completed publications (smartketing.events.keep-completed).
CREATE TABLE event_reaction (
    reaction VARCHAR(100) NOT NULL,
    event_id UUID         NOT NULL,
    done_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reaction, event_id)
);
CREATE INDEX event_reaction_done_idx ON event_reaction (done_at);
