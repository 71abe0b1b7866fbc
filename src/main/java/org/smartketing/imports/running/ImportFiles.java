package org.smartketing.imports.running;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uploaded files, kept in the database (import_file_chunk) in chunks of {@link #CHUNK} bytes,
 * so that whichever node runs an import's job finds its file: the node's own directory is a cache,
 * filled from the database, chunk by chunk, the first time a node reads an import it lacks. Only
 * one chunk is ever in memory.
 */
@Component
class ImportFiles {

    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;
    private final ImportSettings settings;

    ImportFiles(JdbcClient jdbc, ImportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Where this node keeps the import's file (whether it has it yet or not). */
    Path local(UUID id) {
        return settings.directory().resolve(id + ".csv");
    }

    /** Copies the file on this node's disk into the database, in the caller's transaction. */
    void keep(UUID id, Path file) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            for (int n = in.readNBytes(buffer, 0, CHUNK); n > 0; n = in.readNBytes(buffer, 0, CHUNK)) {
                byte[] bytes = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                jdbc.sql("INSERT INTO import_file_chunk (import_id, seq, bytes) VALUES (?, ?, ?)")
                        .params(id, seq++, bytes).update();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The import's file on this node's disk, read back from the database first if this node lacks it. */
    Path readable(ImportJob job) {
        Path local = local(job.id());
        try {
            if (Files.exists(local) && Files.size(local) == job.size()) {
                return local;
            }
            Files.createDirectories(settings.directory());
            Path partial = Files.createTempFile(settings.directory(), job.id().toString(), ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int seq = 0;; seq++) {
                    byte[] bytes = jdbc.sql("SELECT bytes FROM import_file_chunk WHERE import_id = ? AND seq = ?")
                            .params(job.id(), seq).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
                    if (bytes == null) {
                        break;
                    }
                    out.write(bytes);
                }
            }
            if (Files.size(partial) != job.size()) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("The file of import " + job.id() + " is not (or no longer) stored");
            }
            return Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Stores the file again in place of the import's kept one (an erase changed it), with its new size. */
    void replace(UUID id, Path file) {
        jdbc.sql("DELETE FROM import_file_chunk WHERE import_id = ?").param(id).update();
        keep(id, file);
        try {
            jdbc.sql("UPDATE import_job SET size_bytes = ? WHERE id = ?").params(Files.size(file), id).update();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Forgets the file (an undone import will not be read again): its chunks, and this node's copy. */
    void forget(UUID id) {
        jdbc.sql("DELETE FROM import_file_chunk WHERE import_id = ?").param(id).update();
        try {
            Files.deleteIfExists(local(id));
        }
        catch (IOException ignored) {
            // another node's copy, or this one's, is only a cache
        }
    }
}
