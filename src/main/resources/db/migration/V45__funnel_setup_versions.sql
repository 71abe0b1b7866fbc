-- The routing and the scoring set-up each carry a version, raised by every replace. A replace names
-- the version it was based on and is refused when the set-up changed meanwhile, so two admins'
-- edits never silently overwrite each other.
ALTER TABLE routing_settings ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE scoring_settings ADD COLUMN version INT NOT NULL DEFAULT 0;
