-- The uploaded files themselves, in chunks of at most a mebibyte, so that any node can run (or
-- resume) an import: a node without the file on its disk reads it back from here, chunk by chunk.
CREATE TABLE import_file_chunk (
    import_id UUID    NOT NULL REFERENCES import_job (id),
    seq       INTEGER NOT NULL,
    bytes     BYTEA   NOT NULL,
    PRIMARY KEY (import_id, seq)
);
