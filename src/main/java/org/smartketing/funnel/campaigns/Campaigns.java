package org.smartketing.funnel.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign table: marketing's campaigns, which leads are attributed to. */
@Repository
public class Campaigns {

    public record Campaign(UUID id, String name, String channel, BigDecimal budget, String currency,
            LocalDate startsOn, LocalDate endsOn, UUID ownerId, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Campaign c) {
        jdbc.sql("""
                INSERT INTO campaign (id, name, name_key, channel, budget, currency, starts_on, ends_on, owner_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.name(), c.name().strip().toLowerCase(Locale.ROOT), c.channel(), c.budget(),
                        c.currency(), c.startsOn(), c.endsOn(), c.ownerId(), Sql.utc(c.createdAt()))
                .update();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE name_key = ?").param(name.strip().toLowerCase(Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    public boolean exists(UUID id) {
        return id != null && jdbc.sql("SELECT COUNT(*) FROM campaign WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public Optional<Campaign> byId(UUID id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = ?").param(id).query(Campaigns::map).optional();
    }

    public List<Campaign> all() {
        return jdbc.sql("SELECT * FROM campaign ORDER BY starts_on DESC NULLS LAST, name_key").query(Campaigns::map).list();
    }

    /** Campaigns whose name contains the text, ignoring case, newest first; at most {@code limit}. */
    public List<Campaign> named(String text, int limit) {
        return jdbc.sql("SELECT * FROM campaign WHERE name_key LIKE ? ORDER BY starts_on DESC NULLS LAST, name_key LIMIT ?")
                .params(Sql.contains(text), limit).query(Campaigns::map).list();
    }

    private static Campaign map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Campaign(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("channel"), rs.getBigDecimal("budget"),
                rs.getString("currency"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), Sql.uuid(rs, "owner_id"), Sql.instant(rs, "created_at"));
    }
}
