-- Goals for the goals benchmark (bench/run.sh with PARTS containing "goals"), after bench/load.sql:
-- :goals goals of this quarter (default 200), each with 10 planned activities (the log's 8 types,
-- leads accepted, action items done) owned by two of the load's 20 people, over 10 teams of 10.
-- psql -v goals=200 -f bench/goals.sql
\set ON_ERROR_STOP on
\if :{?goals}
\else
\set goals 200
\endif
SET synchronous_commit = off;
\timing on

-- bench/load.sql writes the activity log set-based, past the app: its hourly rollup is built here,
-- as V60 builds it (all in slot 0; department NONE like activities logged before departments).
DELETE FROM activity_count;
INSERT INTO activity_count (hour_start, person_id, type, department, slot, n)
SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', person_id, type, 'NONE', 0, COUNT(*)
FROM activity
GROUP BY 1, 2, 3;

DELETE FROM goal;
DELETE FROM team_member WHERE team_id IN (SELECT id FROM team WHERE name LIKE 'Bench team %');
DELETE FROM team WHERE name LIKE 'Bench team %';
INSERT INTO team (id, name, name_key, created_at, updated_at)
SELECT md5('team' || t)::uuid, 'Bench team ' || t, 'bench team ' || t, now(), now() FROM generate_series(1, 10) t;
INSERT INTO team_member (team_id, person_id)
SELECT md5('team' || t)::uuid, md5('person' || (1 + (t + m) % 20))::uuid
FROM generate_series(1, 10) t, generate_series(0, 9) m;

INSERT INTO goal (id, team_id, title, period_kind, starts_on, ends_on, zone, measure, target, currency, cadence,
                  sponsor_id, draft, version, created_by, created_at, updated_at)
SELECT md5('goal' || g)::uuid, md5('team' || (1 + g % 10))::uuid, 'Bench goal ' || g, 'QUARTER',
       date_trunc('quarter', current_date)::date, (date_trunc('quarter', current_date) + interval '3 months - 1 day')::date,
       'Europe/Berlin', (ARRAY['NEW_CUSTOMERS', 'SQLS', 'MQLS_DELIVERED', 'CUSTOM'])[1 + g % 4], 40 + g % 60, NULL,
       'WEEKLY', NULL, FALSE, 1, md5('person1')::uuid, now() - interval '30 days', now() - interval '30 days'
FROM generate_series(1, :goals) g;

INSERT INTO goal_activity (id, goal_id, position, kind, target, per, assumed_activities, assumed_outcomes, since, dropped_on)
SELECT md5('goal' || g || 'activity' || k)::uuid, md5('goal' || g)::uuid, k - 1,
       (ARRAY['CALL','EMAIL','MEETING','DEMO','CONTENT','CAMPAIGN','WEBINAR','EVENT','LEAD_ACCEPTED','ACTION_ITEM_DONE'])[k],
       5 + k, CASE WHEN k % 3 = 0 THEN 'MONTH' ELSE 'WEEK' END, CASE WHEN k = 4 THEN 10 END, CASE WHEN k = 4 THEN 2 END,
       date_trunc('quarter', current_date)::date, NULL
FROM generate_series(1, :goals) g, generate_series(1, 10) k;

-- Two owners per activity, members of the goal's team (persons 1 + (team + m) % 20, m in 0..9).
INSERT INTO goal_activity_owner (activity_id, person_id, position)
SELECT md5('goal' || g || 'activity' || k)::uuid, md5('person' || (1 + ((1 + g % 10) + (k + o) % 10) % 20))::uuid, o
FROM generate_series(1, :goals) g, generate_series(1, 10) k, generate_series(0, 1) o;

-- Version 1 of each goal as first set (the goal page shows it beside the goal as now).
INSERT INTO goal_revision (goal_id, version, changed_by, changed_at, reason, changes, plan)
SELECT g.id, 1, g.created_by, g.created_at, 'First set', 'Set: bench goal through 10 activities',
       json_build_object('outcome', json_build_object('measure', g.measure, 'target', g.target),
           'activities', (SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'target', a.target, 'per', a.per,
               'owners', (SELECT json_agg(o.person_id ORDER BY o.position) FROM goal_activity_owner o WHERE o.activity_id = a.id),
               'since', a.since) ORDER BY a.position) FROM goal_activity a WHERE a.goal_id = g.id))::text
FROM goal g;

INSERT INTO goal_endorsement (goal_id, version, person_id, endorsed_as, endorsed_at)
SELECT md5('goal' || g)::uuid, 1, md5('person2')::uuid, 'HEAD_OF_SALES', now() - interval '29 days'
FROM generate_series(1, :goals) g WHERE g % 2 = 0;

INSERT INTO goal_check_in (id, goal_id, person_id, reached, confidence, comment, checked_at)
SELECT md5('goal' || g || 'check-in' || w)::uuid, md5('goal' || g)::uuid, md5('person1')::uuid, 3 * w, 7, 'Week ' || w,
       now() - (5 - w) * interval '7 days'
FROM generate_series(1, :goals) g, generate_series(1, 4) w WHERE g % 4 = 3;

ANALYZE activity_count;
ANALYZE goal;
ANALYZE goal_activity;
ANALYZE goal_activity_owner;
