package org.smartketing.insights;

import java.util.Arrays;
import java.util.Optional;

/** The dashboard's tiles, each with the last part of its API path and its title in plain words. */
public enum TileKey {
    FUNNEL("funnel", "Funnel conversion and velocity"),
    SLA("sla", "Handoff SLA adherence"),
    REJECTIONS("rejections", "Rejection and recycle reasons"),
    CLOSED_LOOP("closed-loop", "Campaigns to customers and revenue"),
    FOLLOW_THROUGH("follow-through", "Meeting follow-through"),
    GOALS("goals", "Goal progress and pace"),
    CROSS_TRAINING("cross-training", "Cross-training coverage and effect"),
    RESPONSIVENESS("responsiveness", "Communication responsiveness");

    private final String path;
    private final String title;

    TileKey(String path, String title) {
        this.path = path;
        this.title = title;
    }

    /** As in {@code /api/v1/insights/{path}}. */
    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public static Optional<TileKey> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
