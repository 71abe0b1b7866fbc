package org.smartketing.team;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Who did what an event tells of: a person, with the department they were in (insights compares
 * sales with marketing), or the system under a label such as {@code system}, {@code intake:api} or
 * {@code intake:web_form}. Exactly one of {@code personId} and {@code system} is set.
 */
public record Actor(PersonId personId, Department department, String system) {

    public static final Actor SYSTEM = new Actor(null, null, AuditLog.SYSTEM);

    public Actor {
        if ((personId == null) == (system == null)) {
            throw new IllegalArgumentException("An actor is either a person or the system");
        }
    }

    public static Actor person(PersonId id, Department department) {
        return new Actor(id, department, null);
    }

    /** The system acting on its own, named by what set it off. */
    public static Actor system(String label) {
        return new Actor(null, null, label);
    }

    /** The person behind the current request (their department included), or the system. */
    public static Actor current() {
        return SignedInPerson.current().map(SignedInPerson::actor).orElse(SYSTEM);
    }

    @JsonIgnore
    public boolean isPerson() {
        return personId != null;
    }
}
