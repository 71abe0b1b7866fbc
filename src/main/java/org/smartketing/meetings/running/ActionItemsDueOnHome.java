package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * My day: my open action items that are overdue or due within the week (in my zone), the earliest
 * first; overdue ones and those due today stand out.
 */
@Component
@Order(30)
class ActionItemsDueOnHome implements HomeSection {

    private static final int SHOWN = 5;
    private static final int WEEK = 7;

    private final RunnerStore store;
    private final Times times;
    private final Clock clock;

    ActionItemsDueOnHome(RunnerStore store, Times times, Clock clock) {
        this.store = store;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        List<ActionItem> due = store.ownedBy(viewer.id(), true).stream()
                .filter(i -> i.dueOn() != null && !i.dueOn().isAfter(today.plusDays(WEEK))).toList();
        List<Row> rows = due.stream().limit(SHOWN).map(i -> new Row(i.text(), "/action-items", when(i.dueOn(), today),
                !i.dueOn().isAfter(today))).toList();
        return Optional.of(new Card("day-action-items", "My action items due", due.size(), rows,
                "No action item of yours is due this week.", "/action-items", "All my action items"));
    }

    private String when(LocalDate due, LocalDate today) {
        if (due.isBefore(today)) {
            return "overdue since " + times.day(due);
        }
        return due.equals(today) ? "due today" : due.equals(today.plusDays(1)) ? "due tomorrow" : "due " + times.day(due);
    }
}
