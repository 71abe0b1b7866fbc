package org.smartketing.funnel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A campaign's id; written and read as the plain UUID string in JSON. */
public record CampaignId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CampaignId {
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
