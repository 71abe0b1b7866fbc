package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.Optional;

import org.smartketing.team.PersonId;

/** Everyone's reach, as stored: expectations (or the defaults), contact methods, quiet hours, off-grid periods. */
public interface ReachBook {

    /** The person's reach at that moment; empty for an unknown or disabled person. */
    Optional<Reach> reachOf(PersonId person, Instant at);
}
