package org.smartketing.comms.messages;

import org.smartketing.comms.MessageId;
import org.smartketing.comms.messages.MessageRecords.MessageDetails;
import org.smartketing.comms.messages.MessageRecords.MessageLine;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages as people see them: a message shows to its sender, its recipients, whoever a step
 * reached (delegate, manager) and admins; to anyone else it does not exist.
 */
@Service
@Transactional(readOnly = true)
class MessageReading {

    private final Messages messages;

    MessageReading(Messages messages) {
        this.messages = messages;
    }

    MessageDetails details(MessageId id, SignedInPerson viewer) {
        if (!viewer.isAdmin() && !messages.involves(id, viewer.id().value())) {
            throw new NotFoundException("No message " + id);
        }
        return messages.details(id).orElseThrow(() -> new NotFoundException("No message " + id));
    }

    PageOf<MessageLine> sent(SignedInPerson viewer, PageOf.Request page) {
        return messages.sentBy(viewer.id().value(), page);
    }

    PageOf<MessageLine> received(SignedInPerson viewer, PageOf.Request page) {
        return messages.receivedBy(viewer.id().value(), page);
    }
}
