-- Action items made outside a meeting, by another part through meetings' ActionItems face (a
-- cross-training reflection's "one change I will make"): no meeting, but where it came from (a
-- title and a page) and who follows it up instead of a sponsor.
ALTER TABLE action_item ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE action_item ALTER COLUMN family_id DROP NOT NULL;
ALTER TABLE action_item ADD COLUMN source_title VARCHAR(200);
ALTER TABLE action_item ADD COLUMN source_path VARCHAR(200);
ALTER TABLE action_item ADD COLUMN followed_up_by UUID;
