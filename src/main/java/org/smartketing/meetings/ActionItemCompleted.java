package org.smartketing.meetings;

import java.time.LocalDate;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * An action item from a meeting was marked done; {@code onTime} when on or before the date
 * promised in the meeting (activity goals may count it).
 */
public record ActionItemCompleted(UUID itemId, PersonId owner, String text, LocalDate promisedBy, LocalDate doneOn,
        boolean onTime) {
}
