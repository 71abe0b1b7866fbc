package org.smartketing.activity;

import org.smartketing.shared.Text;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.validation.Valid;

import org.smartketing.activity.log.Activities;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Where every part and every person logs what was done. Each logged activity is audited and
 * announced as {@link ActivityLogged} in the same transaction.
 */
@Service
@Validated
@Transactional
public class ActivityLog {

    private final Activities activities;
    private final TeamDirectory directory;
    private final ObjectProvider<ActivitySubjects> subjects;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityLog(Activities activities, TeamDirectory directory, ObjectProvider<ActivitySubjects> subjects,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.directory = directory;
        this.subjects = subjects;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the activity and returns it as stored.
     *
     * @throws jakarta.validation.ConstraintViolationException when a field breaks a constraint of
     *         {@link NewActivity} (a missing type, a time more than a day ahead, markup in the outcome)
     * @throws FieldConflictException naming {@code personId} when the person is unknown or disabled,
     *         {@code leadId} or {@code campaignId} when no {@link ActivitySubjects} knows the id
     */
    public Activity log(@Valid NewActivity activity) {
        PersonSummary person = requireEnabled(activity);
        requireKnown("leadId", activity.leadId(), ActivitySubjects::leadExists, "no such lead");
        requireKnown("campaignId", activity.campaignId(), ActivitySubjects::campaignExists, "no such campaign");
        // Databases keep microseconds; the activity returned is the one read back later.
        Activity stored = new Activity(ActivityId.random(), activity.type(), activity.personId(),
                activity.occurredAt().truncatedTo(ChronoUnit.MICROS), Text.blankToNull(activity.outcome()),
                activity.leadId(), activity.campaignId(), activity.source(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        activities.insert(stored);
        audit.record("activity", stored.id(), "logged", null, snapshot(stored));
        events.publishEvent(new ActivityLogged(UUID.randomUUID(), stored.id(), stored.type(), stored.leadId(),
                stored.campaignId(), stored.source(), stored.occurredAt(), Actor.person(person.id(), person.department())));
        return stored;
    }

    private PersonSummary requireEnabled(NewActivity activity) {
        return directory.person(activity.personId()).filter(PersonSummary::enabled)
                .orElseThrow(() -> new FieldConflictException("personId", "is not an enabled person in Smartketing"));
    }

    private void requireKnown(String field, UUID id, BiPredicate<ActivitySubjects, UUID> exists, String message) {
        if (id != null && subjects.orderedStream().noneMatch(s -> exists.test(s, id))) {
            throw new FieldConflictException(field, message);
        }
    }

    private static Map<String, Object> snapshot(Activity a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", a.type().name());
        state.put("personId", a.personId().toString());
        state.put("occurredAt", a.occurredAt().toString());
        state.put("source", a.source().name());
        if (a.outcome() != null) {
            state.put("outcome", a.outcome());
        }
        if (a.leadId() != null) {
            state.put("leadId", a.leadId().toString());
        }
        if (a.campaignId() != null) {
            state.put("campaignId", a.campaignId().toString());
        }
        return state;
    }
}
