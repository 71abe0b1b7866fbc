-- The duplicates queue's keys, kept by the database from the lead's own columns (so every way a lead is
-- written, COPY included, keeps them): last name, first name and company compared lower-case, and the
-- email's local part without dots, with a trigram index on it for "a similar email" (pg_trgm, see V12).
ALTER TABLE lead ADD COLUMN match_name VARCHAR(300) GENERATED ALWAYS AS
    (LOWER(TRIM(last_name)) || '|' || COALESCE(LOWER(TRIM(first_name)), '') || '|' || LOWER(TRIM(company))) STORED;
ALTER TABLE lead ADD COLUMN match_local VARCHAR(254) GENERATED ALWAYS AS
    (CASE WHEN POSITION('@' IN email) > 1 THEN REPLACE(LOWER(LEFT(email, POSITION('@' IN email) - 1)), '.', '') END) STORED;
CREATE INDEX lead_match_name_idx ON lead (match_name);
CREATE INDEX lead_match_local_idx ON lead (match_local);
CREATE INDEX lead_match_local_trgm_idx ON lead USING gin (match_local public.gin_trgm_ops);
ALTER INDEX lead_match_local_trgm_idx SET (gin_pending_list_limit = 128);
ANALYZE lead;
