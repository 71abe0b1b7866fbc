package org.smartketing.meetings.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/**
 * A meeting series: its rule ({@code null} for a single meeting) expands, in its time zone, from
 * the local first start. {@code attendees} are the people invited (team members included, as
 * they were when the series was saved); the sponsor is there to support it and see commitments.
 */
public record Series(UUID id, UUID familyId, String title, LocalDateTime firstStart, ZoneId zone,
        int durationMinutes, String rrule, PersonId sponsorId, PersonId organizerId, String topic, String endGoal,
        String icalUid, int sequence, Instant cancelledAt, Instant createdAt, List<PersonId> attendees,
        List<TeamId> teams) {

    public boolean recurring() {
        return rrule != null;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Attendees, sponsor and organizer: who may see and take part. */
    public boolean involves(PersonId person) {
        return attendees.contains(person) || sponsorId.equals(person) || organizerId.equals(person);
    }

    public List<PersonId> everyone() {
        java.util.LinkedHashSet<PersonId> all = new java.util.LinkedHashSet<>(attendees);
        all.add(sponsorId);
        all.add(organizerId);
        return List.copyOf(all);
    }
}
