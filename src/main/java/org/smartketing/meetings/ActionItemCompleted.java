package org.smartketing.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * An action item from a meeting was marked done; {@code onTime} when on or before the date
 * promised in the meeting (activity goals may count it).
 *
 * @param actor who marked it done (the owner, or the series' sponsor), with their department
 */
public record ActionItemCompleted(UUID eventId, ActionItemId itemId, PersonId owner, String text, LocalDate promisedBy,
        LocalDate doneOn, boolean onTime, Instant occurredAt, Actor actor) {
}
