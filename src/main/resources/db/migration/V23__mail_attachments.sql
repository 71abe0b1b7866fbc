-- Files sent with an email (calendar invitations), kept with the outbox row so a HELD mail is whole.
CREATE TABLE mail_attachment (
    id           UUID PRIMARY KEY,
    message_id   UUID         NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    position     INT          NOT NULL,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    content      BYTEA        NOT NULL
);
CREATE INDEX mail_attachment_message_idx ON mail_attachment (message_id, position);
