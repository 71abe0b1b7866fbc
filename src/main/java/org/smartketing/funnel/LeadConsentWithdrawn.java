package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * A lead withdrew their consent to marketing, whatever their stage. (How it came is kept on the
 * lead, not here: it is the person's own words.)
 */
public record LeadConsentWithdrawn(UUID eventId, LeadId leadId, Instant occurredAt, Actor actor) {
}
