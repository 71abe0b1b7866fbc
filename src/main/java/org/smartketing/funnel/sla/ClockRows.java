package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.HomeSection;
import org.smartketing.web.Times;
import org.springframework.stereotype.Component;

/**
 * Running handoff clocks as rows of a home-page card: the lead (linked), then the time left before
 * the breach, or how long ago it breached, and when that is in the viewer's zone. A row is urgent
 * once its clock is past the warning.
 */
@Component
class ClockRows {

    private final ClockRuns runs;
    private final Leads leads;
    private final Times times;
    private final Clock clock;

    ClockRows(ClockRuns runs, Leads leads, Times times, Clock clock) {
        this.runs = runs;
        this.leads = leads;
        this.times = times;
        this.clock = clock;
    }

    /** The first {@code limit} running clocks of these owners and how many there are in all. */
    Found running(List<UUID> owners, ClockRun.Kind kind, boolean breached, int limit,
            Function<ClockRun, String> whose) {
        List<ClockRun> shown = runs.runningOf(owners, kind, breached, limit);
        int count = shown.size() < limit ? shown.size() : runs.countRunningOf(owners, kind, breached);
        Map<LeadId, Lead> byId = leads.byIds(shown.stream().map(ClockRun::leadId).toList());
        Instant now = clock.instant();
        List<HomeSection.Row> rows = new ArrayList<>();
        for (ClockRun run : shown) {
            Lead lead = byId.get(run.leadId());
            String name = lead == null ? "A lead" : lead.displayName();
            String first = rows.isEmpty() && count > 1 && !run.dueAt().isBefore(now) ? ", breaches first" : "";
            rows.add(new HomeSection.Row(name, "/leads/" + run.leadId(), whose.apply(run) + left(run, now) + first,
                    !now.isBefore(run.warnAt())));
        }
        return new Found(rows, count);
    }

    private String left(ClockRun run, Instant now) {
        Duration left = Duration.between(now, run.dueAt());
        return left.isNegative()
                ? "breached " + Times.span(left) + " ago (" + times.when(run.dueAt(), now) + ")"
                : Times.span(left) + " left, until " + times.when(run.dueAt(), now);
    }

    record Found(List<HomeSection.Row> rows, int count) {
    }
}
