package org.smartketing.team;

import java.time.ZoneId;

/** What other parts may know about a person. */
public record PersonSummary(PersonId id, String email, String displayName, Department department, AppRole appRole,
        String jobRole, ZoneId zone, WorkingHours workingHours, PersonId managerId, boolean enabled) {
}
