package org.smartketing.meetings.planning;

import java.util.Objects;

/** What a meeting is about and what it should achieve; either may be missing until the meeting starts. */
public record Purpose(String topic, String endGoal) {

    public static final Purpose NONE = new Purpose(null, null);

    /**
     * This meeting's purpose after its series changed from {@code seriesBefore} to {@code seriesNow}:
     * a topic (or goal) of its own stays; one it took from the series follows the series.
     */
    Purpose following(Purpose seriesBefore, Purpose seriesNow) {
        Purpose before = seriesBefore == null ? NONE : seriesBefore;
        return new Purpose(inherited(topic, before.topic(), seriesNow.topic()),
                inherited(endGoal, before.endGoal(), seriesNow.endGoal()));
    }

    private static String inherited(String own, String seriesBefore, String seriesNow) {
        return own == null || Objects.equals(own, seriesBefore) ? seriesNow : own;
    }
}
