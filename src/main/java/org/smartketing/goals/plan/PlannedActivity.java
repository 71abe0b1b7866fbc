package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.PersonId;

/**
 * One activity of a goal's plan: what is counted, the target for each week or month, who owns it
 * (members of the goal's team, from either department) and the assumption that ties it to the
 * outcome. It counts from {@code since} (the day it joined the plan) and, once dropped, up to the
 * day before {@code droppedOn}.
 */
public record PlannedActivity(UUID id, ActivityKind kind, int target, Per per, List<PersonId> owners,
        Assumption assumption, LocalDate since, LocalDate droppedOn) {

    static final int MOST_PER_PERIOD = 100_000;

    /**
     * What a person sends for one activity. {@code id} names an activity already planned (in a
     * revision), {@code null} a new one; {@code drop} drops it.
     */
    public record Input(UUID id, String type, Integer target, String per, List<UUID> ownerIds, AssumptionInput assumption,
            Boolean drop) {

        public static Input of(String type, int target, String per, List<UUID> ownerIds, Integer activities,
                BigDecimal outcomes) {
            return new Input(null, type, target, per, ownerIds,
                    activities == null ? null : new AssumptionInput(activities, outcomes), null);
        }
    }

    public record AssumptionInput(Integer activities, BigDecimal outcomes) {
    }

    public PlannedActivity {
        owners = List.copyOf(owners);
    }

    static PlannedActivity plan(String field, Input in, Set<PersonId> members, LocalDate since) {
        ActivityKind kind = ActivityKind.parse(at(field, "type"), in.type());
        return new PlannedActivity(UUID.randomUUID(), kind, target(field, in.target()), Per.parse(at(field, "per"), in.per()),
                owners(field, in.ownerIds(), members), assumption(field, in.assumption()), since, null);
    }

    /**
     * The activity {@code in} describes, checked as a goal's is, its fields named without a prefix
     * ({@code target}, {@code ownerIds}): a goal session's pick before it becomes part of a goal.
     */
    public static PlannedActivity check(Input in, Set<PersonId> members) {
        return plan("", in, members, LocalDate.MIN);
    }

    private static String at(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    /** This activity changed as {@code in} says (what it leaves out stays); the kind never changes. */
    PlannedActivity adjust(String field, Input in, Set<PersonId> members) {
        requireActive(field);
        if (in.type() != null && !in.type().isBlank() && ActivityKind.parse(at(field, "type"), in.type()) != kind) {
            throw new InvalidFieldException(at(field, "type"), "an activity keeps its type; drop it and add another");
        }
        return new PlannedActivity(id, kind, in.target() == null ? target : target(field, in.target()),
                in.per() == null ? per : Per.parse(at(field, "per"), in.per()),
                in.ownerIds() == null ? owners : owners(field, in.ownerIds(), members),
                in.assumption() == null ? assumption : assumption(field, in.assumption()), since, null);
    }

    PlannedActivity drop(String field, LocalDate on) {
        requireActive(field);
        return new PlannedActivity(id, kind, target, per, owners, assumption, since, on);
    }

    private void requireActive(String field) {
        if (dropped()) {
            throw new InvalidFieldException(at(field, "id"), "this activity was dropped on " + droppedOn);
        }
    }

    public boolean dropped() {
        return droppedOn != null;
    }

    public boolean ownedBy(PersonId person) {
        return owners.contains(person);
    }

    private static int target(String field, Integer target) {
        if (target == null) {
            throw new InvalidFieldException(at(field, "target"), "is required");
        }
        if (target <= 0) {
            throw new InvalidFieldException(at(field, "target"), "must be above 0");
        }
        if (target > MOST_PER_PERIOD) {
            throw new InvalidFieldException(at(field, "target"), "must be at most " + MOST_PER_PERIOD);
        }
        return target;
    }

    private static List<PersonId> owners(String field, List<UUID> ids, Set<PersonId> members) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException(at(field, "ownerIds"), "at least one owner is required");
        }
        Set<PersonId> owners = new LinkedHashSet<>();
        for (UUID id : ids) {
            if (id == null) {
                throw new InvalidFieldException(at(field, "ownerIds"), "holds an empty id");
            }
            PersonId owner = new PersonId(id);
            if (!members.contains(owner)) {
                throw new InvalidFieldException(at(field, "ownerIds"), id + " is not a member of the goal's team");
            }
            owners.add(owner);
        }
        return new ArrayList<>(owners);
    }

    private static Assumption assumption(String field, AssumptionInput in) {
        return in == null ? null : Assumption.of(at(field, "assumption"), in.activities(), in.outcomes());
    }
}
