package org.smartketing.crosstraining;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A learner's ask to see a piece of the other department's work. */
public record AskId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AskId {
        Objects.requireNonNull(value, "value");
    }

    public static AskId random() {
        return new AskId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
