-- The start a session's reminder last went for: it goes once per start (a moved session gets a new one).
ALTER TABLE crosstraining_session ADD COLUMN reminded_for TIMESTAMP WITH TIME ZONE;
