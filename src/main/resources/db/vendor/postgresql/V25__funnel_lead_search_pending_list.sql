-- PostgreSQL only. New leads enter the trigram indexes of V12 through each index's pending list
-- (GIN "fast update"), which every text search reads in full and which is merged only by
-- (auto)vacuum or when it outgrows gin_pending_list_limit (4 MB by default). Grown to a few MB it
-- made a search for a rare term cost 6-8 ms instead of 0.2 ms (docs/performance.md). A small list
-- keeps the cheap appends, bounds what each search reads, and makes each merge (done by the insert
-- that overflows it) short, which also keeps that insert's latency down.
ALTER INDEX lead_email_key_trgm_idx SET (gin_pending_list_limit = 128);
ALTER INDEX lead_last_name_trgm_idx SET (gin_pending_list_limit = 128);
ALTER INDEX lead_first_name_trgm_idx SET (gin_pending_list_limit = 128);
ALTER INDEX lead_company_trgm_idx SET (gin_pending_list_limit = 128);

SELECT gin_clean_pending_list('lead_email_key_trgm_idx'::regclass),
       gin_clean_pending_list('lead_last_name_trgm_idx'::regclass),
       gin_clean_pending_list('lead_first_name_trgm_idx'::regclass),
       gin_clean_pending_list('lead_company_trgm_idx'::regclass);
