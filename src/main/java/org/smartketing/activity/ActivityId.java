package org.smartketing.activity;

import java.util.UUID;

public record ActivityId(UUID value) implements java.io.Serializable {

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
