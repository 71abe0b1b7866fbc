package org.smartketing.comms.channels;

import java.time.Instant;
import java.util.Collection;

import org.smartketing.comms.MessageId;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Acknowledged means read: the inbox items a message left for the people who acknowledged it (the
 * recipient, and whoever acknowledged in their stead) are read in the same transaction, so the page
 * that follows no longer says "1 unread"; their live counts are pushed once it commits.
 */
@Component
public class InboxAcknowledgements {

    private final Inbox inbox;
    private final UnreadCounts unread;

    InboxAcknowledgements(Inbox inbox, UnreadCounts unread) {
        this.inbox = inbox;
        this.unread = unread;
    }

    public void acknowledged(MessageId message, Collection<PersonId> people, Instant at) {
        for (PersonId person : people) {
            if (inbox.markMessageRead(person, message, at) > 0) {
                pushAfterCommit(person);
            }
        }
    }

    private void pushAfterCommit(PersonId person) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            unread.changed(person);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                unread.changed(person);
            }
        });
    }
}
