package org.smartketing.team.people;

import org.smartketing.shared.Text;
import java.time.Instant;
import java.time.ZoneId;

import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;

/**
 * A person in the company. Invited people have no password until they accept; disabled people
 * are kept (their history stays attributable) but cannot sign in.
 */
public record Person(PersonId id, String email, String displayName, Department department, AppRole appRole,
        String jobRole, ZoneId zone, WorkingHours workingHours, PersonId managerId, String passwordHash,
        boolean enabled, Instant createdAt, Instant updatedAt) {

    public static Person invited(String email, String displayName, Department department, AppRole appRole,
            String jobRole, ZoneId zone, WorkingHours hours, PersonId managerId, Instant at) {
        return new Person(PersonId.random(), normalizeEmail(email), displayName.strip(), department, appRole,
                Text.blankToNull(jobRole), zone, hours, managerId, null, true, at, at);
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasAcceptedInvitation() {
        return passwordHash != null;
    }

    public boolean isActiveAdmin() {
        return enabled && appRole == AppRole.ADMIN;
    }

    public String status() {
        return !enabled ? "Disabled" : hasAcceptedInvitation() ? "Active" : "Invited";
    }

    public Person withPasswordHash(String hash, Instant at) {
        if (!enabled) {
            throw new RuleViolationException("This account is disabled.");
        }
        return new Person(id, email, displayName, department, appRole, jobRole, zone, workingHours, managerId, hash,
                enabled, createdAt, at);
    }

    public Person withProfile(String newName, String newJobRole, ZoneId newZone, WorkingHours newHours, Instant at) {
        return new Person(id, email, newName.strip(), department, appRole, Text.blankToNull(newJobRole), newZone, newHours,
                managerId, passwordHash, enabled, createdAt, at);
    }

    public Person withPlacement(Department newDepartment, AppRole newRole, PersonId newManager, Instant at) {
        if (id.equals(newManager)) {
            throw new RuleViolationException("A person cannot be their own manager.");
        }
        return new Person(id, email, displayName, newDepartment, newRole, jobRole, zone, workingHours, newManager,
                passwordHash, enabled, createdAt, at);
    }

    public Person withEnabled(boolean newEnabled, Instant at) {
        return new Person(id, email, displayName, department, appRole, jobRole, zone, workingHours, managerId,
                passwordHash, newEnabled, createdAt, at);
    }

    public PersonSummary summary() {
        return new PersonSummary(id, email, displayName, department, appRole, jobRole, zone, workingHours, managerId,
                enabled);
    }
}
