-- Every email the application sends, kept so admins can see it (and read it when no SMTP is set).
CREATE TABLE mail_message (
    id         UUID PRIMARY KEY,
    recipient  VARCHAR(254) NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    status     VARCHAR(10)  NOT NULL,
    last_error VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_message_created_idx ON mail_message (created_at);
