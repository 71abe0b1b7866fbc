-- Insights' stage rollups at the benchmark's size, on PostgreSQL, in a scratch database:
--   psql -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS sk_insights_big' -c 'CREATE DATABASE sk_insights_big'
--   for f in V91__insights_rollups V99__insights_stage_counts V100__insights_stage_stays; do
--     psql -h 127.0.0.1 -U postgres -d sk_insights_big -f src/main/resources/db/migration/$f.sql; done
--   psql -h 127.0.0.1 -U postgres -d sk_insights_big -f bench/insights-rollups.sql
-- (about four minutes to generate on two cores; the EXPLAIN ANALYZE lines at the end are the timings)
-- 1M leads over 2026, 3 stage changes each (NEW; MQL within 5 days; then SAL, REJECTED with one of
-- four reasons, or RECYCLED within 10 days), 6 sources (one in six without), 20 campaigns, 50 owners;
-- the counts and stays filled from the changes as the rebuild would; then the tiles' queries timed
-- with EXPLAIN ANALYZE over the default 90 days in Europe/Berlin (weeks), 31 days (days), a team.

\timing on
SET client_min_messages = warning;
SELECT setseed(0.2026);

CREATE TEMP TABLE bench_lead AS
SELECT gen_random_uuid() AS id,
       timestamptz '2026-01-01 00:00:00+00' + random() * interval '365 days' AS born,
       CASE WHEN n % 6 = 0 THEN NULL ELSE 'source-' || (n % 6) END AS source,
       ('00000000-0000-0000-0000-0000000000' || lpad((n % 20)::text, 2, '0'))::uuid AS campaign_id,
       ('00000000-0000-0000-0001-0000000000' || lpad((n % 50)::text, 2, '0'))::uuid AS owner_id,
       random() AS r1, random() AS r2, random() AS r3
FROM generate_series(1, 1000000) n;

INSERT INTO insight_stage_change (lead_id, occurred_at, to_stage, from_stage, reason, source, campaign_id, owner_id, taken_at)
SELECT id, born, 'NEW', NULL, NULL, source, campaign_id, NULL, now() FROM bench_lead
UNION ALL
SELECT id, born + r1 * interval '5 days', 'MQL', 'NEW', NULL, source, campaign_id, owner_id, now() FROM bench_lead
UNION ALL
SELECT id, born + r1 * interval '5 days' + r2 * interval '10 days',
       CASE WHEN r3 < 0.5 THEN 'SAL' WHEN r3 < 0.8 THEN 'REJECTED' ELSE 'RECYCLED' END, 'MQL',
       CASE WHEN r3 >= 0.5 THEN (ARRAY['No budget', 'Wrong person', 'Too early', 'Competitor'])[1 + floor(r2 * 4)::int] END,
       source, campaign_id, owner_id, now() FROM bench_lead;

-- the counts, as StageRollups.CountKey keys them
INSERT INTO insight_stage_count (hour_start, to_stage, source, campaign_id, owner_id, reason, n)
SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', to_stage, COALESCE(trim(source), ''),
       COALESCE(campaign_id, '00000000-0000-0000-0000-000000000000'), COALESCE(owner_id, '00000000-0000-0000-0000-000000000000'),
       CASE WHEN to_stage IN ('REJECTED', 'RECYCLED') THEN COALESCE(trim(reason), '') ELSE '' END, COUNT(*)
FROM insight_stage_change GROUP BY 1, 2, 3, 4, 5, 6;

