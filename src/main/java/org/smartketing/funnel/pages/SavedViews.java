package org.smartketing.funnel.pages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lead-list filters people keep under a name, each person their own. */
@Repository
class SavedViews {

    record SavedView(UUID id, String name, String query) {
    }

    private final JdbcClient jdbc;

    SavedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID owner, String name, String query, Instant at) {
        jdbc.sql("INSERT INTO saved_lead_view (id, owner_id, name, query, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), owner, name.strip(), query, Sql.utc(at)).update();
    }

    void delete(UUID owner, UUID id) {
        jdbc.sql("DELETE FROM saved_lead_view WHERE id = ? AND owner_id = ?").params(id, owner).update();
    }

    List<SavedView> of(UUID owner) {
        return jdbc.sql("SELECT id, name, query FROM saved_lead_view WHERE owner_id = ? ORDER BY name")
                .param(owner).query((rs, n) -> new SavedView(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("query")))
                .list();
    }
}
