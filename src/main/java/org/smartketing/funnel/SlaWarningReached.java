package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * Three quarters of a handoff clock's working time have passed and the clock still runs. Published
 * once per clock run, by the persistent warning job (the system is its actor).
 *
 * @param clock {@code ACCEPT} (accept or reject the MQL) or {@code FIRST_CONTACT}
 * @param due   when the clock runs out
 */
public record SlaWarningReached(UUID eventId, LeadId leadId, PersonId ownerId, String clock, Instant due,
        Instant occurredAt, Actor actor) {
}
