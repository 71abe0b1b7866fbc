package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * A lead's personal data was erased on request: every part blanked what named or reached the
 * person; the lead stays as an anonymous row, so counts do not change. It carries no personal data.
 */
public record LeadErased(UUID eventId, LeadId leadId, Instant occurredAt, Actor actor) {
}
