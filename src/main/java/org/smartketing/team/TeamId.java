package org.smartketing.team;

import java.util.UUID;

public record TeamId(UUID value) {

    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
