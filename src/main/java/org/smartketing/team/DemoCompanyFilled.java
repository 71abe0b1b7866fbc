package org.smartketing.team;

import java.time.Instant;
import java.util.UUID;

/**
 * The demo company's people and team now exist; other parts add their own demo data on it.
 *
 * @param teamId the mixed sales-and-marketing team everyone belongs to
 */
public record DemoCompanyFilled(UUID eventId, TeamId teamId, Instant occurredAt, Actor actor) {
}
