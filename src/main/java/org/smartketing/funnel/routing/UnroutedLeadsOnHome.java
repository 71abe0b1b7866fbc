package org.smartketing.funnel.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.AppRole;
import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A manager's day: the MQLs that no routing rule gave to anyone, newest first, waiting for a person to assign them. */
@Component
@Order(70)
class UnroutedLeadsOnHome implements HomeSection {

    private static final int SHOWN = 5;

    private final Leads leads;
    private final Times times;
    private final Clock clock;

    UnroutedLeadsOnHome(Leads leads, Times times, Clock clock) {
        this.leads = leads;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        if (viewer.role().compareTo(AppRole.MANAGER) < 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var waiting = leads.find(new Leads.Filter(Stage.MQL, null, null, null, null, true), null, SHOWN).items();
        var rows = waiting.stream().map(l -> new Row(l.displayName(), "/leads/" + l.id(),
                "came in " + Times.span(Duration.between(l.createdAt(), now)) + " ago, " + times.when(l.createdAt(), now),
                false)).toList();
        int count = rows.size() < SHOWN ? rows.size() : leads.countUnassigned(Stage.MQL);
        return Optional.of(new Card("day-unrouted", "Unrouted leads", count, rows,
                "Every MQL has an owner: the routing rules placed them all.", "/leads?stage=MQL&owner=nobody",
                "All unrouted MQLs"));
    }
}
