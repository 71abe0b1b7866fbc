package org.smartketing.funnel.intake;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.smartketing.shared.Secrets;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Website forms allowed to post leads: each has a key (the form's {@code oid}) and the hosts its
 * {@code retURL} may send people back to.
 */
@Repository
public class WebForms {

    /**
     * @param fieldMap the form's own custom-field ids (Salesforce's {@code 00N...}) to our custom fields' keys
     */
    public record WebForm(UUID id, String key, String name, List<String> allowedHosts, String source, UUID campaignId,
            Map<String, String> fieldMap, boolean active, Instant createdAt) {

        public WebForm {
            fieldMap = fieldMap == null ? Map.of() : Map.copyOf(fieldMap);
        }

        public boolean mayReturnTo(URI url) {
            return url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    && allowedHosts.contains(url.getHost().toLowerCase(Locale.ROOT));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    WebForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WebForm create(String name, List<String> hosts, String source, UUID campaignId, Instant at) {
        return create(name, hosts, source, campaignId, Map.of(), at);
    }

    public WebForm create(String name, List<String> hosts, String source, UUID campaignId, Map<String, String> fieldMap,
            Instant at) {
        WebForm form = new WebForm(UUID.randomUUID(), "smk" + Secrets.newSecret().substring(0, 17), name.strip(),
                hosts(hosts), source, campaignId, fieldMap, true, at);
        jdbc.sql("""
                INSERT INTO web_form (id, form_key, name, allowed_hosts, source, campaign_id, field_map, active,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(form.id(), form.key(), form.name(), String.join(",", form.allowedHosts()), source, campaignId,
                        json(form.fieldMap()), true, Sql.utc(at), Sql.utc(at))
                .update();
        return form;
    }

    /** Replaces the form's settings; its key stays, so the website need not change. */
    public WebForm change(WebForm changed, Instant at) {
        jdbc.sql("""
                UPDATE web_form SET name = ?, allowed_hosts = ?, source = ?, campaign_id = ?, field_map = ?, active = ?,
                    updated_at = ?
                WHERE id = ?""")
                .params(changed.name().strip(), String.join(",", hosts(changed.allowedHosts())), changed.source(),
                        changed.campaignId(), json(changed.fieldMap()), changed.active(), Sql.utc(at), changed.id())
                .update();
        return byId(changed.id()).orElseThrow();
    }

    public Optional<WebForm> byId(UUID id) {
        return jdbc.sql("SELECT * FROM web_form WHERE id = ?").param(id).query(WebForms::map).optional();
    }

    /** Forgets the form: its key stops working; the leads it brought stay. */
    public boolean remove(UUID id) {
        return jdbc.sql("DELETE FROM web_form WHERE id = ?").param(id).update() == 1;
    }

    private static List<String> hosts(List<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).distinct().toList();
    }

    private static String json(Map<String, String> map) {
        return map.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(map));
    }

    public Optional<WebForm> activeByKey(String key) {
        if (key == null || key.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM web_form WHERE form_key = ? AND active = TRUE").param(key.strip())
                .query(WebForms::map).optional();
    }

    public List<WebForm> all() {
        return jdbc.sql("SELECT * FROM web_form ORDER BY created_at DESC").query(WebForms::map).list();
    }

    private static Map<String, String> fieldMap(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
    }

    private static WebForm map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WebForm(Sql.uuid(rs, "id"), rs.getString("form_key"), rs.getString("name"),
                Arrays.stream(rs.getString("allowed_hosts").split(",")).filter(h -> !h.isBlank()).toList(),
                rs.getString("source"), Sql.uuid(rs, "campaign_id"), fieldMap(rs.getString("field_map")),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"));
    }
}
