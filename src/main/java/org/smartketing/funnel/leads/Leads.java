package org.smartketing.funnel.leads;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lead table. Updates are optimistic: a change made meanwhile by someone else is refused. */
@Repository
public class Leads {

    /** What the lead list can be narrowed by; every part optional. */
    public record Filter(Stage stage, UUID ownerId, String source, UUID campaignId, String text, boolean unassigned) {

        public Filter(Stage stage, UUID ownerId, String source, UUID campaignId, String text) {
            this(stage, ownerId, source, campaignId, text, false);
        }
    }

    /** One page of leads, newest first, and the cursor for the next page (null on the last). */
    public record Slice(List<Lead> items, String nextCursor) {
    }

    /** A score worked out for a lead, and when it should be worked out again (null: it no longer changes). */
    public record ScoreUpdate(LeadId id, int score, Instant dueAt) {
    }

    /**
     * How many of the newest (or highest-scored) leads meeting the list's other filters a text
     * search looks through first, and then, if it found a few matches there but not a page, how
     * many more at most before it asks the trigram indexes for every lead with the term instead.
     */
    static final int[] TEXT_WINDOWS = { 2000, 50_000 };

    /**
     * Fewer matches than this among the first window and the term is rare among recent leads:
     * asking the trigram indexes (work as the term's leads) is then cheaper than walking on (work
     * as the leads walked until a page of matches, about the window x the page / the matches).
     */
    static final int FEW_MATCHES = 8;

    /** A term found in at most this many leads (of any stage) is looked up through the trigram indexes at once. */
    static final int RARE = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ExternalIds externalIds;

    Leads(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.externalIds = new ExternalIds(jdbc);
    }

    /** A lead whose score no longer changes by itself (the demo's, a test's). */
    public Lead insert(Lead l) {
        return insert(l, null);
    }