-- the day counts (no owner), as CountKey.daily keys them
INSERT INTO insight_stage_day (day_start, to_stage, source, campaign_id, reason, n)
SELECT date_trunc('day', hour_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', to_stage, source, campaign_id, reason, SUM(n)
FROM insight_stage_count GROUP BY 1, 2, 3, 4, 5;

-- the stays, as StageRollups.stays makes them
INSERT INTO insight_stage_stay (lead_id, left_at, to_stage, stage, entered_at, seconds, source, campaign_id, owner_id)
SELECT lead_id, occurred_at, to_stage, from_stage, entered_at, floor(extract(epoch FROM occurred_at - entered_at))::bigint,
       COALESCE(trim(source), ''), campaign_id, owner_id
FROM (SELECT c.*, lag(occurred_at) OVER (PARTITION BY lead_id ORDER BY occurred_at) AS entered_at
      FROM insight_stage_change c) x
WHERE from_stage IS NOT NULL AND entered_at IS NOT NULL;

VACUUM ANALYZE insight_stage_change;
VACUUM ANALYZE insight_stage_count;
VACUUM ANALYZE insight_stage_stay;
VACUUM ANALYZE insight_stage_day;

SELECT (SELECT COUNT(*) FROM insight_stage_change) AS changes, (SELECT COUNT(*) FROM insight_stage_count) AS counters,
       (SELECT COUNT(*) FROM insight_stage_day) AS day_counters, (SELECT COUNT(*) FROM insight_stage_stay) AS stays;

-- BEFORE: the funnel and rejection tiles' old read (StageChangeRows), 90 days in Berlin: every change
-- with a subquery for the change before it, all rows to the application
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT c.lead_id, c.occurred_at, c.from_stage, c.to_stage, c.reason, c.source, c.campaign_id, c.owner_id,
  (SELECT MAX(p.occurred_at) FROM insight_stage_change p WHERE p.lead_id = c.lead_id AND p.occurred_at < c.occurred_at) AS entered_at
FROM insight_stage_change c WHERE c.occurred_at >= '2026-06-30 22:00:00+00' AND c.occurred_at < '2026-09-28 22:00:00+00'
ORDER BY c.occurred_at, c.lead_id;

-- AFTER: the counts without a team (StageFigures.counts), 90 days in Berlin by week: the UTC days
-- 2026-07-01 to 2026-09-28 in 13 weeks, then the hours 22:00-24:00 before each of the 14 week starts and
-- the end, moved from one week to the other, read in one query
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT
  CASE WHEN day_start < '2026-07-06 00:00+00' THEN 0 WHEN day_start < '2026-07-13 00:00+00' THEN 1
       WHEN day_start < '2026-07-20 00:00+00' THEN 2 WHEN day_start < '2026-07-27 00:00+00' THEN 3
       WHEN day_start < '2026-08-03 00:00+00' THEN 4 WHEN day_start < '2026-08-10 00:00+00' THEN 5
       WHEN day_start < '2026-08-17 00:00+00' THEN 6 WHEN day_start < '2026-08-24 00:00+00' THEN 7
       WHEN day_start < '2026-08-31 00:00+00' THEN 8 WHEN day_start < '2026-09-07 00:00+00' THEN 9
       WHEN day_start < '2026-09-14 00:00+00' THEN 10 WHEN day_start < '2026-09-21 00:00+00' THEN 11
       WHEN day_start < '2026-09-28 00:00+00' THEN 12 ELSE 13 END AS p,
  source, LOWER(source) AS source_key, campaign_id, to_stage, '' AS reason, n
  FROM insight_stage_day WHERE day_start >= '2026-07-01 00:00+00' AND day_start < '2026-09-29 00:00+00') x
GROUP BY p, source_key, campaign_id, to_stage, reason;

EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT
  CASE WHEN hour_start < '2026-07-01 00:00+00' THEN 0 WHEN hour_start < '2026-07-06 00:00+00' THEN 1
       WHEN hour_start < '2026-07-13 00:00+00' THEN 2 WHEN hour_start < '2026-07-20 00:00+00' THEN 3
       WHEN hour_start < '2026-07-27 00:00+00' THEN 4 WHEN hour_start < '2026-08-03 00:00+00' THEN 5
       WHEN hour_start < '2026-08-10 00:00+00' THEN 6 WHEN hour_start < '2026-08-17 00:00+00' THEN 7
       WHEN hour_start < '2026-08-24 00:00+00' THEN 8 WHEN hour_start < '2026-08-31 00:00+00' THEN 9
       WHEN hour_start < '2026-09-07 00:00+00' THEN 10 WHEN hour_start < '2026-09-14 00:00+00' THEN 11
       WHEN hour_start < '2026-09-21 00:00+00' THEN 12 WHEN hour_start < '2026-09-28 00:00+00' THEN 13 ELSE 14 END AS p,
  source, LOWER(source) AS source_key, campaign_id, to_stage, '' AS reason, n
  FROM insight_stage_count WHERE hour_start IN ('2026-06-30 22:00+00','2026-06-30 23:00+00','2026-07-07 22:00+00','2026-07-07 23:00+00','2026-07-14 22:00+00','2026-07-14 23:00+00','2026-07-21 22:00+00','2026-07-21 23:00+00','2026-07-28 22:00+00','2026-07-28 23:00+00','2026-08-04 22:00+00','2026-08-04 23:00+00','2026-08-11 22:00+00','2026-08-11 23:00+00','2026-08-18 22:00+00','2026-08-18 23:00+00','2026-08-25 22:00+00','2026-08-25 23:00+00','2026-09-01 22:00+00','2026-09-01 23:00+00','2026-09-08 22:00+00','2026-09-08 23:00+00','2026-09-15 22:00+00','2026-09-15 23:00+00','2026-09-22 22:00+00','2026-09-22 23:00+00','2026-09-29 22:00+00','2026-09-29 23:00+00','2026-09-28 22:00+00','2026-09-28 23:00+00')) x
