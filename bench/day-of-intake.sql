-- psql -d smartketing_bench -f bench/day-of-intake.sql (after bench/run.sh has loaded it)
-- 200,000 leads as bench/post_lead.lua posts them (NEW, names from the same 8 x 8, newest of all):
-- the state after a day of intake, in which the list of main measured 234-300 ms (docs/performance.md).
INSERT INTO lead (id, email, email_key, first_name, last_name, company, country, source, consent_given, consent_at,
                  consent_method, stage, score, score_due_at, tags, created_at, updated_at, version)
SELECT gen_random_uuid(), e, e, f, l, 'Loadtest ' || (i % 500) || ' GmbH', 'DE', 'api', TRUE, t, 'api', 'NEW', 5,
       t + interval '30 days', 'bench', t, t, 0
FROM (SELECT i, (ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo'])[1 + i % 8] AS f,
             (ARRAY['Schmidt','Martin','Garcia','Rossi','Jansen','Novak','Dubois','Weber'])[1 + (i / 8) % 8] AS l,
             'day.' || i || '.' || md5(i::text) || '@load.example.com' AS e,
             now() - (200000 - i) * interval '100 ms' AS t
      FROM generate_series(1, 200000) i) x;
