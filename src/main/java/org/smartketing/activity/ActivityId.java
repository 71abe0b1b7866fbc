package org.smartketing.activity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Written and read as the plain UUID string in JSON (API answers, stored events, audit entries). */
public record ActivityId(@JsonValue UUID value) implements java.io.Serializable {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ActivityId {
    }

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
