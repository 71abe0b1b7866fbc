-- Fills the schema Flyway created with :leads leads and :activities activities, set-based.
-- psql -v leads=1000000 -v activities=5000000 -f bench/load.sql
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
\timing on

-- Secondary indexes are dropped during the load and rebuilt after (same definitions).
CREATE TEMP TABLE saved_index AS
SELECT indexname, indexdef FROM pg_indexes
WHERE schemaname = 'public' AND tablename IN ('lead', 'lead_touch', 'lead_stage_event', 'activity', 'lead_engagement')
  AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM saved_index LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;

-- 20 owners (sales and marketing) and 50 campaigns.
INSERT INTO person (id, email, display_name, department, app_role, time_zone, work_start, work_end, work_days,
                    enabled, created_at, updated_at)
SELECT md5('person' || g)::uuid, 'rep' || g || '@bench.example.com', 'Rep ' || g,
       CASE WHEN g % 2 = 0 THEN 'SALES' ELSE 'MARKETING' END, 'MEMBER', 'Europe/Berlin',
       '09:00', '17:00', 'MON,TUE,WED,THU,FRI', TRUE, now(), now()
FROM generate_series(1, 20) g;

INSERT INTO campaign (id, name, name_key, channel, budget, currency, starts_on, ends_on, owner_id, created_at)
SELECT md5('campaign' || g)::uuid, 'Campaign ' || g, 'campaign ' || g,
       (ARRAY['EMAIL','WEBINAR','EVENT','PAID_SEARCH','SOCIAL'])[1 + g % 5], 1000 * g, 'EUR',
       current_date - 90, current_date + 30, md5('person' || (1 + g % 20))::uuid, now() - interval '90 days'
FROM generate_series(1, 50) g;

-- Leads: names and companies from small lists, 90 days of created_at, stages weighted like a real funnel.
INSERT INTO lead (id, email, email_key, phone, phone_e164, phone_key, first_name, last_name, company, title, country,
                  region, source, campaign_id, consent_given, consent_at, consent_method, owner_id, stage, score,
                  tags, description, amount, currency, requalify_on, created_at, updated_at, version)
SELECT md5('lead' || i)::uuid,
       lower(fn || '.' || ln || '.' || i || '@' || replace(co, ' ', '-') || '.example.com'),
       lower(fn || '.' || ln || '.' || i || '@' || replace(co, ' ', '-') || '.example.com'),
       NULL, NULL, NULL, fn, ln, co, (ARRAY['CTO','Head of Marketing','VP Sales','Engineer','Buyer','CEO'])[1 + i % 6],
       (ARRAY['DE','FR','GB','US','NL','ES','IT','SE'])[1 + i % 8], NULL,
       (ARRAY['web','webinar','event','referral','ads','partner','w2l'])[1 + (i / 7) % 7],
       CASE WHEN i % 5 < 3 THEN md5('campaign' || (1 + i % 50))::uuid END,
       i % 3 = 0, CASE WHEN i % 3 = 0 THEN created END, CASE WHEN i % 3 = 0 THEN 'web form' END,
       CASE WHEN st <> 'NEW' THEN md5('person' || (1 + i % 20))::uuid END,
       st, (i * 37) % 101, NULL, NULL, NULL, NULL, NULL, created, created, 0
FROM (
  SELECT i,
         (ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo','Ida','Jonas','Karin','Lukas','Mia',
                'Noah','Olivia','Paul','Quinn','Rosa','Sam','Tina','Uwe','Vera','Wim','Xenia','Yusuf','Zoe',
                'Liam','Sofia','Mateo','Chloe','Omar','Leila','Ivan','Marta','Pedro','Lucia','Kenji','Aiko',
                'Raj','Priya'])[1 + (h % 40)] AS fn,
         (ARRAY['Schmidt','Müller','Martin','Bernard','Smith','Jones','Garcia','Rossi','Jansen','Novak','Kowalski',
                'Nielsen','Dubois','Weber','Fischer','Meyer','Wagner','Becker','Brown','Taylor','Wilson','Moreau',
                'Laurent','Fontana','Ricci','Berg','Lindqvist','Virtanen','Horvat','Popescu','Silva','Santos',
                'Costa','Tanaka','Sato','Patel','Khan','Ali','Kim','Lee'])[1 + (h / 40 % 40)] AS ln,
         (ARRAY['Acme','Globex','Initech','Umbrella','Stark','Wayne','Wonka','Tyrell','Cyberdyne','Soylent',
                'Hooli','Pied Piper','Vandelay','Gringotts','Monarch','Oscorp','Aperture','Black Mesa','Nakatomi',
                'Massive Dynamic'])[1 + (h / 1600 % 20)] || ' ' ||
         (ARRAY['GmbH','Ltd','Inc','SA','BV','AB','Systems','Labs','Logistics','Retail'])[1 + (h / 32000 % 10)]
             || CASE WHEN i % 4 = 0 THEN ' ' || (i % 997) ELSE '' END AS co,
         CASE WHEN r < 30 THEN 'NEW' WHEN r < 50 THEN 'MQL' WHEN r < 60 THEN 'SAL' WHEN r < 68 THEN 'SQL'
              WHEN r < 73 THEN 'OPPORTUNITY' WHEN r < 77 THEN 'CUSTOMER' WHEN r < 85 THEN 'REJECTED'
              WHEN r < 95 THEN 'RECYCLED' ELSE 'LOST' END AS st,
         now() - (i::float8 / :leads) * interval '90 days' - (h % 600) * interval '1 second' AS created
  FROM (SELECT i, abs(hashint4(i)) AS h, abs(hashint4(i * 7 + 3)) % 100 AS r
        FROM generate_series(1, :leads) i) s
) l;

