package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import org.smartketing.mail.Mailer;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/** The minutes of a closed meeting: topic, goal, ideas, every person's plan and commitment. */
@Component
public class Minutes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private final MeetingStore meetings;
    private final SeriesStore series;
    private final RunnerStore store;
    private final TeamDirectory directory;
    private final Mailer mailer;
    private final Clock clock;

    Minutes(MeetingStore meetings, SeriesStore series, RunnerStore store, TeamDirectory directory, Mailer mailer,
            Clock clock) {
        this.meetings = meetings;
        this.series = series;
        this.store = store;
        this.directory = directory;
        this.mailer = mailer;
        this.clock = clock;
    }

    void send(Series s, Meeting m) {
        Board board = new Boards(meetings, series, store, directory, clock).board(m, s);
        String text = of(board);
        for (PersonId id : s.everyone()) {
            directory.person(id).filter(PersonSummary::enabled)
                    .ifPresent(p -> mailer.send(p.email(), "Minutes: " + s.title(), text));
        }
    }

    public static String of(Board b) {
        Meeting m = b.meeting();
        StringBuilder t = new StringBuilder();
        t.append("Minutes of ").append(b.series().title()).append(", ")
                .append(WHEN.format(m.startsAt().atZone(b.series().zone()))).append(" (")
                .append(b.series().zone().getId()).append(")\n\n");
        t.append("Topic: ").append(m.topic()).append('\n');
        t.append("End goal: ").append(m.endGoal()).append("\n\n");
        if (!b.followUp().isEmpty()) {
            t.append("Follow-up\n");
            b.followUp().forEach(i -> t.append("- ").append(i.text()).append(" (").append(b.name(i.ownerId()))
                    .append("): ").append(i.status().name().toLowerCase()).append(i.open() ? ", due " + i.dueOn() : "")
                    .append(i.reason() != null ? ", " + i.reason() : "").append('\n'));
            t.append('\n');
        }
        t.append("Ideas\n");
        if (b.ideas().isEmpty()) {
            t.append("- none\n");
        }
        b.ideas().forEach(i -> t.append("- ").append(i.text()).append(" (").append(b.name(i.authorId())).append(")\n"));
        t.append("\nAction plans and commitments\n");
        for (PersonId a : b.attendees()) {
            t.append(b.name(a)).append('\n');
            var items = b.itemsBy(a);
            if (items.isEmpty()) {
                t.append("  no plan\n");
            }
            items.forEach(i -> t.append("  - ").append(i.text()).append(", ").append(b.name(i.ownerId()))
                    .append(", due ").append(i.dueOn()).append('\n'));
            var c = b.commitmentOf(a);
            t.append("  Commitment: ").append(c == null ? "none" : c.action()).append('\n');
        }
        return t.toString();
    }
}