    /**
     * @param scoreDueAt when the lead's score is to be worked out again as its engagements decay
     * @return the lead as reading it back would give it (times to the microsecond, as the database keeps them)
     */
    public Lead insert(Lead l, Instant scoreDueAt) {
        Contact c = l.contact();
        Contact.Address a = c.address();
        LeadProfile p = l.profile();
        jdbc.sql("""
                INSERT INTO lead (id, email, email_key, phone, phone_e164, phone_extension, phone_key, mobile,
                    mobile_e164, salutation, first_name, last_name, company, title, website, street, city, postal_code,
                    country, region, industry, annual_revenue, employees, original_created_at, external_ids,
                    custom_values, source, campaign_id, consent_given, consent_at, consent_method, owner_id, stage,
                    score, score_due_at, tags, description, amount, currency, requalify_on, created_at, updated_at,
                    version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(l.id().value(), c.email(), c.emailKey(), c.phone(), c.phoneE164(), c.phoneExtension(),
                        phoneKey(c), c.mobile(), c.mobileE164(), c.salutation(), c.firstName(), c.lastName(),
                        c.company(), c.title(), c.website(), a.street(), a.city(), a.postalCode(), a.country(),
                        a.region(), p.industry(), p.annualRevenue(), p.employees(), Sql.utc(p.originalCreatedAt()),
                        JsonMaps.write(p.externalIds()), JsonMaps.write(p.custom()), l.source(), l.campaignId(),
                        l.consent().given(), Sql.utc(l.consent().at()), l.consent().method(), l.ownerId(),
                        l.stage().name(), l.score(), Sql.utc(scoreDueAt), tags(l.tags()), l.description(),
                        l.amount() == null ? null : l.amount().amount(),
                        l.amount() == null ? null : l.amount().currency().getCurrencyCode(), l.requalifyOn(),
                        Sql.utc(l.createdAt()), Sql.utc(l.updatedAt()))
                .update();
        if (!p.externalIds().isEmpty()) {
            externalIds.store(l.id(), p.externalIds());
        }
        Consent consent = l.consent().at() == null ? l.consent()
                : new Consent(l.consent().given(), asStored(l.consent().at()), l.consent().method());
        LeadProfile profile = p.originalCreatedAt() == null ? p
                : new LeadProfile(p.industry(), p.annualRevenue(), p.employees(), asStored(p.originalCreatedAt()),
                        p.externalIds(), p.custom());
        return new Lead(l.id(), c, profile, l.source(), l.campaignId(), consent, l.ownerId(), l.stage(), l.score(),
                l.tags().isEmpty() ? List.of() : Arrays.asList(tags(l.tags()).split(",")), l.description(),
                l.amount(), l.requalifyOn(), asStored(l.createdAt()), asStored(l.updatedAt()), l.version());
    }

    /** The instant as a timestamp column keeps it: rounded to the microsecond. */
    public static Instant asStored(Instant at) {
        int nanos = at.getNano() % 1000;
        return nanos == 0 ? at : at.minusNanos(nanos).plusNanos(nanos >= 500 ? 1000 : 0);
    }

    /**
     * Stores the lead's details and stage; not its score, which only scoring writes
     * ({@link #updateScore}), so a change never puts back a score read before the scoring job moved it.
     *
     * @return the lead as stored, with its version raised
     */
    public Lead update(Lead l) {
        Contact c = l.contact();
        Contact.Address a = c.address();
        LeadProfile p = l.profile();
        int changed = jdbc.sql("""
                UPDATE lead SET email = ?, email_key = ?, phone = ?, phone_e164 = ?, phone_extension = ?,
                    phone_key = ?, mobile = ?, mobile_e164 = ?, salutation = ?, first_name = ?, last_name = ?,
                    company = ?, title = ?, website = ?, street = ?, city = ?, postal_code = ?, country = ?, region = ?,
                    industry = ?, annual_revenue = ?, employees = ?, original_created_at = ?, external_ids = ?,
                    custom_values = ?, source = ?, campaign_id = ?, consent_given = ?, consent_at = ?,
                    consent_method = ?, owner_id = ?, stage = ?, tags = ?, description = ?, amount = ?, currency = ?,
                    requalify_on = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(c.email(), c.emailKey(), c.phone(), c.phoneE164(), c.phoneExtension(), phoneKey(c),
                        c.mobile(), c.mobileE164(), c.salutation(), c.firstName(), c.lastName(), c.company(),
                        c.title(), c.website(), a.street(), a.city(), a.postalCode(), a.country(), a.region(),
                        p.industry(), p.annualRevenue(), p.employees(), Sql.utc(p.originalCreatedAt()),
                        JsonMaps.write(p.externalIds()), JsonMaps.write(p.custom()), l.source(), l.campaignId(),
                        l.consent().given(), Sql.utc(l.consent().at()), l.consent().method(), l.ownerId(),
                        l.stage().name(), tags(l.tags()), l.description(),
                        l.amount() == null ? null : l.amount().amount(),
                        l.amount() == null ? null : l.amount().currency().getCurrencyCode(), l.requalifyOn(),
                        Sql.utc(l.updatedAt()), l.id().value(), l.version())
                .update();
        if (changed != 1) {
            throw new RuleViolationException("Someone else changed this lead a moment ago; reload it and try again.");
        }
        externalIds.store(l.id(), p.externalIds());
        return byId(l.id()).orElseThrow();
    }

    /**
     * Stores a recomputed score. The score is derived (from rules, engagements and the time), so
     * this neither raises the version nor counts as someone's edit.
     */
    public void updateScore(ScoreUpdate update) {
        updateScores(List.of(update));
    }

    /** {@link #updateScore} for many leads in one round trip. */
    public void updateScores(List<ScoreUpdate> updates) {
        template.batchUpdate("UPDATE lead SET score = ?, score_due_at = ? WHERE id = ?", updates.stream()
                .map(u -> new Object[] { u.score(), Sql.utc(u.dueAt()), u.id().value() }).toList());
    }

    /**
     * A lead just recycled comes due for scoring on its date to look again (then its score decides
     * whether it is an MQL again), unless decay brings it due sooner.
     */
    public void dueForScoringBy(LeadId id, Instant at) {
        jdbc.sql("UPDATE lead SET score_due_at = ? WHERE id = ? AND (score_due_at IS NULL OR score_due_at > ?)")
                .params(Sql.utc(at), id.value(), Sql.utc(at)).update();
    }

    /**
     * Up to {@code limit} leads whose score is due to be worked out again, the longest due first,
     * locked for the caller's transaction; leads another transaction is changing are left for later.
     */
    public List<Scoring> dueForScoring(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM lead WHERE score_due_at <= ? AND deleted_at IS NULL ORDER BY score_due_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Sql.utc(now), limit).query(Leads::scoring).list();
    }

