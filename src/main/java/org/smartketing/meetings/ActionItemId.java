package org.smartketing.meetings;

import java.util.Objects;
import java.util.UUID;

/** One item of an attendee's action plan, made in a meeting and followed up after it. */
public record ActionItemId(UUID value) {

    public ActionItemId {
        Objects.requireNonNull(value, "value");
    }

    public static ActionItemId random() {
        return new ActionItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
