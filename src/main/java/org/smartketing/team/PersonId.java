package org.smartketing.team;

import java.util.UUID;

public record PersonId(UUID value) implements java.io.Serializable {

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
