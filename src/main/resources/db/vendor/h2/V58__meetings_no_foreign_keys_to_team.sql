-- People and teams are the team part's: meetings checks their ids through TeamDirectory when it
-- writes them, so its tables keep no foreign keys to person or team. H2 named the V20 to V22
-- constraints itself (upper case, hence quoted).
ALTER TABLE meeting_series DROP CONSTRAINT "CONSTRAINT_E46";
ALTER TABLE meeting_series DROP CONSTRAINT "CONSTRAINT_E469";
ALTER TABLE meeting_series_attendee DROP CONSTRAINT "CONSTRAINT_BD8";
ALTER TABLE meeting_series_team DROP CONSTRAINT "CONSTRAINT_703";
ALTER TABLE meeting_agenda_point DROP CONSTRAINT "CONSTRAINT_9300";
ALTER TABLE meeting_agenda_point DROP CONSTRAINT "CONSTRAINT_93007";
ALTER TABLE meeting_idea DROP CONSTRAINT "CONSTRAINT_A051";
ALTER TABLE action_item DROP CONSTRAINT "CONSTRAINT_5E61";
ALTER TABLE action_item DROP CONSTRAINT "CONSTRAINT_5E612";
ALTER TABLE action_item_review DROP CONSTRAINT "CONSTRAINT_EB25A";
ALTER TABLE meeting_commitment DROP CONSTRAINT "CONSTRAINT_F17";
ALTER TABLE meeting_rating DROP CONSTRAINT "CONSTRAINT_E27D";
ALTER TABLE calendar_feed DROP CONSTRAINT "CONSTRAINT_74F";
