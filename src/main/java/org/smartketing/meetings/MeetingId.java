package org.smartketing.meetings;

import java.util.Objects;
import java.util.UUID;

/** One meeting: an occurrence of a series, with its own agenda, ideas and action items. */
public record MeetingId(UUID value) {

    public MeetingId {
        Objects.requireNonNull(value, "value");
    }

    public static MeetingId random() {
        return new MeetingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
