package org.smartketing.funnel.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadImports;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.Consent;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadProfile;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.StageEntries;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rows of an import applied to the leads: each read as an {@link IncomingLead} would be (the same
 * checks as the API), matched against the leads stored and those the file made before it, and
 * created, filled in or overwritten as the policy says. Nothing is announced per lead: imported
 * leads come due for the scoring job, which scores them together; every change is kept in
 * {@link ImportChanges} for the undo.
 */
@Service
class LeadImporting implements LeadImports {

    static final String ACTOR = LeadImports.ACTOR;

    /**
     * When an imported lead is due for the scoring job: later than any import takes, as the import
     * scores its leads itself once they are in ({@link #qualify}); this is the net for one that never does.
     */
    static final java.time.Duration SCORED_BY_THE_JOB_AFTER = java.time.Duration.ofDays(1);

    private final ImportedRows rows;
    private final ContactRules rules;
    private final Campaigns campaigns;
    private final Leads leads;
    private final LeadHistory history;
    private final ImportChanges changes;
    private final LeadRows kept;
    private final StageEntries entries;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final CustomFields customFields;
    private final SuppressionList suppression;
    private final LeadScoring scoring;
    private final LeadRouter router;
    private final Clock clock;

    LeadImporting(ImportedRows rows, ContactRules rules, Campaigns campaigns, Leads leads, LeadHistory history,
            ImportChanges changes, LeadRows kept, StageEntries entries, JdbcClient jdbc, Validator validator,
            CustomFields customFields, SuppressionList suppression, LeadScoring scoring, LeadRouter router,
            Clock clock) {
        this.rows = rows;
        this.rules = rules;
        this.campaigns = campaigns;
        this.leads = leads;
        this.history = history;
        this.changes = changes;
        this.kept = kept;
        this.entries = entries;
        this.jdbc = jdbc;
        this.validator = validator;
        this.customFields = customFields;
        this.suppression = suppression;
        this.scoring = scoring;
        this.router = router;
        this.clock = clock;
    }

