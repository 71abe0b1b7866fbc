package org.smartketing.funnel.leads;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The leads' ids in other systems, one lead per id and system: what imports and intake match on first. */
final class ExternalIds {

    private final JdbcClient jdbc;

    ExternalIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lead holding any of these ids, the first system in name order deciding. */
    Optional<UUID> leadOf(Map<String, String> ids) {
        for (Map.Entry<String, String> id : ids.entrySet()) {
            Optional<UUID> lead = jdbc.sql("SELECT lead_id FROM lead_external_id WHERE system = ? AND external_id = ?")
                    .params(id.getKey(), id.getValue()).query(UUID.class).optional();
            if (lead.isPresent()) {
                return lead;
            }
        }
        return Optional.empty();
    }

    /** The systems any lead has an id in, by name. */
    List<String> systems() {
        return jdbc.sql("SELECT DISTINCT system FROM lead_external_id ORDER BY system").query(String.class).list();
    }

    /** Makes the lead's ids exactly these. */
    void store(LeadId lead, Map<String, String> ids) {
        jdbc.sql("DELETE FROM lead_external_id WHERE lead_id = ?").param(lead.value()).update();
        ids.forEach((system, id) -> jdbc.sql("INSERT INTO lead_external_id (system, external_id, lead_id) VALUES (?, ?, ?)")
                .params(system, id, lead.value()).update());
    }
}
