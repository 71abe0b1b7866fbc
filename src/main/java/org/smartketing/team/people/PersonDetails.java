package org.smartketing.team.people;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.TimeZoneId;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Everything an admin sets about a person: the invitation form, the admin edit form and the
 * API body. The email is only read when inviting; it never changes afterwards.
 */
public record PersonDetails(
        @NotBlank @EmailAddress String email,
        @NotBlank @Size(max = 120) @PlainText String displayName,
        @NotNull Department department,
        @NotNull AppRole appRole,
        @Size(max = 80) @PlainText String jobRole,
        @NotBlank @TimeZoneId String timeZone,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime workStart,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime workEnd,
        @NotEmpty Set<@NotNull DayOfWeek> workDays,
        UUID managerId) {

    public static PersonDetails blank() {
        WorkingHours hours = WorkingHours.standard();
        return new PersonDetails(null, null, Department.SALES, AppRole.MEMBER, null, "UTC", hours.start(), hours.end(),
                EnumSet.copyOf(hours.days()), null);
    }

    public static PersonDetails of(Person p) {
        return new PersonDetails(p.email(), p.displayName(), p.department(), p.appRole(), p.jobRole(),
                p.zone().getId(), p.workingHours().start(), p.workingHours().end(), p.workingHours().days(),
                p.managerId() == null ? null : p.managerId().value());
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

    PersonId manager() {
        return managerId == null ? null : new PersonId(managerId);
    }
}
