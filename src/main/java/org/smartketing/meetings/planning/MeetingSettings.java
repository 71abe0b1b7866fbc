package org.smartketing.meetings.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.meetings.*}.
 *
 * @param remindDaysBefore how many days before an action item's due date its owner is reminded
 * @param remindAtHour     the hour of day (owner's zone) reminders and overdue notices go out
 * @param escalateAfter    how long an item stays overdue before the sponsor is told
 */
@ConfigurationProperties("smartketing.meetings")
public record MeetingSettings(@DefaultValue("1") int remindDaysBefore, @DefaultValue("9") int remindAtHour,
        @DefaultValue("2d") Duration escalateAfter) {
}
