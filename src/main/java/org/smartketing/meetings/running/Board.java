package org.smartketing.meetings.running;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;

/**
 * Everything one meeting shows: the runner page, the API and the minutes read the same board.
 *
 * @param followUp  open items from earlier meetings of the series (first), then those decided in this one
 * @param waitingFor attendees who have not committed yet
 */
public record Board(Meeting meeting, Series series, Map<PersonId, PersonSummary> people,
        List<MeetingStore.AgendaPoint> agenda, List<ActionItem> followUp, List<RunnerStore.Idea> ideas,
        List<ActionItem> items, List<RunnerStore.Commitment> commitments, List<RunnerStore.Rating> ratings,
        List<PersonId> waitingFor, Instant now) {

    public String name(PersonId id) {
        PersonSummary p = people.get(id);
        return p == null ? "someone" : p.displayName();
    }

    public List<PersonId> attendees() {
        return series.attendees();
    }

    public List<ActionItem> itemsBy(PersonId author) {
        return items.stream().filter(i -> i.authorId().equals(author)).toList();
    }

    public RunnerStore.Commitment commitmentOf(PersonId person) {
        return commitments.stream().filter(c -> c.personId().equals(person)).findFirst().orElse(null);
    }

    public Integer ratingOf(PersonId person) {
        return ratings.stream().filter(r -> r.personId().equals(person)).map(RunnerStore.Rating::rating).findFirst()
                .orElse(null);
    }

    public Double averageRating() {
        return ratings.isEmpty() ? null : ratings.stream().mapToInt(RunnerStore.Rating::rating).average().orElse(0);
    }

    /** mm:ss spent on the current step. */
    public String stepClock() {
        if (meeting.stepStartedAt() == null) {
            return "00:00";
        }
        long s = Math.max(0, Duration.between(meeting.stepStartedAt(), now).getSeconds());
        return "%02d:%02d".formatted(s / 60, s % 60);
    }

    public boolean overTime() {
        return meeting.step() != null && meeting.stepStartedAt() != null
                && Duration.between(meeting.stepStartedAt(), now).toMinutes() >= meeting.step().minutes();
    }

    public boolean isSponsor(PersonId id) {
        return series.sponsorId().equals(id);
    }

    public boolean isAttendee(PersonId id) {
        return series.attendees().contains(id);
    }

    public ActionItem item(ActionItemId id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }
}
