package org.smartketing.team.people;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;
import org.smartketing.shared.TimeZoneId;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.WorkingHours;
import org.springframework.format.annotation.DateTimeFormat;

/** What people change about themselves: how they are called, what they do, where and when they work. */
public record ProfileDetails(
        @NotBlank @Size(max = 120) @PlainText String displayName,
        @Size(max = 80) @PlainText String jobRole,
        @NotBlank @TimeZoneId String timeZone,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime workStart,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime workEnd,
        @NotEmpty Set<@NotNull DayOfWeek> workDays) {

    public static ProfileDetails of(Person p) {
        return new ProfileDetails(p.displayName(), p.jobRole(), p.zone().getId(), p.workingHours().start(),
                p.workingHours().end(), p.workingHours().days());
    }

    @AssertTrue(message = "working hours must end after they start")
    public boolean isWorkHoursInOrder() {
        return workStart == null || workEnd == null || workStart.isBefore(workEnd);
    }

    WorkingHours workingHours() {
        return new WorkingHours(workStart, workEnd, workDays);
    }

    ZoneId zone() {
        return TimeZones.of("timeZone", timeZone);
    }
}
