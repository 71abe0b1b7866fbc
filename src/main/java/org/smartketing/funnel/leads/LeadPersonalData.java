package org.smartketing.funnel.leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funnel's part of a lead's personal data: the lead's fields and consent, its touches (with
 * what came with them), stage history, routing decisions, handoff clocks, ids in other systems, the
 * leads merged into it (the same person), and what merges and imports keep for their undo.
 *
 * <p>An erase keeps the lead's row with its stage, source, campaign, owner, score, amount, tags,
 * country and region and times, and its touches, stage changes, engagements, routings and clocks
 * (the funnel's, the SLA's and attribution's counts stay the same), and blanks every field that
 * names or reaches the person: names, email, phones, company, title, website, street, city, postal
 * code, description, custom values and external ids (the duplicate keys the database works out
 * from them go with them), the touches' details, the person's values in stage-change and routing
 * reasons and in saved searches; the merge and import records kept for an undo are dropped (there
 * is no undo of an erase), and so are the kept API answers that held the lead.
 */
@Component
public class LeadPersonalData implements PersonalData {

    /** A lead row as an erase sees it, removed or not. */
    public record Found(Lead lead, Instant erasedAt, LeadId mergedInto, List<Lead> mergedIntoIt) {
    }

    private final JdbcClient jdbc;
    private final LeadHistory history;
    private final java.time.Clock clock;

    LeadPersonalData(JdbcClient jdbc, LeadHistory history, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** The lead with this id, whether in the lists, deleted or merged away, and the leads merged into it. */
    public Optional<Found> find(LeadId id) {
        return jdbc.sql("SELECT * FROM lead WHERE id = ?").param(id.value()).query((rs, n) -> {
            UUID mergedInto = Sql.uuid(rs, "merged_into");
            return new Found(Leads.map(rs, n), Sql.instant(rs, "erased_at"),
                    mergedInto == null ? null : new LeadId(mergedInto), List.of());
        }).optional().map(f -> new Found(f.lead(), f.erasedAt(), f.mergedInto(),
                jdbc.sql("SELECT * FROM lead WHERE merged_into = ?").param(id.value()).query(Leads::map).list()));
    }

    /** Who the request is about: the lead and the leads merged into it, with the values that name or reach them. */
    public DataSubject subjectOf(Found found) {
        List<UUID> ids = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Lead> all = new ArrayList<>(List.of(found.lead()));
        all.addAll(found.mergedIntoIt());
        for (Lead lead : all) {
            ids.add(lead.id().value());
            Contact c = lead.contact();
            String full = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip();
            values.addAll(java.util.Arrays.asList(c.email(), c.phone(), c.phoneE164(), c.mobile(), c.mobileE164(),
                    full, c.firstName(), c.lastName(), c.address().street()));
        }
        return DataSubject.of(found.lead().id().value(), ids, values.stream().filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public String part() {
        return "lead";
    }

    @Override
    public Object export(DataSubject subject) {
        LeadId id = new LeadId(subject.leadId());
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return out;
        }
        Lead lead = found.get().lead();
        out.put("fields", lead);
        out.put("erasedAt", found.get().erasedAt());
        out.put("consent", consentOf(id));
        out.put("touches", history.touches(id));
        out.put("stageHistory", history.stageEvents(id));
        String in = Sql.marks(subject.leadIds().size());
        out.put("routing", PersonalRows.rows(jdbc, "SELECT occurred_at, owner_id, reason FROM lead_routing WHERE lead_id IN ("
                + in + ") ORDER BY id", subject.leadIds()));
        out.put("handoffClocks", PersonalRows.rows(jdbc, "SELECT clock, run, owner_id, started_at, due_at, stopped_at, outcome,"
                + " breached_at FROM lead_sla_clock WHERE lead_id IN (" + in + ") ORDER BY started_at", subject.leadIds()));
        out.put("mergedLeads", found.get().mergedIntoIt());
        return out;
    }

    /** Whether the lead agreed to marketing, when and how, and whether and how they withdrew it. */
    public Map<String, Object> consentOf(LeadId id) {
        return jdbc.sql("SELECT consent_given, consent_at, consent_method, consent_withdrawn_at, consent_withdrawn_how"
                + " FROM lead WHERE id = ?").param(id.value()).query((rs, n) -> {
                    Map<String, Object> consent = new LinkedHashMap<>();
                    consent.put("given", rs.getBoolean("consent_given"));
                    consent.put("at", Sql.instant(rs, "consent_at"));
                    consent.put("how", rs.getString("consent_method"));
                    consent.put("withdrawnAt", Sql.instant(rs, "consent_withdrawn_at"));
                    consent.put("withdrawnHow", rs.getString("consent_withdrawn_how"));
                    return consent;
                }).optional().orElse(Map.of());
    }

    /** Marks the consent withdrawn (the consent given stays on record beside it), raising the lead's version. */
    public void withdrawConsent(LeadId id, String how, Instant at) {
        jdbc.sql("UPDATE lead SET consent_given = FALSE, consent_withdrawn_at = ?, consent_withdrawn_how = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?").params(Sql.utc(at), how, Sql.utc(at), id.value()).update();
    }

    /** When the lead was erased, if it was. */
    public Optional<Instant> erasedAt(LeadId id) {
        return jdbc.sql("SELECT erased_at FROM lead WHERE id = ?").param(id.value())
                .query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "erased_at"))).optional().flatMap(o -> o);
    }

    @Override
    public void erase(DataSubject subject) {
        List<Object> ids = new ArrayList<>(subject.leadIds());
        String in = Sql.marks(ids.size());
        List<Object> args = new ArrayList<>();
        args.add(Sql.utc(clock.instant()));
        args.addAll(ids);
        jdbc.sql("""
                UPDATE lead SET email = NULL, email_key = NULL, phone = NULL, phone_e164 = NULL, phone_extension = NULL,
                    phone_key = NULL, mobile = NULL, mobile_e164 = NULL, salutation = NULL, first_name = NULL,
                    last_name = NULL, company = NULL, title = NULL, website = NULL, street = NULL, city = NULL,
                    postal_code = NULL, original_created_at = NULL, custom_values = NULL, external_ids = NULL,
                    description = NULL, consent_method = NULL, consent_withdrawn_how = NULL,
                    erased_at = COALESCE(erased_at, ?), version = version + 1
                WHERE id IN (""" + in + ")").params(args).update();
        jdbc.sql("DELETE FROM lead_external_id WHERE lead_id IN (" + in + ")").params(ids).update();
        jdbc.sql("UPDATE lead_touch SET details = NULL WHERE lead_id IN (" + in + ")").params(ids).update();
        PersonalRows.scrub(jdbc, subject, "lead_stage_event", List.of("id"), List.of("reason"), "lead_id IN (" + in + ")", ids);
        PersonalRows.scrub(jdbc, subject, "lead_routing", List.of("id"), List.of("reason"), "lead_id IN (" + in + ")", ids);
        PersonalRows.scrubMentions(jdbc, subject, "saved_lead_view", List.of("id"), List.of("name", "query"));
        List<Object> twice = new ArrayList<>(ids);
        twice.addAll(ids);
        jdbc.sql("DELETE FROM lead_merge WHERE survivor_id IN (" + in + ") OR merged_id IN (" + in + ")").params(twice).update();
        jdbc.sql("DELETE FROM lead_import_change WHERE lead_id IN (" + in + ")").params(ids).update();
        // merge and import records of other leads that kept this person's values (a merge's "before" of the survivor)
        PersonalRows.scrubMentions(jdbc, subject, "lead_merge", List.of("id"), List.of("survivor_before", "merged_before"));
        PersonalRows.scrubMentions(jdbc, subject, "lead_import_change", List.of("import_id", "lead_id"), List.of("before_row"));
        List<Object> patterns = new ArrayList<>();
        List<String> ors = new ArrayList<>();
        for (String lead : subject.leadIdTexts()) {
            ors.add("body LIKE ?");
            patterns.add("%" + lead + "%");
        }
        jdbc.sql("DELETE FROM idempotent_response WHERE " + String.join(" OR ", ors)).params(patterns).update();
        PersonalRows.scrubMentions(jdbc, subject, "idempotent_response", List.of("owner_id", "idem_key"), List.of("body"));
    }
}
