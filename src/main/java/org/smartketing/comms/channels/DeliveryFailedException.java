package org.smartketing.comms.channels;

/** A channel did not take a delivery; the reason is recorded on it and shown on the message. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String reason) {
        super(reason);
    }

    public DeliveryFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
