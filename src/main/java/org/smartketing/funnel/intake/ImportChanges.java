package org.smartketing.funnel.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each import did to the leads (lead_import_change, lead_import_touch), kept for its undo. */
@Repository
class ImportChanges {

    enum Change { CREATED, UPDATED }

    record Changed(LeadId lead, Change change, String before) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportChanges(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Change> of(UUID importId, LeadId lead) {
        return jdbc.sql("SELECT change FROM lead_import_change WHERE import_id = ? AND lead_id = ?")
                .params(importId, lead.value()).query(String.class).optional().map(Change::valueOf);
    }

    void record(UUID importId, List<Changed> changes, Instant at) {
        template.batchUpdate("INSERT INTO lead_import_change (import_id, lead_id, change, before_row, changed_at)"
                + " VALUES (?, ?, ?, ?, ?)", changes.stream().map(c -> new Object[] { importId, c.lead().value(),
                        c.change().name(), c.before(), Sql.utc(at) }).toList());
    }

    void touched(UUID importId, List<UUID> touches) {
        template.batchUpdate("INSERT INTO lead_import_touch (import_id, touch_id) VALUES (?, ?)",
                touches.stream().map(t -> new Object[] { importId, t }).toList());
    }

    List<Changed> all(UUID importId) {
        return jdbc.sql("SELECT lead_id, change, before_row FROM lead_import_change WHERE import_id = ?")
                .param(importId).query((rs, n) -> new Changed(new LeadId(Sql.uuid(rs, "lead_id")),
                        Change.valueOf(rs.getString("change")), rs.getString("before_row")))
                .list();
    }

    /** Removes the import's touches; how many there were. */
    int removeTouches(UUID importId) {
        int removed = jdbc.sql("DELETE FROM lead_touch WHERE id IN"
                + " (SELECT touch_id FROM lead_import_touch WHERE import_id = ?)").param(importId).update();
        jdbc.sql("DELETE FROM lead_import_touch WHERE import_id = ?").param(importId).update();
        return removed;
    }

    void forget(UUID importId) {
        jdbc.sql("DELETE FROM lead_import_change WHERE import_id = ?").param(importId).update();
    }
}
