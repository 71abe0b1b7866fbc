package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * A handoff clock ran out before the owner accepted (or rejected) the lead or made first contact.
 * Published once per clock run, by the persistent breach job (the system is its actor).
 *
 * @param clock {@code ACCEPT} or {@code FIRST_CONTACT}
 * @param due   when the clock ran out
 */
public record SlaBreached(UUID eventId, LeadId leadId, PersonId ownerId, String clock, Instant due,
        Instant occurredAt, Actor actor) {
}
