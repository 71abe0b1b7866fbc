-- The in-app channel: one item per delivery (its id is the delivery's, so a retried hand-over
-- never shows twice), newest first, with a live unread count.
CREATE TABLE comms_inbox_item (
    id               UUID PRIMARY KEY,
    person_id        UUID NOT NULL REFERENCES person (id),
    message_id       UUID,
    subject          VARCHAR(300) NOT NULL,
    body             TEXT NOT NULL,
    acknowledge_url  VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX comms_inbox_item_person_idx ON comms_inbox_item (person_id, created_at);
CREATE INDEX comms_inbox_item_unread_idx ON comms_inbox_item (person_id, read_at);
