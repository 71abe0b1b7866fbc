package org.smartketing.meetings.planning;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

import org.smartketing.mail.MailAttachment;
import org.smartketing.mail.Mailer;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.shared.PublicLinks;
import org.springframework.stereotype.Component;

/** Calendar invitations, updates and cancellations by email, each with its .ics. */
@Component
public class Invitations {

    public static final String REQUEST_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    public static final String CANCEL_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private final Mailer mailer;
    private final TeamDirectory directory;
    private final Clock clock;
    private final PublicLinks links;

    Invitations(Mailer mailer, TeamDirectory directory, Clock clock, PublicLinks links) {
        this.mailer = mailer;
        this.directory = directory;
        this.clock = clock;
        this.links = links;
    }

    public String baseUrl() {
        return links.base();
    }

    /** The series with its meetings as one calendar file, to import by hand (page and API). */
    public String seriesFile(Series s, List<Meeting> occurrences) {
        return writer().series(s, occurrences).write(IcsWriter.Method.REQUEST);
    }

    public IcsWriter writer() {
        return new IcsWriter(directory::person, clock.instant(), links.base());
    }

    /** The series as it now stands, to everyone in it; {@code change} says what happened ("invited", "updated"). */
    void request(Series s, List<Meeting> meetings, String change) {
        String ics = writer().series(s, meetings).write(IcsWriter.Method.REQUEST);
        String subject = (change.equals("invited") ? "Invitation: " : "Updated: ") + s.title();
        send(s.everyone(), subject, body(s, change), MailAttachment.text("invite.ics", REQUEST_TYPE, ics));
    }

    void cancel(Series s, Meeting occurrence, Collection<PersonId> to) {
        String ics = writer().cancellation(s, occurrence).write(IcsWriter.Method.CANCEL);
        String what = occurrence == null ? s.title()
                : s.title() + " on " + WHEN.format(occurrence.startsAt().atZone(s.zone())) + " (" + s.zone().getId() + ")";
        send(to, "Cancelled: " + what, "This meeting is cancelled: " + what + ".\n",
                MailAttachment.text("cancel.ics", CANCEL_TYPE, ics));
    }

    private String body(Series s, String change) {
        StringBuilder b = new StringBuilder();
        b.append(change.equals("invited") ? "You are invited to " : "This meeting changed: ").append(s.title())
                .append(".\n\n");
        var first = Recurrence.expand(s.firstStart(), s.zone(), s.rrule()).get(0);
        b.append("First meeting: ").append(WHEN.format(first)).append(" (").append(s.zone().getId()).append("), ")
                .append(s.durationMinutes()).append(" minutes\n");
        if (s.rrule() != null) {
            b.append("Repeats: ").append(Recurrence.inWords(s.rrule())).append('\n');
        }
        if (s.topic() != null) {
            b.append("Topic: ").append(s.topic()).append('\n');
        }
        if (s.endGoal() != null) {
            b.append("End goal: ").append(s.endGoal()).append('\n');
        }
        b.append("\nThe calendar invitation is attached. Details: ").append(links.base()).append("/meetings/series/")
                .append(s.id()).append('\n');
        return b.toString();
    }

    /** Emails a calendar text to each enabled person, as an invitation (REQUEST) or a cancellation (CANCEL). */
    public void mail(Collection<PersonId> to, String subject, String body, String ics, IcsWriter.Method method) {
        MailAttachment file = method == IcsWriter.Method.CANCEL ? MailAttachment.text("cancel.ics", CANCEL_TYPE, ics)
                : MailAttachment.text("invite.ics", REQUEST_TYPE, ics);
        send(to, subject, body, file);
    }

    private void send(Collection<PersonId> to, String subject, String body, MailAttachment ics) {
        for (PersonId id : to) {
            directory.person(id).filter(PersonSummary::enabled)
                    .ifPresent(p -> mailer.send(p.email(), subject, body, List.of(ics)));
        }
    }
}
