package org.smartketing.meetings;

import java.util.Objects;
import java.util.UUID;

/** A meeting series. A family of series (one split by "this and following") is named by the id of its first series. */
public record SeriesId(UUID value) {

    public SeriesId {
        Objects.requireNonNull(value, "value");
    }

    public static SeriesId random() {
        return new SeriesId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