GROUP BY p, source_key, campaign_id, to_stage, reason;

-- AFTER, with a team (and before the day counts, without): the hour counts, 90 days in Berlin by week (13 cuts)
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT
  CASE WHEN hour_start < '2026-07-05 22:00+00' THEN 0 WHEN hour_start < '2026-07-12 22:00+00' THEN 1
       WHEN hour_start < '2026-07-19 22:00+00' THEN 2 WHEN hour_start < '2026-07-26 22:00+00' THEN 3
       WHEN hour_start < '2026-08-02 22:00+00' THEN 4 WHEN hour_start < '2026-08-09 22:00+00' THEN 5
       WHEN hour_start < '2026-08-16 22:00+00' THEN 6 WHEN hour_start < '2026-08-23 22:00+00' THEN 7
       WHEN hour_start < '2026-08-30 22:00+00' THEN 8 WHEN hour_start < '2026-09-06 22:00+00' THEN 9
       WHEN hour_start < '2026-09-13 22:00+00' THEN 10 WHEN hour_start < '2026-09-20 22:00+00' THEN 11
       WHEN hour_start < '2026-09-27 22:00+00' THEN 12 ELSE 13 END AS p,
  source, LOWER(source) AS source_key, campaign_id, to_stage, '' AS reason, n
  FROM insight_stage_count WHERE hour_start >= '2026-06-30 22:00+00' AND hour_start < '2026-09-28 22:00+00') x
GROUP BY p, source_key, campaign_id, to_stage, reason;

-- AFTER: the rejection tile's counts (with reasons, all one period): the UTC days, then 2 hours each end
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT 0 AS p,
  source, LOWER(source) AS source_key, campaign_id, to_stage, reason, n
  FROM insight_stage_day WHERE day_start >= '2026-07-01 00:00+00' AND day_start < '2026-09-29 00:00+00') x
GROUP BY p, source_key, campaign_id, to_stage, reason;

-- AFTER: the exact medians (StageFigures.medians), grouped, 90 days in Berlin by week
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, stage, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) AS median FROM (SELECT
  CASE WHEN left_at < '2026-07-05 22:00+00' THEN 0 WHEN left_at < '2026-07-12 22:00+00' THEN 1
       WHEN left_at < '2026-07-19 22:00+00' THEN 2 WHEN left_at < '2026-07-26 22:00+00' THEN 3
       WHEN left_at < '2026-08-02 22:00+00' THEN 4 WHEN left_at < '2026-08-09 22:00+00' THEN 5
       WHEN left_at < '2026-08-16 22:00+00' THEN 6 WHEN left_at < '2026-08-23 22:00+00' THEN 7
       WHEN left_at < '2026-08-30 22:00+00' THEN 8 WHEN left_at < '2026-09-06 22:00+00' THEN 9
       WHEN left_at < '2026-09-13 22:00+00' THEN 10 WHEN left_at < '2026-09-20 22:00+00' THEN 11
       WHEN left_at < '2026-09-27 22:00+00' THEN 12 ELSE 13 END AS p,
  source, LOWER(source) AS source_key, campaign_id, stage, seconds FROM insight_stage_stay
  WHERE left_at >= '2026-06-30 22:00+00' AND left_at < '2026-09-28 22:00+00'
    AND stage IN ('NEW', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER')) x
GROUP BY p, source_key, campaign_id, stage;

-- AFTER: the overall medians per stage
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT -1 AS p, NULL AS source, NULL AS campaign_id, stage, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) AS median
FROM (SELECT 0 AS p, source, LOWER(source) AS source_key, campaign_id, stage, seconds FROM insight_stage_stay
  WHERE left_at >= '2026-06-30 22:00+00' AND left_at < '2026-09-28 22:00+00'
    AND stage IN ('NEW', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER')) x
GROUP BY stage;

-- AFTER: 31 days by day, one team of ten owners (the day's index computed here; the tile writes the
-- same as a CASE over the 30 cuts)
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY ON)
SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT
  (extract(epoch FROM hour_start - '2026-07-31 22:00+00') / 86400)::int AS p,
  source, LOWER(source) AS source_key, campaign_id, to_stage, '' AS reason, n
  FROM insight_stage_count WHERE hour_start >= '2026-07-31 22:00+00' AND hour_start < '2026-08-31 22:00+00'
  AND owner_id IN (SELECT ('00000000-0000-0000-0001-0000000000' || lpad(k::text, 2, '0'))::uuid FROM generate_series(0, 9) k)) x
GROUP BY p, source_key, campaign_id, to_stage, reason;