    /** The next {@code limit} leads by id after the one given (from the first when null), locked for the caller. */
    /** The next leads an import created or changed, in id order after the id given (null: from the start), locked. */
    public List<Scoring> importedBy(UUID importId, UUID after, int limit) {
        String imported = "SELECT * FROM lead WHERE id IN (SELECT lead_id FROM lead_import_change WHERE import_id = ?)"
                + " AND deleted_at IS NULL";
        return after == null
                ? jdbc.sql(imported + " ORDER BY id LIMIT ? FOR UPDATE").params(importId, limit).query(Leads::scoring).list()
                : jdbc.sql(imported + " AND id > ? ORDER BY id LIMIT ? FOR UPDATE").params(importId, after, limit)
                        .query(Leads::scoring).list();
    }

    public List<Scoring> nextById(UUID after, int limit) {
        return after == null
                ? jdbc.sql("SELECT * FROM lead WHERE deleted_at IS NULL ORDER BY id LIMIT ? FOR UPDATE").param(limit).query(Leads::scoring).list()
                : jdbc.sql("SELECT * FROM lead WHERE id > ? AND deleted_at IS NULL ORDER BY id LIMIT ? FOR UPDATE").params(after, limit)
                        .query(Leads::scoring).list();
    }

    /** A lead as the scoring job sees it: with the moment its score was due to be worked out again. */
    public record Scoring(Lead lead, Instant dueAt) {
    }

    private static Scoring scoring(ResultSet rs, int row) throws SQLException {
        return new Scoring(map(rs, row), Sql.instant(rs, "score_due_at"));
    }

