-- EXPLAIN (ANALYZE, BUFFERS) of the statements Leads.find sends for stage=MQL&q=TERM (and main's single one):
--   psql -d smartketing_bench -v term=garcia -f bench/explain-list.sql
\set pat '''%' :term '%'''
\echo == count up to 51
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT 1 FROM lead WHERE (email_key LIKE :pat OR LOWER(last_name) LIKE :pat OR LOWER(first_name) LIKE :pat OR LOWER(company) LIKE :pat) LIMIT 51) hit;
\echo == walk 2000
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT l.* FROM (SELECT id, created_at FROM lead WHERE stage = 'MQL' ORDER BY created_at DESC, id DESC LIMIT 2000) w JOIN lead l ON l.id = w.id WHERE (l.email_key LIKE :pat OR LOWER(l.last_name) LIKE :pat OR LOWER(l.first_name) LIKE :pat OR LOWER(l.company) LIKE :pat) ORDER BY w.created_at DESC, w.id DESC LIMIT 26;
\echo == trigram hits
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT l.* FROM lead l JOIN (SELECT id FROM (SELECT id, stage, owner_id, source, campaign_id, score, created_at FROM lead WHERE (email_key LIKE :pat OR LOWER(last_name) LIKE :pat OR LOWER(first_name) LIKE :pat OR LOWER(company) LIKE :pat) OFFSET 0) hit WHERE stage = 'MQL' ORDER BY created_at DESC, id DESC LIMIT 26) page ON page.id = l.id ORDER BY l.created_at DESC, l.id DESC;
\echo == old shape
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM lead WHERE stage = 'MQL' AND (email_key LIKE :pat OR LOWER(last_name) LIKE :pat OR LOWER(first_name) LIKE :pat OR LOWER(company) LIKE :pat) ORDER BY created_at DESC, id DESC LIMIT 26;
