package org.smartketing.comms.messages;

import java.time.Clock;
import java.util.Optional;

import org.smartketing.comms.Urgency;
import org.smartketing.shared.PageOf;
import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** My day: the messages to me that wait for my acknowledgement, the oldest first; urgent ones stand out. */
@Component
@Order(20)
class UnacknowledgedOnHome implements HomeSection {

    private static final int SHOWN = 5;

    private final Messages messages;
    private final Times times;
    private final Clock clock;

    UnacknowledgedOnHome(Messages messages, Times times, Clock clock) {
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        var now = clock.instant();
        PageOf<MessageRecords.MessageLine> waiting = messages.unacknowledgedBy(viewer.id().value(),
                new PageOf.Request(0, SHOWN));
        var rows = waiting.items().stream().map(m -> new Row(m.subject(), "/messages/" + m.id(),
                (m.urgency() == Urgency.URGENT ? "Urgent, from " : "From ") + m.senderName() + ", sent "
                        + times.when(m.sentAt(), now), m.urgency() == Urgency.URGENT)).toList();
        return Optional.of(new Card("day-messages", "Messages to acknowledge", (int) waiting.total(), rows,
                "You have acknowledged every message sent to you.", "/messages", "All messages to me"));
    }
}
