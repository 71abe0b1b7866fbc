package org.smartketing.comms.channels;

/**
 * A channel did not take a delivery. The reason is recorded on it and shown on the message to
 * everyone who may see it; the detail (the address a name resolved to, the remote status), if any,
 * is kept beside it in the delivery log for admins only.
 */
public class DeliveryFailedException extends RuntimeException {

    private final String detail;

    public DeliveryFailedException(String reason) {
        this(reason, null, null);
    }

    public DeliveryFailedException(String reason, Throwable cause) {
        this(reason, null, cause);
    }

    public DeliveryFailedException(String reason, String detail, Throwable cause) {
        super(reason, cause);
        this.detail = detail;
    }

    /** What only admins see: the resolved address, the remote status or error; may be null. */
    public String detail() {
        return detail;
    }
}
