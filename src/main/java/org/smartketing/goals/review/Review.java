package org.smartketing.goals.review;

import java.time.Instant;
import java.time.LocalDate;

import org.smartketing.team.PersonId;

/**
 * One review of a goal: due on a day of its cadence (or held early, on the day it was held);
 * {@code heldVersion} is the goal's version once the review had kept, adjusted or dropped its
 * activities.
 */
public record Review(LocalDate dueOn, Instant notifiedAt, Instant escalatedAt, Instant heldAt, PersonId heldBy,
        Integer heldVersion, String note) {

    public boolean held() {
        return heldAt != null;
    }
}
