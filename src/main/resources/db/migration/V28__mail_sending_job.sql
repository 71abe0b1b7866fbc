-- Mail leaves through a persistent job (mail-send) that tries each email up to
-- smartketing.mail.attempts times: how many tries so far, when the next one is due (QUEUED) and
-- when the last one began (SENDING since then).
ALTER TABLE mail_message ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE mail_message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_message ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX mail_message_sending_idx ON mail_message (status, last_attempt_at);
