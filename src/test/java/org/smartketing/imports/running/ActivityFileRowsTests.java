package org.smartketing.imports.running;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityType;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityFileRowsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsTheTypesAsExportsWriteThem() {
        assertThat(ActivityFileRows.type("Call")).isEqualTo(ActivityType.CALL);
        assertThat(ActivityFileRows.type("CALL")).isEqualTo(ActivityType.CALL);
        assertThat(ActivityFileRows.type("Logged call")).isEqualTo(ActivityType.CALL);
        assertThat(ActivityFileRows.type("E-mail")).isEqualTo(ActivityType.EMAIL);
        assertThat(ActivityFileRows.type("INCOMING_EMAIL")).isEqualTo(ActivityType.EMAIL);
        assertThat(ActivityFileRows.type("meeting")).isEqualTo(ActivityType.MEETING);
        assertThat(ActivityFileRows.type("Product demo")).isEqualTo(ActivityType.DEMO);
        assertThat(ActivityFileRows.type("Webinar")).isEqualTo(ActivityType.WEBINAR);
        assertThat(ActivityFileRows.type("Note")).isNull();
        assertThat(ActivityFileRows.type("Stage change")).as("the funnel's own record").isNull();
    }

    @Test
    void readsDatesWithTheirOffsetOrInTheImportersZone() {
        assertThat(ActivityFileRows.instant("2024-03-05T14:30:00Z", BERLIN)).isEqualTo("2024-03-05T14:30:00Z");
        assertThat(ActivityFileRows.instant("2024-03-05T14:30:00.000+0000", BERLIN)).isEqualTo("2024-03-05T14:30:00Z");
        assertThat(ActivityFileRows.instant("2024-03-05 14:30 -05:00", BERLIN)).isEqualTo("2024-03-05T19:30:00Z");
        assertThat(ActivityFileRows.instant("2024-03-05 14:30", BERLIN)).isEqualTo("2024-03-05T13:30:00Z");
        assertThat(ActivityFileRows.instant("2024-07-05 14:30:15", BERLIN)).isEqualTo("2024-07-05T12:30:15Z");
        assertThat(ActivityFileRows.instant("2024-03-05", BERLIN)).isEqualTo("2024-03-04T23:00:00Z");
        assertThat(ActivityFileRows.instant("3/5/2024 2:30 PM", BERLIN)).isEqualTo("2024-03-05T13:30:00Z");
        assertThat(ActivityFileRows.instant("3/5/2024", BERLIN)).isEqualTo("2024-03-04T23:00:00Z");
        assertThat(ActivityFileRows.instant("5.3.2024 14:30", BERLIN)).isEqualTo("2024-03-05T13:30:00Z");
        assertThat(ActivityFileRows.instant("2024-03-05 14:30 Europe/London", BERLIN)).isEqualTo("2024-03-05T14:30:00Z");
        assertThat(ActivityFileRows.instant("yesterday", BERLIN)).isNull();
        assertThat(ActivityFileRows.instant("2024-13-45", BERLIN)).isNull();
        assertThat(ActivityFileRows.instant("2023-02-29", BERLIN)).as("no such day").isNull();
    }

    @Test
    void subjectAndNotesBecomeOneOutcomeShortenedToWhatTheLogKeeps() {
        assertThat(ActivityFileRows.outcome("Call", "Wants a demo")).isEqualTo("Call\nWants a demo");
        assertThat(ActivityFileRows.outcome(null, "Wants a demo")).isEqualTo("Wants a demo");
        assertThat(ActivityFileRows.outcome("x".repeat(300), "y".repeat(300))).hasSize(ActivityFileRows.OUTCOME_LENGTH);
        assertThat(ActivityFileRows.outcome(null, null)).isNull();
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }
}
