package org.smartketing.crosstraining.sessions;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySubjects;
import org.smartketing.activity.ActivityType;
import org.smartketing.comms.RegardingTargets;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the real piece of work a seat is offered on, through its owner's face: the activity log for
 * activities, the meetings' "meeting" targets for meetings, the funnel's subjects for campaigns.
 * Nothing is taken on trust: an id nobody knows is refused, naming {@code workId}.
 */
@Component
class WorkLookup {

    static final List<String> KINDS = List.of("activity", "meeting", "campaign");

    private final ActivityLog activities;
    private final ObjectProvider<RegardingTargets> targets;
    private final ObjectProvider<ActivitySubjects> subjects;

    WorkLookup(ActivityLog activities, ObjectProvider<RegardingTargets> targets, ObjectProvider<ActivitySubjects> subjects) {
        this.activities = activities;
        this.targets = targets;
        this.subjects = subjects;
    }

    /** Who names the work: the signed-in person (a meeting only if they may see it), else the system (the demo). */
    private static SignedInPerson viewer() {
        return SignedInPerson.current().orElseGet(() -> new SignedInPerson(new PersonId(new UUID(0, 0)), "system",
                "System", AppRole.ADMIN, Department.OPERATIONS, ZoneOffset.UTC, true, null, Set.of()));
    }

    /** The work, checked; {@code host} is the department whose work it is. */
    Work find(String kind, UUID id, Department host) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidFieldException("workKind", "is required: say whether the seat is on an activity, a meeting or a campaign");
        }
        String k = kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            throw new InvalidFieldException("workKind", "must be activity, meeting or campaign");
        }
        if (id == null) {
            throw new InvalidFieldException("workId", "is required: a shadowing seat is on a real piece of work");
        }
        return switch (k) {
            case "activity" -> activity(id, host);
            case "meeting" -> targets.orderedStream().filter(t -> t.kind().equals("meeting")).findFirst()
                    .flatMap(t -> t.find(id.toString(), viewer()))
                    .map(r -> new Work("meeting", id, ActivityType.MEETING.name(), r.title()))
                    .orElseThrow(() -> new InvalidFieldException("workId", "is not a meeting here"));
            default -> {
                if (subjects.orderedStream().noneMatch(s -> s.campaignExists(id))) {
                    throw new InvalidFieldException("workId", "is not a campaign here");
                }
                yield new Work("campaign", id, ActivityType.CAMPAIGN.name(), "Campaign planning");
            }
        };
    }

    private Work activity(UUID id, Department host) {
        Activity a = activities.find(new ActivityId(id))
                .orElseThrow(() -> new InvalidFieldException("workId", "is not an activity in the activity log"));
        if (!a.type().loggedByHand()) {
            throw new InvalidFieldException("workId", "is a stage change, not a piece of work to shadow");
        }
        if (a.type().department() != host) {
            throw new InvalidFieldException("workId", "is " + a.type().department().label().toLowerCase()
                    + " work, not the host's department's");
        }
        String title = a.type().label() + (a.outcome() == null ? "" : ": " + a.outcome());
        return new Work("activity", id, a.type().name(), title.length() > 300 ? title.substring(0, 300) : title);
    }
}
