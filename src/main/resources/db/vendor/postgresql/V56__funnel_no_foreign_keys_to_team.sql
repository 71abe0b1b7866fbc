-- People are the team part's: the funnel checks a person id through TeamDirectory when it is
-- written, so its tables keep no foreign keys to person (the V7 constraints, as PostgreSQL named them).
ALTER TABLE routing_pool_member DROP CONSTRAINT routing_pool_member_person_id_fkey;
ALTER TABLE rep_out_of_office DROP CONSTRAINT rep_out_of_office_person_id_fkey;
