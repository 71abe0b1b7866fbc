package org.smartketing.imports.running;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadImports.Policy;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The imports (import_job), their bad lines (import_error) and the saved mappings (import_mapping). */
@Repository
public class ImportJobs {

    /** A bad line as stored: {@code column} is the file's column name, when one is to blame. */
    public record Error(long line, String column, String value, String message) {
    }

    /** Whose bad lines: a dry run's or the import's own. */
    public enum Phase { CHECK, RUN }

    /** A mapping saved by name. */
    public record SavedMapping(UUID id, String name, ImportJob.Kind kind, Map<String, String> mapping) {
    }

    private static final TypeReference<List<String>> COLUMNS = new TypeReference<>() {
    };

    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void insert(ImportJob j) {
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, stored_as, size_bytes, encoding, separator_char, header,
                    mapping, policy, route_mqls, state, processed, created_count, updated_count, merged_count,
                    skipped_count, failed_count, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?)""")
                .params(j.id(), j.kind().name(), j.fileName(), j.storedAs().toString(), j.size(), j.encoding(),
                        String.valueOf(j.delimiter()), json.writeValueAsString(j.header()),
                        json.writeValueAsString(j.mapping()), j.policy().name(), j.route(), j.state().name(),
                        j.createdBy().value(), Sql.utc(j.createdAt()))
                .update();
    }

    public Optional<ImportJob> byId(UUID id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The import, locked for the caller's transaction (a chunk, a cancel and an undo take turns). */
    Optional<ImportJob> locked(UUID id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    /** The newest imports first. */
    public List<ImportJob> newest(int limit) {
        return jdbc.sql("SELECT * FROM import_job ORDER BY created_at DESC, id DESC LIMIT ?").param(limit)
                .query(this::map).list();
    }

    void reformat(UUID id, String encoding, char delimiter, List<String> header, Map<String, String> mapping) {
        jdbc.sql("UPDATE import_job SET encoding = ?, separator_char = ?, header = ?, mapping = ? WHERE id = ?")
                .params(encoding, String.valueOf(delimiter), json.writeValueAsString(header),
                        json.writeValueAsString(mapping), id)
                .update();
    }

    void remap(UUID id, Map<String, String> mapping, Policy policy, boolean route) {
        jdbc.sql("UPDATE import_job SET mapping = ?, policy = ?, route_mqls = ? WHERE id = ?")
                .params(json.writeValueAsString(mapping), policy.name(), route, id).update();
    }

    void checked(UUID id, long rows, long failed) {
        jdbc.sql("UPDATE import_job SET checked_rows = ?, checked_failed = ?, rows_total = ? WHERE id = ?")
                .params(rows, failed, rows, id).update();
    }

    void counted(UUID id, long rows) {
        jdbc.sql("UPDATE import_job SET rows_total = ? WHERE id = ?").params(rows, id).update();
    }

    void started(UUID id, Instant at) {
        jdbc.sql("UPDATE import_job SET state = 'RUNNING', started_at = ? WHERE id = ?").params(Sql.utc(at), id).update();
    }

    /** Counts a committed chunk: in the chunk's transaction, so the position moves with its writes. */
    void advanced(UUID id, long records, ImportJob.Summary added) {
        jdbc.sql("""
                UPDATE import_job SET processed = processed + ?, created_count = created_count + ?,
                    updated_count = updated_count + ?, merged_count = merged_count + ?,
                    skipped_count = skipped_count + ?, failed_count = failed_count + ? WHERE id = ?""")
                .params(records, added.created(), added.updated(), added.merged(), added.skipped(), added.failed(), id)
                .update();
    }

    void ended(UUID id, ImportJob.State state, String message, Instant at) {
        jdbc.sql("UPDATE import_job SET state = ?, message = ?, finished_at = ? WHERE id = ?")
                .params(state.name(), message, Sql.utc(at), id).update();
    }

    void qualified(UUID id, long mqls, Instant at) {
        jdbc.sql("UPDATE import_job SET qualified_at = ?, mql_count = ? WHERE id = ?").params(Sql.utc(at), mqls, id)
                .update();
    }

    void undone(UUID id, Instant at) {
        jdbc.sql("UPDATE import_job SET state = 'UNDONE', undone_at = ? WHERE id = ?").params(Sql.utc(at), id).update();
    }

    void errors(UUID id, Phase phase, List<Error> errors) {
        template.batchUpdate("INSERT INTO import_error (import_id, phase, line_no, column_name, cell, message)"
                + " VALUES (?, ?, ?, ?, ?, ?)", errors.stream().map(e -> new Object[] { id, phase.name(), e.line(),
                        cut(e.column(), 255), cut(e.value(), 500), cut(e.message(), 500) }).toList());
    }

    void forgetErrors(UUID id, Phase phase) {
        jdbc.sql("DELETE FROM import_error WHERE import_id = ? AND phase = ?").params(id, phase.name()).update();
    }

    /** Bad lines in line order, after the line given, at most limit. */
    public List<Error> errors(UUID id, Phase phase, long afterLine, int limit) {
        return jdbc.sql("SELECT * FROM import_error WHERE import_id = ? AND phase = ? AND line_no > ?"
                        + " ORDER BY line_no, id LIMIT ?")
                .params(id, phase.name(), afterLine, limit)
                .query((rs, n) -> new Error(rs.getLong("line_no"), rs.getString("column_name"), rs.getString("cell"),
                        rs.getString("message")))
                .list();
    }

    /** Every bad line of the phase, in line order, handed to the consumer as read (a download of any size). */
    public void eachError(UUID id, Phase phase, java.util.function.Consumer<Error> each) {
        jdbc.sql("SELECT * FROM import_error WHERE import_id = ? AND phase = ? ORDER BY line_no, id")
                .params(id, phase.name())
                .query(rs -> {
                    each.accept(new Error(rs.getLong("line_no"), rs.getString("column_name"), rs.getString("cell"),
                            rs.getString("message")));
                });
    }

    /** Keeps the ids of the activities a chunk of an activity import created, for its undo. */
    void createdActivities(UUID id, List<UUID> activities) {
        template.batchUpdate("INSERT INTO import_activity (import_id, activity_id) VALUES (?, ?)",
                activities.stream().map(a -> new Object[] { id, a }).toList());
    }

    /** Some of the activities the import created (at most limit), those not forgotten yet. */
    List<UUID> createdActivities(UUID id, int limit) {
        return jdbc.sql("SELECT activity_id FROM import_activity WHERE import_id = ? ORDER BY activity_id LIMIT ?")
                .params(id, limit).query((rs, n) -> Sql.uuid(rs, "activity_id")).list();
    }

    void forgetActivities(UUID id, List<UUID> activities) {
        template.batchUpdate("DELETE FROM import_activity WHERE import_id = ? AND activity_id = ?",
                activities.stream().map(a -> new Object[] { id, a }).toList());
    }

    void saveMapping(SavedMapping m, PersonId by, Instant at) {
        String key = m.name().strip().toLowerCase(Locale.ROOT);
        int changed = jdbc.sql("UPDATE import_mapping SET mapping = ?, kind = ? WHERE name_key = ?")
                .params(json.writeValueAsString(m.mapping()), m.kind().name(), key).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO import_mapping (id, name, name_key, kind, mapping, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(m.id(), m.name().strip(), key, m.kind().name(), json.writeValueAsString(m.mapping()),
                            by.value(), Sql.utc(at))
                    .update();
        }
    }

    public Optional<SavedMapping> mapping(String name) {
        return jdbc.sql("SELECT * FROM import_mapping WHERE name_key = ?").param(name.strip().toLowerCase(Locale.ROOT))
                .query(this::savedMapping).optional();
    }

    public List<SavedMapping> mappings() {
        return jdbc.sql("SELECT * FROM import_mapping ORDER BY name_key").query(this::savedMapping).list();
    }

    private SavedMapping savedMapping(ResultSet rs, int n) throws SQLException {
        return new SavedMapping(Sql.uuid(rs, "id"), rs.getString("name"), ImportJob.Kind.valueOf(rs.getString("kind")),
                json.readValue(rs.getString("mapping"), MAPPING));
    }

    private ImportJob map(ResultSet rs, int n) throws SQLException {
        return new ImportJob(Sql.uuid(rs, "id"), ImportJob.Kind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                Path.of(rs.getString("stored_as")), rs.getLong("size_bytes"), rs.getString("encoding"),
                rs.getString("separator_char").charAt(0), json.readValue(rs.getString("header"), COLUMNS),
                json.readValue(rs.getString("mapping"), MAPPING), Policy.valueOf(rs.getString("policy")),
                rs.getBoolean("route_mqls"),
                ImportJob.State.valueOf(rs.getString("state")), (Long) rs.getObject("rows_total", Long.class),
                rs.getLong("processed"),
                new ImportJob.Summary(rs.getLong("created_count"), rs.getLong("updated_count"),
                        rs.getLong("merged_count"), rs.getLong("skipped_count"), rs.getLong("failed_count")),
                rs.getObject("checked_rows", Long.class), rs.getObject("checked_failed", Long.class),
                rs.getString("message"), new PersonId(Sql.uuid(rs, "created_by")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), Sql.instant(rs, "undone_at"),
                Sql.instant(rs, "qualified_at"), rs.getObject("mql_count", Long.class));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
