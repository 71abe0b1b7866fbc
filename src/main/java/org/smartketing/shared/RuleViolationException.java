package org.smartketing.shared;

/**
 * A change the domain refuses in the state things are in (disabling the last administrator, using
 * an expired link). Answered as 409 by the API and as a message on the page.
 */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
