package org.smartketing.meetings.planning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.MeetingSummaries;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Meetings' answer to {@link MeetingSummaries}: the meeting with its series' invitees. */
@Component
@Transactional(readOnly = true)
class MeetingSummaryLookup implements MeetingSummaries {

    private final MeetingStore meetings;
    private final SeriesStore series;

    MeetingSummaryLookup(MeetingStore meetings, SeriesStore series) {
        this.meetings = meetings;
        this.series = series;
    }

    @Override
    public Optional<MeetingSummary> meeting(MeetingId id) {
        return meetings.byId(id).flatMap(this::summary);
    }

    @Override
    public List<MeetingSummary> upcomingFor(PersonId person, Instant from, int limit) {
        return meetings.upcomingFor(person, from, Math.max(1, Math.min(limit, 100))).stream().map(this::summary)
                .flatMap(Optional::stream).toList();
    }

    private Optional<MeetingSummary> summary(Meeting m) {
        return series.byId(m.seriesId()).map(s -> new MeetingSummary(m.id(), s.id(), s.title(), m.topic(), m.endGoal(),
                m.startsAt(), s.everyone(), s.teams()));
    }
}
