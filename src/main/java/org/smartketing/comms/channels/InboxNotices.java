package org.smartketing.comms.channels;

import java.time.Clock;
import java.util.UUID;

import org.smartketing.comms.MessageId;
import org.smartketing.shared.Text;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

/** A word from Smartketing itself in someone's inbox, such as "Rita could only be reached in the app". */
@Component
public class InboxNotices {

    private final Inbox inbox;
    private final UnreadCounts unread;
    private final Clock clock;

    InboxNotices(Inbox inbox, UnreadCounts unread, Clock clock) {
        this.inbox = inbox;
        this.unread = unread;
        this.clock = clock;
    }

    public void tell(PersonId person, MessageId about, String subject, String body) {
        if (inbox.add(new Inbox.Item(UUID.randomUUID(), person, about, Text.abbreviate(subject, 300), body, null,
                clock.instant(), null))) {
            unread.changed(person);
        }
    }
}
