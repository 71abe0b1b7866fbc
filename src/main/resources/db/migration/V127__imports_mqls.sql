-- When an import of leads scored its leads together (and routed its MQLs, if asked), and how many
-- MQLs it made: set once, with the notices to the reps, so a job that runs again tells nobody twice.
ALTER TABLE import_job ADD COLUMN qualified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_job ADD COLUMN mql_count BIGINT;
