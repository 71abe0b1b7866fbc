package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.Optional;

import org.smartketing.funnel.RepAvailability;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

/** Lead routing skips a rep who is off-grid at that moment. */
@Component
class OffGridAvailability implements RepAvailability {

    private final OffGridPeriods periods;

    OffGridAvailability(OffGridPeriods periods) {
        this.periods = periods;
    }

    @Override
    public Optional<String> whyUnavailable(PersonId person, Instant at) {
        return periods.covering(person, at).map(p -> "is off-grid until " + p.until());
    }
}
