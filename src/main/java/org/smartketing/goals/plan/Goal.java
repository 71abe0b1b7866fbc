package org.smartketing.goals.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.smartketing.goals.GoalEndorsed;
import org.smartketing.goals.GoalId;
import org.smartketing.goals.GoalRevised;
import org.smartketing.goals.GoalSet;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/**
 * A team goal, which guards its own changes: it is set with an outcome and at least one activity
 * whose owners are in the team; every adjustment makes the next version (kept as a revision by
 * the service); an endorsement is of the current version only, and a draft becomes agreed once
 * fully endorsed.
 *
 * <p>{@code events} are what the change that made this instance registered (none when read from
 * the store); the service publishes them once it has saved the goal.
 */
public record Goal(GoalId id, TeamId teamId, String title, Period period, Cadence cadence, PersonId sponsorId,
        boolean draft, int version, Plan plan, Created created, List<Object> events) {

    static final int MOST_ACTIVITIES = 20;

    /** Who set the goal and when. */
    public record Created(PersonId by, Instant at) {
    }

    public Goal {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A new goal (version 1) as {@code in} says, its activities planned from the day it is set. */
    static Goal set(NewGoal in, ZoneId zone, Set<PersonId> members, boolean draft, Instant at, Actor by) {
        String title = Texts.required("title", in.title(), 120);
        Period period = Period.of(in.period(), zone);
        Outcome outcome = Outcome.of(in.outcome());
        Cadence cadence = Cadence.parse("cadence", in.cadence());
        List<PlannedActivity.Input> inputs = in.activities() == null ? List.of() : in.activities();
        if (inputs.isEmpty()) {
            throw new InvalidFieldException("activities", "at least one activity is required: a goal is reached through activities");
        }
        if (inputs.size() > MOST_ACTIVITIES) {
            throw new InvalidFieldException("activities", "at most " + MOST_ACTIVITIES + " activities");
        }
        LocalDate since = firstCountedDay(period, at);
        List<PlannedActivity> activities = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            activities.add(PlannedActivity.plan("activities[" + i + "]", inputs.get(i), members, since));
        }
        GoalId id = GoalId.random();
        TeamId team = new TeamId(in.teamId());
        PersonId sponsor = in.sponsorId() == null ? null : new PersonId(in.sponsorId());
        return new Goal(id, team, title, period, cadence, sponsor, draft, 1, new Plan(outcome, activities),
                new Created(by.personId(), at),
                List.of(new GoalSet(UUID.randomUUID(), id, team, title, draft, at, by)));
    }

    /** The next version, changed as {@code change} says; refused when it changes nothing. */
    Goal revise(Change change, Set<PersonId> members, Instant at, Actor by) {
        requireVersion(change.version());
        String reason = Texts.required("reason", change.reason(), 500);
        Outcome outcome = change.outcomeTarget() == null ? plan.outcome() : plan.outcome().withTarget(change.outcomeTarget());
        List<PlannedActivity> activities = new ArrayList<>(plan.activities());
        LocalDate today = period.today(at);
        for (int i = 0; i < change.activities().size(); i++) {
            String field = "activities[" + i + "]";
            PlannedActivity.Input in = change.activities().get(i);
            if (in.id() == null) {
                activities.add(PlannedActivity.plan(field, in, members, firstCountedDay(period, at)));
                continue;
            }
            int index = indexOf(activities, in.id(), field);
            PlannedActivity before = activities.get(index);
            activities.set(index, Boolean.TRUE.equals(in.drop()) ? before.drop(field, today)
                    : before.adjust(field, in, members));
        }
        Plan next = new Plan(outcome, activities);
        if (next.equals(plan)) {
            throw new InvalidFieldException("activities", "this change leaves the goal as it is");
        }
        if (next.active().isEmpty()) {
            throw new InvalidFieldException("activities", "a goal keeps at least one activity");
        }
        if (next.activities().size() > MOST_ACTIVITIES) {
            throw new InvalidFieldException("activities", "at most " + MOST_ACTIVITIES + " activities");
        }
        return new Goal(id, teamId, title, period, cadence, sponsorId, draft, version + 1, next, created,
                List.of(new GoalRevised(UUID.randomUUID(), id, version + 1, reason, at, by)));
    }

    /** An endorsement of {@code endorsedVersion}, which must be the current one; fully endorsed ends a draft. */
    Goal endorse(int endorsedVersion, boolean fully, Instant at, Actor by) {
        requireVersion(endorsedVersion);
        return new Goal(id, teamId, title, period, cadence, sponsorId, draft && !fully, version, plan, created,
                List.of(new GoalEndorsed(UUID.randomUUID(), id, version, fully, at, by)));
    }

    /** Refuses a change based on another version than the current one. */
    public void requireVersion(Integer basedOn) {
        if (basedOn != null && basedOn != version) {
            throw new StaleVersionException("The goal", basedOn, version);
        }
    }

    private static int indexOf(List<PlannedActivity> activities, UUID id, String field) {
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new InvalidFieldException(field + ".id", "is not an activity of this goal");
    }

    /** Activities count from the day they are planned, within the period. */
    private static LocalDate firstCountedDay(Period period, Instant at) {
        LocalDate today = period.today(at);
        return today.isBefore(period.startsOn()) ? period.startsOn()
                : today.isAfter(period.endsOn()) ? period.endsOn() : today;
    }

    /** Whoever owns any of its activities now. */
    public Set<PersonId> owners() {
        Set<PersonId> owners = new java.util.LinkedHashSet<>();
        plan.active().forEach(a -> owners.addAll(a.owners()));
        return owners;
    }
}
