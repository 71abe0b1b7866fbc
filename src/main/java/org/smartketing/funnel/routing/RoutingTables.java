package org.smartketing.funnel.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.Sql;
import org.smartketing.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The routing tables: rules with their pools and round-robin pointers, the default cap, the
 * out-of-office periods, and the log of every routing decision.
 */
@Repository
class RoutingTables {

    /** One routing decision: to whom (null when nobody fitted), by which rule, and why. */
    record Decision(Instant at, UUID ownerId, UUID ruleId, String reason) {
    }

    private final JdbcClient jdbc;

    RoutingTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RoutingSetup current() {
        record Settings(int version, Integer cap) {
        }
        Settings settings = jdbc.sql("SELECT version, default_open_lead_cap FROM routing_settings WHERE id = 1")
                .query((rs, n) -> new Settings(rs.getInt("version"),
                        rs.getObject("default_open_lead_cap", Integer.class)))
                .single();
        Map<UUID, List<UUID>> pools = new HashMap<>();
        jdbc.sql("SELECT rule_id, person_id FROM routing_pool_member ORDER BY rule_id, position").query(rs -> {
            pools.computeIfAbsent(Sql.uuid(rs, "rule_id"), k -> new java.util.ArrayList<>()).add(Sql.uuid(rs, "person_id"));
        });
        List<RoutingRule> rules = jdbc.sql("SELECT * FROM routing_rule ORDER BY position")
                .query((rs, n) -> new RoutingRule(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("country"),
                        rs.getString("region"), rs.getString("segment"),
                        pools.getOrDefault(Sql.uuid(rs, "id"), List.of()),
                        (Integer) rs.getObject("open_lead_cap", Integer.class)))
                .list();
        List<OutOfOffice> away = jdbc.sql("SELECT * FROM rep_out_of_office ORDER BY starts_at, id")
                .query((rs, n) -> new OutOfOffice(Sql.uuid(rs, "id"), Sql.uuid(rs, "person_id"),
                        Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getString("note")))
                .list();
        return new RoutingSetup(settings.version(), settings.cap(), rules, away);
    }

    /**
     * Replaces everything when the stored set-up is still at the version the change was based on,
     * and raises the version; a rule that keeps its id keeps its round-robin pointer. The settings
     * row stays locked until the transaction ends, so of two replaces based on the same version
     * the second waits, finds the version raised and is refused.
     */
    RoutingSetup replace(RoutingSetup setup) {
        int changed = jdbc.sql("""
                UPDATE routing_settings SET default_open_lead_cap = ?, version = version + 1
                WHERE id = 1 AND version = ?""").params(setup.defaultOpenLeadCap(), setup.version()).update();
        if (changed != 1) {
            throw new StaleVersionException("The routing set-up", setup.version(),
                    jdbc.sql("SELECT version FROM routing_settings WHERE id = 1").query(Integer.class).single());
        }
        Map<UUID, Integer> pointers = new HashMap<>();
        jdbc.sql("SELECT id, next_index FROM routing_rule")
                .query(rs -> {
                    pointers.put(Sql.uuid(rs, "id"), rs.getInt("next_index"));
                });
        jdbc.sql("DELETE FROM routing_pool_member").update();
        jdbc.sql("DELETE FROM routing_rule").update();
        int position = 1;
        for (RoutingRule r : setup.rules()) {
            UUID id = r.id() != null ? r.id() : UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO routing_rule (id, position, name, country, region, segment, open_lead_cap, next_index)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, r.name(), r.country(), r.region(), r.segment(), r.openLeadCap(),
                            pointers.getOrDefault(id, 0))
                    .update();
            int member = 1;
            for (UUID person : r.pool()) {
                jdbc.sql("INSERT INTO routing_pool_member (rule_id, position, person_id) VALUES (?, ?, ?)")
                        .params(id, member++, person).update();
            }
        }
        jdbc.sql("DELETE FROM rep_out_of_office").update();
        for (OutOfOffice o : setup.outOfOffice()) {
            jdbc.sql("INSERT INTO rep_out_of_office (id, person_id, starts_at, ends_at, note) VALUES (?, ?, ?, ?, ?)")
                    .params(o.id() != null ? o.id() : UUID.randomUUID(), o.personId(), Sql.utc(o.from()),
                            Sql.utc(o.to()), o.note())
                    .update();
        }
        return current();
    }

    /**
     * The pool index to try first for the rule, with the rule's row locked until the transaction
     * ends, so two leads routed at once never take the same turn.
     */
    int lockNextIndex(UUID ruleId) {
        return jdbc.sql("SELECT next_index FROM routing_rule WHERE id = ? FOR UPDATE").param(ruleId)
                .query(Integer.class).single();
    }

    void setNextIndex(UUID ruleId, int index) {
        jdbc.sql("UPDATE routing_rule SET next_index = ? WHERE id = ?").params(index, ruleId).update();
    }

    boolean outOfOffice(UUID personId, Instant at) {
        return jdbc.sql("SELECT COUNT(*) FROM rep_out_of_office WHERE person_id = ? AND starts_at <= ? AND ends_at > ?")
                .params(personId, Sql.utc(at), Sql.utc(at)).query(Long.class).single() > 0;
    }

    void log(LeadId lead, Decision d) {
        jdbc.sql("INSERT INTO lead_routing (lead_id, occurred_at, owner_id, rule_id, reason) VALUES (?, ?, ?, ?, ?)")
                .params(lead.value(), Sql.utc(d.at()), d.ownerId(), d.ruleId(),
                        d.reason().length() > 1000 ? d.reason().substring(0, 1000) : d.reason())
                .update();
    }

    List<Decision> decisions(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_routing WHERE lead_id = ? ORDER BY id").param(lead.value())
                .query((rs, n) -> new Decision(Sql.instant(rs, "occurred_at"), Sql.uuid(rs, "owner_id"),
                        Sql.uuid(rs, "rule_id"), rs.getString("reason")))
                .list();
    }
}