    /** How many leads the person owns in the stages that keep a rep busy (MQL, SAL, SQL, OPPORTUNITY). */
    public int openLeadsOwnedBy(UUID ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE owner_id = ? AND stage IN ('MQL', 'SAL', 'SQL', 'OPPORTUNITY')"
                + " AND deleted_at IS NULL")
                .param(ownerId).query(Integer.class).single();
    }

    /** How many leads of this stage wait without an owner (the unrouted queue for MQL). */
    public int countUnassigned(Stage stage) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE stage = ? AND owner_id IS NULL").param(stage.name())
                .query(Integer.class).single();
    }

    /** Many leads in one query, keyed by id; unknown ids are left out. */
    public java.util.Map<LeadId, Lead> byIds(java.util.Collection<LeadId> ids) {
        java.util.Map<LeadId, Lead> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM lead WHERE id IN (" + Sql.marks(ids.size()) + ")")
                    .params(ids.stream().map(id -> (Object) id.value()).toList()).query(Leads::map).list()
                    .forEach(l -> found.put(l.id(), l));
        }
        return found;
    }

    public Optional<Lead> byId(LeadId id) {
        return jdbc.sql("SELECT * FROM lead WHERE id = ? AND deleted_at IS NULL").param(id.value()).query(Leads::map)
                .optional();
    }

    /** A lead taken out of the lists: deleted by someone (restorable for a while) or merged into another. */
    public record Removed(Lead lead, Instant removedAt, LeadId mergedInto) {
    }

    /** The lead when it is removed (deleted or merged away); empty for a lead in the lists or none at all. */
    public Optional<Removed> removed(LeadId id) {
        return jdbc.sql("SELECT * FROM lead WHERE id = ? AND deleted_at IS NOT NULL").param(id.value())
                .query((rs, row) -> new Removed(map(rs, row), Sql.instant(rs, "deleted_at"),
                        Sql.uuid(rs, "merged_into") == null ? null : new LeadId(Sql.uuid(rs, "merged_into"))))
                .optional();
    }

    /** Deleted leads (not merged ones) removed since the moment given, the latest first. */
    public List<Removed> deletedSince(Instant since, int limit) {
        return jdbc.sql("SELECT * FROM lead WHERE deleted_at >= ? AND merged_into IS NULL ORDER BY deleted_at DESC, id LIMIT ?")
                .params(Sql.utc(since), limit)
                .query((rs, row) -> new Removed(map(rs, row), Sql.instant(rs, "deleted_at"), null)).list();
    }

    /**
     * Takes the lead out of every list and read, and releases its email, phone and external ids so
     * that the person may come in again (the values stay on the row for a restore).
     *
     * @param mergedInto the survivor when the lead is merged away, else null
     */
    public void remove(LeadId id, Instant at, LeadId mergedInto) {
        int changed = jdbc.sql("""
                UPDATE lead SET deleted_at = ?, merged_into = ?, email_key = NULL, phone_key = NULL, version = version + 1
                WHERE id = ? AND deleted_at IS NULL""")
                .params(Sql.utc(at), mergedInto == null ? null : mergedInto.value(), id.value()).update();
        if (changed != 1) {
            throw new RuleViolationException("This lead was removed a moment ago.");
        }
        externalIds.store(id, Map.of());
    }

    /**
     * Puts a removed lead back with its email, phone and external ids.
     *
     * @throws org.smartketing.shared.FieldConflictException naming the field another lead took meanwhile
     */
    public Lead putBack(LeadId id) {
        Lead lead = removed(id).orElseThrow(() -> new RuleViolationException("This lead is not removed.")).lead();
        heldByAnother(id, lead.contact(), lead.profile().externalIds()).ifPresent(field -> {
            throw new org.smartketing.shared.FieldConflictException(field,
                    "a lead that came in after this one was removed has it now; merge the two instead");
        });
        jdbc.sql("""
                UPDATE lead SET deleted_at = NULL, merged_into = NULL, email_key = ?, phone_key = ?, version = version + 1
                WHERE id = ? AND deleted_at IS NOT NULL""")
                .params(lead.contact().emailKey(), phoneKey(lead.contact()), id.value()).update();
        externalIds.store(id, lead.profile().externalIds());
        return byId(id).orElseThrow();
    }

    /**
     * Puts a lead back exactly as it was (after an undone merge): its details, stage, owner, score
     * and times; only its version goes on. Its score is worked out again from {@code scoreDueAt} on.
     */
    public Lead putBackAsItWas(Lead was, Instant scoreDueAt) {
        int version = jdbc.sql("SELECT version FROM lead WHERE id = ?").param(was.id().value()).query(Integer.class).single();
        Lead current = new Lead(was.id(), was.contact(), was.profile(), was.source(), was.campaignId(), was.consent(),
                was.ownerId(), was.stage(), was.score(), was.tags(), was.description(), was.amount(), was.requalifyOn(),
                was.createdAt(), was.updatedAt(), version);
        jdbc.sql("UPDATE lead SET deleted_at = NULL, merged_into = NULL WHERE id = ?").param(was.id().value()).update();
        update(current);
        updateScore(new ScoreUpdate(was.id(), was.score(), scoreDueAt));
        return byId(was.id()).orElseThrow();
    }

    /** The ids of removed leads whose removal is older than the moment given, at most {@code limit}. */
    public List<LeadId> deletedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM lead WHERE deleted_at < ? AND merged_into IS NULL ORDER BY deleted_at LIMIT ?")
                .params(Sql.utc(before), limit).query((rs, row) -> new LeadId(Sql.uuid(rs, "id"))).list();
    }

    /** The lead this contact already is: the same email address, or, without an email, the same phone. */
    public Optional<Lead> sameAs(Contact contact) {
        return sameAs(contact, Map.of(), false);
    }

    /**
     * The lead these are already: one of its ids in another system, else the same email address,
     * else (without an email) the same phone.
     *
     * @param lock lock the lead found for the caller's transaction, so that two intakes of one
     *        person take turns instead of one of them finding the lead changed under it
     */
    public Optional<Lead> sameAs(Contact contact, Map<String, String> ids, boolean lock) {
        String forUpdate = lock ? " FOR UPDATE" : "";
        Optional<UUID> byId = externalIds.leadOf(ids);
        if (byId.isPresent()) {
            return jdbc.sql("SELECT * FROM lead WHERE id = ? AND deleted_at IS NULL" + forUpdate).param(byId.get()).query(Leads::map).optional();
        }
        if (contact.emailKey() != null) {
            return jdbc.sql("SELECT * FROM lead WHERE email_key = ?" + forUpdate).param(contact.emailKey())
                    .query(Leads::map).optional();
        }
        if (contact.phoneKey() != null) {
            return jdbc.sql("SELECT * FROM lead WHERE phone_key = ?" + forUpdate).param(contact.phoneKey())
                    .query(Leads::map).optional();
        }
        return Optional.empty();
    }

    /** The field ({@code externalIds}, {@code email} or {@code phone}) whose value another lead than this one holds. */
    public Optional<String> heldByAnother(LeadId self, Contact contact, Map<String, String> ids) {
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (externalIds.leadOf(Map.of(id.getKey(), id.getValue())).filter(l -> !l.equals(self.value())).isPresent()) {
                return Optional.of("externalIds." + id.getKey());
            }
        }
        return sameAs(contact).filter(l -> !l.id().equals(self)).map(l -> contact.emailKey() != null ? "email" : "phone");
    }

    public Slice find(Filter f, String cursor, int limit) {
        return find(f, false, cursor, limit);
    }

    /**
     * @param byScore highest score first (then newest first) instead of newest first
     *
     * <p>The work is bounded whatever the data: leads are walked in list order as ids through an
     * index that holds the order and the filter ({@code lead_stage_newest_idx} for a stage), and
     * read whole only for those ids, so leads of other stages that came in since (a day of intake)
     * are never visited; left to itself the planner walked the newest-first index through them.
     * A text search first counts the term's leads through the trigram indexes, up to {@link #RARE}:
     * a rare term's few leads are then read at once; a frequent one walks {@link #TEXT_WINDOWS}
     * such leads at most, which finds its page among the first.
     */
    public Slice find(Filter f, boolean byScore, String cursor, int limit) {
        List<String> where = new ArrayList<>(List.of("deleted_at IS NULL"));
        List<Object> args = new ArrayList<>();
        narrow(f, where, args);
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.parse(cursor);
            if (byScore != (c.score() != null)) {
                throw new InvalidFieldException("cursor", "belongs to a list in another order");
            }
            String newer = "(created_at < ? OR (created_at = ? AND id < ?))";
            if (byScore) {
                where.add("(score < ? OR (score = ? AND " + newer + "))");
                args.addAll(List.of(c.score(), c.score()));
            }
            else {
                where.add(newer);
            }
            args.addAll(List.of(Sql.utc(c.createdAt()), Sql.utc(c.createdAt()), c.id()));
        }
        String condition = " WHERE " + String.join(" AND ", where);
        List<Lead> found = f.text() == null || f.text().isBlank()
                ? walk(condition, args, byScore, limit + 1, null, limit + 1)
                : findText(Sql.contains(f.text()), condition, args, byScore, limit + 1);
        if (found.size() <= limit) {
            return new Slice(found, null);
        }
        List<Lead> page = found.subList(0, limit);
        Lead last = page.get(limit - 1);
        return new Slice(List.copyOf(page),
                new Cursor(byScore ? last.score() : null, last.createdAt(), last.id().value()).encode());
    }

    /**
     * The list in the order asked for. Newest first and by score page by keyset ({@link #find(Filter,
     * boolean, String, int)}); by name and by company the cursor holds the position, which the sort
     * indexes of V130 answer on PostgreSQL.
     */
    public Slice find(Filter f, ListOrder order, String cursor, int limit) {
        if (!order.byPosition()) {
            return find(f, order == ListOrder.SCORE, cursor, limit);
        }
        int offset = cursor == null || cursor.isBlank() ? 0 : Position.parse(cursor, order);
        List<Object> args = new ArrayList<>();
        String where = withText(f, args);
        args.add(limit + 1);
        args.add(offset);
        List<Lead> found = jdbc.sql("SELECT * FROM lead WHERE " + where + " ORDER BY " + order.columns()
                + " LIMIT ? OFFSET ?").params(args).query(Leads::map).list();
        if (found.size() <= limit) {
            return new Slice(found, null);
        }
        return new Slice(List.copyOf(found.subList(0, limit)), Position.encode(offset + limit, order));
    }

    /**
     * How many leads the filter finds, counted up to {@code most} (a bigger figure is not worth the
     * count on a big table: the list says "more than" it).
     */
    public long count(Filter f, long most) {
        List<Object> args = new ArrayList<>();
        String where = withText(f, args);
        args.add(most + 1);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM lead WHERE " + where + " LIMIT ?) counted").params(args)
                .query(Long.class).single();
    }

    /**
     * The filter as one condition, its text a plain match (for the reads that need no walk: by
     * position, and the count); its values are added to {@code args}.
     */
    private static String withText(Filter f, List<Object> args) {
        List<String> where = new ArrayList<>(List.of("deleted_at IS NULL"));
        narrow(f, where, args);
        if (f.text() != null && !f.text().isBlank()) {
            String pattern = Sql.contains(f.text());
            where.add(text(""));
            args.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        return String.join(" AND ", where);
    }

    private static void narrow(Filter f, List<String> where, List<Object> args) {
        if (f.stage() != null) {
            where.add("stage = ?");
            args.add(f.stage().name());
        }
        if (f.ownerId() != null) {
            where.add("owner_id = ?");
            args.add(f.ownerId());
        }
        if (f.unassigned()) {
            where.add("owner_id IS NULL");
        }
        if (f.source() != null && !f.source().isBlank()) {
            where.add("source = ?");
            args.add(f.source().strip());
        }
        if (f.campaignId() != null) {
            where.add("campaign_id = ?");
            args.add(f.campaignId());
        }
    }

    private List<Lead> findText(String pattern, String condition, List<Object> args, boolean byScore, int wanted) {
        List<Object> texts = List.of(pattern, pattern, pattern, pattern);
        List<Lead> found = List.of();
        boolean rare = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM lead WHERE " + text("") + " LIMIT ?) hit")
                .params(concat(texts, RARE + 1)).query(Long.class).single() <= RARE;
        for (int window : rare ? new int[0] : TEXT_WINDOWS) {
            found = walk(condition, args, byScore, window, pattern, wanted);
            if (found.size() == wanted || found.size() < FEW_MATCHES) {
                break;
            }
        }
        if (found.size() == wanted) {
            return found;
        }
        // Every lead with the term, then the filters and order on those (OFFSET 0 keeps the planner
        // from folding the trigram search back into a walk).
        List<Object> hitArgs = new ArrayList<>(texts);
        hitArgs.addAll(args);
        return query("SELECT l.* FROM lead l JOIN (SELECT id FROM (SELECT id, stage, owner_id, source, campaign_id,"
                + " score, created_at, deleted_at FROM lead WHERE " + text("") + " OFFSET 0) hit" + condition + " ORDER BY "
                + order(byScore, "") + " LIMIT ?) page ON page.id = l.id ORDER BY " + order(byScore, "l."), hitArgs, wanted);
    }

    /**
     * Up to {@code wanted} leads in list order among the first {@code window} that meet the
     * filters (and the text pattern, unless null): ids first, whole leads for those ids only.
     */
    private List<Lead> walk(String condition, List<Object> args, boolean byScore, int window, String pattern,
            int wanted) {
        List<Object> all = new ArrayList<>(args);
        all.add(window);
        if (pattern != null) {
            all.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        // only the columns of the order, so that an index holding order and filter answers alone
        return query("SELECT l.* FROM (SELECT id, " + (byScore ? "score, " : "") + "created_at FROM lead" + condition
                + " ORDER BY "
                + order(byScore, "") + " LIMIT ?) w JOIN lead l ON l.id = w.id"
                + (pattern == null ? "" : " WHERE " + text("l.")) + " ORDER BY " + order(byScore, "w.") + " LIMIT ?",
                all, wanted);
    }

    private static List<Object> concat(List<Object> list, Object last) {
        List<Object> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static String order(boolean byScore, String table) {
        return (byScore ? table + "score DESC, " : "") + table + "created_at DESC, " + table + "id DESC";
    }

    /** The text query as the trigram indexes of V12 know its expressions. */
    private static String text(String table) {
        return "(" + table + "email_key LIKE ? OR LOWER(" + table + "last_name) LIKE ? OR LOWER(" + table
                + "first_name) LIKE ? OR LOWER(" + table + "company) LIKE ?)";
    }

    private List<Lead> query(String sql, List<Object> args, int limit) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        return jdbc.sql(sql).params(all).query(Leads::map).list();
    }

    /** How many leads stand in each stage, for the board's column headers. */
    public java.util.Map<Stage, Long> countByStage() {
        java.util.Map<Stage, Long> counts = new java.util.EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, COUNT(*) AS n FROM lead WHERE deleted_at IS NULL GROUP BY stage")
                .query(rs -> {
                    counts.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"));
                });
        return counts;
    }

    /** A stage's leads on the board: how many, and their amounts added up per currency. */
    public record StageTotal(long count, java.util.Map<Currency, java.math.BigDecimal> amounts) {
    }

    /** Each stage's count and amounts, of one owner's leads or ({@code null}) everyone's. */
    public java.util.Map<Stage, StageTotal> totalsByStage(UUID ownerId) {
        java.util.Map<Stage, Long> counts = new java.util.EnumMap<>(Stage.class);
        java.util.Map<Stage, java.util.Map<Currency, java.math.BigDecimal>> sums = new java.util.EnumMap<>(Stage.class);
        String owner = ownerId == null ? "" : " AND owner_id = ?";
        List<Object> args = ownerId == null ? List.of() : List.of(ownerId);
        jdbc.sql("SELECT stage, currency, COUNT(*) AS n, SUM(amount) AS total FROM lead"
                + " WHERE deleted_at IS NULL AND merged_into IS NULL"
                + owner + " GROUP BY stage, currency").params(args).query(rs -> {
                    Stage stage = Stage.valueOf(rs.getString("stage"));
                    counts.merge(stage, rs.getLong("n"), Long::sum);
                    String currency = rs.getString("currency");
                    java.math.BigDecimal total = rs.getBigDecimal("total");
                    if (currency != null && total != null) {
                        sums.computeIfAbsent(stage, s -> new java.util.TreeMap<>(
                                java.util.Comparator.comparing(Currency::getCurrencyCode)))
                                .merge(Currency.getInstance(currency.strip()), total, java.math.BigDecimal::add);
                    }
                });
        java.util.Map<Stage, StageTotal> totals = new java.util.EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            totals.put(stage, new StageTotal(counts.getOrDefault(stage, 0L), sums.getOrDefault(stage, java.util.Map.of())));
        }
        return totals;
    }

    /** The systems any lead has an external id in, by name (an export's columns). */
    public List<String> externalSystems() {
        return externalIds.systems();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE deleted_at IS NULL").query(Long.class).single();
    }

    /** Where a page ended: the last lead's creation time and id, and its score in a list by score. */
    record Cursor(Integer score, Instant createdAt, UUID id) {

        String encode() {
            String text = createdAt.toString() + "|" + id + (score == null ? "" : "|" + score);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length < 2 || parts.length > 3) {
                    throw new IllegalArgumentException("not a cursor");
                }
                return new Cursor(parts.length == 3 ? Integer.valueOf(parts[2]) : null, Instant.parse(parts[0]),
                        UUID.fromString(parts[1]));
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("cursor", "is not a cursor this API gave out");
            }
        }
    }

    /** Where a page ended in a list by name or company: how many rows came before the next page. */
    record Position() {

        static String encode(int offset, ListOrder order) {
            String text = "at|" + offset + "|" + order.name();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static int parse(String text, ListOrder order) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("cursor", "is not a cursor this API gave out");
            }
            if (parts.length != 3 || !parts[0].equals("at") || !parts[1].matches("\\d{1,7}")) {
                throw new InvalidFieldException("cursor", "is not a cursor this API gave out");
            }
            if (!parts[2].equals(order.name())) {
                throw new InvalidFieldException("cursor", "belongs to a list in another order");
            }
            return Integer.parseInt(parts[1]);
        }
    }

    private static String phoneKey(Contact c) {
        return c.emailKey() == null ? c.phoneKey() : null;
    }

    private static String tags(List<String> tags) {
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    static Lead map(ResultSet rs, int row) throws SQLException {
        Contact contact = new Contact(rs.getString("email"), rs.getString("phone"), rs.getString("phone_e164"),
                rs.getString("phone_extension"), rs.getString("mobile"), rs.getString("mobile_e164"),
                rs.getString("salutation"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company"), rs.getString("title"), rs.getString("website"),
                new Contact.Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"),
                        rs.getString("region"), rs.getString("country")));
        Object employees = rs.getObject("employees");
        LeadProfile profile = new LeadProfile(rs.getString("industry"), rs.getBigDecimal("annual_revenue"),
                employees == null ? null : ((Number) employees).intValue(), Sql.instant(rs, "original_created_at"),
                JsonMaps.read(rs.getString("external_ids")), JsonMaps.read(rs.getString("custom_values")));
        String currency = rs.getString("currency");
        Money amount = currency == null ? null : new Money(rs.getBigDecimal("amount"), Currency.getInstance(currency.strip()));
        String tags = rs.getString("tags");
        return new Lead(new LeadId(Sql.uuid(rs, "id")), contact, profile, rs.getString("source"),
                Sql.uuid(rs, "campaign_id"),
                new Consent(rs.getBoolean("consent_given"), Sql.instant(rs, "consent_at"), rs.getString("consent_method")),
                Sql.uuid(rs, "owner_id"), Stage.valueOf(rs.getString("stage")), rs.getInt("score"),
                tags == null ? List.of() : Arrays.asList(tags.split(",")), rs.getString("description"), amount,
                rs.getObject("requalify_on", LocalDate.class), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
