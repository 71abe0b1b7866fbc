package org.smartketing.funnel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Written and read as the plain UUID string in JSON (API answers, stored events, audit entries). */
public record LeadId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LeadId {
    }

    public static LeadId random() {
        return new LeadId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
