package org.smartketing.comms;

import org.smartketing.team.PersonId;

/**
 * A message to send.
 *
 * @param from          the sender, or {@code null} for a system notification (lead assigned, SLA, reminders)
 * @param to            the recipients
 * @param urgency       picks each recipient's channels and promised response time
 * @param subject       one line
 * @param body          plain text
 * @param regarding     what it is about, or {@code null}
 * @param lastResort    who is reached after the delegate when nobody acknowledges, or {@code null}
 *                      for each recipient's manager (a meeting's overdue item names its sponsor)
 */
public record NewMessage(PersonId from, Audience to, Urgency urgency, String subject, String body,
        Regarding regarding, PersonId lastResort) {

    /** A system notification to one person, escalating to their manager if it needs acknowledging. */
    public static NewMessage system(PersonId to, Urgency urgency, String subject, String body, Regarding regarding) {
        return new NewMessage(null, Audience.person(to), urgency, subject, body, regarding, null);
    }

    public NewMessage escalatingTo(PersonId lastResort) {
        return new NewMessage(from, to, urgency, subject, body, regarding, lastResort);
    }
}
