package org.smartketing.goals.plan;

import java.util.Arrays;
import java.util.Locale;

import org.smartketing.activity.ActivityType;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Department;

/**
 * What a planned activity counts: a type of the activity log, or something the funnel or
 * meetings announce (a lead accepted or qualified by its mover, an action item done by its owner).
 */
public enum ActivityKind {
    CALL("Calls", ActivityType.CALL), EMAIL("Emails", ActivityType.EMAIL), MEETING("Sales meetings", ActivityType.MEETING),
    DEMO("Demos", ActivityType.DEMO), CONTENT("Content pieces", ActivityType.CONTENT),
    CAMPAIGN("Campaigns", ActivityType.CAMPAIGN), WEBINAR("Webinars", ActivityType.WEBINAR),
    EVENT("Events", ActivityType.EVENT),
    LEAD_ACCEPTED("Leads accepted", Source.FUNNEL, Department.SALES),
    LEAD_QUALIFIED("Leads qualified (SQL)", Source.FUNNEL, Department.SALES),
    ACTION_ITEM_DONE("Meeting action items done", Source.MEETINGS, null);

    /** Where the count comes from. */
    public enum Source {
        ACTIVITY_LOG, FUNNEL, MEETINGS
    }

    private final String label;
    private final ActivityType activityType;
    private final Source source;
    private final Department department;

    ActivityKind(String label, ActivityType type) {
        this(label, type, Source.ACTIVITY_LOG, type.department());
    }

    ActivityKind(String label, Source source, Department department) {
        this(label, null, source, department);
    }

    ActivityKind(String label, ActivityType type, Source source, Department department) {
        this.label = label;
        this.activityType = type;
        this.source = source;
        this.department = department;
    }

    public String label() {
        return label;
    }

    /** The activity log's type, or {@code null} for a funnel or meetings kind. */
    public ActivityType activityType() {
        return activityType;
    }

    public Source source() {
        return source;
    }

    /** The department that usually does it, or {@code null} when either does. */
    public Department department() {
        return department;
    }

    /** The kind named {@code value} (case does not matter), else a field error naming {@code field}. */
    public static ActivityKind parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "is not an activity type goals can count: "
                        + value.strip() + " (one of " + String.join(", ", Arrays.stream(values()).map(Enum::name).toList())
                        + ")"));
    }
}
