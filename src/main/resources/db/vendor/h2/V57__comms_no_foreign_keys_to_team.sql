-- People are the team part's: comms checks a person id through TeamDirectory when it is written, so
-- its tables keep no foreign keys to person. H2 named the V13 and V14 constraints itself (upper
-- case, hence quoted).
ALTER TABLE comms_contact_method DROP CONSTRAINT "CONSTRAINT_5AE";
ALTER TABLE comms_expectations DROP CONSTRAINT "CONSTRAINT_48C";
ALTER TABLE comms_off_grid DROP CONSTRAINT "CONSTRAINT_3D2";
ALTER TABLE comms_off_grid DROP CONSTRAINT "CONSTRAINT_3D2F";
ALTER TABLE comms_inbox_item DROP CONSTRAINT "CONSTRAINT_E2";
