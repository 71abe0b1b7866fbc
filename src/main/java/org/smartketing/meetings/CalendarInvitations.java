package org.smartketing.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.smartketing.meetings.planning.IcsWriter;
import org.smartketing.meetings.planning.Invitations;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;

/**
 * Calendar invitations for events of other parts (a cross-training session), written and mailed
 * exactly as meetings' own: an RFC 5545 VEVENT with the zone's VTIMEZONE, a stable UID, METHOD:REQUEST
 * for an invitation or an update (raise {@code sequence} with every change, so calendar apps replace
 * the old one) and METHOD:CANCEL for a cancellation; emailed through the mail outbox, in the caller's
 * transaction, to each enabled attendee and the organizer.
 */
@Service
public class CalendarInvitations {

    /**
     * @param uid  stays the same for the event's whole life
     * @param path the event's page, e.g. {@code /cross-training/sessions/…}
     */
    public record Event(String uid, int sequence, String title, String description, String path, Instant start,
            Instant end, ZoneId zone, PersonId organizer, List<PersonId> attendees) {

        public Event {
            attendees = List.copyOf(attendees);
        }
    }

    private final Invitations invitations;

    CalendarInvitations(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The event as .ics text: METHOD:REQUEST, or METHOD:CANCEL when {@code cancelled}. */
    public String ics(Event e, boolean cancelled) {
        return invitations.writer().single(e.uid(), e.sequence(), e.title(), e.description(), e.path(),
                e.start().atZone(e.zone()), e.end().atZone(e.zone()), e.organizer(), e.attendees(), cancelled)
                .write(cancelled ? IcsWriter.Method.CANCEL : IcsWriter.Method.REQUEST);
    }

    /** Invites (or updates) everyone in it; {@code body} is the email's text, the .ics is attached. */
    public void request(Event e, String subject, String body) {
        invitations.mail(everyone(e), subject, body + "\n\nDetails: " + invitations.baseUrl() + e.path() + "\n",
                ics(e, false), IcsWriter.Method.REQUEST);
    }

    /** Cancels it for {@code to} (everyone in it, or a learner who left). */
    public void cancel(Event e, List<PersonId> to, String subject, String body) {
        invitations.mail(to, subject, body, ics(e, true), IcsWriter.Method.CANCEL);
    }

    private static Set<PersonId> everyone(Event e) {
        Set<PersonId> all = new LinkedHashSet<>();
        all.add(e.organizer());
        all.addAll(e.attendees());
        return all;
    }
}