    /** Our fields, then the admin's custom fields by their own names. */
    @Override
    public List<Target> targets() {
        List<Target> all = new ArrayList<>(ImportedRows.TARGETS);
        customFields.active().forEach(f -> all.add(new Target("custom." + f.key(), f.label())));
        return List.copyOf(all);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Preview> preview(List<Row> batch) {
        Instant now = Leads.asStored(clock.instant());
        return batch.stream().map(row -> {
            Read read = read(row);
            return new Preview(row.line(), read.ok() ? rows.stored(newLead(read, now)) : Map.of(),
                    read.problems());
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Problem> check(List<Row> batch) {
        return batch.stream().flatMap(row -> read(row).problems().stream()).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(UUID importId, List<Row> batch, Policy policy) {
        Instant now = Leads.asStored(clock.instant());
        Tally tally = new Tally();
        Map<LeadId, ImportChanges.Change> seen = new HashMap<>();
        List<ImportChanges.Changed> changed = new ArrayList<>();
        List<UUID> touches = new ArrayList<>();
        for (Row row : batch) {
            Read read = read(row);
            if (!read.ok()) {
                tally.failed++;
                tally.problems.addAll(read.problems());
                continue;
            }
            Optional<Lead> found = find(read);
            if (found.isEmpty()) {
                if (policy == Policy.UPDATE_ONLY) {
                    tally.skipped++;
                    continue;
                }
                Lead lead = leads.insert(newLead(read, now), now.plus(SCORED_BY_THE_JOB_AFTER));
                history.stageChanged(lead, null, Stage.NEW, null, null, ACTOR, now);
                touches.add(history.touched(lead.id(), LeadHistory.Channel.IMPORT, lead.source(), lead.campaignId(),
                        null, now));
                seen.put(lead.id(), ImportChanges.Change.CREATED);
                changed.add(new ImportChanges.Changed(lead.id(), ImportChanges.Change.CREATED, null));
                tally.created++;
                continue;
            }
            Lead existing = found.get();
            ImportChanges.Change before = seen.computeIfAbsent(existing.id(),
                    id -> changes.of(importId, id).orElse(null));
            boolean sameFile = before == ImportChanges.Change.CREATED;
            if (!sameFile && policy == Policy.CREATE_ONLY) {
                tally.skipped++;
                continue;
            }
            boolean overwrite = !sameFile && (policy == Policy.CREATE_AND_OVERWRITE || policy == Policy.UPDATE_ONLY);
            Lead next = combined(existing, read, overwrite, now);
            if (rows.stored(next).equals(rows.stored(existing))) {
                tally.skipped++;
                continue;
            }
            if (before == null) {
                changed.add(new ImportChanges.Changed(existing.id(), ImportChanges.Change.UPDATED, kept.kept(existing.id())));
                seen.put(existing.id(), ImportChanges.Change.UPDATED);
            }
            leads.update(next);
            leads.dueForScoringBy(existing.id(), now.plus(SCORED_BY_THE_JOB_AFTER));
            touches.add(history.touched(existing.id(), LeadHistory.Channel.IMPORT, read.in().source(),
                    read.in().campaignId(), null, now));
            if (sameFile) {
                tally.merged++;
            }
            else {
                tally.updated++;
            }
        }
        changes.record(importId, changed, now);
        changes.touched(importId, touches);
        return new Outcome(tally.created, tally.updated, tally.merged, tally.skipped, tally.failed,
                List.copyOf(tally.problems));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Qualified qualify(UUID importId, LeadId after, int limit, boolean route) {
        List<Leads.Scoring> batch = leads.importedBy(importId, after == null ? null : after.value(), limit);
        org.smartketing.team.Actor actor = org.smartketing.team.Actor.system(ACTOR);
        List<Lead> made = scoring.qualifyAll(batch, actor);
        Map<org.smartketing.team.PersonId, Integer> assigned = new LinkedHashMap<>();
        int unrouted = 0;
        for (Lead mql : made) {
            LeadRouter.Outcome outcome = route ? router.route(mql.id(), actor) : null;
            if (outcome != null && outcome.ownerId() != null) {
                assigned.merge(new org.smartketing.team.PersonId(outcome.ownerId()), 1, Integer::sum);
            }
            else {
                unrouted++;
            }
        }
        return new Qualified(made.size(), assigned, unrouted,
                batch.size() < limit ? null : batch.get(batch.size() - 1).lead().id());
    }

    @Override
    @Transactional
    public Optional<LeadId> leadOf(Map<String, String> values) {
        Read read = read(new Row(0, values));
        return read.ok() ? find(read).map(Lead::id) : Optional.empty();
    }

    @Override
    @Transactional
    public UndoneImport undo(UUID importId) {
        int touchesRemoved = changes.removeTouches(importId);
        int restored = 0;
        List<UUID> created = new ArrayList<>();
        for (ImportChanges.Changed c : changes.all(importId)) {
            if (c.change() == ImportChanges.Change.UPDATED) {
                kept.restore(c.before());
                restored++;
            }
            else {
                created.add(c.lead().value());
            }
        }
        Set<LocalDate> days = new TreeSet<>();
        for (int from = 0; from < created.size(); from += 500) {
            days.addAll(remove(created.subList(from, Math.min(created.size(), from + 500))));
        }
        days.forEach(day -> entries.rebuild(day, day.plusDays(1)));
        changes.forget(importId);
        return new UndoneImport(created.size(), restored, touchesRemoved);
    }

    /** Removes the leads and what the funnel keeps of them; the days their stage changes were on. */
    private List<LocalDate> remove(List<UUID> ids) {
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<LocalDate> days = jdbc.sql("SELECT DISTINCT occurred_at FROM lead_stage_event WHERE lead_id IN (" + in + ")")
                .params(new ArrayList<Object>(ids))
                .query((rs, n) -> LocalDate.ofInstant(org.smartketing.shared.Sql.instant(rs, "occurred_at"), ZoneOffset.UTC))
                .list();
        for (String table : List.of("lead_touch", "lead_stage_event", "lead_engagement", "lead_routing", "lead_sla_clock",
                "lead")) {
            jdbc.sql("DELETE FROM " + table + " WHERE " + (table.equals("lead") ? "id" : "lead_id") + " IN (" + in + ")")
                    .params(new ArrayList<Object>(ids)).update();
        }
        return days;
    }

    /** The row as the lead it describes, with what is wrong with it. */
    record Read(IncomingLead in, Contact contact, LeadProfile profile, List<Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private Read read(Row row) {
        ImportedRows.Converted converted = rows.incoming(row);
        if (converted.lead() == null) {
            return new Read(null, null, null, converted.problems());
        }
        IncomingLead in = converted.lead();
        List<Problem> problems = new ArrayList<>();
        for (ConstraintViolation<IncomingLead> v : validator.validate(in)) {
            String field = v.getPropertyPath().iterator().next().getName();
            problems.add(new Problem(row.line(), field, row.values().get(field), v.getMessage()));
        }
        if (in.campaignId() != null && !campaigns.exists(in.campaignId())) {
            problems.add(new Problem(row.line(), "campaignId", row.values().get("campaignId"), "there is no campaign with this id"));
        }
        if (!problems.isEmpty()) {
            return new Read(in, null, null, problems);
        }
        try {
            Contact contact = rules.contactOf(in);
            if (suppression.check(contact).isPresent()) {
                // a person who asked to be erased, taken in anonymised: always a new anonymous lead
                return new Read(in.anonymised(), Contact.anonymous(contact), LeadProfile.anonymous(rules.profileOf(in)),
                        List.of());
            }
            return new Read(in, contact, rules.profileOf(in), List.of());
        }
        catch (InvalidFieldException ex) {
            // the line's error keeps no value of a person on the suppression list
            String value = ex instanceof SuppressedPersonException ? null : row.values().get(ex.field());
            return new Read(in, null, null, List.of(new Problem(row.line(), ex.field(), value, ex.getMessage())));
        }
    }

    /** The lead stored by external id, then email, then phone (a lead without an email has its phone as key). */
    private Optional<Lead> find(Read read) {
        Contact c = read.contact();
        Optional<Lead> found = leads.sameAs(c, read.profile().externalIds(), true);
        if (found.isEmpty() && c.emailKey() != null && c.phoneKey() != null) {
            found = leads.sameAs(new Contact(null, c.phone(), c.phoneE164(), c.phoneExtension(), null, null, null, null,
                    null, null, null, null, null), Map.of(), true).filter(lead -> lead.contact().email() == null);
        }
        return found;
    }

    private static Lead newLead(Read read, Instant now) {
        IncomingLead in = read.in();
        Consent consent = Boolean.TRUE.equals(in.consentGiven())
                ? new Consent(true, in.consentAt() != null ? in.consentAt() : now, Text.blankToNull(in.consentMethod()))
                : Consent.none();
        return new Lead(LeadId.random(), read.contact(), read.profile(), Text.blankToNull(in.source()), in.campaignId(), consent, null,
                Stage.NEW, 0, tags(List.of(), in.tags()), Text.blankToNull(in.description()), null, null, now, now, 0);
    }

    /** The lead with the row's values where it has none, or (overwriting) wherever the row has one. */
    private static Lead combined(Lead lead, Read read, boolean overwrite, Instant now) {
        IncomingLead in = read.in();
        Contact contact = overwrite ? lead.contact().overwrittenBy(read.contact()) : lead.contact().filledFrom(read.contact());
        LeadProfile profile = overwrite ? lead.profile().overwrittenBy(read.profile()) : lead.profile().filledFrom(read.profile());
        String source = pick(lead.source(), Text.blankToNull(in.source()), overwrite);
        UUID campaign = pick(lead.campaignId(), in.campaignId(), overwrite);
        String description = pick(lead.description(), Text.blankToNull(in.description()), overwrite);
        Consent consent = lead.consent().given() || !Boolean.TRUE.equals(in.consentGiven()) ? lead.consent()
                : new Consent(true, in.consentAt() != null ? in.consentAt() : now, Text.blankToNull(in.consentMethod()));
        return lead.withDetails(contact, profile, source, campaign, consent, tags(lead.tags(), in.tags()), description, now);
    }

    private static <T> T pick(T mine, T theirs, boolean overwrite) {
        return overwrite ? (theirs != null ? theirs : mine) : (mine != null ? mine : theirs);
    }

    private static List<String> tags(List<String> mine, List<String> theirs) {
        LinkedHashSet<String> all = new LinkedHashSet<>(mine);
        if (theirs != null) {
            theirs.forEach(t -> all.add(t.strip()));
        }
        return all.stream().limit(20).toList();
    }

    private static final class Tally {
        int created;
        int updated;
        int merged;
        int skipped;
        int failed;
        final List<Problem> problems = new ArrayList<>();
    }
}
