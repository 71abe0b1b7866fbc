package org.smartketing.comms;

/**
 * Sends messages the way each recipient asked to be reached. Plans every recipient's deliveries
 * from their communication expectations and availability, and hands the first steps to the
 * outbox inside the caller's transaction: nothing is sent if it rolls back. URGENT and NORMAL
 * messages escalate when the promised response time passes without an acknowledgement.
 */
public interface Messenger {

    /**
     * @throws org.smartketing.shared.InvalidFieldException  for an empty subject or body
     * @throws org.smartketing.shared.NotFoundException       for an unknown recipient
     */
    MessageId send(NewMessage message);
}
