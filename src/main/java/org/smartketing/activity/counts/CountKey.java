package org.smartketing.activity.counts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivityType;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;

/**
 * One counter of the rollup: the UTC hour an activity occurred in, whose it is, its type and its
 * person's department ({@code null} when unknown).
 */
public record CountKey(Instant hour, PersonId person, ActivityType type, Department department) {

    /** The order two counters are changed in, so that two corrections never wait on each other in a circle. */
    static final Comparator<CountKey> LOCK_ORDER = Comparator.comparing(CountKey::hour)
            .thenComparing(k -> k.person().value()).thenComparing(CountKey::type)
            .thenComparing(k -> k.department() == null ? "" : k.department().name());

    /** Counters per key: activities of one key logged at once spread over these rows. */
    static final int SLOTS = 8;

    public static CountKey of(Instant occurredAt, PersonId person, ActivityType type, Department department) {
        return new CountKey(occurredAt.truncatedTo(ChronoUnit.HOURS), person, type, department);
    }

    static int slot(ActivityId id) {
        return Math.floorMod(id.value().hashCode(), SLOTS);
    }

    String departmentColumn() {
        return department == null ? "NONE" : department.name();
    }

    static Department department(String column) {
        return column == null || "NONE".equals(column) ? null : Department.valueOf(column);
    }
}
