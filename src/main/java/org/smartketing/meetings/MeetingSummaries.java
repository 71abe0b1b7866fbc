package org.smartketing.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/**
 * What other parts may know of one meeting: its series' title, topic and end goal, when it starts,
 * who is invited and for which teams. Goals start a goal session from a meeting through it;
 * cross-training lists a host's meetings to offer a seat on.
 */
public interface MeetingSummaries {

    /** One meeting as other parts see it. */
    record MeetingSummary(MeetingId id, SeriesId seriesId, String title, String topic, String endGoal, Instant startsAt,
            List<PersonId> attendees, List<TeamId> teams) {

        public MeetingSummary {
            attendees = List.copyOf(attendees);
            teams = List.copyOf(teams);
        }
    }

    /** The meeting, if there is one with this id. */
    Optional<MeetingSummary> meeting(MeetingId id);

    /**
     * The meetings someone takes part in (invited, sponsor or organizer; not cancelled) that start
     * from {@code from} on, soonest first, at most {@code limit}.
     */
    List<MeetingSummary> upcomingFor(PersonId person, Instant from, int limit);
}
