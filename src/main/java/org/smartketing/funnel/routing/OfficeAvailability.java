package org.smartketing.funnel.routing;

import java.time.Instant;
import java.util.Optional;

import org.smartketing.funnel.RepAvailability;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/** The funnel's own availability: a rep who is disabled, unknown or out of office takes no leads. */
@Component
class OfficeAvailability implements RepAvailability {

    private final TeamDirectory directory;
    private final RoutingTables tables;

    OfficeAvailability(TeamDirectory directory, RoutingTables tables) {
        this.directory = directory;
        this.tables = tables;
    }

    @Override
    public Optional<String> whyUnavailable(PersonId person, Instant at) {
        Optional<PersonSummary> found = directory.person(person);
        if (found.isEmpty()) {
            return Optional.of("no longer exists");
        }
        if (!found.get().enabled()) {
            return Optional.of("is disabled");
        }
        if (tables.outOfOffice(person.value(), at)) {
            return Optional.of("is out of office");
        }
        return Optional.empty();
    }
}
