package org.smartketing.activity;

import org.smartketing.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.validation.Valid;

import org.smartketing.activity.counts.CountKey;
import org.smartketing.activity.counts.CountScheduling;
import org.smartketing.activity.counts.Rollup;
import org.smartketing.activity.log.Activities;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.beans.factory.ObjectProvider;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Where every part and every person logs what was done, and corrects or removes what was logged by
 * mistake (goals count from the log, so a wrong entry must be fixable). Each change is audited,
 * counted in the {@code activity_count} rollup and announced ({@link ActivityLogged},
 * {@link ActivityCorrected}, {@link ActivityRemoved}) in the same transaction.
 */
@Service
@Validated
@Transactional
public class ActivityLog {

    private final Activities activities;
    private final Rollup rollup;
    private final TeamDirectory directory;
    private final ObjectProvider<ActivitySubjects> subjects;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<SchedulerClient> jobs;

    ActivityLog(Activities activities, Rollup rollup, TeamDirectory directory, ObjectProvider<ActivitySubjects> subjects,
            AuditLog audit, ApplicationEventPublisher events, Clock clock, ObjectProvider<SchedulerClient> jobs) {
        this.activities = activities;
        this.rollup = rollup;
        this.directory = directory;
        this.subjects = subjects;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.jobs = jobs;
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
        return store(activity, requireEnabled(activity));
    }

    /**
     * Stores many activities in the caller's transaction, each as {@link #log} would (checked,
     * counted, audited and announced), reading their people in one go: how an import writes a chunk.
     *
     * @return the activities as stored, in the order given
     * @throws FieldConflictException as {@link #log} does, for the first activity that breaks a rule
     *         (the caller's transaction then rolls back: check the rows first)
     */
    public java.util.List<Activity> logAll(java.util.List<@Valid NewActivity> batch) {
        Map<PersonId, PersonSummary> people = directory.people(batch.stream().map(NewActivity::personId).distinct().toList());
        java.util.List<Activity> stored = new java.util.ArrayList<>(batch.size());
        for (NewActivity activity : batch) {
            PersonSummary person = people.get(activity.personId());
            if (person == null || !person.enabled()) {
                throw new FieldConflictException("personId", "is not an enabled person in Smartketing");
            }
            stored.add(store(activity, person));
        }
        return stored;
    }

