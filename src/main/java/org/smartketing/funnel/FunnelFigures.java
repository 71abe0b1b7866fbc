package org.smartketing.funnel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.StageEntries;
import org.smartketing.funnel.sla.SlaReport;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funnel's figures for other parts (goals, insights): how many leads entered each stage per
 * day, week or month by source, campaign and owner; the stage changes themselves, page by page;
 * and the handoff SLA per owner and period.
 *
 * <p>Stage entries come from a rollup kept in each change's transaction, so they are exact and
 * cost a few hundred rows whatever the history's size. An entry is a lead entering a stage: a lead
 * back in MQL after recycling counts again. Source, campaign and owner are the lead's at the moment
 * of the change; an MQL's owner is the one it had before routing gave it one (a new lead's: none).
 */
@Service
@Transactional(readOnly = true)
public class FunnelFigures {

    /** What stage entries can be kept apart by; what is not asked for is summed over. */
    public enum Dimension { SOURCE, CAMPAIGN, OWNER }

    /**
     * Which stage entries to count, over UTC days (see {@link DayRange}), grouped by period.
     * Null filters and empty sets mean any.
     */
    public record EntryQuery(DayRange days, Grouping by, Set<Stage> stages, String source, CampaignId campaign,
            PersonId owner, Set<Dimension> breakdown) {

        public EntryQuery {
            if (days == null) {
                throw new InvalidFieldException("days", "is required");
            }
            by = by == null ? Grouping.DAY : by;
            stages = stages == null || stages.isEmpty() ? Set.of() : Set.copyOf(stages);
            source = source == null || source.isBlank() ? null : source.strip();
            breakdown = breakdown == null || breakdown.isEmpty() ? Set.of() : Set.copyOf(breakdown);
        }

        /** Entries into any stage over the days, per group, nothing kept apart. */
        public static EntryQuery over(DayRange days, Grouping by) {
            return new EntryQuery(days, by, Set.of(), null, null, null, Set.of());
        }

        public EntryQuery into(Stage first, Stage... more) {
            return new EntryQuery(days, by, EnumSet.of(first, more), source, campaign, owner, breakdown);
        }

        public EntryQuery fromSource(String only) {
            return new EntryQuery(days, by, stages, only, campaign, owner, breakdown);
        }

        public EntryQuery inCampaign(CampaignId only) {
            return new EntryQuery(days, by, stages, source, only, owner, breakdown);
        }

        public EntryQuery ownedBy(PersonId only) {
            return new EntryQuery(days, by, stages, source, campaign, only, breakdown);
        }

        public EntryQuery by(Dimension first, Dimension... more) {
            return new EntryQuery(days, by, stages, source, campaign, owner, EnumSet.of(first, more));
        }
    }

    /**
     * Entries into one stage in the period starting on {@code periodStart}. Source, campaign and
     * owner are set when the query kept them apart (null there: none); otherwise null.
     */
    public record StageEntryCount(LocalDate periodStart, Stage stage, String source, CampaignId campaign,
            PersonId owner, long entries) {
    }

    /** Which stage changes to list; null filters and empty sets mean any ({@code stages}: the stage moved to). */
    public record ChangeQuery(TimeRange period, Set<Stage> stages, String source, CampaignId campaign,
            PersonId owner) {

        public ChangeQuery {
            if (period == null) {
                throw new InvalidFieldException("period", "is required");
            }
            stages = stages == null || stages.isEmpty() ? Set.of() : Set.copyOf(stages);
            source = source == null || source.isBlank() ? null : source.strip();
        }

        public static ChangeQuery over(TimeRange period) {
            return new ChangeQuery(period, Set.of(), null, null, null);
        }
    }

    /**
     * One stage change.
     *
     * @param actor      the person who moved the lead; null when the system or intake did ({@code actorLabel} says which)
     * @param source     the lead's source, campaign and owner at that moment (null: none)
     */
    public record StageChange(LeadId lead, Stage from, Stage to, String reason, Instant occurredAt, String source,
            CampaignId campaign, PersonId owner, PersonId actor, String actorLabel) {
    }

    /** A page of stage changes, oldest first, and the cursor for the next (null on the last). */
    public record StageChangePage(List<StageChange> items, String nextCursor) {
    }

    /**
     * Whose handoff clocks to measure, per period of the zone's calendar; a run counts in the period
     * its clock started in. {@code owners} empty: everybody's.
     */
    public record SlaQuery(TimeRange period, Grouping by, ZoneId zone, Set<PersonId> owners) {

        public SlaQuery {
            if (period == null) {
                throw new InvalidFieldException("period", "is required");
            }
            by = by == null ? Grouping.WHOLE : by;
            zone = zone == null ? java.time.ZoneOffset.UTC : zone;
            owners = owners == null ? Set.of() : Set.copyOf(owners);
        }
    }

    /**
     * One owner's handoff in a period: the accept clock (speed to accept an MQL) and the
     * first-contact clock (speed to lead), each with median and p90 working hours, the share
     * within the SLA and the breaches.
     */
    public record SlaFigure(LocalDate periodStart, PersonId owner, ClockFigures accept, ClockFigures firstContact) {
    }

