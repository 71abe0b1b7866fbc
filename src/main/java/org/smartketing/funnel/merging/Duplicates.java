package org.smartketing.funnel.merging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Sql;
import org.smartketing.team.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of leads that are likely one person: the same name and company, or a similar
 * email (on PostgreSQL by trigram similarity of the email's local part, elsewhere the same local
 * part without dots). An id in another system is no reason: two systems may use the same number.
 *
 * <p>The work is bounded whatever the data: the queue walks the leads newest first, at most
 * {@link #SEEDS} per page, and looks up each one's candidates among older leads through the
 * indexes on the match keys (V120), a few at most each; pairs someone dismissed are left out.
 */
@Service
@Transactional(readOnly = true)
public class Duplicates {

    static final int SEEDS = 200;
    static final int PER_LEAD = 5;
    static final double SIMILAR = 0.5;

    /** Local parts that name a role, not a person: two leads sharing one are not alike for it. */
    static final Set<String> ROLE_ADDRESSES = Set.of("info", "sales", "contact", "hello", "office", "admin", "mail",
            "marketing", "support", "team", "service", "kontakt", "noreply", "enquiries", "inquiries");

    /** Two leads that look like one person, the newer first, and why. */
    public record Pair(Lead lead, Lead other, List<String> reasons) {
    }

    /** A page of the queue and the cursor for the next (null when every lead was looked at). */
    public record Page(List<Pair> pairs, String nextCursor) {
    }

    private final JdbcClient jdbc;
    private final Leads leads;
    private final Clock clock;
    private final boolean trigrams;

    Duplicates(JdbcClient jdbc, Leads leads, DataSource dataSource, Clock clock) throws SQLException {
        this.jdbc = jdbc;
        this.leads = leads;
        this.clock = clock;
        try (Connection c = dataSource.getConnection()) {
            this.trigrams = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public Page find(String cursor, int wanted) {
        Seed after = cursor == null || cursor.isBlank() ? null : Seed.parse(cursor);
        List<Seed> seeds = seeds(after);
        Map<String, Pair> pairs = new LinkedHashMap<>();
        Seed last = null;
        for (Seed seed : seeds) {
            last = seed;
            candidates(seed).forEach((other, reasons) -> {
                String key = key(seed.id, other);
                if (!pairs.containsKey(key)) {
                    pairs.put(key, new Pair(leads.byId(new LeadId(seed.id)).orElseThrow(),
                            leads.byId(new LeadId(other)).orElseThrow(), reasons));
                }
            });
            if (pairs.size() >= wanted) {
                break;
            }
        }
        List<Pair> shown = new ArrayList<>(pairs.values());
        Set<String> dismissed = dismissed(shown);
        shown.removeIf(p -> dismissed.contains(key(p.lead().id().value(), p.other().id().value())));
        boolean more = last != null && (last != seeds.get(seeds.size() - 1) || seeds.size() == SEEDS);
        return new Page(shown, more ? last.encode() : null);
    }

    /** The likely duplicates of one lead (for its page), at most a few. */
    public List<Pair> of(LeadId id) {
        Lead lead = leads.byId(id).orElse(null);
        if (lead == null) {
            return List.of();
        }
        Seed seed = jdbc.sql("SELECT id, created_at, match_name, match_local FROM lead WHERE id = ?").param(id.value())
                .query((rs, n) -> new Seed(Sql.uuid(rs, "id"), Sql.instant(rs, "created_at"), rs.getString("match_name"),
                        rs.getString("match_local"))).single();
        List<Pair> found = new ArrayList<>();
        candidates(seed, false).forEach((other, reasons) -> leads.byId(new LeadId(other))
                .ifPresent(o -> found.add(new Pair(lead, o, reasons))));
        Set<String> dismissed = dismissed(found);
        found.removeIf(p -> dismissed.contains(key(p.lead().id().value(), p.other().id().value())));
        return found;
    }

    /** Records that the two leads are not one person; the queue shows them no more. */
    @Transactional
    public void dismiss(LeadId a, LeadId b) {
        if (b == null || a.equals(b)) {
            throw new InvalidFieldException("otherId", "must be another lead");
        }
        for (LeadId id : List.of(a, b)) {
            if (leads.byId(id).isEmpty()) {
                throw new InvalidFieldException(id.equals(a) ? "leadId" : "otherId", "there is no lead with this id");
            }
        }
        UUID first = a.value().compareTo(b.value()) < 0 ? a.value() : b.value();
        UUID second = first.equals(a.value()) ? b.value() : a.value();
        if (jdbc.sql("SELECT COUNT(*) FROM lead_duplicate_dismissal WHERE lead_a = ? AND lead_b = ?")
                .params(first, second).query(Long.class).single() == 0) {
            Actor actor = Actor.current();
            jdbc.sql("INSERT INTO lead_duplicate_dismissal (lead_a, lead_b, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?)")
                    .params(first, second, actor.personId() == null ? null : actor.personId().value(),
                            Sql.utc(clock.instant()))
                    .update();
        }
    }

    private List<Seed> seeds(Seed after) {
        String where = "deleted_at IS NULL AND (match_name IS NOT NULL OR match_local IS NOT NULL)";
        List<Object> args = new ArrayList<>();
        if (after != null) {
            where += " AND (created_at < ? OR (created_at = ? AND id < ?))";
            args.addAll(List.of(Sql.utc(after.createdAt), Sql.utc(after.createdAt), after.id));
        }
        args.add(SEEDS);
        return jdbc.sql("SELECT id, created_at, match_name, match_local FROM lead WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?").params(args)
                .query((rs, n) -> new Seed(Sql.uuid(rs, "id"), Sql.instant(rs, "created_at"), rs.getString("match_name"),
                        rs.getString("match_local")))
                .list();
    }

    private Map<UUID, List<String>> candidates(Seed seed) {
        return candidates(seed, true);
    }

    /** The seed's look-alikes (among older leads only, so the walk finds each pair once), with why. */
    private Map<UUID, List<String>> candidates(Seed seed, boolean olderOnly) {
        Map<UUID, List<String>> found = new LinkedHashMap<>();
        String older = olderOnly ? " AND (created_at < ? OR (created_at = ? AND id < ?))" : "";
        List<Object> olderArgs = olderOnly ? List.of(Sql.utc(seed.createdAt), Sql.utc(seed.createdAt), seed.id) : List.of();
        if (seed.name != null) {
            look(found, "Same name and company", "match_name = ?", List.of(seed.name), older, olderArgs, seed.id);
        }
        if (seed.local != null && seed.local.length() >= 3 && !ROLE_ADDRESSES.contains(seed.local)) {
            if (trigrams) {
                // the % operator is what the trigram index answers; similarity() then keeps the close ones
                look(found, "Similar email", "match_local OPERATOR(public.%) ? AND public.similarity(match_local, ?) >= "
                        + SIMILAR, List.of(seed.local, seed.local), older, olderArgs, seed.id);
            }
            else {
                look(found, "Similar email", "match_local = ?", List.of(seed.local), older, olderArgs, seed.id);
            }
        }
        return found;
    }

    private void look(Map<UUID, List<String>> found, String reason, String condition, List<Object> args, String older,
            List<Object> olderArgs, UUID self) {
        List<Object> all = new ArrayList<>(args);
        all.add(self);
        all.addAll(olderArgs);
        all.add(PER_LEAD);
        jdbc.sql("SELECT id FROM lead WHERE " + condition + " AND id <> ? AND deleted_at IS NULL" + older + " LIMIT ?")
                .params(all).query(UUID.class).list()
                .forEach(id -> found.computeIfAbsent(id, k -> new ArrayList<>()).add(reason));
    }

    private Set<String> dismissed(List<Pair> pairs) {
        Set<String> keys = new HashSet<>();
        if (pairs.isEmpty()) {
            return keys;
        }
        List<UUID> ids = pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.lead().id().value(), p.other().id().value()))
                .distinct().toList();
        jdbc.sql("SELECT lead_a, lead_b FROM lead_duplicate_dismissal WHERE lead_a IN (:ids) AND lead_b IN (:ids)")
                .param("ids", ids).query(rs -> {
                    keys.add(key(Sql.uuid(rs, "lead_a"), Sql.uuid(rs, "lead_b")));
                });
        return keys;
    }

    private static String key(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** A lead the walk looks at: where it stands in the walk and its match keys. */
    private record Seed(UUID id, Instant createdAt, String name, String local) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Seed parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Seed(UUID.fromString(parts[1]), Instant.parse(parts[0]), null, null);
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("cursor", "is not a cursor this queue gave out");
            }
        }
    }
}
