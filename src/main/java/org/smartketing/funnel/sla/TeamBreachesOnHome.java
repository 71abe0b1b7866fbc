package org.smartketing.funnel.sla;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.team.AppRole;
import org.smartketing.team.HomeSection;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A manager's day: the handoffs of the people who report to them that are past their SLA and still open. */
@Component
@Order(60)
class TeamBreachesOnHome implements HomeSection {

    private final ClockRows rows;
    private final TeamDirectory directory;

    TeamBreachesOnHome(ClockRows rows, TeamDirectory directory) {
        this.rows = rows;
        this.directory = directory;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        if (viewer.role().compareTo(AppRole.MANAGER) < 0) {
            return Optional.empty();
        }
        Map<UUID, String> team = directory.reportsOf(viewer.id()).stream()
                .collect(Collectors.toMap(p -> p.id().value(), PersonSummary::displayName));
        ClockRows.Found found = rows.running(team.keySet().stream().toList(), null, true, MqlsWaitingOnHome.SHOWN,
                run -> team.getOrDefault(run.ownerId(), "Someone") + ", " + run.clock().label().toLowerCase() + ": ");
        String empty = team.isEmpty() ? "Nobody reports to you in Smartketing, so there is no team's SLA to watch."
                : "No handoff of your team is past its SLA.";
        return Optional.of(new Card("day-breaches", "SLA breaches in my team", found.count(), found.rows(), empty,
                "/sla/report", "The SLA report"));
    }
}
