package org.smartketing.activity;

import java.util.Arrays;
import java.util.List;

import org.smartketing.team.Department;

/**
 * What kind of thing was done. Each type belongs to the department that does it; a stage change
 * belongs to none, as the funnel records it on its own and nobody logs it by hand.
 */
public enum ActivityType {
    CALL("Call", Department.SALES),
    EMAIL("Email", Department.SALES),
    MEETING("Meeting", Department.SALES),
    DEMO("Demo", Department.SALES),
    CONTENT("Content", Department.MARKETING),
    CAMPAIGN("Campaign", Department.MARKETING),
    WEBINAR("Webinar", Department.MARKETING),
    EVENT("Event", Department.MARKETING),
    STAGE_CHANGE("Stage change", null);

    private final String label;
    private final Department department;

    ActivityType(String label, Department department) {
        this.label = label;
        this.department = department;
    }

    public String label() {
        return label;
    }

    /** {@link Department#SALES}, {@link Department#MARKETING}, or {@code null} for a stage change. */
    public Department department() {
        return department;
    }

    /** Whether people log it themselves, on the page or through the API; false for a stage change. */
    public boolean loggedByHand() {
        return department != null;
    }

    /** The types a department logs, in the order above; {@code null} gives the stage change. */
    public static List<ActivityType> of(Department department) {
        return Arrays.stream(values()).filter(t -> t.department == department).toList();
    }
}
