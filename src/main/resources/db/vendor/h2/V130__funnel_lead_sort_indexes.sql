-- H2 has no indexes on expressions; the embedded database sorts the (small) list by name and company as it is.
SELECT 1;
