-- H2 has no partial indexes (PostgreSQL's V36 indexes only the leads with a due moment).
CREATE INDEX lead_score_due_idx ON lead (score_due_at);
