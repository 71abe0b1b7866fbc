package org.smartketing.goals;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One team goal: an outcome and its activity plan. Written and read as the plain UUID string in JSON. */
public record GoalId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public GoalId {
        Objects.requireNonNull(value, "value");
    }

    public static GoalId random() {
        return new GoalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
