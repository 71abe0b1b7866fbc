package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.planning.MeetingSettings;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Three persistent jobs per due date of an open item: a reminder before it (NORMAL, to the owner),
 * an overdue notice the morning after (to the owner, escalating to the sponsor if unacknowledged),
 * and, if still open after {@code escalate-after}, a notice to the sponsor. A job is named by the
 * item and its due date and fires once: it records that it fired for that date, and does nothing
 * when the item is closed or its date has moved (a new date schedules new jobs).
 */
@Service
@Transactional
public class Reminders {

    public enum Kind {
        REMINDER("meeting-item-reminder", "reminded_for"), OVERDUE("meeting-item-overdue", "overdue_for"),
        ESCALATION("meeting-item-escalation", "escalated_for");

        private final String task;
        private final String column;

        Kind(String task, String column) {
            this.task = task;
            this.column = column;
        }

        public String task() {
            return task;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final RunnerStore store;
    private final MeetingStore meetings;
    private final SeriesStore series;
    private final TeamDirectory directory;
    private final Messenger messenger;
    private final SchedulerClient scheduler;
    private final MeetingSettings settings;
    private final Clock clock;

    Reminders(RunnerStore store, MeetingStore meetings, SeriesStore series, TeamDirectory directory, Messenger messenger,
            SchedulerClient scheduler, MeetingSettings settings, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.series = series;
        this.directory = directory;
        this.messenger = messenger;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** Schedules the item's jobs for its current due date, inside the caller's transaction. */
    void schedule(ActionItem item) {
        ZoneId zone = directory.person(item.ownerId()).map(PersonSummary::zone).orElse(ZoneId.of("UTC"));
        Instant now = clock.instant();
        for (Kind kind : Kind.values()) {
            Instant at = when(kind, item.dueOn(), zone);
            if (kind == Kind.REMINDER && !at.isAfter(now)) {
                continue; // due too soon for a reminder to mean anything
            }
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(kind.task(), jobId(item.id(), item.dueOn())), at);
        }
    }

    Instant when(Kind kind, LocalDate due, ZoneId zone) {
        return switch (kind) {
            case REMINDER -> due.minusDays(settings.remindDaysBefore()).atTime(settings.remindAtHour(), 0).atZone(zone)
                    .toInstant();
            case OVERDUE -> due.plusDays(1).atTime(settings.remindAtHour(), 0).atZone(zone).toInstant();
            case ESCALATION -> due.plusDays(1).atTime(settings.remindAtHour(), 0).atZone(zone).toInstant()
                    .plus(settings.escalateAfter());
        };
    }

    static String jobId(ActionItemId item, LocalDate due) {
        return item + "@" + due;
    }

    /** Runs one job; see the class comment for why a stale or repeated job is harmless. */
    public void fire(Kind kind, String jobId) {
        int at = jobId.indexOf('@');
        ActionItemId itemId = new ActionItemId(UUID.fromString(jobId.substring(0, at)));
        LocalDate due = LocalDate.parse(jobId.substring(at + 1));
        Optional<ActionItem> found = store.item(itemId);
        if (found.isEmpty() || !store.markFired(itemId, kind.column, due)) {
            log.debug("Meeting job {} {} found nothing to do", kind, jobId);
            return;
        }
        ActionItem item = found.get();
        // an item from another part has no meeting: its source names where it came from and who follows it up
        String from;
        PersonId followUp;
        if (item.meetingId() == null) {
            from = item.source().title();
            followUp = item.source().followedUpBy();
        }
        else {
            var s = series.byId(meetings.byId(item.meetingId()).orElseThrow().seriesId()).orElseThrow();
            from = s.title();
            followUp = s.sponsorId();
        }
        String owner = directory.person(item.ownerId()).map(PersonSummary::displayName).orElse("someone");
        Regarding regarding = new Regarding("action-item", item.id().toString(), item.text(), "/action-items");
        switch (kind) {
            case REMINDER -> messenger.send(NewMessage.system(item.ownerId(), Urgency.NORMAL,
                    "Due " + due + ": " + item.text(),
                    "Your action item from " + from + " is due on " + due + ":\n\n" + item.text()
                            + "\n\nMark it done, or give it a new date, on your action items page.",
                    regarding));
            case OVERDUE -> messenger.send(NewMessage.system(item.ownerId(), Urgency.NORMAL,
                    "Overdue: " + item.text(),
                    "Your action item from " + from + " was due on " + due + " and is still open:\n\n"
                            + item.text() + "\n\nIf nobody acknowledges this, " + (item.meetingId() == null
                                    ? "your manager is told." : "the meeting's sponsor is told."),
                    regarding).escalatingTo(followUp));
            case ESCALATION -> {
                if (followUp != null) {
                    messenger.send(NewMessage.system(followUp, Urgency.NORMAL,
                            "Overdue in " + from + ": " + owner,
                            owner + "'s action item from " + from + " was due on " + due + " and is still open:\n\n"
                                    + item.text() + "\n\nPlease follow up with " + owner + ".",
                            regarding));
                }
            }
        }
    }

    public PersonId ownerOf(ActionItemId item) {
        return store.item(item).map(ActionItem::ownerId).orElse(null);
    }
}
