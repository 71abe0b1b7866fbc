package org.smartketing.imports.running;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports' part of a lead's personal data: the bad lines kept with their cell as it was in the file
 * (which may be the person's email or name), and the uploaded files themselves, kept on disk. An
 * erase replaces the person's values in those cells and messages (the lines and counts stay) and,
 * once it has committed, in the kept files of imports that are not running (a running one is left
 * alone: its lines are being read). The rows an import changed, kept for its undo, are the funnel's
 * and erased there.
 */
@Component
class ImportPersonalData implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(ImportPersonalData.class);

    private final JdbcClient jdbc;

    ImportPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "importErrors";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        String where = subject.sqlMentions(args, "cell", "message");
        return PersonalRows.rows(jdbc, "SELECT import_id, phase, line_no, column_name, cell, message FROM import_error WHERE "
                + where + " ORDER BY import_id, line_no", args);
    }

    @Override
    public void erase(DataSubject subject) {
        PersonalRows.scrubMentions(jdbc, subject, "import_error", List.of("id"), List.of("cell", "message"));
        record Kept(Path file, String encoding) {
        }
        List<Kept> files = jdbc.sql("SELECT stored_as, encoding FROM import_job WHERE state <> 'RUNNING'")
                .query((rs, n) -> new Kept(Path.of(rs.getString("stored_as")), rs.getString("encoding"))).list();
        Runnable scrubFiles = () -> files.forEach(kept -> scrub(kept.file(), Charset.forName(kept.encoding()), subject));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scrubFiles.run();
                }
            });
        }
        else {
            scrubFiles.run();
        }
    }

    /** Rewrites the file with the subject's values replaced, line by line (its line ends kept), when it names them. */
    static void scrub(Path file, Charset charset, DataSubject subject) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path scrubbed = file.resolveSibling(file.getFileName() + ".erasing");
        boolean changed = false;
        try (Reader in = Files.newBufferedReader(file, charset); Writer out = Files.newBufferedWriter(scrubbed, charset)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                line.append((char) c);
                if (c == '\n') {
                    changed |= write(out, line, subject);
                }
            }
            changed |= write(out, line, subject);
        }
        catch (IOException | UncheckedIOException ex) {
            log.warn("Could not erase a person's values from the kept import file {}: {}", file, ex.getMessage());
        }
        try {
            if (changed) {
                Files.move(scrubbed, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            else {
                Files.deleteIfExists(scrubbed);
            }
        }
        catch (IOException ex) {
            log.warn("Could not replace the kept import file {}: {}", file, ex.getMessage());
        }
    }

    private static boolean write(Writer out, StringBuilder line, DataSubject subject) throws IOException {
        String before = line.toString();
        String after = subject.scrub(before);
        out.write(after);
        line.setLength(0);
        return !after.equals(before);
    }
}
