package org.smartketing.comms;

import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/** Who a message is for: one person, everyone with a job role, or a team's members. */
public sealed interface Audience {

    static Audience person(PersonId id) {
        return new Person(id);
    }

    static Audience jobRole(String jobRole) {
        return new JobRole(jobRole);
    }

    static Audience team(TeamId id) {
        return new Team(id);
    }

    record Person(PersonId id) implements Audience {
    }

    record JobRole(String name) implements Audience {
    }

    record Team(TeamId id) implements Audience {
    }
}
