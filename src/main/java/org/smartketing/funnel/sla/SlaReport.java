package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.funnel.ClockFigures;
import org.smartketing.funnel.Grouping;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.TimeRange;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.shared.Percentiles;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.WorkingHours;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvColumns;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;

/**
 * The SLA report for a month (UTC): per rep and clock, the median and 90th percentile of the
 * working time to accept and to first contact, the share done within the SLA, and the breaches;
 * and marketing's MQLs against its commitment.
 *
 * <p>A run belongs to the month it started in and to its owner. Times count only completed runs
 * (accepted or rejected; contacted), in the owner's working hours. A run is within the SLA when
 * it completed by its due time, and a breach when its due time passed while it ran (whether it
 * completed late, still runs, or was handed on after breaching). The share is within / (within +
 * breaches of runs the rep completed or still holds). Percentiles interpolate between ranks, as
 * spreadsheets' PERCENTILE.INC does, so the median of an even count is the mean of the middle two.
 */
@Service
@Transactional(readOnly = true)
public class SlaReport {

    public record RepRow(UUID ownerId, String ownerName, String email, ClockFigures accept, ClockFigures firstContact) {
    }

    /** One owner's clocks over the runs they started in one period. */
    public record OwnerPeriod(LocalDate periodStart, PersonId owner, ClockFigures accept, ClockFigures firstContact) {
    }

    public record Marketing(long mqls, int commitment, Double shareOfCommitment) {
    }

    public record Report(YearMonth month, int agreementVersion, int acceptHours, int firstContactHours,
            List<RepRow> reps, Marketing marketing) {
    }

    private final ClockRuns runs;
    private final TeamDirectory directory;
    private final SlaAgreements agreements;
    private final LeadHistory history;
    private final Clock clock;

