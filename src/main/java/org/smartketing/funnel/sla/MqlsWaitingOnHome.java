package org.smartketing.funnel.sla;

import java.util.List;
import java.util.Optional;

import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** My day: the MQLs assigned to me that wait for me to accept or reject them, the first to breach first. */
@Component
@Order(10)
class MqlsWaitingOnHome implements HomeSection {

    static final int SHOWN = 5;

    private final ClockRows rows;

    MqlsWaitingOnHome(ClockRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        ClockRows.Found found = rows.running(List.of(viewer.id().value()), ClockRun.Kind.ACCEPT, false, SHOWN,
                run -> "");
        return Optional.of(new Card("day-mqls", "MQLs waiting for me", found.count(), found.rows(),
                "No MQL is waiting for you. Leads assigned to you show up here with the time left to accept them.",
                "/leads?stage=MQL&owner=me", "All my MQLs"));
    }
}
