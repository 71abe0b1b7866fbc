package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.smartketing.meetings.CalendarInvitations;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * What the people in a session hear of it: the calendar invitation (through meetings' calendar
 * face), its update with a raised SEQUENCE and its cancellation; and two persistent jobs per
 * timing, a reminder the day before and, two days after it ended, a reminder to whoever has not
 * reflected. Both are scheduled in the caller's transaction and named by the session and the
 * moment they are for, so a moved session's old jobs find nothing to do.
 */
@Component
class SessionNotices {

    static final String REMINDER = "crosstraining-session-reminder";
    static final String REFLECTION = "crosstraining-reflection-reminder";
    static final Duration REMIND_BEFORE = Duration.ofDays(1);
    static final Duration REFLECT_WITHIN = Duration.ofDays(2);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final CalendarInvitations calendar;
    private final SchedulerClient scheduler;
    private final Clock clock;

    SessionNotices(CalendarInvitations calendar, SchedulerClient scheduler, Clock clock) {
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void planned(Session s) {
        calendar.request(event(s), (s.sequence() == 0 ? "Invitation: " : "Updated: ") + s.topic(),
                (s.kind() == Session.Kind.SHADOWING ? "You are in a shadowing session: " : "You are in a cross-training session: ")
                        + s.topic() + "\n" + when(s));
        schedule(s);
    }

    void changed(Session s) {
        calendar.request(event(s), "Moved: " + s.topic(), "This session moved: " + s.topic() + "\n" + when(s));
        schedule(s);
    }

    void cancelled(Session s, String reason) {
        CalendarInvitations.Event e = event(s);
        calendar.cancel(e, s.learners(), "Cancelled: " + s.topic(), "The host declined this session: " + s.topic()
                + "\n" + when(s) + (reason == null ? "" : "\nWhy: " + reason) + "\n");
    }

    /** The session as a calendar event: organized by its host, for its learners. */
    static CalendarInvitations.Event event(Session s) {
        String description = s.kind().label() + (s.work() != null && s.work().title() != null ? " on " + s.work().title() : "")
                + ", hosted by the " + (s.host().jobRole() == null ? s.host().department().label().toLowerCase()
                        : s.host().jobRole().toLowerCase());
        return new CalendarInvitations.Event(s.icalUid(), s.sequence(), s.topic(), description,
                "/cross-training/sessions/" + s.id(), s.startsAt(), s.endsAt(), s.zone(), s.host().id(), s.learners());
    }

    private static String when(Session s) {
        return WHEN.format(s.startsAt().atZone(s.zone())) + " (" + s.zone().getId() + "), " + s.durationMinutes()
                + " minutes";
    }

    private void schedule(Session s) {
        Instant remindAt = s.startsAt().minus(REMIND_BEFORE);
        if (remindAt.isAfter(clock.instant())) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(REMINDER, jobId(s, s.startsAt())), remindAt);
        }
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(REFLECTION, jobId(s, s.endsAt())),
                s.endsAt().plus(REFLECT_WITHIN));
    }

    static String jobId(Session s, Instant at) {
        return s.id() + "@" + at.getEpochSecond();
    }

    static List<String> parts(String jobId) {
        int at = jobId.indexOf('@');
        return List.of(jobId.substring(0, at), jobId.substring(at + 1));
    }
}
