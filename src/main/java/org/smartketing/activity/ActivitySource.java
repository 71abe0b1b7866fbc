package org.smartketing.activity;

/** How an activity reached the log. */
public enum ActivitySource {
    /** Logged by a person on the activities page. */
    MANUAL("By hand"),
    /** Sent through the JSON API, usually by another system on a person's behalf. */
    API("API"),
    /** Recorded by another part of Smartketing, such as the funnel when a lead changes stage. */
    AUTOMATIC("Automatic"),
    /** Read from a CSV file by an import (which may undo it as a whole). */
    IMPORT("Imported");

    private final String label;

    ActivitySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
