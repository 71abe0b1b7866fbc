package org.smartketing.meetings.planning;

import java.util.Optional;

import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.MeetingSummaries;
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
        return meetings.byId(id).flatMap(m -> series.byId(m.seriesId()).map(s -> new MeetingSummary(m.id(), s.id(),
                s.title(), m.topic(), m.endGoal(), m.startsAt(), s.everyone(), s.teams())));
    }
}
