package org.smartketing.goals.plan;

import java.time.Instant;

import org.smartketing.team.PersonId;

/** What one participant of a goal session committed to do for the goal. */
public record Commitment(PersonId person, String text, Instant at) {
}
