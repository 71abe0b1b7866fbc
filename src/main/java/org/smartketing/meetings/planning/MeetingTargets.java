package org.smartketing.meetings.planning;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.smartketing.comms.Regarding;
import org.smartketing.comms.RegardingTargets;
import org.smartketing.meetings.MeetingId;
import org.smartketing.team.AppRole;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages about a meeting, named by its series and its date in the series' zone. Lives here
 * because meetings depend on comms, never the other way round.
 */
@Component
@Transactional(readOnly = true)
class MeetingTargets implements RegardingTargets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final MeetingStore meetings;
    private final SeriesStore series;

    MeetingTargets(MeetingStore meetings, SeriesStore series) {
        this.meetings = meetings;
        this.series = series;
    }

    @Override
    public String kind() {
        return "meeting";
    }

    @Override
    public Optional<Regarding> find(String id, SignedInPerson viewer) {
        // Whom MeetingPlanning.visibleTo shows the series: those in it, and managers and admins.
        return RegardingTargets.uuidOf(id).map(MeetingId::new).flatMap(meetings::byId)
                .flatMap(m -> series.byId(m.seriesId())
                        .filter(s -> s.involves(viewer.id()) || viewer.role() != AppRole.MEMBER)
                        .map(s -> new Regarding(kind(), m.id().toString(),
                        s.title() + ", " + DAY.format(m.startsAt().atZone(s.zone())), "/meetings/" + m.id())));
    }
}