    private Activity store(NewActivity activity, PersonSummary person) {
        requireKnown("leadId", activity.leadId(), ActivitySubjects::leadExists, "no such lead");
        requireKnown("campaignId", activity.campaignId(), ActivitySubjects::campaignExists, "no such campaign");
        // Databases keep microseconds; the activity returned is the one read back later.
        Activity stored = new Activity(ActivityId.random(), activity.type(), activity.personId(),
                activity.occurredAt().truncatedTo(ChronoUnit.MICROS), Text.blankToNull(activity.outcome()),
                activity.leadId(), activity.campaignId(), activity.source(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        activities.insert(stored, person.department());
        rollup.add(stored.id(), CountKey.of(stored.occurredAt(), stored.personId(), stored.type(), person.department()), 1);
        audit.record("activity", stored.id(), "logged", null, snapshot(stored));
        events.publishEvent(new ActivityLogged(UUID.randomUUID(), stored.id(), stored.type(), stored.leadId(),
                stored.campaignId(), stored.source(), stored.occurredAt(), Actor.person(person.id(), person.department())));
        return stored;
    }

    /**
     * Corrects what an activity logged by hand or through the API says: its type, person or time.
     * Its counts move in the same transaction; audited and announced as {@link ActivityCorrected}.
     *
     * @throws NotFoundException when there is no such activity
     * @throws RuleViolationException for a stage change, which is the funnel's record
     * @throws FieldConflictException naming {@code personId} when it names someone else who is unknown or disabled
     */
    public Activity correct(ActivityId id, @Valid ActivityCorrection correction) {
        Activities.Stored stored = requireByHand(id, "corrected");
        Activity before = stored.activity();
        // the same person keeps the department the activity was logged in; another takes theirs now
        Department department = correction.personId().equals(before.personId()) ? stored.department()
                : requireEnabled(correction.personId()).department();
        Instant at = correction.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Activity after = new Activity(before.id(), correction.type(), correction.personId(), at, before.outcome(),
                before.leadId(), before.campaignId(), before.source(), before.recordedAt());
        if (after.equals(before) && department == stored.department()) {
            return before;
        }
        activities.correct(id, after.type(), after.personId(), department, at);
        rollup.move(id, key(stored), CountKey.of(at, after.personId(), after.type(), department));
        audit.record("activity", id, "corrected", snapshot(before), snapshot(after));
        events.publishEvent(new ActivityCorrected(UUID.randomUUID(), id, before.type(), before.personId(),
                before.occurredAt(), after.type(), after.personId(), after.occurredAt(), clock.instant(), Actor.current()));
        return after;
    }

    /**
     * Removes an activity logged by mistake; it no longer counts from this transaction on.
     * Audited and announced as {@link ActivityRemoved}.
     *
     * @throws NotFoundException when there is no such activity
     * @throws RuleViolationException for a stage change, which is the funnel's record
     */
    public void remove(ActivityId id) {
        removeStored(requireByHand(id, "removed"));
    }

    /**
     * Removes the activities given that are still in the log (an import undone), each as
     * {@link #remove} would; those removed meanwhile are passed over.
     *
     * @return how many were removed
     * @throws RuleViolationException when one of them is a stage change, which is the funnel's record
     */
    public int removeAll(java.util.Collection<ActivityId> ids) {
        int removed = 0;
        for (ActivityId id : ids) {
            java.util.Optional<Activities.Stored> stored = activities.lock(id);
            if (stored.isEmpty()) {
                continue;
            }
            if (!stored.get().activity().type().loggedByHand()) {
                throw new RuleViolationException("A stage change is the funnel's record and is not removed by hand.");
            }
            removeStored(stored.get());
            removed++;
        }
        return removed;
    }

    private void removeStored(Activities.Stored stored) {
        ActivityId id = stored.activity().id();
        Activity gone = stored.activity();
        activities.delete(id);
        rollup.add(id, key(stored), -1);
        audit.record("activity", id, "removed", snapshot(gone), null);
        events.publishEvent(new ActivityRemoved(UUID.randomUUID(), id, gone.type(), gone.personId(), gone.occurredAt(),
                clock.instant(), Actor.current()));
    }

    /** The activity as stored, or empty when there is none (other parts check an id they are given). */
    @Transactional(readOnly = true)
    public java.util.Optional<Activity> find(ActivityId id) {
        return activities.byId(id);
    }

    /**
     * What one person logged (or planned) from {@code from} on, newest first, at most {@code limit}
     * (1–100): how another part offers a person their own recent work to pick from.
     */
    @Transactional(readOnly = true)
    public java.util.List<Activity> of(PersonId person, Instant from, int limit) {
        return activities.page(new Activities.Filter(null, person, null, from, null),
                org.smartketing.shared.PageOf.Request.of(0, Math.max(1, Math.min(limit, 100)))).items();
    }

    /**
     * Moves every activity about one lead to another (when the funnel merges two leads into one);
     * who did what when stays, so no count changes. Audited.
     *
     * @return the activities moved, for {@link #moveToLead} to move them back
     * @throws FieldConflictException naming {@code leadId} when no {@link ActivitySubjects} knows the lead moved to
     */
    public java.util.List<ActivityId> moveLeadActivities(UUID fromLead, UUID toLead) {
        java.util.List<ActivityId> ids = activities.idsForLead(fromLead);
        moveToLead(ids, toLead);
        return ids;
    }

    /** Moves the activities given to the lead (an undone merge moves them back); audited. */
    public void moveToLead(java.util.Collection<ActivityId> ids, UUID toLead) {
        requireKnown("leadId", toLead, ActivitySubjects::leadExists, "no such lead");
        if (ids.isEmpty()) {
            return;
        }
        activities.relink(ids, toLead);
        audit.record("activity", toLead, "moved-to-lead", null,
                Map.of("leadId", toLead.toString(), "activities", ids.stream().map(ActivityId::toString).toList()));
    }

    /** Asks the persistent job to count the rollup again from the log (after a repair by hand, say). */
    public void rebuildCounts() {
        CountScheduling.schedule(jobs.getObject(), clock);
    }

    private Activities.Stored requireByHand(ActivityId id, String what) {
        Activities.Stored stored = activities.lock(id).orElseThrow(() -> new NotFoundException("Activity " + id));
        if (!stored.activity().type().loggedByHand()) {
            throw new RuleViolationException("A stage change is the funnel's record and is not " + what + " by hand.");
        }
        return stored;
    }

    private static CountKey key(Activities.Stored stored) {
        Activity a = stored.activity();
        return CountKey.of(a.occurredAt(), a.personId(), a.type(), stored.department());
    }

    private PersonSummary requireEnabled(NewActivity activity) {
        return requireEnabled(activity.personId());
    }

    private PersonSummary requireEnabled(PersonId id) {
        return directory.person(id).filter(PersonSummary::enabled)
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
