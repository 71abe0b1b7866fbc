package org.smartketing.funnel;

import java.util.UUID;

public record LeadId(UUID value) {

    public static LeadId random() {
        return new LeadId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
