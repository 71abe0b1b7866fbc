-- People are the team part's: the funnel checks a person id through TeamDirectory when it is
-- written, so its tables keep no foreign keys to person. H2 named the V7 constraints itself (upper
-- case, hence quoted).
ALTER TABLE routing_pool_member DROP CONSTRAINT "CONSTRAINT_2C8";
ALTER TABLE rep_out_of_office DROP CONSTRAINT "CONSTRAINT_2B6";
