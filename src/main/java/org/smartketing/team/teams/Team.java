package org.smartketing.team.teams;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;

/** A group of people, usually from both sales and marketing, who work toward shared goals. */
public record Team(TeamId id, String name, String description, Set<PersonId> members, Instant createdAt,
        Instant updatedAt) {

    public Team {
        members = Set.copyOf(members);
    }

    public String nameKey() {
        return keyOf(name);
    }

    static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