    /**
     * One handoff clock run started in the period, judged as the SLA report judges it.
     *
     * @param clock        {@code ACCEPT} or {@code FIRST_CONTACT}
     * @param workingHours in the owner's working hours, when completed; null otherwise
     * @param completed    the owner accepted or rejected (ACCEPT), or made contact (FIRST_CONTACT)
     * @param breached     its due time passed while it ran
     * @param decided      counts in the share within the SLA (completed within, or breached while the owner held it)
     */
    public record SlaRun(LeadId lead, PersonId owner, String clock, Instant startedAt, Instant dueAt,
            Instant stoppedAt, boolean completed, Double workingHours, boolean breached, boolean decided) {
    }

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1000;

    private final StageEntries entries;
    private final LeadHistory history;
    private final Leads leads;
    private final SlaReport sla;

    FunnelFigures(StageEntries entries, LeadHistory history, Leads leads, SlaReport sla) {
        this.entries = entries;
        this.history = history;
        this.leads = leads;
        this.sla = sla;
    }

    /** How many leads stand in each stage now (stages without leads are left out). */
    public Map<Stage, Long> leadsByStage() {
        return leads.countByStage();
    }

    /** Stage entries per period and stage (and what the query keeps apart), by period. */
    public List<StageEntryCount> stageEntries(EntryQuery q) {
        StageEntries.Breakdown breakdown = new StageEntries.Breakdown(q.breakdown().contains(Dimension.SOURCE),
                q.breakdown().contains(Dimension.CAMPAIGN), q.breakdown().contains(Dimension.OWNER));
        List<StageEntries.Count> days = entries.counts(new StageEntries.Filter(q.days().from(), q.days().to(),
                q.stages(), q.source(), q.campaign() == null ? null : q.campaign().value(),
                q.owner() == null ? null : q.owner().value()), breakdown);
        Map<StageEntryCount, Long> grouped = new LinkedHashMap<>(); // keyed by the row with 0 entries
        for (StageEntries.Count day : days) {
            StageEntryCount key = new StageEntryCount(q.by().start(day.day(), q.days().from()), day.stage(),
                    day.source(), day.campaignId() == null ? null : new CampaignId(day.campaignId()),
                    day.ownerId() == null ? null : new PersonId(day.ownerId()), 0);
            grouped.merge(key, day.entries(), Long::sum);
        }
        List<StageEntryCount> counts = new ArrayList<>();
        grouped.forEach((key, n) -> counts.add(new StageEntryCount(key.periodStart(), key.stage(), key.source(),
                key.campaign(), key.owner(), n)));
        counts.sort(java.util.Comparator.comparing(StageEntryCount::periodStart));
        return counts;
    }

    /**
     * The stage changes the query matches, oldest first, keyset-paged.
     *
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @param size   1 to {@link #MAX_PAGE}; null: {@link #DEFAULT_PAGE}
     */
    public StageChangePage stageChanges(ChangeQuery q, String cursor, Integer size) {
        int limit = size == null ? DEFAULT_PAGE : size;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_PAGE);
        }
        List<LeadHistory.Change> rows = history.changes(new LeadHistory.ChangeFilter(q.period().from(),
                q.period().to(), q.stages(), q.source(), q.campaign() == null ? null : q.campaign().value(),
                q.owner() == null ? null : q.owner().value()), decode(cursor), limit + 1);
        List<LeadHistory.Change> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? encode(page.get(page.size() - 1)) : null;
        return new StageChangePage(page.stream().map(FunnelFigures::change).toList(), next);
    }

    /** Each owner's handoff clocks per period, by period and then owner; people who held no clock are left out. */
    public List<SlaFigure> sla(SlaQuery q) {
        return sla.byOwner(q.period(), q.by(), q.zone(), q.owners()).stream()
                .map(r -> new SlaFigure(r.periodStart(), r.owner(), r.accept(), r.firstContact())).toList();
    }

    /** Every clock run started in the query's period (of its owners), oldest first, judged as {@link #sla} does. */
    public List<SlaRun> slaRuns(SlaQuery q) {
        return sla.judged(q.period(), q.owners()).stream()
                .map(r -> new SlaRun(r.lead(), r.owner(), r.clock().name(), r.startedAt(), r.dueAt(), r.stoppedAt(),
                        r.completed(), r.workingHours(), r.breached(), r.decided()))
                .toList();
    }

    private static StageChange change(LeadHistory.Change c) {
        return new StageChange(c.lead(), c.from(), c.to(), c.reason(), c.occurredAt(), c.source(),
                c.campaignId() == null ? null : new CampaignId(c.campaignId()),
                c.ownerId() == null ? null : new PersonId(c.ownerId()),
                c.actorId() == null ? null : new PersonId(c.actorId()), c.actorLabel());
    }

    private static String encode(LeadHistory.Change last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.occurredAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static LeadHistory.After decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (parts.length == 2) {
                return new LeadHistory.After(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            }
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            // falls through to the refusal
        }
        throw new InvalidFieldException("cursor", "is not one this list gave out");
    }
}
