package org.smartketing.shared.outbound;

/**
 * An outgoing call got no answer: its URL or address was refused, the receiver could not be
 * reached, or it did not answer in time. The message is for everyone who may see the failure;
 * the detail (the address a name resolved to, the error) for admins only.
 */
public class CallFailedException extends RuntimeException {

    private final String detail;

    CallFailedException(String reason, String detail, Throwable cause) {
        super(reason, cause);
        this.detail = detail;
    }

    /** What only admins see: the resolved address or the error; may be null. */
    public String detail() {
        return detail;
    }
}
