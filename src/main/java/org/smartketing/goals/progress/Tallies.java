package org.smartketing.goals.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.smartketing.funnel.Stage;
import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

/** How many of a planned activity's kind each person did, from wherever that kind is counted. */
@Component
class Tallies {

    private final ActivityLogFigures log;
    private final FunnelProgress funnel;
    private final MeetingsFigures meetings;

    Tallies(ActivityLogFigures log, FunnelProgress funnel, MeetingsFigures meetings) {
        this.log = log;
        this.funnel = funnel;
        this.meetings = meetings;
    }

    Map<PersonId, Long> byPerson(ActivityKind kind, Collection<PersonId> people, Instant from, Instant to) {
        return switch (kind.source()) {
            case ACTIVITY_LOG -> log.byPerson(kind.activityType(), people, from, to);
            case FUNNEL -> funnel.movesBy(kind == ActivityKind.LEAD_ACCEPTED ? Stage.SAL : Stage.SQL, people, from, to);
            case MEETINGS -> meetings.doneBy(people, from, to);
        };
    }
}
