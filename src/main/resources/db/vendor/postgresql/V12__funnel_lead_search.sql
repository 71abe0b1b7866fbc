-- PostgreSQL only: trigram indexes for the lead list's text query. Leads.find narrows by
--   email_key LIKE ? OR LOWER(last_name) LIKE ? OR LOWER(first_name) LIKE ? OR LOWER(company) LIKE ?
-- with '%text%' patterns, which a B-tree cannot serve; each expression here is exactly one of those,
-- so the planner can answer the query with a BitmapOr of these instead of reading every lead.
-- (Other databases keep scanning; see docs/performance.md.)
-- The extension lives in public and its operator class is named with the schema, so the indexes
-- also build when Smartketing's tables sit in another schema (search_path without public).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX lead_email_key_trgm_idx ON lead USING gin (email_key public.gin_trgm_ops);
CREATE INDEX lead_last_name_trgm_idx ON lead USING gin (LOWER(last_name) public.gin_trgm_ops);
CREATE INDEX lead_first_name_trgm_idx ON lead USING gin (LOWER(first_name) public.gin_trgm_ops);
CREATE INDEX lead_company_trgm_idx ON lead USING gin (LOWER(company) public.gin_trgm_ops);

-- Statistics for the new expressions now, not at the next autovacuum: without them the planner
-- guesses that any '%text%' matches thousands of leads and keeps walking the newest-first index.
ANALYZE lead;
