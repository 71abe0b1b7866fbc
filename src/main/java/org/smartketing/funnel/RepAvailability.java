package org.smartketing.funnel;

import java.time.Instant;
import java.util.Optional;

import org.smartketing.team.PersonId;

/**
 * Whether a sales rep can take a new lead at a moment. Routing asks every bean of this type and
 * skips a rep as soon as one of them gives a reason; the funnel's own answers "disabled" and
 * "out of office", and other parts (off-grid periods) add theirs by providing another bean.
 */
public interface RepAvailability {

    /** Why the person cannot take a lead at that moment, for people to read; empty when they can. */
    Optional<String> whyUnavailable(PersonId person, Instant at);
}
