-- The duplicates queue's keys, kept by the database from the lead's own columns (so every way a lead is
-- written, imports' bulk paths included, keeps them): last name, first name and company compared
-- lower-case, and the email's local part without dots. H2 has no trigram similarity: the local part's
-- equality stands for "a similar email" here (PostgreSQL's V120 adds trigram similarity).
ALTER TABLE lead ADD COLUMN match_name VARCHAR(300) GENERATED ALWAYS AS
    (LOWER(TRIM(last_name)) || '|' || COALESCE(LOWER(TRIM(first_name)), '') || '|' || LOWER(TRIM(company)));
ALTER TABLE lead ADD COLUMN match_local VARCHAR(254) GENERATED ALWAYS AS
    (CASE WHEN POSITION('@' IN email) > 1 THEN REPLACE(LOWER(LEFT(email, POSITION('@' IN email) - 1)), '.', '') END);
CREATE INDEX lead_match_name_idx ON lead (match_name);
CREATE INDEX lead_match_local_idx ON lead (match_local);
