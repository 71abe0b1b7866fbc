-- People and teams are the team part's: meetings checks their ids through TeamDirectory when it
-- writes them, so its tables keep no foreign keys to person or team (the V20 to V22 constraints,
-- as PostgreSQL named them).
ALTER TABLE meeting_series DROP CONSTRAINT meeting_series_sponsor_id_fkey;
ALTER TABLE meeting_series DROP CONSTRAINT meeting_series_organizer_id_fkey;
ALTER TABLE meeting_series_attendee DROP CONSTRAINT meeting_series_attendee_person_id_fkey;
ALTER TABLE meeting_series_team DROP CONSTRAINT meeting_series_team_team_id_fkey;
ALTER TABLE meeting_agenda_point DROP CONSTRAINT meeting_agenda_point_presenter_id_fkey;
ALTER TABLE meeting_agenda_point DROP CONSTRAINT meeting_agenda_point_added_by_fkey;
ALTER TABLE meeting_idea DROP CONSTRAINT meeting_idea_author_id_fkey;
ALTER TABLE action_item DROP CONSTRAINT action_item_owner_id_fkey;
ALTER TABLE action_item DROP CONSTRAINT action_item_author_id_fkey;
ALTER TABLE action_item_review DROP CONSTRAINT action_item_review_reviewed_by_fkey;
ALTER TABLE meeting_commitment DROP CONSTRAINT meeting_commitment_person_id_fkey;
ALTER TABLE meeting_rating DROP CONSTRAINT meeting_rating_person_id_fkey;
ALTER TABLE calendar_feed DROP CONSTRAINT calendar_feed_person_id_fkey;
