package org.smartketing.shared;

/**
 * The signed-in person may not do this to this thing (not invited to the meeting, not its
 * organizer). Answered as 403 by the API and on the page, with the reason; a change refused by the
 * state things are in is a {@link RuleViolationException} (409) instead.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
