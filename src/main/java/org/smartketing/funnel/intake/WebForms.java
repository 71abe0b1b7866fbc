package org.smartketing.funnel.intake;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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

    public record WebForm(UUID id, String key, String name, List<String> allowedHosts, String source, UUID campaignId,
            boolean active, Instant createdAt) {

        public boolean mayReturnTo(URI url) {
            return url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                    && allowedHosts.contains(url.getHost().toLowerCase(Locale.ROOT));
        }
    }

    private final JdbcClient jdbc;

    WebForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WebForm create(String name, List<String> hosts, String source, UUID campaignId, Instant at) {
        WebForm form = new WebForm(UUID.randomUUID(), "smk" + Secrets.newSecret().substring(0, 17), name.strip(),
                hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).distinct().toList(),
                source, campaignId, true, at);
        jdbc.sql("""
                INSERT INTO web_form (id, form_key, name, allowed_hosts, source, campaign_id, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(form.id(), form.key(), form.name(), String.join(",", form.allowedHosts()), source, campaignId,
                        true, Sql.utc(at))
                .update();
        return form;
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

    private static WebForm map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WebForm(Sql.uuid(rs, "id"), rs.getString("form_key"), rs.getString("name"),
                Arrays.stream(rs.getString("allowed_hosts").split(",")).filter(h -> !h.isBlank()).toList(),
                rs.getString("source"), Sql.uuid(rs, "campaign_id"), rs.getBoolean("active"),
                Sql.instant(rs, "created_at"));
    }
}
