package org.smartketing.meetings.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;

import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/**
 * A meeting series: what it is ({@link Terms}), who organized it, its calendar identity (UID and
 * SEQUENCE) and whether it is cancelled. A split series goes on as another series of the same
 * family ({@code familyId}: the id of the family's first series). It guards its own changes: a
 * cancelled series changes no more, and every change raises the SEQUENCE calendars go by.
 */
public record Series(SeriesId id, SeriesId familyId, PersonId organizerId, Terms terms, String icalUid, int sequence,
        Instant cancelledAt, Instant createdAt) {

    /** Everything the organizer decides, checked; an edit replaces it as a whole. */
    public record Terms(String title, Schedule schedule, Invitees invitees, Purpose purpose) {
    }

    /**
     * When it meets: the rule ({@code null} for a single meeting) expands, in the zone, from the
     * local first start.
     */
    public record Schedule(LocalDateTime firstStart, ZoneId zone, int durationMinutes, String rrule) {
    }

    /**
     * The sponsor (there to support it and see commitments) and the people invited, team members
     * included as they were when the series was saved.
     */
    public record Invitees(PersonId sponsorId, List<PersonId> attendees, List<TeamId> teams) {

        public Invitees {
            attendees = List.copyOf(attendees);
            teams = List.copyOf(teams);
        }
    }

    /** A new series, the first of its family. */
    public static Series plan(SeriesId id, Terms terms, PersonId organizer, Instant at) {
        return new Series(id, id, organizer, terms, id + "@smartketing", 0, null, at);
    }

    /** The whole series changed. */
    public Series replan(Terms newTerms) {
        requireActive();
        return new Series(id, familyId, organizerId, newTerms, icalUid, sequence + 1, null, createdAt);
    }

    /**
     * The series that takes the meetings from a split on: same family and organizer, a calendar
     * UID of its own.
     */
    public Series continuation(SeriesId newId, Terms newTerms, Instant at) {
        requireActive();
        return new Series(newId, familyId, organizerId, newTerms, newId + "@smartketing", 0, null, at);
    }

    /** The part before a split: the same series under a rule that ends earlier. */
    public Series endingWith(String rrule) {
        requireActive();
        Schedule s = terms.schedule();
        Terms shortened = new Terms(terms.title(), new Schedule(s.firstStart(), s.zone(), s.durationMinutes(), rrule),
                terms.invitees(), terms.purpose());
        return new Series(id, familyId, organizerId, shortened, icalUid, sequence + 1, null, createdAt);
    }

    /** One of its meetings changed on its own: calendars take the update by its higher SEQUENCE. */
    public Series withOccurrenceChanged() {
        requireActive();
        return new Series(id, familyId, organizerId, terms, icalUid, sequence + 1, null, createdAt);
    }

    public Series cancel(Instant at) {
        requireActive();
        return new Series(id, familyId, organizerId, terms, icalUid, sequence + 1, at, createdAt);
    }

    /** The organizer, the sponsor or an admin change a series, and only while it is not cancelled. */
    public void requireChangeableBy(PersonId person, boolean admin) {
        if (!organizerId.equals(person) && !sponsorId().equals(person) && !admin) {
            throw new NotPermittedException("Only the organizer, the sponsor or an admin changes this series.");
        }
        requireActive();
    }

    private void requireActive() {
        if (cancelled()) {
            throw new RuleViolationException("This series is cancelled.");
        }
    }

    public boolean recurring() {
        return rrule() != null;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Attendees, sponsor and organizer: who may see and take part. */
    public boolean involves(PersonId person) {
        return attendees().contains(person) || sponsorId().equals(person) || organizerId.equals(person);
    }

    public List<PersonId> everyone() {
        LinkedHashSet<PersonId> all = new LinkedHashSet<>(attendees());
        all.add(sponsorId());
        all.add(organizerId);
        return List.copyOf(all);
    }

    public String title() {
        return terms.title();
    }

    public LocalDateTime firstStart() {
        return terms.schedule().firstStart();
    }

    public ZoneId zone() {
        return terms.schedule().zone();
    }

    public int durationMinutes() {
        return terms.schedule().durationMinutes();
    }

    /** The RFC 5545 rule without "RRULE:", or {@code null} for a single meeting. */
    public String rrule() {
        return terms.schedule().rrule();
    }

    public PersonId sponsorId() {
        return terms.invitees().sponsorId();
    }

    public List<PersonId> attendees() {
        return terms.invitees().attendees();
    }

    public List<TeamId> teams() {
        return terms.invitees().teams();
    }

    public Purpose purpose() {
        return terms.purpose();
    }

    public String topic() {
        return terms.purpose().topic();
    }

    public String endGoal() {
        return terms.purpose().endGoal();
    }
}
