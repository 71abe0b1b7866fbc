package org.smartketing.crosstraining.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.team.PersonId;

/**
 * A host's open seats on a real piece of their work ("open seat on my demo Thursday 14:00"). The
 * first seat taken makes the session; each later one adds a learner to it.
 */
public record Offer(OfferId id, PersonId hostId, String title, Instant startsAt, int durationMinutes, ZoneId zone,
        Work work, int seats, int seatsTaken, Status status, SessionId sessionId, Instant createdAt) {

    public enum Status {
        OPEN, FULL, WITHDRAWN
    }

    public static final int MOST_SEATS = 10;

    public Offer {
        startsAt = startsAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public int seatsLeft() {
        return status == Status.OPEN ? Math.max(0, seats - seatsTaken) : 0;
    }

    public boolean open(Instant now) {
        return status == Status.OPEN && seatsTaken < seats && startsAt.isAfter(now);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }
}