-- One touch and one stage event (the creation) per lead.
INSERT INTO lead_touch (id, lead_id, occurred_at, channel, source, campaign_id, details)
SELECT gen_random_uuid(), id, created_at, 'API', source, campaign_id, NULL FROM lead;
INSERT INTO lead_stage_event (lead_id, from_stage, to_stage, reason, actor_id, actor_label, occurred_at)
SELECT id, NULL, 'NEW', NULL, NULL, 'intake:api', created_at FROM lead;
-- The stage entries rollup counts those, as the app's rebuild would (older builds have neither
-- the rollup nor the event's source, campaign and owner).
DO $$ BEGIN
  IF to_regclass('lead_stage_entry_day') IS NOT NULL THEN
    UPDATE lead_stage_event e SET source = l.source, campaign_id = l.campaign_id
    FROM lead l WHERE l.id = e.lead_id AND e.actor_label = 'intake:api' AND e.source IS NULL;
    DELETE FROM lead_stage_entry_day;
    INSERT INTO lead_stage_entry_day (entry_day, stage, source, campaign_id, owner_id, slot, entries)
    SELECT (occurred_at AT TIME ZONE 'UTC')::date, to_stage, COALESCE(source, ''),
           COALESCE(campaign_id, '00000000-0000-0000-0000-000000000000'),
           COALESCE(owner_id, '00000000-0000-0000-0000-000000000000'), 0, count(*)
    FROM lead_stage_event GROUP BY 1, 2, 3, 4, 5;
  END IF;
END $$;

-- Activities: 8 types, 20 people, 80 % about a lead, spread over the same 90 days.
INSERT INTO activity (id, type, person_id, occurred_at, outcome, lead_id, campaign_id, source, recorded_at)
SELECT gen_random_uuid(),
       (ARRAY['CALL','EMAIL','MEETING','DEMO','CONTENT','CAMPAIGN','WEBINAR','EVENT'])[1 + g % 8],
       md5('person' || (1 + g % 20))::uuid, t,
       CASE WHEN g % 3 = 0 THEN 'Reached; follow-up booked' END,
       CASE WHEN g % 5 <> 0 THEN md5('lead' || (1 + abs(hashint4(g)) % :leads))::uuid END,
       CASE WHEN g % 8 >= 5 THEN md5('campaign' || (1 + g % 50))::uuid END,
       CASE WHEN g % 4 = 0 THEN 'API' ELSE 'MANUAL' END, t
FROM (SELECT g, now() - (abs(hashint4(g)) % 7776000) * interval '1 second' AS t
      FROM generate_series(1, :activities) g) a;

-- Each lead's engagements, as the app records them: its first touch, and every activity about it.
INSERT INTO lead_engagement (id, lead_id, activity_type, occurred_at, recorded_at)
SELECT gen_random_uuid(), id, 'TOUCH', created_at, created_at FROM lead;
INSERT INTO lead_engagement (id, lead_id, activity_type, occurred_at, recorded_at)
SELECT gen_random_uuid(), lead_id, type, occurred_at, occurred_at FROM activity WHERE lead_id IS NOT NULL;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM saved_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;

-- The scores above are made up: the app's scoring job scores every lead again, as after a rule
-- change (bench/run.sh waits for it). Older builds have no such job.
DO $$ BEGIN
  IF to_regclass('scoring_rescore') IS NOT NULL THEN
    UPDATE scoring_rescore SET requested_at = now() - interval '1 minute', after_lead = NULL;
  END IF;
END $$;
