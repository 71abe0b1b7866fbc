-- People are the team part's: comms checks a person id through TeamDirectory when it is written,
-- so its tables keep no foreign keys to person (the V13 and V14 constraints, as PostgreSQL named them).
ALTER TABLE comms_contact_method DROP CONSTRAINT comms_contact_method_person_id_fkey;
ALTER TABLE comms_expectations DROP CONSTRAINT comms_expectations_person_id_fkey;
ALTER TABLE comms_off_grid DROP CONSTRAINT comms_off_grid_person_id_fkey;
ALTER TABLE comms_off_grid DROP CONSTRAINT comms_off_grid_delegate_id_fkey;
ALTER TABLE comms_inbox_item DROP CONSTRAINT comms_inbox_item_person_id_fkey;