    SlaReport(ClockRuns runs, TeamDirectory directory, SlaAgreements agreements, LeadHistory history, Clock clock) {
        this.runs = runs;
        this.directory = directory;
        this.agreements = agreements;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Each owner's clocks per period, the runs taken by the period their start falls in (as the
     * zone's calendar has it); by period, then owner. People are looked up in one batch.
     *
     * @param owners whose runs count; empty: everybody's
     */
    public List<OwnerPeriod> byOwner(TimeRange period, Grouping by, ZoneId zone, Set<PersonId> owners) {
        return figures(period, by, zone, owners).rows();
    }

    /**
     * One clock run as the report judges it: completed (the owner did what the clock asked), the
     * working hours it took when completed, and whether it breached (by the rules above).
     */
    public record JudgedRun(LeadId lead, PersonId owner, ClockRun.Kind clock, Instant startedAt, Instant dueAt,
            Instant stoppedAt, boolean completed, Double workingHours, boolean breached, boolean decided) {
    }

    /** Every run started in the period (of the owners; empty: everybody's), judged as the report does. */
    public List<JudgedRun> judged(TimeRange period, Set<PersonId> owners) {
        Instant now = clock.instant();
        List<ClockRun> started = runs.startedBetween(period.from(), period.to()).stream()
                .filter(r -> owners.isEmpty() || owners.contains(new PersonId(r.ownerId()))).toList();
        Map<PersonId, PersonSummary> people = directory.people(
                started.stream().map(r -> new PersonId(r.ownerId())).collect(Collectors.toSet()));
        List<JudgedRun> judged = new ArrayList<>(started.size());
        for (ClockRun r : started) {
            PersonId owner = new PersonId(r.ownerId());
            Optional<PersonSummary> known = Optional.ofNullable(people.get(owner));
            boolean completed = r.outcome() != null && r.outcome().completes(r.clock());
            Instant end = r.running() ? now : r.stoppedAt();
            boolean breached = r.breachedAt() != null || end.isAfter(r.dueAt());
            Double hours = completed ? WorkingClock.between(r.startedAt(), r.stoppedAt(),
                    known.map(PersonSummary::workingHours).orElse(WorkingHours.standard()),
                    known.map(PersonSummary::zone).orElse(ZoneOffset.UTC)).toSeconds() / 3600.0 : null;
            judged.add(new JudgedRun(r.leadId(), owner, r.clock(), r.startedAt(), r.dueAt(), r.stoppedAt(), completed,
                    hours, breached, (completed && !breached) || (breached && (completed || r.running()))));
        }
        judged.sort(Comparator.comparing(JudgedRun::startedAt));
        return judged;
    }

    private record Figures(List<OwnerPeriod> rows, Map<PersonId, PersonSummary> people) {
    }

    private Figures figures(TimeRange period, Grouping by, ZoneId zone, Set<PersonId> owners) {
        Instant now = clock.instant();
        LocalDate first = LocalDate.ofInstant(period.from(), zone);
        Map<LocalDate, Map<PersonId, List<ClockRun>>> grouped = new TreeMap<>();
        for (ClockRun run : runs.startedBetween(period.from(), period.to())) {
            PersonId owner = new PersonId(run.ownerId());
            if (owners.isEmpty() || owners.contains(owner)) {
                grouped.computeIfAbsent(by.start(LocalDate.ofInstant(run.startedAt(), zone), first),
                        d -> new LinkedHashMap<>()).computeIfAbsent(owner, o -> new ArrayList<>()).add(run);
            }
        }
        Map<PersonId, PersonSummary> people = directory.people(
                grouped.values().stream().flatMap(m -> m.keySet().stream()).collect(Collectors.toSet()));
        List<OwnerPeriod> rows = new ArrayList<>();
        grouped.forEach((start, byOwner) -> byOwner.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().value()))
                .forEach(e -> {
                    Optional<PersonSummary> owner = Optional.ofNullable(people.get(e.getKey()));
                    rows.add(new OwnerPeriod(start, e.getKey(), stats(e.getValue(), ClockRun.Kind.ACCEPT, owner, now),
                            stats(e.getValue(), ClockRun.Kind.FIRST_CONTACT, owner, now)));
                }));
        return new Figures(rows, people);
    }

    public Report of(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        Agreement agreement = agreements.inForceBefore(to.isAfter(now) ? now.plusNanos(1) : to);
        Figures figures = figures(new TimeRange(from, to), Grouping.WHOLE, ZoneOffset.UTC, Set.of());
        List<RepRow> reps = new ArrayList<>();
        for (OwnerPeriod row : figures.rows()) {
            Optional<PersonSummary> owner = Optional.ofNullable(figures.people().get(row.owner()));
            reps.add(new RepRow(row.owner().value(), owner.map(PersonSummary::displayName).orElse("(unknown)"),
                    owner.map(PersonSummary::email).orElse(null), row.accept(), row.firstContact()));
        }
        reps.sort(Comparator.comparing(RepRow::ownerName, String.CASE_INSENSITIVE_ORDER));
        // distinct leads, against marketing's commitment: a lead back in MQL twice in a month is one MQL
        long mqls = history.leadsEntering(Stage.MQL, from, to);
        int commitment = agreement.mqlsPerMonth();
        return new Report(month, agreement.version(), agreement.acceptHours(), agreement.firstContactHours(), reps,
                new Marketing(mqls, commitment, commitment == 0 ? null : (double) mqls / commitment));
    }

    /** Working time counts in the owner's hours and zone (an unknown owner: 9 to 5, UTC). */
    private static ClockFigures stats(List<ClockRun> owned, ClockRun.Kind kind, Optional<PersonSummary> owner,
            Instant now) {
        return stats(owned, kind, owner.map(PersonSummary::workingHours).orElse(WorkingHours.standard()),
                owner.map(PersonSummary::zone).orElse(ZoneOffset.UTC), now);
    }

    static ClockFigures stats(List<ClockRun> owned, ClockRun.Kind kind, WorkingHours hours, ZoneId zone,
            Instant now) {
        List<ClockRun> ofKind = owned.stream().filter(r -> r.clock() == kind).toList();
        List<Double> times = new ArrayList<>();
        int within = 0;
        int breaches = 0;
        int missedHeld = 0;
        for (ClockRun r : ofKind) {
            boolean completed = r.outcome() != null && r.outcome().completes(kind);
            Instant end = r.running() ? now : r.stoppedAt();
            boolean breached = r.breachedAt() != null || end.isAfter(r.dueAt());
            if (completed) {
                Duration worked = WorkingClock.between(r.startedAt(), r.stoppedAt(), hours, zone);
                times.add(worked.toSeconds() / 3600.0);
                if (!breached) {
                    within++;
                }
            }
            if (breached) {
                breaches++;
                if (completed || r.running()) {
                    missedHeld++;
                }
            }
        }
        times.sort(null);
        int decided = within + missedHeld;
        return new ClockFigures(ofKind.size(), times.size(), percentile(times, 0.5), percentile(times, 0.9), within,
                breaches, decided == 0 ? null : (double) within / decided);
    }

    /** Hours to two decimals at percentile p ({@link Percentiles}); null for no values. */
    static Double percentile(List<Double> times, double p) {
        OptionalDouble value = Percentiles.of(times, p);
        return value.isPresent() ? Math.round(value.getAsDouble() * 100) / 100.0 : null;
    }

    /** A line of the report's CSV: one rep's figures on one clock. */
    public record CsvLine(YearMonth month, RepRow rep, String clock, ClockFigures figures, Marketing marketing) {
    }

    /** The report's CSV lines: per rep, the accept clock, then the first-contact clock. */
    public static List<CsvLine> csvLines(Report report) {
        List<CsvLine> lines = new ArrayList<>();
        for (RepRow rep : report.reps()) {
            lines.add(new CsvLine(report.month(), rep, "ACCEPT", rep.accept(), report.marketing()));
            lines.add(new CsvLine(report.month(), rep, "FIRST_CONTACT", rep.firstContact(), report.marketing()));
        }
        return lines;
    }

    /** One table: a line per rep and clock, with marketing's figures for the month on each. */
    public static CsvColumns<CsvLine> csvColumns() {
        return CsvColumns.<CsvLine>of().add("month", CsvLine::month).add("owner", l -> l.rep().ownerName())
                .add("email", l -> l.rep().email()).add("clock", CsvLine::clock).add("runs", l -> l.figures().runs())
                .add("completed", l -> l.figures().completed())
                .add("median_hours", l -> number(l.figures().medianHours()))
                .add("p90_hours", l -> number(l.figures().p90Hours())).add("within_sla", l -> l.figures().withinSla())
                .add("breaches", l -> l.figures().breaches())
                .add("share_within_sla", l -> number(l.figures().shareWithinSla()))
                .add("marketing_mqls", l -> l.marketing().mqls())
                .add("marketing_commitment", l -> l.marketing().commitment())
                .add("marketing_share_of_commitment", l -> number(l.marketing().shareOfCommitment()));
    }

    /** Sends the report as a CSV file. */
    public static void send(HttpServletResponse response, Report report) throws IOException {
        CsvDownloads.send(response, "sla-" + report.month() + ".csv", csvColumns(), CsvWriter.Rows.of(csvLines(report)));
    }

    private static String number(Double value) {
        return value == null ? null : String.valueOf(Math.round(value * 1000) / 1000.0);
    }
}
